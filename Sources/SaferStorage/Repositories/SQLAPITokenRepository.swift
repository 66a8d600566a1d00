import Foundation
import SQLKit
import SaferDomain

/// API tokens in SQL: only hashes are stored.
public struct SQLAPITokenRepository: APITokenRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    struct Row: Decodable {
        let id: String, userId: String, name: String, tokenHash: String, createdAt: Int64, lastUsedAt: Int64?, revoked: Int
        var token: APIToken {
            APIToken(id: id, userID: userId, name: name, tokenHash: tokenHash, createdAt: Date(storedMillis: createdAt),
                     lastUsedAt: lastUsedAt.map(Date.init(storedMillis:)), revoked: revoked != 0)
        }
    }

    public func create(_ token: APIToken, by actor: Actor) async throws {
        try await database.transaction { db in
            try await db.insert(into: "api_tokens")
                .columns("id", "user_id", "name", "token_hash", "created_at", "last_used_at", "revoked")
                .values(SQLBind(token.id), SQLBind(token.userID), SQLBind(token.name), SQLBind(token.tokenHash),
                        SQLBind(token.createdAt.storedMillis), SQLBind(token.lastUsedAt?.storedMillis), SQLBind(token.revoked ? 1 : 0))
                .run()
            try await audit.record(db, by: actor, before: nil as APIToken?, after: token)
        }
    }

    public func use(tokenHash: String, at now: Date) async throws -> APIToken? {
        guard let token = try await database.sql.select().column("*").from("api_tokens")
            .where("token_hash", .equal, tokenHash).where("revoked", .equal, 0)
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.token else { return nil }
        try await database.sql.update("api_tokens").set("last_used_at", to: now.storedMillis)
            .where("id", .equal, token.id).run()
        return token
    }

    public func list(userID: String) async throws -> [APIToken] {
        try await database.sql.select().column("*").from("api_tokens").where("user_id", .equal, userID)
            .orderBy("created_at").all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.token)
    }
}
