import Foundation
import SQLKit
import SaferDomain

/// Partner organisations in SQL.
public struct SQLOrganisationRepository: OrganisationRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Row: Decodable {
        let id: String, name: String, kind: String
        func organisation() throws -> Organisation {
            Organisation(id: id, name: name, kind: try StoredRow(table: "organisations", id: id).value(kind, "kind"))
        }
    }

    public func create(_ organisation: Organisation, by actor: Actor) async throws {
        try await database.transaction { db in
            if try await Self.fetch(db, "name_key", organisation.name.lowercased()) != nil {
                throw DomainError.conflict("An organisation called \(organisation.name) already exists.")
            }
            try await db.insert(into: "organisations").columns("id", "name", "name_key", "kind")
                .values(SQLBind(organisation.id), SQLBind(organisation.name), SQLBind(organisation.name.lowercased()),
                        SQLBind(organisation.kind.rawValue))
                .run()
            try await audit.record(db, by: actor, before: nil as Organisation?, after: organisation)
        }
    }

    public func update(_ organisation: Organisation, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let before = try await Self.fetch(db, "id", organisation.id) else {
                throw DomainError.notFound(entity: "organisation", id: organisation.id)
            }
            if let other = try await Self.fetch(db, "name_key", organisation.name.lowercased()), other.id != organisation.id {
                throw DomainError.conflict("Another organisation is already called \(organisation.name).")
            }
            try await db.update("organisations")
                .set("name", to: organisation.name).set("name_key", to: organisation.name.lowercased())
                .set("kind", to: organisation.kind.rawValue)
                .where("id", .equal, organisation.id).run()
            try await audit.record(db, by: actor, before: before, after: organisation)
        }
    }

    public func find(id: String) async throws -> Organisation? { try await Self.fetch(database.sql, "id", id) }

    public func find(name: String) async throws -> Organisation? {
        try await Self.fetch(database.sql, "name_key", name.trimmingCharacters(in: .whitespaces).lowercased())
    }

    public func list() async throws -> [Organisation] {
        try await database.sql.select().column("*").from("organisations").orderBy("name_key")
            .all(decoding: Row.self).map { try $0.organisation() }
    }

    static func fetch(_ db: any SQLDatabase, _ column: String, _ value: String) async throws -> Organisation? {
        try await db.select().column("*").from("organisations").where(SQLIdentifier(column), .equal, value)
            .first(decoding: Row.self)?.organisation()
    }
}
