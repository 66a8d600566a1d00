import Foundation
import SQLKit
import SaferDomain

/// Sessions in SQL, so that any node behind a load balancer knows every signed-in browser.
public struct SQLSessionRepository: SessionRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    struct Row: Decodable {
        let tokenHash: String, userId: String, csrfToken: String, createdAt: Int64, expiresAt: Int64
        var session: Session {
            Session(tokenHash: tokenHash, userID: userId, csrfToken: csrfToken,
                    createdAt: Date(storedMillis: createdAt), expiresAt: Date(storedMillis: expiresAt))
        }
    }

    public func create(_ session: Session) async throws {
        try await database.sql.insert(into: "sessions")
            .columns("token_hash", "user_id", "csrf_token", "created_at", "expires_at")
            .values(SQLBind(session.tokenHash), SQLBind(session.userID), SQLBind(session.csrfToken),
                    SQLBind(session.createdAt.storedMillis), SQLBind(session.expiresAt.storedMillis))
            .run()
    }

    public func find(tokenHash: String, at now: Date) async throws -> Session? {
        try await database.sql.select().column("*").from("sessions")
            .where("token_hash", .equal, tokenHash).where("expires_at", .greaterThan, now.storedMillis)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.session
    }

    public func delete(tokenHash: String) async throws {
        try await database.sql.delete(from: "sessions").where("token_hash", .equal, tokenHash).run()
    }

    public func deleteAll(userID: String) async throws {
        try await database.sql.delete(from: "sessions").where("user_id", .equal, userID).run()
    }

    public func purge(before now: Date) async throws {
        try await database.sql.delete(from: "sessions").where("expires_at", .lessThanOrEqual, now.storedMillis).run()
    }
}
