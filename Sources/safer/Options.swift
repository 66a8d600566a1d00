import ArgumentParser
import Foundation
import Logging
import SaferApp
import SaferDomain
import SaferStorage
import SaferWeb

/// `--database`, shared by every command that opens the database.
struct DatabaseOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("SQLite file path, sqlite://PATH or postgres://user:pass@host:port/db (env SAFER_DATABASE; default ./safer.sqlite).", valueName: "url"))
    var database: String?

    /// The configuration from this flag, other flags and the environment.
    func configuration(extra: [String: String] = [:]) throws -> AppConfiguration {
        var flags = extra
        if let database { flags["SAFER_DATABASE"] = database }
        return try AppConfiguration.resolve(flags: flags, environment: ProcessInfo.processInfo.environment)
    }
}

/// `--from` and `--to`, shared by the reports over a period of days.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("First day (YYYY-MM-DD) or month (YYYY-MM: its first day).", valueName: "date")) var from: String
    @Option(help: ArgumentHelp("Last day (YYYY-MM-DD) or month (YYYY-MM: its last day).", valueName: "date")) var to: String

    /// The days from `from` to `to`, or a message saying what is wrong with them.
    func range() throws -> DayRange { try DayRange.parse(from: from, to: to) }
}

/// Opens the database, applies pending migrations, runs `body` with services, and always
/// closes the database afterwards (also when `body` throws).
func withServices<R>(_ configuration: AppConfiguration, migrate: Bool = true, logFormat: LogFormat = .text,
                     _ body: (AppServices) async throws -> R) async throws -> R {
    logFormat.bootstrap()
    let database = try await SaferDatabase.open(configuration.database)
    do {
        if migrate { try await Migrator(database: database).migrate() }
        let services = AppServices(configuration: configuration, storage: Storage(database: database, clock: SystemClock(), ids: UUIDGenerator()))
        let result = try await body(services)
        try await database.shutdown()
        return result
    } catch {
        try? await database.shutdown()
        throw error
    }
}

/// Prints to standard output at once (a redirected stdout is otherwise buffered until exit).
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

/// Reads one line from standard input (for --password-stdin).
func readSecretLine() throws -> String {
    guard let line = readLine(strippingNewline: true), !line.isEmpty else {
        throw ValidationError("No password arrived on standard input: pipe it in, e.g. `printf '%s\\n' \"$PW\" | safer user add ... --password-stdin`.")
    }
    return line
}
