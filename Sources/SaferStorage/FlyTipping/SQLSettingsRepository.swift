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

    public func flyTipSettings() async throws -> FlyTipSettings? { try await Self.read(database.sql) }

    static func read(_ db: any SQLDatabase) async throws -> FlyTipSettings? {
        guard let text = try await db.select().column("value").from("settings").where("key", .equal, flyTipping)
            .first(decodingColumn: "value", as: String.self) else { return nil }
        return try JSONDecoder().decode(FlyTipSettings.self, from: Data(text.utf8))
    }

    public func save(_ settings: FlyTipSettings, by actor: Actor) async throws {
        try settings.validate()
        let text = String(decoding: try JSONEncoder().encode(settings), as: UTF8.self)
        try await database.transaction { db in
            let before = try await Self.read(db)
            try await db.delete(from: "settings").where("key", .equal, Self.flyTipping).run()
            try await db.insert(into: "settings").columns("key", "value").values(SQLBind(Self.flyTipping), SQLBind(text)).run()
            try await audit.record(db, by: actor, before: before ?? FlyTipSettings(), after: settings)
        }
    }

    public func beatBoundaries() async throws -> [BeatBoundary] { try await Self.readBeats(database.sql) }

    static func readBeats(_ db: any SQLDatabase) async throws -> [BeatBoundary] {
        guard let text = try await db.select().column("value").from("settings").where("key", .equal, beats)
            .first(decodingColumn: "value", as: String.self) else { return [] }
        return try JSONDecoder().decode([BeatBoundary].self, from: Data(text.utf8))
    }

    public func replaceBeatBoundaries(_ boundaries: [BeatBoundary], by actor: Actor) async throws {
        let text = String(decoding: try JSONEncoder().encode(boundaries), as: UTF8.self)
        try await database.transaction { db in
            let before = try await Self.readBeats(db)
            try await db.delete(from: "settings").where("key", .equal, Self.beats).run()
            try await db.insert(into: "settings").columns("key", "value").values(SQLBind(Self.beats), SQLBind(text)).run()
            try await audit.record(db, by: actor, before: BeatBoundarySet(boundaries: before), after: BeatBoundarySet(boundaries: boundaries))
        }
    }

    public func bankHolidays() async throws -> BankHolidays? { try await Self.readHolidays(database.sql) }

    static func readHolidays(_ db: any SQLDatabase) async throws -> BankHolidays? {
        guard let text = try await db.select().column("value").from("settings").where("key", .equal, holidays)
            .first(decodingColumn: "value", as: String.self) else { return nil }
        let stored: BankHolidays = try StoredRow(table: "settings", id: Self.holidays).parsed(text, "value") { try? JSONDecoder().decode(BankHolidays.self, from: Data($0.utf8)) }
        return stored
    }

    public func save(_ holidays: BankHolidays, by actor: Actor) async throws {
        let text = String(decoding: try JSONEncoder().encode(holidays), as: UTF8.self)
        try await database.transaction { db in
            let before = try await Self.readHolidays(db)
            try await db.delete(from: "settings").where("key", .equal, Self.holidays).run()
            try await db.insert(into: "settings").columns("key", "value").values(SQLBind(Self.holidays), SQLBind(text)).run()
            try await audit.record(db, by: actor, before: before ?? .englandAndWales, after: holidays)
        }
    }

    public func council() async throws -> Council? { try await Self.readCouncil(database.sql) }

    static func readCouncil(_ db: any SQLDatabase) async throws -> Council? {
        guard let text = try await db.select().column("value").from("settings").where("key", .equal, councilKey)
            .first(decodingColumn: "value", as: String.self) else { return nil }
        let stored: Council = try StoredRow(table: "settings", id: councilKey).parsed(text, "value") { try? JSONDecoder().decode(Council.self, from: Data($0.utf8)) }
        return stored
    }

    public func save(_ council: Council, by actor: Actor) async throws {
        let text = String(decoding: try JSONEncoder().encode(council), as: UTF8.self)
        try await database.transaction { db in
            let before = try await Self.readCouncil(db)
            try await db.delete(from: "settings").where("key", .equal, Self.councilKey).run()
            try await db.insert(into: "settings").columns("key", "value").values(SQLBind(Self.councilKey), SQLBind(text)).run()
            try await audit.record(db, by: actor, before: before, after: council)
        }
    }
}
