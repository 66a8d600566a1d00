import Foundation
import SQLKit
import SaferDomain

/// Areas and the LSOA lookup in SQL.
public struct SQLAreaRepository: AreaRepository {
    let database: SaferDatabase
    let audit: AuditWriter
    let clock: any SaferClock
    let ids: any IDGenerator

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
        self.clock = clock
        self.ids = ids
    }

    struct Row: Decodable {
        let key: String, name: String, kind: String, parentKey: String?, population: Int?, residentialProperties: Int?
        func area() throws -> Area {
            Area(key: key, name: name, kind: try StoredRow(table: "areas", id: key).value(kind, "kind"), parentKey: parentKey,
                 population: population, residentialProperties: residentialProperties)
        }
    }

    public func save(_ area: Area, by actor: Actor) async throws {
        try await database.transaction { db in
            let before = try await Self.fetch(db, key: area.key)
            if before == nil {
                try await db.insert(into: "areas").columns("key", "name", "kind", "parent_key", "population", "residential_properties")
                    .values(SQLBind(area.key), SQLBind(area.name), SQLBind(area.kind.rawValue), SQLBind(area.parentKey),
                            SQLBind(area.population), SQLBind(area.residentialProperties)).run()
            } else {
                try await db.update("areas").set("name", to: area.name).set("kind", to: area.kind.rawValue)
                    .set("parent_key", to: area.parentKey).set("population", to: area.population)
                    .set("residential_properties", to: area.residentialProperties)
                    .where("key", .equal, area.key).run()
            }
            try await audit.record(db, by: actor, before: before, after: area)
        }
    }

    public func remove(key: String, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let area = try await Self.fetch(db, key: key) else { throw DomainError.notFound(entity: "area", id: key) }
            func count(_ table: String, where column: String) async throws -> Int {
                try await db.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where(column, .equal, key)
                    .first(decodingColumn: "n", as: Int.self) ?? 0
            }
            var uses: [String] = []
            let figures = try await count("figures", where: "area_key") + count("supplied_totals", where: "area_key")
            if figures > 0 { uses.append("\(figures) figure\(figures == 1 ? "" : "s")") }
            let lookup = try await count("lsoa_lookup", where: "beat_key") + count("lsoa_lookup", where: "ward_key")
            if lookup > 0 { uses.append("\(lookup) row\(lookup == 1 ? "" : "s") of the LSOA lookup") }
            let children = try await count("areas", where: "parent_key")
            if children > 0 { uses.append("\(children) beat\(children == 1 ? "" : "s") or ward\(children == 1 ? "" : "s") under it") }
            guard uses.isEmpty else {
                throw ValidationError("\(area.name) (\(key)) is still used by \(uses.joined(separator: ", ")): change or remove those first, or keep the area.", field: "key")
            }
            try await db.delete(from: "area_populations").where("area_key", .equal, key).run()
            try await db.delete(from: "areas").where("key", .equal, key).run()
            try await audit.record(db, by: actor, before: area, after: nil)
        }
    }

    public func find(key: String) async throws -> Area? { try await Self.fetch(database.sql, key: key) }

    public func save(_ population: AreaPopulation, by actor: Actor) async throws {
        try await database.transaction { db in
            let before = try await Self.populations(db, areaKey: population.areaKey).first { $0.year == population.year }
            try await db.delete(from: "area_populations").where("area_key", .equal, population.areaKey).where("year", .equal, population.year).run()
            try await db.insert(into: "area_populations").columns("area_key", "year", "population", "households")
                .values(SQLBind(population.areaKey), SQLBind(population.year), SQLBind(population.population), SQLBind(population.households)).run()
            try await audit.record(db, by: actor, before: before, after: population)
        }
    }

    public func populations(areaKey: String) async throws -> [AreaPopulation] { try await Self.populations(database.sql, areaKey: areaKey) }

    static func populations(_ db: any SQLDatabase, areaKey: String) async throws -> [AreaPopulation] {
        struct Row: Decodable { let areaKey: String, year: Int, population: Int?, households: Int? }
        return try await db.select().column("*").from("area_populations").where("area_key", .equal, areaKey).orderBy("year")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { AreaPopulation(areaKey: $0.areaKey, year: $0.year, population: $0.population, households: $0.households) }
    }

    public func list(kind: Area.Kind?) async throws -> [Area] {
        let query = database.sql.select().column("*").from("areas")
        if let kind { query.where("kind", .equal, kind.rawValue) }
        return try await query.orderBy("name").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.area() }
    }

    public func replaceLookup(_ rows: [LSOAMapping], by actor: Actor) async throws -> Int {
        let areaKeys = Set(try await list(kind: nil).map(\.key))
        var problems = ValidationProblems()
        for (index, row) in rows.enumerated() {
            for key in [row.beatKey, row.wardKey].compactMap({ $0 }) where !areaKeys.contains(key) {
                problems.add("Row \(index + 2): area '\(key)' does not exist: add it first, or check the spelling.")
            }
        }
        try problems.throwIfAny()
        let entry = AuditEntry(id: ids.next(), at: clock.now(), actor: actor, action: .update, entity: "lsoa-lookup",
                               entityID: "all", changes: [FieldChange(field: "rows", before: nil, after: String(rows.count))])
        try await database.transaction { db in
            try await db.delete(from: "lsoa_lookup").run()
            for chunk in stride(from: 0, to: rows.count, by: 200) {
                let insert = db.insert(into: "lsoa_lookup").columns("lsoa_code", "lsoa_name", "beat_key", "ward_key")
                for row in rows[chunk..<min(chunk + 200, rows.count)] {
                    insert.values(SQLBind(row.lsoaCode), SQLBind(row.lsoaName), SQLBind(row.beatKey), SQLBind(row.wardKey))
                }
                try await insert.run()
            }
            try await AuditWriter.insert(entry, into: db)
        }
        return rows.count
    }

    public func lookup() async throws -> [LSOAMapping] {
        struct LookupRow: Decodable { let lsoaCode: String, lsoaName: String, beatKey: String?, wardKey: String? }
        return try await database.sql.select().column("*").from("lsoa_lookup").orderBy("lsoa_code")
            .all(decoding: LookupRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { LSOAMapping(lsoaCode: $0.lsoaCode, lsoaName: $0.lsoaName, beatKey: $0.beatKey, wardKey: $0.wardKey) }
    }

    static func fetch(_ db: any SQLDatabase, key: String) async throws -> Area? {
        try await db.select().column("*").from("areas").where("key", .equal, key)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.area()
    }
}

extension Area: Auditable {
    public static let auditEntity = "area"
    public var auditID: String { key }
    public var auditFields: [String: String] {
        ["name": name, "kind": kind.rawValue, "parent": parentKey ?? "", "population": population.map(String.init) ?? "",
         "residential properties": residentialProperties.map(String.init) ?? ""]
    }
}
