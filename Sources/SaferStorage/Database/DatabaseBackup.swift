import Crypto
import Foundation
import SQLKit
import SaferDomain

/// Backups and restores of a whole database, and a fingerprint to prove a round trip.
///
/// SQLite: `VACUUM INTO` writes a consistent copy while the server keeps running (readers and
/// the writer carry on; it is SQLite's online copy, like the backup API but in one statement),
/// and a restore checks the copy's integrity and writes it into the new file the same way.
/// PostgreSQL: `pg_dump --format=custom` and `pg_restore`, found on PATH or in Debian's
/// `/usr/lib/postgresql/*/bin`, with the password passed in the environment, never on the command line.
public enum DatabaseBackup {
    /// One table's row count and SHA-256 over its rows in a stable order.
    public struct TableFingerprint: Sendable, Equatable, CustomStringConvertible {
        public let table: String
        public let rows: Int
        public let sha256: String
        public var description: String { "\(table): \(rows) rows, \(sha256.prefix(16))" }
    }

    // MARK: - Backup

    /// Writes a backup of `database` to `path`, which must not exist yet. `schema` names the
    /// PostgreSQL schema (tests keep one per test; deployments use `public`).
    public static func backup(_ database: SaferDatabase, to path: String, schema: String? = nil) async throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw ValidationError("\(path) already exists: give a new file name, so that no backup is overwritten.")
        }
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationError("The folder \(folder) does not exist: create it, or give a path in a folder that does.")
        }
        switch database.url {
        case .sqlite:
            try await database.sql.raw("VACUUM INTO \(bind: path)").run()
        case .postgres(let url):
            try run("pg_dump", arguments: ["--format=custom", "--no-owner", "--file", path] + (schema.map { ["--schema", $0] } ?? []), url: url)
        }
    }

    // MARK: - Restore

    /// Restores a backup into the database at `url`, which must hold no tables (an SQLite file
    /// may also not exist yet). SQLite backups are checked (`PRAGMA integrity_check` and Safer's
    /// migrations table) before anything is written.
    public static func restore(from path: String, into url: DatabaseURL, schema: String? = nil) async throws {
        guard FileManager.default.isReadableFile(atPath: path) else { throw ValidationError("\(path) is not a readable file.") }
        var newFile = false
        if case .sqlite(let target) = url { newFile = !FileManager.default.fileExists(atPath: target) }
        if !newFile {
            let target = try await SaferDatabase.open(url, searchPath: schema.map { [$0] })
            let existing = try await tables(in: target, schema: schema)
            try await target.shutdown()
            guard existing.isEmpty else {
                throw ValidationError("The database \(url) already holds \(existing.count) tables (\(existing.prefix(3).joined(separator: ", "))…): restore into a new, empty database.")
            }
        }
        switch url {
        case .sqlite(let target):
            let source: SaferDatabase
            do { source = try await SaferDatabase.open(.sqlite(path: path)) } catch {
                throw ValidationError("\(path) is not an SQLite file, so not a Safer backup of an SQLite database.")
            }
            do {
                let check = try await source.sql.raw("PRAGMA integrity_check").all(decodingColumn: "integrity_check", as: String.self).first
                guard check == "ok" else { throw ValidationError("\(path) is damaged: SQLite's integrity check says \(check ?? "nothing").") }
                guard try await tables(in: source, schema: nil).contains("safer_migrations") else {
                    throw ValidationError("\(path) is an SQLite file but not a Safer backup (it has no safer_migrations table).")
                }
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
                try await source.sql.raw("VACUUM INTO \(bind: target)").run()
                try await source.shutdown()
            } catch {
                try? await source.shutdown()
                throw error
            }
        case .postgres(let text):
            try run("pg_restore", arguments: ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"], url: text, file: path)
        }
    }

    // MARK: - Fingerprint

    /// Every table's row count and checksum, by table name.
    public static func fingerprint(_ database: SaferDatabase, schema: String? = nil) async throws -> [TableFingerprint] {
        var result: [TableFingerprint] = []
        for table in try await tables(in: database, schema: schema) {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            let query: String
            switch database.engine {
            case .sqlite:
                let columns = try await database.sql.raw("SELECT name FROM pragma_table_info(\(bind: table)) ORDER BY cid").all(decodingColumn: "name", as: String.self)
                let row = columns.map { "quote(\"\($0.replacingOccurrences(of: "\"", with: "\"\""))\")" }.joined(separator: " || '|' || ")
                query = "SELECT \(row) AS r FROM \(quoted) ORDER BY r"
            case .postgres:
                query = "SELECT t::text AS r FROM \(quoted) t ORDER BY r"
            }
            let rows = try await database.sql.raw(SQLQueryString(query)).all(decodingColumn: "r", as: String.self)
            var hash = SHA256()
            for row in rows { hash.update(data: Data((row + "\n").utf8)) }
            result.append(TableFingerprint(table: table, rows: rows.count, sha256: hash.finalize().map { String(format: "%02x", $0) }.joined()))
        }
        return result
    }

    /// The tables of the database (of `schema` on PostgreSQL, else of the search path's first schema), by name.
    static func tables(in database: SaferDatabase, schema: String?) async throws -> [String] {
        switch database.engine {
        case .sqlite:
            try await database.sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
                .all(decodingColumn: "name", as: String.self)
        case .postgres:
            try await database.sql.raw("""
                SELECT table_name::text AS name FROM information_schema.tables
                WHERE table_schema = \(bind: schema ?? "public") AND table_type = 'BASE TABLE' ORDER BY table_name
                """).all(decodingColumn: "name", as: String.self)
        }
    }

    // MARK: - PostgreSQL tools

    /// Runs pg_dump or pg_restore against `url`: host, port, user and database as options,
    /// the password and TLS mode in the environment.
    static func run(_ tool: String, arguments: [String], url: String, file: String? = nil) throws {
        guard let components = URLComponents(string: url), let host = components.host else {
            throw ValidationError("\(DatabaseURL.postgres(url: url)) is not a PostgreSQL URL.")
        }
        guard let executable = find(tool) else {
            throw ValidationError("\(tool) was not found on PATH or in /usr/lib/postgresql/*/bin: install the PostgreSQL client (apt install postgresql-client).")
        }
        var environment = ProcessInfo.processInfo.environment
        environment["PGPASSWORD"] = components.password
        let tlsMode = components.queryItems?.first { $0.name == "tlsmode" || $0.name == "sslmode" }?.value ?? "prefer"
        environment["PGSSLMODE"] = tlsMode == "disable" ? "disable" : (tlsMode == "require" ? "require" : "prefer")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["--host", host, "--port", "\(components.port ?? 5432)", "--username", components.user ?? "postgres",
                                         "--dbname", String(components.path.dropFirst())] + (file.map { [$0] } ?? [])
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ValidationError("\(tool) failed (exit \(process.terminationStatus)): \(String(decoding: message, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    static func find(_ tool: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
        let debian = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        return (path + debian).first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
