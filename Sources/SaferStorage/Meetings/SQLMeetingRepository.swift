import Foundation
import SQLKit
import SaferDomain

/// Committees, meetings and officer reports in SQL (each a JSON document), and published packs
/// whose files are stored once and never changed.
public struct SQLMeetingRepository: MeetingRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct DocumentRow: Decodable { let id: String, details: String }

    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ rows: [DocumentRow], table: String, as type: T.Type) throws -> [T] {
        try rows.map { row in
            try StoredRow(table: table, id: row.id).parsed(row.details, "details") { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
        }
    }

    /// The document with this id in a table, decoded.
    static func document<T: Decodable>(_ db: any SQLDatabase, _ table: String, id: String, as type: T.Type) async throws -> T? {
        let rows = try await db.select().columns("id", "details").from(table).where("id", .equal, id).all(decoding: DocumentRow.self)
        return try decode(rows, table: table, as: type).first
    }

    // MARK: - Committees

    public func committees() async throws -> [Committee] {
        let rows = try await database.sql.select().columns("id", "details").from("committees").orderBy("name").orderBy("id").all(decoding: DocumentRow.self)
        return try Self.decode(rows, table: "committees", as: Committee.self)
    }

    public func committee(id: String) async throws -> Committee? { try await Self.committee(database.sql, id: id) }

    static func committee(_ db: any SQLDatabase, id: String) async throws -> Committee? { try await document(db, "committees", id: id, as: Committee.self) }

    public func save(_ committee: Committee, by actor: Actor) async throws {
        try committee.validate()
        try await database.transaction { db in
            let before = try await Self.committee(db, id: committee.id)
            let details = try Self.encode(committee)
            if before == nil {
                try await db.insert(into: "committees").columns("id", "name", "details")
                    .values(SQLBind(committee.id), SQLBind(committee.name), SQLBind(details)).run()
            } else {
                try await db.update("committees").set("name", to: committee.name).set("details", to: details).where("id", .equal, committee.id).run()
            }
            try await audit.record(db, by: actor, before: before, after: committee)
        }
    }

    // MARK: - Meetings

    public func meetings() async throws -> [Meeting] {
        let rows = try await database.sql.select().columns("id", "details").from("meetings").orderBy("day", .descending).orderBy("id").all(decoding: DocumentRow.self)
        return try Self.decode(rows, table: "meetings", as: Meeting.self)
    }

    public func meeting(id: String) async throws -> Meeting? { try await Self.meeting(database.sql, id: id) }

    static func meeting(_ db: any SQLDatabase, id: String) async throws -> Meeting? { try await document(db, "meetings", id: id, as: Meeting.self) }

    public func save(_ meeting: Meeting, by actor: Actor) async throws {
        try meeting.validate()
        try await database.transaction { db in
            guard try await Self.committee(db, id: meeting.committeeID) != nil else {
                throw ValidationError("The meeting needs a committee that exists; \(meeting.committeeID) does not. Add the committee first.", field: "committee")
            }
            let before = try await Self.meeting(db, id: meeting.id)
            try await Self.write(db, meeting, exists: before != nil)
            try await audit.record(db, by: actor, before: before, after: meeting)
        }
    }

    static func write(_ db: any SQLDatabase, _ meeting: Meeting, exists: Bool) async throws {
        let details = try encode(meeting)
        if exists {
            try await db.update("meetings").set("committee_id", to: meeting.committeeID).set("day", to: meeting.date.description)
                .set("status", to: meeting.status.rawValue).set("details", to: details).where("id", .equal, meeting.id).run()
        } else {
            try await db.insert(into: "meetings").columns("id", "committee_id", "day", "status", "details")
                .values(SQLBind(meeting.id), SQLBind(meeting.committeeID), SQLBind(meeting.date.description), SQLBind(meeting.status.rawValue), SQLBind(details)).run()
        }
    }

    // MARK: - Reports

    public func reports(meetingID: String) async throws -> [OfficerReport] {
        let rows = try await database.sql.select().columns("id", "details").from("officer_reports").where("meeting_id", .equal, meetingID)
            .orderBy("position").orderBy("id").all(decoding: DocumentRow.self)
        return try Self.decode(rows, table: "officer_reports", as: OfficerReport.self)
    }

    public func report(id: String) async throws -> OfficerReport? { try await Self.report(database.sql, id: id) }

    static func report(_ db: any SQLDatabase, id: String) async throws -> OfficerReport? { try await document(db, "officer_reports", id: id, as: OfficerReport.self) }

    public func save(_ report: OfficerReport, by actor: Actor) async throws {
        try report.validate()
        try await database.transaction { db in
            guard try await Self.meeting(db, id: report.meetingID) != nil else { throw DomainError.notFound(entity: "meeting", id: report.meetingID) }
            let before = try await Self.report(db, id: report.id)
            let details = try Self.encode(report)
            if before == nil {
                try await db.insert(into: "officer_reports").columns("id", "meeting_id", "position", "details")
                    .values(SQLBind(report.id), SQLBind(report.meetingID), SQLBind(report.position), SQLBind(details)).run()
            } else {
                try await db.update("officer_reports").set("meeting_id", to: report.meetingID).set("position", to: report.position)
                    .set("details", to: details).where("id", .equal, report.id).run()
            }
            try await audit.record(db, by: actor, before: before, after: report)
        }
    }

    public func deleteReport(id: String, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.report(db, id: id) else { throw DomainError.notFound(entity: "report", id: id) }
            try await db.delete(from: "officer_reports").where("id", .equal, id).run()
            try await audit.record(db, by: actor, before: before, after: nil as OfficerReport?)
        }
    }

    // MARK: - Publications

    struct PublicationRow: Decodable {
        let id: String, meetingId: String, version: Int, publishedAt: Int64, publishedBy: String, reason: String, changes: String
    }
    struct FileSummaryRow: Decodable { let publicationId: String, name: String, mediaType: String, sha256: String, size: Int }
    struct FileRow: Decodable { let name: String, mediaType: String, sha256: String, bytes: Data }
    struct DataRow: Decodable { let data: Data }

    public func publish(_ publication: Publication, files: [PackFile], data: Data, meeting: Meeting, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.meeting(db, id: meeting.id) else { throw DomainError.notFound(entity: "meeting", id: meeting.id) }
            struct VersionRow: Decodable { let version: Int }
            let latest = try await db.select().column("version").from("publications").where("meeting_id", .equal, meeting.id)
                .orderBy("version", .descending).limit(1).first(decoding: VersionRow.self)?.version ?? 0
            guard publication.version == latest + 1 else {
                throw ValidationError("Version \(latest) of this pack was published while this one was being made; build it again to publish version \(latest + 1).")
            }
            try await db.insert(into: "publications")
                .columns("id", "meeting_id", "version", "published_at", "published_by", "reason", "changes", "data")
                .values(SQLBind(publication.id), SQLBind(publication.meetingID), SQLBind(publication.version), SQLBind(publication.publishedAt.storedMillis),
                        SQLBind(publication.publishedBy), SQLBind(publication.reason), SQLBind(try Self.encode(publication.changes)), SQLBind(data)).run()
            for file in files {
                try await db.insert(into: "publication_files").columns("publication_id", "name", "media_type", "sha256", "size", "bytes")
                    .values(SQLBind(publication.id), SQLBind(file.name), SQLBind(file.mediaType), SQLBind(file.sha256), SQLBind(file.bytes.count), SQLBind(file.bytes)).run()
            }
            try await Self.write(db, meeting, exists: true)
            try await audit.record(db, by: actor, before: nil as Publication?, after: publication)
            try await audit.record(db, by: actor, before: before, after: meeting)
        }
    }

    public func publications(meetingID: String) async throws -> [Publication] {
        let rows = try await database.sql.select().columns("id", "meeting_id", "version", "published_at", "published_by", "reason", "changes")
            .from("publications").where("meeting_id", .equal, meetingID).orderBy("version")
            .all(decoding: PublicationRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        let files = try await database.sql.select().columns("publication_id", "name", "media_type", "sha256", "size").from("publication_files")
            .where("publication_id", .in, rows.map(\.id)).orderBy("name")
            .all(decoding: FileSummaryRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try rows.map { row in
            let changes = try StoredRow(table: "publications", id: row.id).parsed(row.changes, "changes") { try? JSONDecoder().decode([String].self, from: Data($0.utf8)) }
            return Publication(id: row.id, meetingID: row.meetingId, version: row.version, publishedAt: Date(storedMillis: row.publishedAt),
                               publishedBy: row.publishedBy, reason: row.reason, changes: changes,
                               files: files.filter { $0.publicationId == row.id }.map { ($0.name, $0.mediaType, $0.sha256, $0.size) })
        }
    }

    public func file(publicationID: String, name: String) async throws -> PackFile? {
        try await database.sql.select().columns("name", "media_type", "sha256", "bytes").from("publication_files")
            .where("publication_id", .equal, publicationID).where("name", .equal, name)
            .first(decoding: FileRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { PackFile(name: $0.name, mediaType: $0.mediaType, bytes: $0.bytes, sha256: $0.sha256) }
    }

    public func publishedData(publicationID: String) async throws -> Data? {
        try await database.sql.select().column("data").from("publications").where("id", .equal, publicationID).first(decoding: DataRow.self)?.data
    }
}
