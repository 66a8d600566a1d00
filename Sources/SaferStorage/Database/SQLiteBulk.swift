import Logging
import NIOCore
import NIOPosix
import SQLKit
import SQLiteNIO
// SQLiteNIO's vendored SQLite (its symbols prefixed `sqlite_nio_`). It is the library every
// SQLiteNIO connection already uses, so a statement prepared here shares the connection, its
// transaction and its locks (a second copy of SQLite in the process would not share its locks).
// Importable because SwiftPM hands every target the module maps of its dependencies' C
// targets. If a later sqlite-nio renames it, the build says so; if it renames the connection's
// handle, imports fall back to SQL and a test says the fast path is lost.
import VaporCSQLite

/// One prepared statement on a connection in a transaction, bound and stepped once per row.
/// Calls block, so run them off the event loops (see `run`). Not thread-safe: one user at a time.
///
/// Binds survive `step()`, so a value equal to the one already bound at a position (the month,
/// the force, a NULL) is not bound again: each bind takes the connection's mutex.
final class SQLiteBulkStatement: @unchecked Sendable {
    private let handle: OpaquePointer
    private var statement: OpaquePointer?
    let sql: String
    /// What each position (1-based) holds: an integer, `null`, or `other` (a double or a text).
    /// Raw memory: an array here costs a uniqueness and an exclusivity check per bind.
    private let bound: UnsafeMutableBufferPointer<Int64>
    private static let null = Int64.min, other = Int64.min + 1

    init(handle: OpaquePointer, sql: String) throws {
        self.handle = handle
        self.sql = sql
        let code = sqlite_nio_sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        bound = .allocate(capacity: Int(sqlite_nio_sqlite3_bind_parameter_count(statement)) + 1)
        bound.initialize(repeating: Self.null)
        guard code == SQLITE_OK, statement != nil else { throw error(code) }
    }

    /// Finalises the statement. Called before the transaction commits; `deinit` only covers a
    /// writer dropped on an error path (finalising NULL is a no-op in SQLite).
    func finalize() {
        sqlite_nio_sqlite3_finalize(statement)
        statement = nil
    }

    deinit {
        finalize()
        bound.deallocate()
    }

    // Positions are 1-based, as in SQL.

    @inline(__always) func bind(_ position: Int32, _ value: Int64) {
        guard bound[Int(position)] != value else { return }
        sqlite_nio_sqlite3_bind_int64(statement, position, value)
        bound[Int(position)] = value
    }

    /// Binds NULL for 0, the value otherwise (ids start at 1).
    @inline(__always) func bind(id: Int64, at position: Int32) {
        if id == 0 { bindNull(position) } else { bind(position, id) }
    }

    /// Binds NULL for NaN.
    @inline(__always) func bind(_ position: Int32, _ value: Double) {
        if value.isNaN { return bindNull(position) }
        sqlite_nio_sqlite3_bind_double(statement, position, value)
        bound[Int(position)] = Self.other
    }

    /// Binds UTF-8 bytes as text, NULL when empty. The bytes must stay put until `step()`.
    @inline(__always) func bind(_ position: Int32, _ text: UnsafeRawBufferPointer) {
        guard let base = text.baseAddress, !text.isEmpty else { return bindNull(position) }
        sqlite_nio_sqlite3_bind_text(statement, position, base.assumingMemoryBound(to: CChar.self), Int32(text.count), nil)
        bound[Int(position)] = Self.other
    }

    /// Binds a text, copied.
    func bind(_ position: Int32, _ text: String) {
        var text = text
        text.withUTF8 { bytes in
            _ = bytes.withMemoryRebound(to: CChar.self) {
                sqlite_nio_sqlite3_bind_text(statement, position, $0.baseAddress, Int32($0.count), unsafeBitCast(-1, to: sqlite3_destructor_type.self))
            }
        }
        bound[Int(position)] = Self.other
    }

    @inline(__always) private func bindNull(_ position: Int32) {
        guard bound[Int(position)] != Self.null else { return }
        sqlite_nio_sqlite3_bind_null(statement, position)
        bound[Int(position)] = Self.null
    }

    /// Runs the statement with its binds and readies it for the next row.
    @inline(__always) func step() throws {
        let code = sqlite_nio_sqlite3_step(statement)
        sqlite_nio_sqlite3_reset(statement)
        guard code == SQLITE_DONE else { throw error(code) }
    }

    /// Runs a query of one integer (e.g. `SELECT max(id) ...`): its value, nil for NULL or no row.
    func integer() throws -> Int64? {
        let code = sqlite_nio_sqlite3_step(statement)
        defer { sqlite_nio_sqlite3_reset(statement) }
        guard code == SQLITE_ROW else {
            if code == SQLITE_DONE { return nil }
            throw error(code)
        }
        return sqlite_nio_sqlite3_column_type(statement, 0) == SQLITE_NULL ? nil : sqlite_nio_sqlite3_column_int64(statement, 0)
    }

    /// The rowid of the connection's last inserted row.
    var lastInsertedRowID: Int64 { sqlite_nio_sqlite3_last_insert_rowid(handle) }

    /// Forgets the binds (so no pointer to a freed buffer stays bound).
    func clear() {
        sqlite_nio_sqlite3_clear_bindings(statement)
        bound.update(repeating: Self.null)
    }

    private func error(_ code: Int32) -> SQLiteBulkError {
        SQLiteBulkError(code: code, message: String(cString: sqlite_nio_sqlite3_errmsg(handle)), sql: sql)
    }

    /// Runs blocking statement work on NIO's thread pool, as SQLiteNIO runs its own queries.
    static func run<R: Sendable>(_ work: @escaping @Sendable () throws -> R) async throws -> R {
        try await NIOThreadPool.singleton.runIfActive(work)
    }
}

/// SQLite refused a bulk statement.
struct SQLiteBulkError: Error, CustomStringConvertible {
    let code: Int32
    let message: String
    let sql: String
    var description: String { "SQLite error \(code): \(message) (in \(sql))" }
}
