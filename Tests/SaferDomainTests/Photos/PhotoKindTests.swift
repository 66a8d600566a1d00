import Foundation
import SaferDomain
import Testing

@Suite("Photo kind")
struct PhotoKindTests {
    @Test(arguments: ["gps-little-endian.jpg", "gps-big-endian.jpg", "no-exif.jpg"])
    func aJPEGIsKnownByItsStartOfImageMarker(file: String) throws {
        #expect(PhotoKind.sniff(try PhotoFixtures.bytes(file)) == .jpeg)
    }

    @Test func aPNGIsKnownByItsSignature() throws {
        #expect(PhotoKind.sniff(try PhotoFixtures.bytes("photo.png")) == .png)
    }

    @Test func aTextFileNamedJpgIsNeither() throws {
        #expect(PhotoKind.sniff(try PhotoFixtures.bytes("not-a-photo.jpg")) == nil)
    }

    @Test func anythingShorterThanASignatureIsNeither() {
        #expect(PhotoKind.sniff([UInt8]()) == nil)
        #expect(PhotoKind.sniff([0xFF, 0xD8] as [UInt8]) == nil)
        #expect(PhotoKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A] as [UInt8]) == nil)
    }

    @Test func aPNGSignatureWithMangledLineEndsIsNeither() {
        // What a text-mode transfer makes of CR LF.
        #expect(PhotoKind.sniff([0x89, 0x50, 0x4E, 0x47, 0x0A, 0x1A, 0x0A, 0x00] as [UInt8]) == nil)
    }

    @Test func sniffingWorksOnDataAndSlicesAlike() throws {
        let png = try PhotoFixtures.bytes("photo.png")
        let jpeg = try PhotoFixtures.bytes("no-exif.jpg")

        #expect(PhotoKind.sniff(Data(png)) == .png)
        #expect(PhotoKind.sniff(jpeg[...]) == .jpeg)
        #expect(PhotoKind.sniff(([0x00] + jpeg).dropFirst()) == .jpeg)
    }

    @Test func eachKindHasItsMediaTypeAndExtension() {
        #expect(PhotoKind.jpeg.mediaType == "image/jpeg")
        #expect(PhotoKind.jpeg.fileExtension == "jpg")
        #expect(PhotoKind.png.mediaType == "image/png")
        #expect(PhotoKind.png.fileExtension == "png")
    }
}
