import Foundation
import Logging
import SQLKit

/// Applies pending migrations in order, each in its own transaction, and refuses to run when
/// the database's history differs from the code's (a different or unknown step already applied).
public struct Migrator: Sendable {
    let database: SaferDatabase
    let migrations: [Migration]

    public init(database: SaferDatabase, migrations: [Migration] = Migrations.all) {
        self.database = database
        self.migrations = migrations
    }

    private struct AppliedRow: Decodable { let number: Int; let name: String }

    /// The steps already applied, in order.
    public func applied() async throws -> [(number: Int, name: String)] {
        try await database.sql.create(table: "safer_migrations").ifNotExists()
            .column("number", type: .bigint, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("applied_at", type: .bigint, .notNull)
            .run()
        return try await database.sql.select().columns("number", "name").from("safer_migrations")
            .orderBy("number").all(decoding: AppliedRow.self).map { ($0.number, $0.name) }
    }

    /// The steps not yet applied, after checking that the applied ones match the code.
    public func pending() async throws -> [Migration] {
        let done = try await applied()
        for (index, step) in done.enumerated() {
            guard index < migrations.count else {
                throw MigrationOrderError(description: "The database has migration \(step.number) '\(step.name)', which this version of Safer does not know: it was made by a newer version. Run that version, or restore a backup.")
            }
            let expected = migrations[index]
            if expected.number != step.number || expected.name != step.name {
                throw MigrationOrderError(description: "The database's migration \(index + 1) is \(step.number) '\(step.name)' but this version of Safer expects \(expected.number) '\(expected.name)'. The histories differ: refusing to migrate.")
            }
        }
        return Array(migrations.dropFirst(done.count))
    }

    /// Applies every pending step; returns the ones applied. Safe to call from several nodes
    /// at once on PostgreSQL (an advisory lock serialises them).
    @discardableResult
    public func migrate(logger: Logger = Logger(label: "safer.migrate"), now: @escaping @Sendable () -> Date = Date.init) async throws -> [Migration] {
        var appliedNow: [Migration] = []
        for step in try await pending() {
            let engine = database.engine
            let ran = try await database.transaction { db in
                if engine == .postgres {
                    try await db.raw("SELECT pg_advisory_xact_lock(727272)").run()
                    let exists = try await db.select().column("number").from("safer_migrations")
                        .where("number", .equal, step.number).first()
                    if exists != nil { return false }
                }
                try await step.apply(db, engine)
                try await db.insert(into: "safer_migrations")
                    .columns("number", "name", "applied_at")
                    .values(SQLBind(step.number), SQLBind(step.name), SQLBind(now().storedMillis))
                    .run()
                return true
            }
            if ran {
                logger.info("Applied migration \(step.number) \(step.name)")
                appliedNow.append(step)
            }
        }
        return appliedNow
    }
}
