import Foundation
import SQLKit
import SaferDomain

/// Monthly figures and supplied totals in SQL.
public struct SQLFigureRepository: FigureRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Row: Decodable { let indicatorKey: String, areaKey: String, month: String, value: Double?, status: String }
    struct SuppliedRow: Decodable { let indicatorKey: String, areaKey: String, firstMonth: String, lastMonth: String, value: Double }

    @discardableResult
    public func set(_ figures: [MonthlyFigure], by actor: Actor) async throws -> Int {
        guard !figures.isEmpty else { return 0 }
        try await checkKeys(indicators: Set(figures.map(\.indicatorKey)), areas: Set(figures.map(\.areaKey)))
        return try await database.transaction { db in
            var changed = 0
            for figure in figures {
                let existing = try await db.select().column("*").from("figures")
                    .where("indicator_key", .equal, figure.indicatorKey).where("area_key", .equal, figure.areaKey)
                    .where("month", .equal, figure.month.description)
                    .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
                let before = existing.map { MonthlyFigure(indicatorKey: figure.indicatorKey, areaKey: figure.areaKey, month: figure.month, value: Self.value($0)) }
                if before?.value == figure.value || (before == nil && figure.value == .notReported) { continue }
                switch figure.value {
                case .notReported:
                    try await db.delete(from: "figures").where("indicator_key", .equal, figure.indicatorKey)
                        .where("area_key", .equal, figure.areaKey).where("month", .equal, figure.month.description).run()
                case .number, .tbc:
                    let (value, status) = Self.columns(figure.value)
                    if existing == nil {
                        try await db.insert(into: "figures").columns("indicator_key", "area_key", "month", "value", "status")
                            .values(SQLBind(figure.indicatorKey), SQLBind(figure.areaKey), SQLBind(figure.month.description),
                                    SQLBind(value), SQLBind(status)).run()
                    } else {
                        try await db.update("figures").set("value", to: value).set("status", to: status)
                            .where("indicator_key", .equal, figure.indicatorKey).where("area_key", .equal, figure.areaKey)
                            .where("month", .equal, figure.month.description).run()
                    }
                }
                try await audit.record(db, by: actor, before: before, after: figure.value == .notReported ? nil : figure)
                changed += 1
            }
            return changed
        }
    }

    public func setSuppliedTotal(indicatorKey: String, areaKey: String, period: Period, value: Double?, by actor: Actor) async throws {
        try await checkKeys(indicators: [indicatorKey], areas: [areaKey])
        try await database.transaction { db in
            let matching = { (query: any SQLPredicateBuilder) in
                _ = query.where("indicator_key", .equal, indicatorKey).where("area_key", .equal, areaKey)
                    .where("first_month", .equal, period.first.description).where("last_month", .equal, period.last.description)
            }
            let select = db.select().column("value").from("supplied_totals")
            matching(select)
            let before = try await select.first(decodingColumn: "value", as: Double.self)
            if before == value { return }
            let delete = db.delete(from: "supplied_totals")
            matching(delete)
            try await delete.run()
            if let value {
                try await db.insert(into: "supplied_totals").columns("indicator_key", "area_key", "first_month", "last_month", "value")
                    .values(SQLBind(indicatorKey), SQLBind(areaKey), SQLBind(period.first.description),
                            SQLBind(period.last.description), SQLBind(value)).run()
            }
            let record = { (v: Double?) in v.map { SuppliedTotal(id: "\(indicatorKey)/\(areaKey)/\(period)", value: $0) } }
            try await audit.record(db, by: actor, before: record(before), after: record(value))
        }
    }

    public func figures(indicatorKeys: [String], areaKey: String) async throws -> [String: IndicatorFigures] {
        guard !indicatorKeys.isEmpty else { return [:] }
        return try await load { query in
            query.where("indicator_key", .in, indicatorKeys).where("area_key", .equal, areaKey)
        }.reduce(into: [:]) { result, item in result[item.key.indicator] = item.value }
    }

    public func figuresByArea(indicatorKey: String) async throws -> [String: IndicatorFigures] {
        try await load { query in query.where("indicator_key", .equal, indicatorKey) }
            .reduce(into: [:]) { result, item in result[item.key.area] = item.value }
    }

    // MARK: - Helpers

    private struct Key: Hashable { let indicator: String; let area: String }

    /// Reads the three tables with the same filter and assembles figures per indicator and area.
    private func load(_ filter: (SQLSelectBuilder) -> SQLSelectBuilder) async throws -> [Key: IndicatorFigures] {
        var result: [Key: IndicatorFigures] = [:]
        for row in try await filter(database.sql.select().column("*").from("figures"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase) {
            guard let month = Month(row.month) else { continue }
            result[Key(indicator: row.indicatorKey, area: row.areaKey), default: IndicatorFigures()].months[month] = Self.value(row)
        }
        for row in try await filter(database.sql.select().column("*").from("supplied_totals"))
            .all(decoding: SuppliedRow.self, keyDecodingStrategy: .convertFromSnakeCase) {
            guard let first = Month(row.firstMonth), let last = Month(row.lastMonth), let period = try? Period(first: first, last: last) else { continue }
            result[Key(indicator: row.indicatorKey, area: row.areaKey), default: IndicatorFigures()].supplied[period] = row.value
        }
        return result
    }

    /// Unknown indicator or area keys are named, rather than failing on a foreign key.
    private func checkKeys(indicators: Set<String>, areas: Set<String>) async throws {
        var problems = ValidationProblems()
        if !indicators.isEmpty {
            let known = Set(try await database.sql.select().column("key").from("indicators").where("key", .in, Array(indicators))
                .all(decodingColumn: "key", as: String.self))
            for key in indicators.subtracting(known).sorted() {
                problems.add("There is no indicator '\(key)': check the key against 'safer indicator list', or add it first.", field: "indicator")
            }
        }
        let knownAreas = Set(try await database.sql.select().column("key").from("areas").where("key", .in, Array(areas))
            .all(decodingColumn: "key", as: String.self))
        for key in areas.subtracting(knownAreas).sorted() {
            problems.add("There is no area '\(key)': use the district's key or a beat's key.", field: "area")
        }
        try problems.throwIfAny()
    }

    static func value(_ row: Row) -> FigureValue {
        row.status == "tbc" ? .tbc : row.value.map(FigureValue.number) ?? .notReported
    }

    static func columns(_ value: FigureValue) -> (Double?, String) {
        switch value {
        case .number(let number): (number, "number")
        case .tbc, .notReported: (nil, "tbc")
        }
    }
}

/// A supplied total as the audit log sees it.
struct SuppliedTotal: Auditable {
    let id: String
    let value: Double
    static let auditEntity = "supplied-total"
    var auditID: String { id }
    var auditFields: [String: String] { ["value": DisplayFormat.number(value, decimals: 2)] }
}
