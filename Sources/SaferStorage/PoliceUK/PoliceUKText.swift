/// The rule for text in imported files: UTF-8, as police.uk writes it. A field that is not valid
/// UTF-8 was most likely saved by a spreadsheet in Windows-1252 (which includes Latin-1), so it
/// is read as that and the import says so, naming the first line; nothing is replaced with U+FFFD.
enum PoliceUKText {
    /// Windows-1252's characters for bytes 0x80–0x9F; the five it leaves undefined read as Latin-1's.
    private static let windows1252: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// The text, and whether it was UTF-8 (false: read as Windows-1252).
    static func decode(_ bytes: some Collection<UInt8>) -> (text: String, wasUTF8: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            let value = (0x80...0x9F).contains(byte) ? windows1252[Int(byte) - 0x80] : UInt32(byte)
            // Every value in the table and every byte is a valid scalar.
            if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
        }
        return (String(scalars), false)
    }

    /// Whether the bytes are valid UTF-8 (ASCII is checked without decoding).
    static func isUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 < 0x80 } || String(validating: bytes, as: UTF8.self) != nil
    }
}
