import Foundation

/// The text of a small CSV file given to Safer (figures, the LSOA lookup, fly-tips), by the
/// same rule on the command line and on pages: UTF-8, with or without a byte-order mark. UTF-16,
/// NUL bytes and other encodings are refused with a message that names them (never read with
/// U+FFFD in place of what could not be read). Lines ending in a lone carriage return (old Mac
/// files) are read as ordinary lines.
public enum UploadedText {
    public static func decode(_ data: Data, name: String) throws(ValidationError) -> String {
        let name = name.quoted()
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) || (data.count >= 2 && (data.first == 0 || data[data.startIndex + 1] == 0)) {
            throw ValidationError("\(name) is UTF-16 text (as Excel's \"Unicode text\" saves): save it as \"CSV UTF-8\" and try again.")
        }
        if let nul = data.firstIndex(of: 0) {
            let line = data[..<nul].reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ValidationError("\(name) holds a NUL byte on line \(line), so it is not a text file: check it is the file you meant, not a damaged copy.")
        }
        let bytes = data.starts(with: [0xEF, 0xBB, 0xBF]) ? data.dropFirst(3) : data[...]
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let line = bytes.prefix { _ in true }.split(separator: 0x0A, omittingEmptySubsequences: false)
                .firstIndex { String(validating: $0, as: UTF8.self) == nil }.map { $0 + 1 } ?? 1
            throw ValidationError("\(name) is not UTF-8 text (line \(line) is the first that is not; a spreadsheet probably saved it as Windows-1252): save it as \"CSV UTF-8\" and try again.")
        }
        return text.contains("\r") && !text.contains("\n") ? text.replacingOccurrences(of: "\r", with: "\n") : text
    }
}
