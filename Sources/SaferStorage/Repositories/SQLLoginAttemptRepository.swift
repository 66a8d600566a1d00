import Foundation
import SQLKit
import SaferDomain

/// Sign-in throttle states in SQL, shared by every node. Each attempt reads and writes its keys'
/// rows in one transaction with the rows locked, so parallel attempts are counted one after another.
/// On PostgreSQL the first statement creates or touches every key's row in one sorted order, which
/// locks them all and marks them in use before anything else happens: two attempts never wait for
/// each other's rows in opposite orders (a deadlock), and another attempt's clear-out of idle keys
/// cannot delete a row between our insert and our read. The clear-out skips rows another attempt
/// holds. On SQLite `BEGIN IMMEDIATE` takes the one write lock, so attempts simply queue.
public struct SQLLoginAttemptRepository: LoginAttemptRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    private struct Row: Codable {
        let key: String
        let attempts: Int
        let windowStart: Int64
        let nextAt: Int64
        enum CodingKeys: String, CodingKey { case key, attempts, windowStart = "window_start", nextAt = "next_at" }
    }

    public func update<Result: Sendable>(keys: [String], now: Date,
                                         _ change: @escaping @Sendable ([String: LoginThrottleState]) -> (states: [String: LoginThrottleState], result: Result))
        async throws -> Result {
        let keys = Array(Set(keys)).sorted()   // one lock order for every attempt: no deadlock
        guard !keys.isEmpty else { return change([:]).result }
        return try await database.transaction { sql in
            // Rows must exist to be locked; a new key starts empty, an existing one is touched (and so locked).
            let insert = sql.insert(into: "login_throttle").columns("key", "attempts", "window_start", "next_at", "updated_at")
            for key in keys { insert.values(SQLBind(key), SQLBind(0), SQLBind(now.storedMillis), SQLBind(now.storedMillis), SQLBind(now.storedMillis)) }
            try await insert.onConflict(with: "key") { $0.set(excludedValueOf: "updated_at") }.run()
            let rows = try await sql.select().columns("key", "attempts", "window_start", "next_at").from("login_throttle")
                .where("key", .in, keys).orderBy("key").for(.update).all(decoding: Row.self)
            let (updated, result) = change(Self.states(rows))
            for (key, state) in updated where keys.contains(key) {
                try await sql.update("login_throttle")
                    .set("attempts", to: SQLBind(state.attempts)).set("window_start", to: SQLBind(state.windowStart.storedMillis))
                    .set("next_at", to: SQLBind(state.nextAt.storedMillis)).set("updated_at", to: SQLBind(now.storedMillis))
                    .where("key", .equal, key).run()
            }
            // Keys idle for a day no longer count; keep the table small.
            let idle = now.addingTimeInterval(-86_400).storedMillis
            switch database.engine {
            case .postgres:
                try await sql.raw("""
                    DELETE FROM login_throttle WHERE key IN
                    (SELECT key FROM login_throttle WHERE updated_at < \(bind: idle) FOR UPDATE SKIP LOCKED)
                    """).run()
            case .sqlite:
                try await sql.delete(from: "login_throttle").where("updated_at", .lessThan, idle).run()
            }
            return result
        }
    }

    public func states(keys: [String]) async throws -> [String: LoginThrottleState] {
        guard !keys.isEmpty else { return [:] }
        return Self.states(try await database.sql.select().columns("key", "attempts", "window_start", "next_at").from("login_throttle")
            .where("key", .in, keys).all(decoding: Row.self))
    }

    private static func states(_ rows: [Row]) -> [String: LoginThrottleState] {
        Dictionary(rows.map {
            ($0.key, LoginThrottleState(attempts: $0.attempts, windowStart: Date(storedMillis: $0.windowStart), nextAt: Date(storedMillis: $0.nextAt)))
        }, uniquingKeysWith: { first, _ in first })
    }
}
