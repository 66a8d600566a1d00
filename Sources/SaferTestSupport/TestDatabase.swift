import Foundation
import SaferDomain
import SaferStorage
import SaferApp

/// The database engines a contract test runs on: SQLite always, PostgreSQL whenever
/// `SAFER_TEST_POSTGRES_URL` is set. In CI (`CI=true`) the URL must be set: a missing
/// PostgreSQL fails the run instead of skipping it.
public enum TestEngine: String, CaseIterable, Sendable {
    case sqlite, postgres

    /// The engines to run on here.
    public static var available: [TestEngine] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgres]
    }

    /// The PostgreSQL server for tests, if any.
    public static var postgresURL: String? {
        let environment = ProcessInfo.processInfo.environment
        if let url = environment["SAFER_TEST_POSTGRES_URL"], !url.isEmpty { return url }
        if environment["CI"] == "true" {
            fatalError("CI=true but SAFER_TEST_POSTGRES_URL is not set: CI must run the PostgreSQL tests (scripts/test starts a server).")
        }
        return nil
    }
}

/// A fresh, migrated database for one test: a temporary SQLite file, or a new PostgreSQL schema.
public final class TestDatabase: Sendable {
    public let database: SaferDatabase
    private let cleanup: @Sendable () async throws -> Void

    private init(database: SaferDatabase, cleanup: @escaping @Sendable () async throws -> Void) {
        self.database = database
        self.cleanup = cleanup
    }

    /// Opens an empty database; `migrate: false` leaves it without tables.
    public static func make(_ engine: TestEngine, migrate: Bool = true) async throws -> TestDatabase {
        let test: TestDatabase
        switch engine {
        case .sqlite:
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safer-test-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            let database = try await SaferDatabase.open(.sqlite(path: directory.appendingPathComponent("test.sqlite").path))
            test = TestDatabase(database: database) {
                try await database.shutdown()
                try? FileManager.default.removeItem(at: directory)
            }
        case .postgres:
            guard let url = TestEngine.postgresURL else { fatalError("PostgreSQL tests need SAFER_TEST_POSTGRES_URL") }
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            // Small pools: dozens of tests run at once against one server's connection limit.
            let admin = try await SaferDatabase.open(.postgres(url: url), connectionsPerThread: 1)
            let database: SaferDatabase
            do {
                try await admin.sql.raw("CREATE SCHEMA \(ident: schema)").run()
                database = try await SaferDatabase.open(.postgres(url: url), searchPath: [schema], connectionsPerThread: 1)
            } catch {
                try? await admin.shutdown()
                throw error
            }
            test = TestDatabase(database: database) {
                try? await database.shutdown()
                defer { Task { try? await admin.shutdown() } }
                try await admin.sql.raw("DROP SCHEMA \(ident: schema) CASCADE").run()
                try await admin.shutdown()
            }
        }
        if migrate {
            do { try await Migrator(database: test.database).migrate() } catch {
                try? await test.close()
                throw error
            }
        }
        return test
    }

    /// Closes and removes the database.
    public func close() async throws { try await cleanup() }

    /// Swift Testing runs tests in parallel; at most this many PostgreSQL test databases are
    /// open at once, so the server's connection limit is never the thing under test.
    static let postgresSlots = TestSlots(8)

    /// Runs `body` with a fresh database and always removes it afterwards.
    public static func with<R>(_ engine: TestEngine, migrate: Bool = true, _ body: (SaferDatabase) async throws -> R) async throws -> R {
        if engine == .postgres { await postgresSlots.acquire() }
        defer { if engine == .postgres { Task { await postgresSlots.release() } } }
        let test = try await make(engine, migrate: migrate)
        do {
            let result = try await body(test.database)
            try await test.close()
            return result
        } catch {
            try? await test.close()
            throw error
        }
    }
}

/// A counting semaphore for async tests.
actor TestSlots {
    private var free: Int
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(_ count: Int) { free = count }

    func acquire() async {
        if free > 0 { free -= 1; return }
        await withCheckedContinuation { waiting.append($0) }
    }

    func release() {
        if waiting.isEmpty { free += 1 } else { waiting.removeFirst().resume() }
    }
}
