import Foundation
import SQLKit
import SaferDomain

/// The audit log in SQL. It offers no update or delete, and the table's triggers refuse them.
public struct SQLAuditLogRepository: AuditLogRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    struct Row: Decodable {
        let id: String, at: Int64, actorUserId: String?, actorLabel: String, channel: String
        let action: String, entity: String, entityId: String, changes: String

        func entry() throws -> AuditEntry {
            AuditEntry(id: id, at: Date(storedMillis: at),
                       actor: Actor(userID: actorUserId, label: actorLabel, channel: Actor.Channel(rawValue: channel) ?? .system),
                       action: AuditEntry.Action(rawValue: action) ?? .update, entity: entity, entityID: entityId,
                       changes: try JSONDecoder().decode([FieldChange].self, from: Data(changes.utf8)))
        }
    }

    public func append(_ entry: AuditEntry) async throws {
        try await AuditWriter.insert(entry, into: database.sql)
    }

    public func list(_ filter: AuditFilter) async throws -> [AuditEntry] {
        let query = database.sql.select().column("*").from("audit_log")
        apply(filter, to: query)
        return try await query.orderBy("at", .descending).orderBy("id", .descending)
            .limit(filter.limit).offset(filter.offset)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { try $0.entry() }
    }

    public func count(_ filter: AuditFilter) async throws -> Int {
        let query = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("audit_log")
        apply(filter, to: query)
        return try await query.first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func entities() async throws -> [String] {
        try await database.sql.select().distinct().column("entity").from("audit_log").orderBy("entity")
            .all(decodingColumn: "entity", as: String.self)
    }

    private func apply(_ filter: AuditFilter, to query: SQLSelectBuilder) {
        if let entity = filter.entity { query.where("entity", .equal, entity) }
        if let entityID = filter.entityID { query.where("entity_id", .equal, entityID) }
        if let actor = filter.actorLabel, !actor.isEmpty {
            query.where(SQLFunction("LOWER", args: SQLColumn("actor_label")), .like, SQLBind("%\(actor.lowercased())%"))
        }
        if let action = filter.action { query.where("action", .equal, action.rawValue) }
        if let from = filter.from { query.where("at", .greaterThanOrEqual, from.storedMillis) }
        if let to = filter.to { query.where("at", .lessThan, to.storedMillis) }
    }
}
