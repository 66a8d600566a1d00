import ArgumentParser
import Foundation
import SaferApp
import SaferStorage
import SaferWeb

/// `safer migrate`: apply pending migrations and stop.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Apply pending database migrations, then stop.")

    @OptionGroup var database: DatabaseOption

    func run() async throws {
        let configuration = try database.configuration()
        try await withServices(configuration, migrate: false) { services in
            let applied = try await Migrator(database: services.storage.database).migrate()
            say(applied.isEmpty ? "The database \(configuration.database) is up to date."
                                : "Applied \(applied.count) migration(s): \(applied.map { "\($0.number) \($0.name)" }.joined(separator: ", ")).")
        }
    }
}

/// `safer demo load`: load the demo material into an existing database.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Demo data.", subcommands: [Load.self])

    struct Load: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load the North Warwickshire demo material (skips what is already there).")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let result = try await DemoLoader(services: services).load()
                say("Loaded \(result.organisations) organisations, \(result.accounts.count) accounts, \(result.figures) monthly figures, \(result.plans) plans, \(result.incidents) fly-tipping incidents and \(result.cases) enforcement cases.")
                if !result.accounts.isEmpty { say("The new demo accounts' password: \(result.password)") }
            }
        }
    }
}
