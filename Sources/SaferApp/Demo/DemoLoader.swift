import Foundation
import SaferDomain
import SaferStorage

/// Loads the North Warwickshire demo material transcribed from the seed pack
/// (`Resources/Demo`, readable CSV and JSON; `NOTES.md` there says how garbled cells were resolved).
public struct DemoLoader: Sendable {
    let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// The demo accounts made, with the one password they share (printed once by the CLI).
    public struct Result: Sendable {
        public let accounts: [(email: String, role: Role)]
        public let password: String
        public let organisations: Int
        public let figures: Int
        /// Plans stored (those already there are skipped).
        public let plans: Int
        /// Fly-tipping incidents and enforcement cases stored.
        public let incidents: Int
        public let cases: Int
    }

    /// The demo administrator's address.
    public static let adminEmail = "admin@safer.example"

    /// Loads everything this version has tables for into an empty database.
    public func load() async throws -> Result {
        let actor = Actor.system
        var organisationCount = 0
        for record in try Self.records("organisations.csv") {
            let name = record["name"] ?? ""
            if try await services.storage.organisations.find(name: name) != nil { continue }
            let organisation = try Organisation.validated(id: services.ids.next(), name: name, kind: record["kind"] ?? "other")
            try await services.storage.organisations.create(organisation, by: actor)
            organisationCount += 1
        }
        let password = SecureRandom.readablePassword()
        var accounts: [(String, Role)] = []
        var users = try Self.records("users.csv").map { ($0["email"] ?? "", $0["name"] ?? "", $0["role"] ?? "", $0["organisation"] ?? "") }
        if !users.contains(where: { User.normalisedEmail($0.0) == Self.adminEmail }) {
            users.insert((Self.adminEmail, "Demo Administrator", "admin", ""), at: 0)
        }
        for (email, name, role, organisation) in users {
            if try await services.storage.users.find(email: email) != nil { continue }
            let user = try await services.accounts.addUser(email: email, name: name, role: role, organisation: organisation,
                                                           password: password, by: actor)
            accounts.append((user.email, user.role))
        }
        let figures = try await loadPerformance()
        let plans = try await loadPlans()
        let flyTipping = try await loadFlyTipping()
        try await loadRegisters()
        _ = try await loadMeeting()
        return Result(accounts: accounts, password: password, organisations: organisationCount, figures: figures, plans: plans,
                      incidents: flyTipping.incidents, cases: flyTipping.cases)
    }

    /// Rows of a demo CSV file by column name.
    static func records(_ file: String) throws -> [[String: String]] {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/\(file)", withExtension: nil) else { return [] }
        return CSV.records(try String(contentsOf: url, encoding: .utf8)).rows.map(\.fields)
    }
}
