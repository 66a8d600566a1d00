import Foundation
import SQLKit
import SaferDomain

/// Settings as JSON documents keyed by name.
public struct SQLSettingsRepository: SettingsRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    static let flyTipping = "fly-tipping"
    static let beats = "beat-boundaries"
    static let holidays = "bank-holidays"
    static let councilKey = "council"

    public func flyTipSettings() async throws -> FlyTipSettings? { try await Self.document(database.sql, Self.flyTipping) }

    public func save(_ settings: FlyTipSettings, by actor: Actor) async throws {
        try settings.validate()
        try await store(settings, Self.flyTipping, by: actor) { $0 ?? FlyTipSettings() }
    }

    public func beatBoundaries() async throws -> [BeatBoundary] { try await Self.document(database.sql, Self.beats) ?? [] }

    public func replaceBeatBoundaries(_ boundaries: [BeatBoundary], by actor: Actor) async throws {
        try await database.transaction { db in
            let before: [BeatBoundary] = try await Self.document(db, Self.beats) ?? []
            try await Self.write(db, Self.beats, boundaries)
            try await audit.record(db, by: actor, before: BeatBoundarySet(boundaries: before), after: BeatBoundarySet(boundaries: boundaries))
        }
    }

    public func bankHolidays() async throws -> BankHolidays? { try await Self.document(database.sql, Self.holidays) }

    public func save(_ holidays: BankHolidays, by actor: Actor) async throws {
        try await store(holidays, Self.holidays, by: actor) { $0 ?? .englandAndWales }
    }

    public func council() async throws -> Council? { try await Self.document(database.sql, Self.councilKey) }

    public func save(_ council: Council, by actor: Actor) async throws {
        try await store(council, Self.councilKey, by: actor) { $0 }
    }

    // MARK: - Documents

    /// The JSON document stored under `key`, or nil; a document that no longer decodes is an
    /// error naming it, not a silent default.
    static func document<T: Decodable>(_ db: any SQLDatabase, _ key: String) async throws -> T? {
        guard let text = try await db.select().column("value").from("settings").where("key", .equal, key)
            .first(decodingColumn: "value", as: String.self) else { return nil }
        let stored: T = try StoredRow(table: "settings", id: key).parsed(text, "value") { try? JSONDecoder().decode(T.self, from: Data($0.utf8)) }
        return stored
    }

    static func write(_ db: any SQLDatabase, _ key: String, _ value: some Encodable) async throws {
        let text = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        try await db.delete(from: "settings").where("key", .equal, key).run()
        try await db.insert(into: "settings").columns("key", "value").values(SQLBind(key), SQLBind(text)).run()
    }

    /// Replaces a document and audits the change from what was stored (`before` supplies the
    /// value an empty store stands for).
    private func store<T: Codable & Auditable>(_ value: T, _ key: String, by actor: Actor, before: @escaping @Sendable (T?) -> T?) async throws {
        try await database.transaction { db in
            let old: T? = try await Self.document(db, key)
            try await Self.write(db, key, value)
            try await audit.record(db, by: actor, before: before(old), after: value)
        }
    }
}
