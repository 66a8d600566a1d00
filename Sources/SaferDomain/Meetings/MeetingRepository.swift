import Foundation

/// A file of a published pack: its name, type, bytes and their SHA-256.
public struct PackFile: Sendable, Hashable {
    public let name: String
    public let mediaType: String
    public let bytes: Data
    public let sha256: String
    public init(name: String, mediaType: String, bytes: Data, sha256: String) {
        self.name = name
        self.mediaType = mediaType
        self.bytes = bytes
        self.sha256 = sha256
    }
}

/// A published version of a meeting's pack: frozen files, and what changed since the version before.
public struct Publication: Sendable, Hashable, Identifiable {
    public let id: String
    public let meetingID: String
    /// 1 for the pack as first published; 2, 3… for corrections.
    public let version: Int
    public let publishedAt: Date
    public let publishedBy: String
    /// Why this version was published (empty for the first).
    public let reason: String
    /// The numbers that differ from the version before, "before → after"; empty for the first.
    public let changes: [String]
    /// Names, types and hashes of the files (the bytes are read one at a time).
    public let files: [(name: String, mediaType: String, sha256: String, size: Int)]

    public init(id: String, meetingID: String, version: Int, publishedAt: Date, publishedBy: String, reason: String, changes: [String],
                files: [(name: String, mediaType: String, sha256: String, size: Int)]) {
        self.id = id
        self.meetingID = meetingID
        self.version = version
        self.publishedAt = publishedAt
        self.publishedBy = publishedBy
        self.reason = reason
        self.changes = changes
        self.files = files
    }

    public static func == (lhs: Publication, rhs: Publication) -> Bool { lhs.id == rhs.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}

/// Committees, meetings, their reports and published packs.
public protocol MeetingRepository: Sendable {
    func committees() async throws -> [Committee]
    func committee(id: String) async throws -> Committee?
    func save(_ committee: Committee, by actor: Actor) async throws

    /// Every meeting, latest first.
    func meetings() async throws -> [Meeting]
    func meeting(id: String) async throws -> Meeting?
    func save(_ meeting: Meeting, by actor: Actor) async throws

    /// A meeting's reports in agenda order.
    func reports(meetingID: String) async throws -> [OfficerReport]
    func report(id: String) async throws -> OfficerReport?
    func save(_ report: OfficerReport, by actor: Actor) async throws
    func deleteReport(id: String, by actor: Actor) async throws

    /// Stores a publication and its files and sets the meeting published, all or nothing.
    func publish(_ publication: Publication, files: [PackFile], data: Data, meeting: Meeting, by actor: Actor) async throws
    /// A meeting's publications, first version first.
    func publications(meetingID: String) async throws -> [Publication]
    /// A published file's bytes.
    func file(publicationID: String, name: String) async throws -> PackFile?
    /// The JSON the publication was made from.
    func publishedData(publicationID: String) async throws -> Data?
}
