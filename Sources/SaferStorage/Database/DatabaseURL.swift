import Foundation
import SaferDomain

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL server.
public enum DatabaseURL: Sendable, Hashable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The default: `./safer.sqlite`, created on first run.
    public static let `default` = DatabaseURL.sqlite(path: "safer.sqlite")

    /// Reads `PATH`, `sqlite://PATH` or `postgres://user:pass@host:port/db?...`.
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            throw ValidationError("The database is empty: give a file path, sqlite://PATH or postgres://user:pass@host:port/db.")
        }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            guard let components = URLComponents(string: trimmed), let host = components.host, !host.isEmpty,
                  components.path.count > 1 else {
                throw ValidationError("'\(DatabaseURL.mask(trimmed))' is not a PostgreSQL URL: use postgres://user:pass@host:port/database?tlsmode=disable.")
            }
            self = .postgres(url: trimmed)
        } else if lower.hasPrefix("sqlite://") {
            let path = String(trimmed.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw ValidationError("sqlite:// needs a file path after it, e.g. sqlite://./safer.sqlite.") }
            self = .sqlite(path: path)
        } else if lower.contains("://") {
            throw ValidationError("'\(DatabaseURL.mask(trimmed))' is neither an SQLite file nor a postgres:// URL.")
        } else {
            self = .sqlite(path: trimmed)
        }
    }

    /// The URL with any password replaced by `***`, safe for messages and logs.
    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite://\(path)"
        case .postgres(let url): DatabaseURL.mask(url)
        }
    }

    static func mask(_ url: String) -> String {
        guard var components = URLComponents(string: url), components.password != nil else { return url }
        components.password = "***"
        return components.string ?? "(a database URL)"
    }
}
