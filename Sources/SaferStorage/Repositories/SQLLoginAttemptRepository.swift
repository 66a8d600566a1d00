import Foundation
import SQLKit
import SaferDomain

/// Failed sign-ins in SQL, shared by every node so the back-off cannot be dodged by
/// reaching another node.
public struct SQLLoginAttemptRepository: LoginAttemptRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    public func recordFailure(keys: [String], at now: Date) async throws {
        guard !keys.isEmpty else { return }
        let insert = database.sql.insert(into: "login_failures").columns("key", "at")
        for key in keys { insert.values(SQLBind(key), SQLBind(now.storedMillis)) }
        try await insert.run()
        // Old failures no longer count; keep the table small.
        try await database.sql.delete(from: "login_failures")
            .where("at", .lessThan, now.addingTimeInterval(-86_400).storedMillis).run()
    }

    public func failures(key: String, since: Date) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("login_failures")
            .where("key", .equal, key).where("at", .greaterThanOrEqual, since.storedMillis)
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    public func clear(key: String) async throws {
        try await database.sql.delete(from: "login_failures").where("key", .equal, key).run()
    }
}
