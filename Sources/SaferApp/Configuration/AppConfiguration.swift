import Foundation
import SaferDomain
import SaferStorage

/// Everything Safer can be told at start-up, with defaults. Parsed once in the executable
/// (flags, then environment); tests build it in memory.
public struct AppConfiguration: Sendable {
    public var database: DatabaseURL = .default
    public var host: String = "127.0.0.1"
    public var port: Int = 8080
    /// Signs the anonymous forms' CSRF tokens. Every node behind one load balancer needs the same
    /// value; when unset each process makes its own.
    public var sessionSecret: String = AppConfiguration.randomSecret()
    /// How long a sign-in lasts.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// bcrypt cost: 12 in service; tests use the minimum, 4.
    public var bcryptCost: UInt8 = 12
    /// Marks cookies Secure. `nil`: decide per request from `X-Forwarded-Proto`.
    public var secureCookies: Bool? = nil
    /// Largest request body accepted, in bytes.
    public var maxBodySize: Int = 2 * 1024 * 1024
    /// Fly-tipping unit costs and the council's area.
    public var flyTipping = FlyTipSettings()
    /// Where Leaflet and the map tiles come from.
    public var maps = MapSettings()
    /// The council's reverse proxies, whose `Forwarded` / `X-Forwarded-For` name the client; none by default.
    public var trustedProxies = TrustedProxies()
    /// Headless Chromium for the pack's PDF; nil: look for chromium on PATH.
    public var chromiumPath: String? = nil
    /// Timeouts and the per-address connection cap that keep slow or greedy clients from
    /// using up the server.
    public var connections = ConnectionLimits()
    /// How long personal data is kept (`safer purge`).
    public var retention = RetentionPolicy()

    public init() {}

    /// The keys read from the environment, with what each holds.
    public static let environmentKeys: [(key: String, help: String)] = [
        ("SAFER_DATABASE", "SQLite file path, sqlite://PATH or postgres://user:pass@host:port/db"),
        ("SAFER_HOST", "address to listen on"),
        ("SAFER_PORT", "port to listen on (1-65535)"),
        ("SAFER_SESSION_SECRET", "secret for signing form tokens, at least 32 characters; the same on every node"),
        ("SAFER_SESSION_HOURS", "hours a sign-in lasts (1-168)"),
        ("SAFER_SECURE_COOKIES", "true or false; unset: decided from X-Forwarded-Proto"),
        ("SAFER_BCRYPT_COST", "bcrypt cost for new passwords (10-16)"),
        ("SAFER_LEAFLET_URL", "https base URL holding leaflet.js and leaflet.css, used when Debian's libjs-leaflet is not installed"),
        ("SAFER_TILE_URL", "map tile URL template with {z}, {x} and {y}, e.g. a council's own tile server"),
        ("SAFER_TRUSTED_PROXIES", "comma-separated CIDRs of the reverse proxies whose Forwarded / X-Forwarded-For headers are believed, e.g. 10.0.0.0/8"),
        ("SAFER_CHROMIUM", "path of the Chromium executable that prints committee packs as PDF; unset: chromium on PATH"),
        ("SAFER_HEAD_TIMEOUT", "seconds a client has to send a request's headers once connected (1-300; default 10)"),
        ("SAFER_BODY_TIMEOUT", "seconds a client has to send a request's body once its headers are in (1-3600; default 300)"),
        ("SAFER_IDLE_TIMEOUT", "seconds a kept-alive connection may sit idle between requests (1-3600; default 60)"),
        ("SAFER_MAX_CONNECTIONS_PER_ADDRESS", "open connections allowed from one address, trusted proxies excepted (1-100000; default 64)"),
        ("SAFER_MAX_CONNECTIONS", "open connections allowed in all (1-100000; default three quarters of `ulimit -n`)"),
        ("SAFER_CONTACT_RETENTION_MONTHS", "months a public reporter's contact details are kept after the report arrives (1-120; default 12)"),
        ("SAFER_SUSPECT_RETENTION_YEARS", "years suspects' details are kept after their case closes (1-50; default 6)"),
    ]

    /// Builds the configuration from flags (which win) and the environment, collecting every
    /// bad value so that one message names them all.
    public static func resolve(flags: [String: String], environment: [String: String]) throws -> AppConfiguration {
        var configuration = AppConfiguration()
        var problems: [String] = []
        func value(_ key: String) -> String? { flags[key] ?? environment[key] }

        if let text = value("SAFER_DATABASE") {
            do { configuration.database = try DatabaseURL(parsing: text) } catch { problems.append("SAFER_DATABASE (--database): \(error)") }
        }
        if let text = value("SAFER_HOST") {
            if text.isEmpty || text.contains(" ") { problems.append("SAFER_HOST (--host): '\(text)' is not a host name or address.") }
            else { configuration.host = text }
        }
        if let text = value("SAFER_PORT") {
            if let port = Int(text), (1...65535).contains(port) { configuration.port = port }
            else { problems.append("SAFER_PORT (--port): '\(text)' is not a port number from 1 to 65535.") }
        }
        if let text = value("SAFER_SESSION_SECRET") {
            if text.count >= 32 { configuration.sessionSecret = text }
            else { problems.append("SAFER_SESSION_SECRET: it has \(text.count) characters; use at least 32 random characters.") }
        }
        if let text = value("SAFER_SESSION_HOURS") {
            if let hours = Double(text), hours >= 1, hours <= 168 { configuration.sessionLifetime = hours * 3600 }
            else { problems.append("SAFER_SESSION_HOURS: '\(text)' is not a number of hours from 1 to 168.") }
        }
        if let text = value("SAFER_SECURE_COOKIES") {
            switch text.lowercased() {
            case "true", "yes", "1": configuration.secureCookies = true
            case "false", "no", "0": configuration.secureCookies = false
            default: problems.append("SAFER_SECURE_COOKIES: '\(text)' is not true or false.")
            }
        }
        if let text = value("SAFER_BCRYPT_COST") {
            if let cost = UInt8(text), (10...16).contains(cost) { configuration.bcryptCost = cost }
            else { problems.append("SAFER_BCRYPT_COST: '\(text)' is not a whole number from 10 to 16.") }
        }
        if let text = value("SAFER_LEAFLET_URL") {
            if text.hasPrefix("https://") || text.hasPrefix("/") { configuration.maps.leafletURL = text }
            else { problems.append("SAFER_LEAFLET_URL: '\(text)' is not an https:// URL or a path on this server.") }
        }
        if let text = value("SAFER_TILE_URL") {
            if ["{z}", "{x}", "{y}"].allSatisfy(text.contains), text.hasPrefix("https://") || text.hasPrefix("/") { configuration.maps.tileURL = text }
            else { problems.append("SAFER_TILE_URL: '\(text)' needs {z}, {x} and {y} and must start with https:// or /.") }
        }
        if let text = value("SAFER_TRUSTED_PROXIES") {
            do { configuration.trustedProxies = try TrustedProxies(parsing: text) } catch { problems.append("SAFER_TRUSTED_PROXIES: \(error)") }
        }
        if let text = value("SAFER_CHROMIUM") {
            if FileManager.default.isExecutableFile(atPath: text) { configuration.chromiumPath = text }
            else { problems.append("SAFER_CHROMIUM: '\(text)' is not an executable file; give the path of Chromium, e.g. /usr/bin/chromium.") }
        }
        func number(_ key: String, in range: ClosedRange<Int>, _ set: (Int) -> Void) {
            guard let text = value(key) else { return }
            if let number = Int(text), range.contains(number) { set(number) }
            else { problems.append("\(key): \(text.quoted()) is not a whole number from \(range.lowerBound) to \(range.upperBound).") }
        }
        number("SAFER_HEAD_TIMEOUT", in: 1...300) { configuration.connections.headTimeout = .seconds($0) }
        number("SAFER_BODY_TIMEOUT", in: 1...3600) { configuration.connections.bodyTimeout = .seconds($0) }
        number("SAFER_IDLE_TIMEOUT", in: 1...3600) { configuration.connections.idleTimeout = .seconds($0) }
        number("SAFER_MAX_CONNECTIONS_PER_ADDRESS", in: 1...100_000) { configuration.connections.perAddress = $0 }
        number("SAFER_MAX_CONNECTIONS", in: 1...100_000) { configuration.connections.total = $0 }
        number("SAFER_CONTACT_RETENTION_MONTHS", in: 1...120) { configuration.retention.contactMonths = $0 }
        number("SAFER_SUSPECT_RETENTION_YEARS", in: 1...50) { configuration.retention.suspectYears = $0 }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return configuration
    }

    /// 32 random bytes as hex.
    public static func randomSecret() -> String {
        SecureRandom.hex(byteCount: 32)
    }
}

/// How long a client may take, and how many connections one address may hold open.
public struct ConnectionLimits: Sendable, Equatable {
    /// From connecting (or the end of the last answer) to the whole request head.
    public var headTimeout: Duration = .seconds(10)
    /// From the request head to the end of its body.
    public var bodyTimeout: Duration = .seconds(300)
    /// Between requests on a kept-alive connection.
    public var idleTimeout: Duration = .seconds(60)
    /// Open connections from one address (trusted proxies are not capped).
    public var perAddress = 64
    /// Open connections in all, trusted proxies included: kept below the process's file-descriptor
    /// limit, so that a flood is closed one connection at a time instead of leaving `accept`
    /// failing (EMFILE) in a busy loop with no descriptor for the database or the log.
    public var total = ConnectionLimits.defaultTotal()

    public init() {}

    /// Three quarters of the soft descriptor limit (at least 32, at most 100,000): the rest is left
    /// for the database, photos, logs and Chromium.
    public static func defaultTotal(descriptorLimit: UInt64? = ConnectionLimits.descriptorLimit()) -> Int {
        guard let limit = descriptorLimit else { return 4_096 }
        return Int(max(32, min(100_000, limit - limit / 4)))
    }

    /// The soft limit on open files (`ulimit -n`), or nil when it cannot be read.
    public static func descriptorLimit() -> UInt64? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return nil }
        return UInt64(limit.rlim_cur)
    }
}

/// One or more bad configuration values; the message names every one.
public struct ConfigurationError: Error, CustomStringConvertible {
    public let problems: [String]
    public var description: String {
        "Safer cannot start: the configuration has \(problems.count == 1 ? "a bad value" : "\(problems.count) bad values"):\n"
            + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
