import Foundation
import SQLKit

extension Migrations {
    /// Committees, meetings and officer reports (each kept as one JSON document beside the
    /// columns queries use), and published packs with their frozen files.
    static func meetings(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "committees")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("details", type: .text, .notNull)
            .run()
        try await db.create(table: "meetings")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("committee_id", type: .text, .notNull, .references("committees", "id"))
            .column("day", type: .text, .notNull)
            .column("status", type: .text, .notNull)
            .column("details", type: .text, .notNull)
            .run()
        try await db.create(index: "meetings_day").on("meetings").column("day").run()
        try await db.create(table: "officer_reports")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("meeting_id", type: .text, .notNull, .references("meetings", "id"))
            .column("position", type: .bigint, .notNull)
            .column("details", type: .text, .notNull)
            .run()
        try await db.create(index: "officer_reports_meeting").on("officer_reports").column("meeting_id").column("position").run()
        try await db.create(table: "publications")
            .column("id", type: .text, .primaryKey(autoIncrement: false))
            .column("meeting_id", type: .text, .notNull, .references("meetings", "id"))
            .column("version", type: .bigint, .notNull)
            .column("published_at", type: .bigint, .notNull)
            .column("published_by", type: .text, .notNull)
            .column("reason", type: .text, .notNull)
            .column("changes", type: .text, .notNull)
            .column("data", type: .blob, .notNull)
            .run()
        try await db.create(index: "publications_version").unique().on("publications").column("meeting_id").column("version").run()
        try await db.create(table: "publication_files")
            .column("publication_id", type: .text, .notNull, .references("publications", "id"))
            .column("name", type: .text, .notNull)
            .column("media_type", type: .text, .notNull)
            .column("sha256", type: .text, .notNull)
            .column("size", type: .bigint, .notNull)
            .column("bytes", type: .blob, .notNull)
            .run()
        try await db.create(index: "publication_files_name").unique().on("publication_files").column("publication_id").column("name").run()
    }
}
