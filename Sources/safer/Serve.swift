import ArgumentParser
import Foundation
import Hummingbird
import SaferApp
import SaferDomain
import SaferStorage
import SaferWeb

/// `safer serve`: the web app and JSON API.
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Serve the web app and JSON API (applies pending migrations first).",
        discussion: "With --demo, starts on a fresh demo database (./safer-demo.sqlite unless --database names an empty one) loaded with the North Warwickshire material, and prints the demo accounts' password once.")

    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Address to listen on (env SAFER_HOST; default 127.0.0.1).", valueName: "host")) var host: String?
    @Option(help: ArgumentHelp("Port to listen on (env SAFER_PORT; default 8080).", valueName: "port")) var port: String?
    @Flag(help: "Start on a fresh demo database with demo accounts.") var demo = false
    @Option(help: ArgumentHelp("The log's format: text for people, json (one object per line) for log collectors.", valueName: "text|json"))
    var logFormat: LogFormat = .text

    func run() async throws {
        var flags: [String: String] = [:]
        if let host { flags["SAFER_HOST"] = host }
        if let port { flags["SAFER_PORT"] = port }
        var configuration = try database.configuration(extra: flags)
        if demo {
            if database.database == nil && ProcessInfo.processInfo.environment["SAFER_DATABASE"] == nil {
                let path = "safer-demo.sqlite"
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
                configuration.database = .sqlite(path: path)
            }
        }
        let finalConfiguration = configuration
        try await withServices(configuration, logFormat: logFormat) { services in
            let configuration = finalConfiguration
            if demo {
                guard try await services.storage.users.list().isEmpty else {
                    throw ValidationError("--demo needs an empty database, but \(configuration.database) already has accounts. Leave out --database to use ./safer-demo.sqlite.")
                }
                let result = try await DemoLoader(services: services).load()
                say("Demo data loaded into \(configuration.database): \(result.organisations) organisations, \(result.accounts.count) accounts, \(result.figures) monthly figures, \(result.plans) plans, \(result.incidents) fly-tipping incidents, \(result.cases) enforcement cases.")
                if let publication = try await DemoLoader(services: services).publishDemoPack() {
                    say("Published the 12 March 2019 pack as the council did, on Monday 4 March 2019 (\(publication.files.count) files).")
                }
                say("Demo accounts (all share one password, shown only now):")
                for account in result.accounts { say("  \(account.role.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) \(account.email)") }
                say("Sign in as \(DemoLoader.adminEmail) with password: \(result.password)")
            }
            let url = "http://\(configuration.host):\(configuration.port)"
            let databaseName = configuration.database.description
            // A new council's first step: nobody can sign in until there is an administrator.
            if try await services.storage.users.list().isEmpty {
                say("No accounts yet. Create the first administrator (the password is shown once), then sign in at \(url)/login:")
                say("  safer user add --database '\(databaseName)' --email you@your-council.gov.uk --name 'Your Name' --role admin")
                say("Then set Safer up under Admin: the district and its beats (Areas), the indicators, and the bank holidays if they need updating.")
            }
            let app = try buildApplication(configuration: configuration, services: services, onServerRunning: { _ in
                say("Safer is listening on \(url) (database: \(databaseName)). Press Ctrl-C to stop.")
            })
            do {
                try await app.runService()
            } catch {
                let text = String(describing: error)
                if text.contains("Address already in use") || text.contains("EADDRINUSE") || text.contains("errno: 98") {
                    throw ServeError("Port \(configuration.port) on \(configuration.host) is already in use: stop the other program or choose another port with --port.")
                }
                throw error
            }
        }
    }
}

extension LogFormat: ExpressibleByArgument {}

/// A failure worth one plain sentence.
struct ServeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
