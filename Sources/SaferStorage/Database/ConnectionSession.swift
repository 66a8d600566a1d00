import Logging
import NIOCore
import SQLKit
import SQLiteNIO
import VaporCSQLite

/// The SQLKit session of a transaction, which also knows its connection, so a bulk writer
/// can use what SQL through SQLKit cannot: on SQLite one statement prepared and reused for
/// every row (SQLiteNIO prepares every query afresh, which for a large import costs more than
/// the inserting), on PostgreSQL `COPY ... FROM STDIN`.
struct ConnectionSession<Connection: Sendable>: SQLDatabaseWrapper {
    let connection: Connection
    let base: any SQLDatabase

    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await closure(self)
    }
}

extension ConnectionSession where Connection == SQLiteConnection {
    init(_ connection: SQLiteConnection) {
        self.init(connection: connection, base: connection.sql(queryLogLevel: .trace))
    }

    /// The connection's `sqlite3*`, while a transaction is open on it; nil otherwise, or when
    /// this SQLiteNIO keeps its handle under another name (callers then fall back to SQL).
    ///
    /// SQLiteNIO keeps the handle internal (`SQLiteConnection.handle.raw`); reflection reads it
    /// without changing the package. Requiring an open transaction makes sure the pointer found
    /// is this session's live connection.
    func transactionHandle() -> OpaquePointer? {
        guard let box = Mirror(reflecting: connection).descendant("handle"),
              let raw = Mirror(reflecting: box).descendant("raw"),
              let handle = raw as? OpaquePointer,
              sqlite_nio_sqlite3_get_autocommit(handle) == 0 else { return nil }
        return handle
    }
}

/// An `SQLDatabase` that hands every query to `base`; only its sessions are its own.
protocol SQLDatabaseWrapper: SQLDatabase {
    var base: any SQLDatabase { get }
}

extension SQLDatabaseWrapper {
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) -> EventLoopFuture<Void> {
        base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> ()) async throws {
        try await base.execute(sql: query, onRow)
    }
}
