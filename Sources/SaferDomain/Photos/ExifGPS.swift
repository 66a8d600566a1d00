import Foundation

/// Reads the GPS position a camera or phone wrote into a JPEG's Exif data, so a fly-tip photo
/// can place itself on the map.
///
/// The bytes are an upload, so anyone's: every length and offset is checked against the data
/// before it is followed, nothing is followed twice, and anything missing, malformed or out of
/// range gives nil rather than a guess. Only what the position needs is read: the JPEG markers
/// up to the Exif segment (APP1, "Exif\0\0"), its TIFF header (either byte order), IFD0's pointer
/// to the GPS IFD (tag 0x8825), and there the latitude and longitude with their N/S and E/W refs.
public enum ExifGPS {
    /// The position in a JPEG's Exif GPS tags, or nil when there is none or it cannot be trusted.
    ///
    /// A position of exactly 0, 0 (which some phones write when they had no fix) is returned as
    /// it is: whether it is plausible is for `NationalGrid.isInGreatBritain(_:)` to say.
    public static func position(inJPEG bytes: [UInt8]) -> WGS84Point? {
        guard let tiff = exifTIFFRange(inJPEG: bytes) else { return nil }
        return gpsPosition(in: TIFFReader(bytes: bytes, range: tiff))
    }

    // MARK: - JPEG markers

    /// Where the first Exif segment's TIFF data lies, walking the markers from the start of the
    /// image to the start of the scan (Exif must come before it).
    private static func exifTIFFRange(inJPEG bytes: [UInt8]) -> Range<Int>? {
        guard bytes.count >= 4, bytes[0] == 0xFF, bytes[1] == 0xD8 else { return nil }
        var index = 2
        while index < bytes.count {
            // A marker is FF then its code; extra FFs before it are fill bytes.
            guard bytes[index] == 0xFF else { return nil }
            while index < bytes.count, bytes[index] == 0xFF { index += 1 }
            guard index < bytes.count else { return nil }
            let marker = bytes[index]
            index += 1
            switch marker {
            case 0xDA, 0xD9:  // start of scan, end of image: no Exif before them
                return nil
            case 0x00:  // FF 00 belongs inside scan data, never among the header's markers
                return nil
            case 0x01, 0xD0...0xD7:  // TEM and restart markers carry no length
                continue
            default:
                break
            }
            // The length counts its own two bytes, so anything under 2 is corrupt.
            guard index + 2 <= bytes.count else { return nil }
            let length = Int(bytes[index]) << 8 | Int(bytes[index + 1])
            let end = index + length
            guard length >= 2, end <= bytes.count else { return nil }
            let payload = index + 2
            if marker == 0xE1, bytes[payload..<end].starts(with: exifHeader) {
                return (payload + exifHeader.count)..<end
            }
            index = end
        }
        return nil
    }

    private static let exifHeader: [UInt8] = Array("Exif".utf8) + [0, 0]

    // MARK: - TIFF and the GPS IFD

    private enum Tag {
        static let gpsIFDPointer: UInt16 = 0x8825
        static let latitudeRef: UInt16 = 0x0001
        static let latitude: UInt16 = 0x0002
        static let longitudeRef: UInt16 = 0x0003
        static let longitude: UInt16 = 0x0004
    }

    private static func gpsPosition(in tiff: TIFFReader?) -> WGS84Point? {
        guard let tiff, let ifd0 = tiff.firstIFDOffset,
            let pointer = tiff.entry(Tag.gpsIFDPointer, inIFDAt: ifd0),
            let gpsIFD = tiff.pointerValue(of: pointer),
            let latitudeRef = tiff.entry(Tag.latitudeRef, inIFDAt: gpsIFD).flatMap(tiff.firstASCIICharacter),
            let longitudeRef = tiff.entry(Tag.longitudeRef, inIFDAt: gpsIFD).flatMap(tiff.firstASCIICharacter),
            let latitude = tiff.entry(Tag.latitude, inIFDAt: gpsIFD).flatMap(tiff.degrees),
            let longitude = tiff.entry(Tag.longitude, inIFDAt: gpsIFD).flatMap(tiff.degrees),
            latitude <= 90, longitude <= 180
        else { return nil }

        let signedLatitude: Double
        switch latitudeRef {
        case UInt8(ascii: "N"): signedLatitude = latitude
        case UInt8(ascii: "S"): signedLatitude = -latitude
        default: return nil
        }
        let signedLongitude: Double
        switch longitudeRef {
        case UInt8(ascii: "E"): signedLongitude = longitude
        case UInt8(ascii: "W"): signedLongitude = -longitude
        default: return nil
        }
        return WGS84Point(latitude: signedLatitude, longitude: signedLongitude)
    }
}

/// Bounds-checked reads from the TIFF structure inside an Exif segment. Offsets are relative to
/// the TIFF header, as the format defines them; a read that would leave `range` gives nil.
private struct TIFFReader {
    /// One 12-byte IFD entry.
    struct Entry {
        let type: UInt16
        let count: UInt32
        /// Offset (from the TIFF header) of the entry's 4-byte value-or-offset field.
        let valueField: Int
    }

    let bytes: [UInt8]
    let range: Range<Int>
    let bigEndian: Bool

    /// Reads the byte order mark ("II" little-endian, "MM" big-endian) and checks the magic 42.
    init?(bytes: [UInt8], range: Range<Int>) {
        guard range.count >= 8 else { return nil }
        let order = (bytes[range.lowerBound], bytes[range.lowerBound + 1])
        switch order {
        case (0x49, 0x49): bigEndian = false
        case (0x4D, 0x4D): bigEndian = true
        default: return nil
        }
        self.bytes = bytes
        self.range = range
        guard uint16(at: 2) == 42 else { return nil }
    }

    var firstIFDOffset: Int? {
        uint32(at: 4).flatMap { Int(exactly: $0) }
    }

    /// The entry with `tag` in the IFD at `offset`, if the whole IFD lies in the data: one that
    /// claims more entries than there are bytes is corrupt, even if the tag comes early.
    func entry(_ tag: UInt16, inIFDAt offset: Int) -> Entry? {
        guard let count = uint16(at: offset).map(Int.init), absolute(offset, length: 2 + 12 * count) != nil else { return nil }
        for number in 0..<count {
            let start = offset + 2 + 12 * number
            guard let entryTag = uint16(at: start), let type = uint16(at: start + 2), let valueCount = uint32(at: start + 4) else { return nil }
            if entryTag == tag { return Entry(type: type, count: valueCount, valueField: start + 8) }
        }
        return nil
    }

    /// The offset a LONG (4) or IFD (13) entry holds, as the GPS IFD pointer is written.
    func pointerValue(of entry: Entry) -> Int? {
        guard entry.type == 4 || entry.type == 13, entry.count == 1 else { return nil }
        return uint32(at: entry.valueField).flatMap { Int(exactly: $0) }
    }

    /// The first character of an ASCII (2) entry such as GPSLatitudeRef ("N\0").
    func firstASCIICharacter(of entry: Entry) -> UInt8? {
        guard entry.type == 2, entry.count >= 1 else { return nil }
        // Up to 4 bytes sit in the value field itself; longer strings are elsewhere.
        let start = entry.count <= 4 ? entry.valueField : uint32(at: entry.valueField).flatMap { Int(exactly: $0) }
        return start.flatMap { byte(at: $0) }
    }

    /// Degrees from three RATIONALs (5): degrees, minutes, seconds, as GPSLatitude and
    /// GPSLongitude are written. Writers may put fractions in any of the three (decimal degrees
    /// with 0 minutes, or decimal minutes), so only the total is checked, by the caller.
    func degrees(of entry: Entry) -> Double? {
        guard entry.type == 5, entry.count == 3, let start = uint32(at: entry.valueField).flatMap({ Int(exactly: $0) }),
            absolute(start, length: 24) != nil
        else { return nil }
        var total = 0.0
        for (index, unit) in [1.0, 60.0, 3600.0].enumerated() {
            guard let numerator = uint32(at: start + 8 * index), let denominator = uint32(at: start + 8 * index + 4) else { return nil }
            // 0/0 is how some writers say "no seconds"; any other zero denominator is corrupt.
            if denominator == 0 {
                guard numerator == 0 else { return nil }
                continue
            }
            total += Double(numerator) / Double(denominator) / unit
        }
        return total
    }

    // MARK: - Reads

    private func byte(at offset: Int) -> UInt8? {
        guard let start = absolute(offset, length: 1) else { return nil }
        return bytes[start]
    }

    private func uint16(at offset: Int) -> UInt16? {
        guard let start = absolute(offset, length: 2) else { return nil }
        let (first, second) = (UInt16(bytes[start]), UInt16(bytes[start + 1]))
        return bigEndian ? first << 8 | second : second << 8 | first
    }

    private func uint32(at offset: Int) -> UInt32? {
        guard let start = absolute(offset, length: 4) else { return nil }
        let value = bytes[start..<start + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return bigEndian ? value : value.byteSwapped
    }

    /// The index in `bytes` of a read of `length` bytes at a TIFF offset, if all of it is in range.
    private func absolute(_ offset: Int, length: Int) -> Int? {
        // Offsets come from the file, up to 2³² − 1: compare by subtraction so nothing overflows.
        guard offset >= 0, length <= range.count, offset <= range.count - length else { return nil }
        return range.lowerBound + offset
    }
}
