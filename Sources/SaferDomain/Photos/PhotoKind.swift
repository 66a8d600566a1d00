import Foundation

/// The image formats a fly-tip photo may be uploaded in, told apart by their bytes.
public enum PhotoKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// JPEG (JFIF or Exif): what phone cameras write, usually with the GPS position inside.
    case jpeg
    /// PNG: what screenshots and edited images tend to be, with no GPS position.
    case png

    /// The kind the bytes' signature shows, or nil when they are neither a JPEG nor a PNG.
    ///
    /// Judged by content only, never by the file name or the browser's content type: both are
    /// whatever the uploader says, and a page that serves a `.jpg` holding HTML invites trouble.
    /// A JPEG starts with its start-of-image marker FF D8 followed by a marker's FF; a PNG with
    /// its 8-byte signature, whose CR LF, EOF and LF bytes catch a transfer that mangled line ends.
    public static func sniff(_ bytes: some Collection<UInt8>) -> PhotoKind? {
        if bytes.starts(with: jpegSignature) { return .jpeg }
        if bytes.starts(with: pngSignature) { return .png }
        return nil
    }

    /// The media type to serve the photo with.
    public var mediaType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        }
    }

    /// The extension, without the dot, to store the photo under whatever name it came with.
    public var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        case .png: "png"
        }
    }

    private static let jpegSignature: [UInt8] = [0xFF, 0xD8, 0xFF]
    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
}
