import Foundation
import SaferDomain
import Testing

/// Builds a minimal JPEG (SOI, one Exif APP1, EOI) whose IFD0 holds only the GPS IFD pointer,
/// so each test can say exactly which GPS tags are there and how they are written.
private struct ExifJPEG {
    enum Value {
        case ascii(String)
        case rationals([(UInt32, UInt32)])
        case shorts([UInt16])
    }

    var bigEndian = false
    var gps: [(tag: UInt16, value: Value)] = []

    /// The usual four tags for degrees/minutes/seconds written as whole, whole, hundredths.
    static func at(_ latRef: String, _ lat: (UInt32, UInt32, UInt32), _ lonRef: String, _ lon: (UInt32, UInt32, UInt32), bigEndian: Bool = false) -> ExifJPEG {
        func dms(_ value: (UInt32, UInt32, UInt32)) -> Value { .rationals([(value.0, 1), (value.1, 1), (value.2, 100)] as [(UInt32, UInt32)]) }
        return ExifJPEG(bigEndian: bigEndian, gps: [(1, .ascii(latRef)), (2, dms(lat)), (3, .ascii(lonRef)), (4, dms(lon))])
    }

    var bytes: [UInt8] {
        func u16(_ v: UInt16) -> [UInt8] { bigEndian ? [UInt8(v >> 8), UInt8(v & 0xFF)] : [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32) -> [UInt8] { bigEndian ? u16(UInt16(v >> 16)) + u16(UInt16(v & 0xFFFF)) : u16(UInt16(v & 0xFFFF)) + u16(UInt16(v >> 16)) }

        let gpsIFD = 8 + 2 + 12 + 4
        var tiff: [UInt8] = (bigEndian ? Array("MM".utf8) : Array("II".utf8)) + u16(42) + u32(8)
        tiff += u16(1) + u16(0x8825) + u16(4) + u32(1) + u32(UInt32(gpsIFD)) + u32(0)

        var entries: [UInt8] = u16(UInt16(gps.count))
        var data: [UInt8] = []
        let dataStart = gpsIFD + 2 + 12 * gps.count + 4
        for (tag, value) in gps {
            let (type, count, payload): (UInt16, Int, [UInt8])
            switch value {
            case .ascii(let text): (type, count, payload) = (2, text.utf8.count + 1, Array(text.utf8) + [0])
            case .rationals(let parts): (type, count, payload) = (5, parts.count, parts.flatMap { u32($0.0) + u32($0.1) })
            case .shorts(let values): (type, count, payload) = (3, values.count, values.flatMap(u16))
            }
            entries += u16(tag) + u16(type) + u32(UInt32(count))
            if payload.count <= 4 {
                entries += payload + [UInt8](repeating: 0, count: 4 - payload.count)
            } else {
                entries += u32(UInt32(dataStart + data.count))
                data += payload
            }
        }
        tiff += entries + u32(0) + data

        let app1 = Array("Exif".utf8) + [0, 0] + tiff
        let length = app1.count + 2
        return [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + app1 + [0xFF, 0xD9]
    }
}

@Suite("Exif GPS")
struct ExifGPSTests {
    // MARK: - Photos written by real tools

    @Test func readsThePositionFromLittleEndianExif() throws {
        // 52°34′43.32″N 1°32′46.32″W, written by Pillow in Intel byte order.
        let position = try #require(ExifGPS.position(inJPEG: try PhotoFixtures.bytes("gps-little-endian.jpg")))

        #expect(abs(position.latitude - 52.5787) < 1e-9)
        #expect(abs(position.longitude - -1.5462) < 1e-9)
    }

    @Test func readsThePositionFromBigEndianExifEastOfGreenwich() throws {
        // 52°55′51.96″N 1°18′6.12″E, written by piexif in Motorola byte order.
        let position = try #require(ExifGPS.position(inJPEG: try PhotoFixtures.bytes("gps-big-endian.jpg")))

        #expect(abs(position.latitude - 52.9311) < 1e-9)
        #expect(abs(position.longitude - 1.3017) < 1e-9)
    }

    @Test(arguments: ["no-exif.jpg", "photo.png", "not-a-photo.jpg", "truncated-exif.jpg", "garbled-gps-offset.jpg"])
    func filesWithoutAUsablePositionGiveNone(file: String) throws {
        #expect(ExifGPS.position(inJPEG: try PhotoFixtures.bytes(file)) == nil)
    }

    @Test func anXMPSegmentAndFillBytesBeforeTheExifAreSkipped() throws {
        let photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632)).bytes
        let xmp = Array("http://ns.adobe.com/xap/1.0/".utf8) + [0] + Array("<x:xmpmeta/>".utf8)
        let xmpSegment: [UInt8] = [0xFF, 0xE1, UInt8((xmp.count + 2) >> 8), UInt8((xmp.count + 2) & 0xFF)] + xmp
        let withXMP = Array(photo[..<2]) + xmpSegment + [0xFF, 0xFF] + Array(photo[2...])

        let position = try #require(ExifGPS.position(inJPEG: withXMP))

        #expect(abs(position.latitude - 52.5787) < 1e-9 && abs(position.longitude - -1.5462) < 1e-9)
    }

    @Test func exifAfterTheStartOfScanIsNotLookedFor() {
        let photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632)).bytes
        let scanFirst = Array(photo[..<2]) + [0xFF, 0xDA, 0x00, 0x02] + Array(photo[2...])

        #expect(ExifGPS.position(inJPEG: scanFirst) == nil)
    }

    // MARK: - Hostile input

    @Test func everyTruncationIsReadSafelyAndGivesNoneUntilTheExifSegmentIsWhole() throws {
        let photo = try PhotoFixtures.bytes("gps-little-endian.jpg")
        let app1 = try #require(photo.indices.first { photo[$0] == 0xFF && photo[$0 + 1] == 0xE1 })
        let exifEnd = app1 + 2 + (Int(photo[app1 + 2]) << 8 | Int(photo[app1 + 3]))

        for length in 0...photo.count {
            let position = ExifGPS.position(inJPEG: Array(photo.prefix(length)))
            #expect((position != nil) == (length >= exifEnd), "first \(length) bytes")
        }
    }

    @Test(arguments: [false, true])
    func everySingleByteCorruptionIsReadSafely(bigEndian: Bool) {
        let photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632), bigEndian: bigEndian).bytes

        // Any byte, to a handful of telling values: nothing may trap, and whatever comes back
        // must still be a position on the Earth.
        for index in photo.indices {
            for value: UInt8 in [0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, photo[index] ^ 0x10] {
                var corrupt = photo
                corrupt[index] = value
                if let position = ExifGPS.position(inJPEG: corrupt) {
                    #expect(abs(position.latitude) <= 90 && abs(position.longitude) <= 180, "byte \(index) = \(value)")
                }
            }
        }
    }

    @Test func anIFDClaimingMoreEntriesThanTheDataHoldsGivesNone() {
        var photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632)).bytes
        // The GPS IFD's entry count, at TIFF offset 26 (SOI 2 + APP1 header 4 + "Exif\0\0" 6).
        photo[2 + 4 + 6 + 26] = 0xFF
        photo[2 + 4 + 6 + 27] = 0xFF

        #expect(ExifGPS.position(inJPEG: photo) == nil)
    }

    @Test func aSegmentLengthBelowTwoOrPastTheEndGivesNone() {
        let photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632)).bytes
        var tooShort = photo, tooLong = photo
        (tooShort[4], tooShort[5]) = (0, 1)
        (tooLong[4], tooLong[5]) = (0xFF, 0xFF)

        #expect(ExifGPS.position(inJPEG: tooShort) == nil)
        #expect(ExifGPS.position(inJPEG: tooLong) == nil)
    }

    // MARK: - What the GPS tags say

    @Test(arguments: [false, true])
    func southAndWestAreNegative(bigEndian: Bool) throws {
        let photo = ExifJPEG.at("S", (33, 51, 3500), "W", (70, 40, 1200), bigEndian: bigEndian).bytes

        let position = try #require(ExifGPS.position(inJPEG: photo))

        #expect(abs(position.latitude - -(33 + 51.0 / 60 + 35.0 / 3600)) < 1e-9)
        #expect(abs(position.longitude - -(70 + 40.0 / 60 + 12.0 / 3600)) < 1e-9)
    }

    @Test func decimalDegreesAndDecimalMinutesAsSomeWritersPutThemAreRead() throws {
        let decimalDegrees = ExifJPEG(gps: [
            (1, .ascii("N")), (2, .rationals([(525_787, 10_000), (0, 1), (0, 1)])),
            (3, .ascii("W")), (4, .rationals([(15_462, 10_000), (0, 1), (0, 0)])),
        ])
        let decimalMinutes = ExifJPEG(gps: [
            (1, .ascii("N")), (2, .rationals([(52, 1), (34_722, 1_000), (0, 1)])),
            (3, .ascii("W")), (4, .rationals([(1, 1), (32_772, 1_000), (0, 1)])),
        ])

        let fromDegrees = try #require(ExifGPS.position(inJPEG: decimalDegrees.bytes))
        let fromMinutes = try #require(ExifGPS.position(inJPEG: decimalMinutes.bytes))

        #expect(abs(fromDegrees.latitude - 52.5787) < 1e-9 && abs(fromDegrees.longitude - -1.5462) < 1e-9)
        #expect(abs(fromMinutes.latitude - 52.5787) < 1e-9 && abs(fromMinutes.longitude - -1.5462) < 1e-9)
    }

    @Test func aZeroDenominatorOtherThanZeroOverZeroGivesNone() {
        let photo = ExifJPEG(gps: [
            (1, .ascii("N")), (2, .rationals([(52, 1), (34, 0), (0, 1)])),
            (3, .ascii("W")), (4, .rationals([(1, 1), (32, 1), (0, 1)])),
        ])

        #expect(ExifGPS.position(inJPEG: photo.bytes) == nil)
    }

    @Test func aLatitudeBeyondTheWorldGivesNone() {
        #expect(ExifGPS.position(inJPEG: ExifJPEG.at("N", (91, 0, 0), "W", (1, 0, 0)).bytes) == nil)
        #expect(ExifGPS.position(inJPEG: ExifJPEG.at("N", (52, 0, 0), "W", (181, 0, 0)).bytes) == nil)
    }

    @Test func aRefOtherThanTheCompassLettersGivesNone() {
        #expect(ExifGPS.position(inJPEG: ExifJPEG.at("X", (52, 34, 0), "W", (1, 32, 0)).bytes) == nil)
        #expect(ExifGPS.position(inJPEG: ExifJPEG.at("N", (52, 34, 0), "", (1, 32, 0)).bytes) == nil)
    }

    @Test func aMissingTagGivesNone() {
        var photo = ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632))
        photo.gps.removeAll { $0.tag == 3 }

        #expect(ExifGPS.position(inJPEG: photo.bytes) == nil)
    }

    @Test func coordinatesOfTheWrongTypeGiveNone() {
        let photo = ExifJPEG(gps: [
            (1, .ascii("N")), (2, .shorts([52, 34, 43])),
            (3, .ascii("W")), (4, .shorts([1, 32, 46])),
        ])

        #expect(ExifGPS.position(inJPEG: photo.bytes) == nil)
    }

    @Test func aBuiltPhotoReadsAsTheFixturesDo() throws {
        // Guards the builder itself: the same position it writes, the real tools wrote too.
        let built = try #require(ExifGPS.position(inJPEG: ExifJPEG.at("N", (52, 34, 4332), "W", (1, 32, 4632)).bytes))
        let fixture = try #require(ExifGPS.position(inJPEG: try PhotoFixtures.bytes("gps-little-endian.jpg")))

        #expect(abs(built.latitude - fixture.latitude) < 1e-12 && abs(built.longitude - fixture.longitude) < 1e-12)
    }
}
