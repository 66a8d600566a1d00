import Foundation
import SQLKit
import SaferDomain

/// Themes and indicators in SQL.
public struct SQLIndicatorRepository: IndicatorRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Row: Decodable {
        let key: String, name: String, themeKey: String?, polarity: String, threshold: Double, parentKey: String?
        let kind: String, baseKey: String?, source: String, position: Int, rateBase: String?
    }
    struct CrimeTypeRow: Decodable { let indicatorKey: String; let crimeType: String }

    public func save(_ theme: Theme, by actor: Actor) async throws {
        try await database.transaction { db in
            let before = try await db.select().column("*").from("themes").where("key", .equal, theme.key)
                .first(decoding: Theme.self)
            if before == nil {
                try await db.insert(into: "themes").columns("key", "name", "position")
                    .values(SQLBind(theme.key), SQLBind(theme.name), SQLBind(theme.position)).run()
            } else {
                try await db.update("themes").set("name", to: theme.name).set("position", to: theme.position)
                    .where("key", .equal, theme.key).run()
            }
            try await audit.record(db, by: actor, before: before, after: theme)
        }
    }

    public func themes() async throws -> [Theme] {
        try await database.sql.select().column("*").from("themes").orderBy("position").orderBy("key").all(decoding: Theme.self)
    }

    public func create(_ indicator: Indicator, by actor: Actor) async throws {
        try indicator.validate()
        try await database.transaction { db in
            if try await Self.fetch(db, key: indicator.key) != nil {
                throw DomainError.conflict("An indicator with the key \(indicator.key) already exists: choose another key, or change that one.")
            }
            try await db.insert(into: "indicators")
                .columns("key", "name", "theme_key", "polarity", "threshold", "parent_key", "kind", "base_key", "source", "position", "rate_base")
                .values(SQLBind(indicator.key), SQLBind(indicator.name), SQLBind(indicator.themeKey), SQLBind(indicator.polarity.key),
                        SQLBind(indicator.thresholdPercent), SQLBind(indicator.parentKey), SQLBind(indicator.kind.rawValue),
                        SQLBind(indicator.baseKey), SQLBind(indicator.source.rawValue), SQLBind(indicator.position),
                        SQLBind(indicator.rateBase?.rawValue))
                .run()
            try await Self.writeCrimeTypes(db, indicator)
            try await audit.record(db, by: actor, before: nil as Indicator?, after: indicator)
        }
    }

    public func update(_ indicator: Indicator, by actor: Actor) async throws {
        try indicator.validate()
        try await database.transaction { db in
            guard let before = try await Self.fetch(db, key: indicator.key) else {
                throw DomainError.notFound(entity: "indicator", id: indicator.key)
            }
            try await db.update("indicators")
                .set("name", to: indicator.name).set("theme_key", to: indicator.themeKey).set("polarity", to: indicator.polarity.key)
                .set("threshold", to: indicator.thresholdPercent).set("parent_key", to: indicator.parentKey)
                .set("kind", to: indicator.kind.rawValue).set("base_key", to: indicator.baseKey)
                .set("source", to: indicator.source.rawValue).set("position", to: indicator.position)
                .set("rate_base", to: indicator.rateBase?.rawValue)
                .where("key", .equal, indicator.key).run()
            try await db.delete(from: "indicator_crime_types").where("indicator_key", .equal, indicator.key).run()
            try await Self.writeCrimeTypes(db, indicator)
            try await audit.record(db, by: actor, before: before, after: indicator)
        }
    }

    public func find(key: String) async throws -> Indicator? { try await Self.fetch(database.sql, key: key) }

    public func list() async throws -> [Indicator] {
        let rows = try await database.sql.select().column("*").from("indicators").orderBy("position").orderBy("key")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        let types = try await database.sql.select().column("*").from("indicator_crime_types").orderBy("crime_type")
            .all(decoding: CrimeTypeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byIndicator = Dictionary(grouping: types, by: \.indicatorKey).mapValues { $0.map(\.crimeType) }
        return try rows.map { try Self.indicator($0, crimeTypes: byIndicator[$0.key] ?? []) }
    }

    static func fetch(_ db: any SQLDatabase, key: String) async throws -> Indicator? {
        guard let row = try await db.select().column("*").from("indicators").where("key", .equal, key)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase) else { return nil }
        let types = try await db.select().column("*").from("indicator_crime_types").where("indicator_key", .equal, key)
            .orderBy("crime_type").all(decoding: CrimeTypeRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try indicator(row, crimeTypes: types.map(\.crimeType))
    }

    static func indicator(_ row: Row, crimeTypes: [String]) throws -> Indicator {
        let stored = StoredRow(table: "indicators", id: row.key)
        return Indicator(key: row.key, name: row.name, themeKey: row.themeKey,
                         polarity: try stored.parsed(row.polarity, "polarity") { try? Polarity(parsing: $0) }, thresholdPercent: row.threshold,
                         parentKey: row.parentKey, kind: try stored.value(row.kind, "kind"), baseKey: row.baseKey,
                         source: try stored.value(row.source, "source"), crimeTypes: crimeTypes, position: row.position,
                         rateBase: try stored.optional(row.rateBase, "rate_base"))
    }

    static func writeCrimeTypes(_ db: any SQLDatabase, _ indicator: Indicator) async throws {
        guard !indicator.crimeTypes.isEmpty else { return }
        let insert = db.insert(into: "indicator_crime_types").columns("indicator_key", "crime_type")
        for type in Set(indicator.crimeTypes).sorted() { insert.values(SQLBind(indicator.key), SQLBind(type)) }
        try await insert.run()
    }
}

extension Theme: Auditable {
    public static let auditEntity = "theme"
    public var auditID: String { key }
    public var auditFields: [String: String] { ["name": name, "position": String(position)] }
}
