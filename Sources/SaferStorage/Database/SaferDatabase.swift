import Foundation
// The connection pools lock internally; AsyncKit predates Sendable annotations.
@preconcurrency import AsyncKit
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import PostgresKit
import SQLiteKit
import SQLKit
import SaferDomain

/// The open database: one SQLKit interface whichever engine is behind it.
public final class SaferDatabase: Sendable {
    /// Which engine, for the few places the dialects differ (locks, upserts).
    public enum Engine: String, Sendable { case sqlite, postgres }

    public let engine: Engine
    public let url: DatabaseURL
    /// Queries go through this; it takes a pooled connection per query.
    public let sql: any SQLDatabase
    private let shutdownPool: @Sendable () async throws -> Void

    private init(engine: Engine, url: DatabaseURL, sql: any SQLDatabase, shutdown: @escaping @Sendable () async throws -> Void) {
        self.engine = engine
        self.url = url
        self.sql = sql
        self.shutdownPool = shutdown
    }

    /// Opens a pool and checks that the database answers, so a bad URL fails at start-up
    /// with a message naming it (password masked).
    /// `searchPath` puts PostgreSQL tables in a schema other than `public` (tests use one per test);
    /// `connectionsPerThread` bounds a PostgreSQL pool (each of the machine's event-loop threads keeps its own).
    ///
    /// SQLite gets one writer connection, on one event loop, so writes queue for it without
    /// blocking a thread, plus a pool of read-only connections (WAL lets readers work while the
    /// writer writes): a SELECT outside a transaction goes to a reader, so reports never queue
    /// behind an import or an upload. Only one connection writes: SQLiteNIO's busy handler retries
    /// without end on a thread of the shared pool, and with several writers two waiting for a
    /// third's lock held both threads so the third could never commit (measured: six simultaneous
    /// uploads hung for good). Readers never take the write lock, so they cannot do that. Other
    /// processes on the same file (the command line while the server runs) wait up to 10 s for
    /// the write lock, then get an error.
    /// How long a write waits for SQLite's one writer connection before it fails. Writes queue
    /// there by design, one after another; a burst of them (sign-in attempts under attack, a crew
    /// syncing a day's reports) on a busy machine can queue for more than the pool's default 10 s,
    /// which failed them with `connectionRequestTimeout` (measured in CI: 24 parallel sign-in
    /// updates while the test suite loaded both cores). Readers keep the default.
    static let writerWait: TimeAmount = .seconds(60)

    public static func open(_ url: DatabaseURL, searchPath: [String]? = nil, connectionsPerThread: Int? = nil,
                            logger: Logger = Logger(label: "safer.db")) async throws -> SaferDatabase {
        let group = MultiThreadedEventLoopGroup.singleton
        let database: SaferDatabase
        switch url {
        case .sqlite(let path):
            let source = SQLiteConnectionSource(configuration: .init(storage: .file(path: path)))
            let pool = EventLoopGroupConnectionPool(source: source, maxConnectionsPerEventLoop: 1, requestTimeout: writerWait, logger: logger, on: group.next())
            let readers = EventLoopGroupConnectionPool(source: ReadOnlySQLiteSource(base: source), maxConnectionsPerEventLoop: sqliteReaders,
                                                      logger: logger, on: group.next())
            database = SaferDatabase(engine: .sqlite, url: url, sql: SQLitePoolDatabase(pool: pool, readers: readers, logger: logger),
                                     shutdown: { try await readers.shutdownAsync(); try await pool.shutdownAsync() })
        case .postgres(let text):
            var configuration: SQLPostgresConfiguration
            do { configuration = try SQLPostgresConfiguration(url: text) } catch {
                throw DatabaseOpenError(url: url, reason: "the URL is not understood (\(error))")
            }
            if let searchPath { configuration.searchPath = searchPath }
            let pool = EventLoopGroupConnectionPool(
                source: PostgresConnectionSource(sqlConfiguration: configuration),
                maxConnectionsPerEventLoop: connectionsPerThread ?? 4, logger: logger, on: group)
            database = SaferDatabase(engine: .postgres, url: url, sql: PostgresPoolDatabase(pool.database(logger: logger)),
                                     shutdown: { try await pool.shutdownAsync() })
        }
        do {
            try await database.ping()
            if database.engine == .sqlite {
                try await database.sql.raw("PRAGMA journal_mode=WAL").run()
                try await database.sql.raw("PRAGMA busy_timeout=10000").run()
            }
        } catch {
            try? await database.shutdown()
            throw DatabaseOpenError(url: url, reason: DatabaseOpenError.describe(error))
        }
        return database
    }

    /// A trivial query: does the database answer?
    public func ping() async throws {
        _ = try await sql.raw("SELECT 1 AS one").first()
    }

    /// Runs `body` in one transaction: everything or nothing.
    public func transaction<R: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let begin: SQLQueryString = engine == .sqlite ? "BEGIN IMMEDIATE" : "BEGIN"
        return try await sql.withSession { session in
            try await session.raw(begin).run()
            do {
                let result = try await body(session)
                try await session.raw("COMMIT").run()
                return result
            } catch {
                try? await session.raw("ROLLBACK").run()
                throw error
            }
        }
    }

    private let closed = NIOLockedValueBox(false)

    /// Closes every pooled connection. Calling it again does nothing.
    public func shutdown() async throws {
        let first = closed.withLockedValue { wasClosed in
            defer { wasClosed = true }
            return !wasClosed
        }
        if first { try await shutdownPool() }
    }
}

/// The database named could not be opened.
public struct DatabaseOpenError: Error, CustomStringConvertible {
    public let url: DatabaseURL
    public let reason: String
    public var description: String { "Cannot open the database \(url): \(reason)." }

    static func describe(_ error: any Error) -> String {
        let text = String(reflecting: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "the server refused the connection (is PostgreSQL running on that host and port?)" }
        if text.contains("28P01") || text.contains("password authentication failed") { return "the user name or password was not accepted" }
        if text.contains("3D000") { return "that database does not exist on the server" }
        if text.contains("unable to open") || text.contains("cantOpen") { return "the file cannot be created or opened (does its folder exist, and may Safer write there?)" }
        return text
    }
}

/// Read-only connections for reports: `query_only` makes a write sent here by mistake fail
/// loudly instead of taking the write lock.
struct ReadOnlySQLiteSource: ConnectionPoolSource {
    let base: SQLiteConnectionSource

    func makeConnection(logger: Logger, on eventLoop: any EventLoop) -> EventLoopFuture<SQLiteConnection> {
        base.makeConnection(logger: logger, on: eventLoop).flatMap { connection in
            connection.query("PRAGMA query_only = ON").flatMap { _ in connection.query("PRAGMA busy_timeout = 10000") }.map { _ in connection }
        }
    }
}

/// How many read-only SQLite connections a server keeps (queries run on the shared thread pool,
/// so more would only wait there).
let sqliteReaders = 4

/// SQLKit over SQLite: one writer connection and a pool of readers. A query is sent to a reader
/// when it is a SELECT outside a session (transactions always use the writer).
struct SQLitePoolDatabase: SQLDatabase {
    let pool: EventLoopGroupConnectionPool<SQLiteConnectionSource>
    let readers: EventLoopGroupConnectionPool<ReadOnlySQLiteSource>
    let logger: Logger
    var eventLoop: any EventLoop { pool.eventLoopGroup.any() }
    var dialect: any SQLDialect { SQLiteDialect() }
    var queryLogLevel: Logger.Level? { .trace }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        if Self.isRead(query, in: self) {
            return readers.withConnection(logger: logger) { $0.sql(queryLogLevel: .trace).execute(sql: query, onRow) }
        }
        return pool.withConnection(logger: logger) { $0.sql(queryLogLevel: .trace).execute(sql: query, onRow) }
    }

    /// Whether the statement only reads: it starts with SELECT (or WITH … SELECT, without a
    /// write in it). PRAGMA and everything else go to the writer.
    static func isRead(_ query: any SQLExpression, in database: any SQLDatabase) -> Bool {
        if query is SQLSelect { return true }   // the select builder's: no need to write it out twice
        var serializer = SQLSerializer(database: database)
        query.serialize(to: &serializer)
        let text = serializer.sql.drop { $0.isWhitespace || $0 == "(" }.prefix(6).uppercased()
        if text == "SELECT" { return true }
        guard text.hasPrefix("WITH") else { return false }
        let upper = serializer.sql.uppercased()
        return !["INSERT", "UPDATE", "DELETE", "REPLACE"].contains { upper.contains($0) }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await execute(sql: query, onRow).get()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await pool.withConnection(logger: logger) { connection in
            connection.eventLoop.makeFutureWithTask { try await closure(ConnectionSession(connection)) }
        }.get()
    }
}

/// PostgresKit's SQLKit over a pool, whose sessions also carry their connection (for `COPY`).
struct PostgresPoolDatabase: SQLDatabaseWrapper {
    let database: any PostgresDatabase
    let base: any SQLDatabase

    init(_ database: any PostgresDatabase) {
        self.database = database
        self.base = database.sql()
    }

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        let level = queryLogLevel
        return try await database.withConnection { connection in
            connection.eventLoop.makeFutureWithTask {
                try await closure(ConnectionSession(connection: connection, base: connection.sql(queryLogLevel: level)))
            }
        }.get()
    }
}

