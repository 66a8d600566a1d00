import Foundation
import SQLKit
import SaferDomain

/// Accounts in SQL.
public struct SQLUserRepository: UserRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Row: Decodable {
        let id: String, email: String, name: String, role: String, organisationId: String?
        let passwordHash: String, disabled: Int, createdAt: Int64

        var user: User {
            User(id: id, email: email, name: name, role: Role(rawValue: role) ?? .councillor, organisationID: organisationId,
                 passwordHash: passwordHash, disabled: disabled != 0, createdAt: Date(storedMillis: createdAt))
        }
    }

    public func create(_ user: User, by actor: Actor) async throws {
        let email = User.normalisedEmail(user.email)
        try await database.transaction { db in
            if try await Self.fetch(db, "email", email) != nil {
                throw DomainError.conflict("An account with the e-mail address \(email) already exists.")
            }
            try await db.insert(into: "users")
                .columns("id", "email", "name", "role", "organisation_id", "password_hash", "disabled", "created_at")
                .values(SQLBind(user.id), SQLBind(email), SQLBind(user.name), SQLBind(user.role.rawValue),
                        SQLBind(user.organisationID), SQLBind(user.passwordHash), SQLBind(user.disabled ? 1 : 0),
                        SQLBind(user.createdAt.storedMillis))
                .run()
            var stored = user
            stored.email = email
            try await audit.record(db, by: actor, before: nil as User?, after: stored)
        }
    }

    public func update(_ user: User, by actor: Actor) async throws {
        let email = User.normalisedEmail(user.email)
        try await database.transaction { db in
            guard let before = try await Self.fetch(db, "id", user.id) else {
                throw DomainError.notFound(entity: "account", id: user.id)
            }
            if let other = try await Self.fetch(db, "email", email), other.id != user.id {
                throw DomainError.conflict("Another account already uses the e-mail address \(email).")
            }
            try await db.update("users")
                .set("email", to: email).set("name", to: user.name).set("role", to: user.role.rawValue)
                .set("organisation_id", to: user.organisationID).set("password_hash", to: user.passwordHash)
                .set("disabled", to: user.disabled ? 1 : 0)
                .where("id", .equal, user.id)
                .run()
            var after = user
            after.email = email
            try await audit.record(db, by: actor, before: AuditedUser(before, passwordChanged: false),
                                   after: AuditedUser(after, passwordChanged: before.passwordHash != user.passwordHash))
        }
    }

    public func find(id: String) async throws -> User? {
        try await Self.fetch(database.sql, "id", id)
    }

    public func find(email: String) async throws -> User? {
        try await Self.fetch(database.sql, "email", User.normalisedEmail(email))
    }

    public func list() async throws -> [User] {
        try await database.sql.select().column("*").from("users").orderBy("name").orderBy("email")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.user)
    }

    static func fetch(_ db: any SQLDatabase, _ column: String, _ value: String) async throws -> User? {
        try await db.select().column("*").from("users").where(SQLIdentifier(column), .equal, value)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.user
    }
}

/// A user as the audit log sees it: the password shows only whether it changed.
private struct AuditedUser: Auditable {
    static let auditEntity = User.auditEntity
    let user: User
    let passwordChanged: Bool
    init(_ user: User, passwordChanged: Bool) { self.user = user; self.passwordChanged = passwordChanged }
    var auditID: String { user.id }
    var auditFields: [String: String] {
        var fields = user.auditFields
        fields["password"] = passwordChanged ? "(changed)" : "(set)"
        return fields
    }
}
