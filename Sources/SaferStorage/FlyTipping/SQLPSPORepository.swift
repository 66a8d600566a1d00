import Foundation
import SQLKit
import SaferDomain

/// Public Spaces Protection Orders in SQL; an order's lists are kept as one JSON document.
public struct SQLPSPORepository: PSPORepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Details: Codable {
        let roads: [String], polygon: [[Double]], articles: [String], exceptions: [String]
        let variations: [PublicSpacesProtectionOrder.Variation]
    }
    struct Row: Decodable { let id: String, name: String, startDay: String, expiryDay: String, details: String }

    static func details(_ order: PublicSpacesProtectionOrder) throws -> String {
        let details = Details(roads: order.roads, polygon: order.polygon.map { [$0.latitude, $0.longitude] }, articles: order.articles,
                              exceptions: order.exceptions, variations: order.variations)
        return String(decoding: try JSONEncoder().encode(details), as: UTF8.self)
    }

    public func add(_ order: PublicSpacesProtectionOrder, by actor: Actor) async throws {
        try order.validate()
        try await database.transaction { db in
            try await db.insert(into: "pspos").columns("id", "name", "start_day", "expiry_day", "details")
                .values(SQLBind(order.id), SQLBind(order.name), SQLBind(order.start.description), SQLBind(order.expiry.description),
                        SQLBind(try Self.details(order))).run()
            try await audit.record(db, by: actor, before: nil as PublicSpacesProtectionOrder?, after: order)
        }
    }

    public func addVariation(orderID: String, _ variation: PublicSpacesProtectionOrder.Variation, by actor: Actor) async throws {
        guard !variation.text.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("Give the variation's text.", field: "text") }
        try await database.transaction { db in
            guard let before = try await Self.list(db, id: orderID).first else { throw DomainError.notFound(entity: "PSPO", id: orderID) }
            var after = before
            after.variations = (before.variations + [variation]).sorted { $0.date < $1.date }
            try await db.update("pspos").set("details", to: try Self.details(after)).where("id", .equal, orderID).run()
            try await audit.record(db, by: actor, before: before, after: after)
        }
    }

    public func list() async throws -> [PublicSpacesProtectionOrder] { try await Self.list(database.sql, id: nil) }

    static func list(_ db: any SQLDatabase, id: String?) async throws -> [PublicSpacesProtectionOrder] {
        let query = db.select().column("*").from("pspos")
        if let id { query.where("id", .equal, id) }
        return try await query.orderBy("start_day", .descending).orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { row in
                let stored = StoredRow(table: "pspos", id: row.id)
                let details = try stored.parsed(row.details, "details") { try? JSONDecoder().decode(Details.self, from: Data($0.utf8)) }
                let polygon = try details.polygon.map { pair in
                    guard pair.count == 2 else { throw StoredValueError(table: "pspos", id: row.id, column: "details.polygon", value: "\(pair)") }
                    return WGS84Point(latitude: pair[0], longitude: pair[1])
                }
                return PublicSpacesProtectionOrder(id: row.id, name: row.name, roads: details.roads, polygon: polygon,
                                                   articles: details.articles, exceptions: details.exceptions,
                                                   start: try stored.parsed(row.startDay, "start_day", CalendarDay.init),
                                                   expiry: try stored.parsed(row.expiryDay, "expiry_day", CalendarDay.init),
                                                   variations: details.variations)
            }
    }
}
