import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferWeb

/// `safer user ...`: accounts from the command line (audited as the command line).
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts.",
                                                    subcommands: [Add.self, List.self, Passwd.self, Disable.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an account.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "E-mail address (the sign-in name).") var email: String
        @Option(help: "The person's name.") var name: String
        @Option(help: "admin, officer, field, partner or councillor.") var role: String
        @Option(help: "Organisation name or id (required for partners).") var organisation: String?
        @Flag(help: "Read the password from standard input instead of generating one.") var passwordStdin = false

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let password = passwordStdin ? try readSecretLine() : SecureRandom.readablePassword()
                let user = try await services.accounts.addUser(email: email, name: name, role: role, organisation: organisation,
                                                               password: password, by: .cli())
                say("Added \(user.role.rawValue) \(user.email).")
                if !passwordStdin { say("Password (shown once): \(password)") }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List accounts.")
        @OptionGroup var database: DatabaseOption

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let organisations = Dictionary(uniqueKeysWithValues: try await services.storage.organisations.list().map { ($0.id, $0.name) })
                say(["email", "name", "role", "organisation", "status"].joined(separator: "\t"))
                for user in try await services.storage.users.list() {
                    say([user.email, user.name, user.role.rawValue, user.organisationID.flatMap { organisations[$0] } ?? "",
                         user.disabled ? "disabled" : "active"].joined(separator: "\t"))
                }
            }
        }
    }

    struct Passwd: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set an account's password (signs it out everywhere).")
        @OptionGroup var database: DatabaseOption
        @Option(help: "E-mail address of the account.") var email: String
        @Flag(help: "Read the new password from standard input instead of generating one.") var passwordStdin = false

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let password = passwordStdin ? try readSecretLine() : SecureRandom.readablePassword()
                try await services.accounts.setPassword(email: email, password: password, by: .cli())
                say("Password changed for \(User.normalisedEmail(email)).")
                if !passwordStdin { say("New password (shown once): \(password)") }
            }
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable an account (it cannot sign in; its sessions end).")
        @OptionGroup var database: DatabaseOption
        @Option(help: "E-mail address of the account.") var email: String

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                try await services.accounts.disable(email: email, by: .cli())
                say("Disabled \(User.normalisedEmail(email)).")
            }
        }
    }
}

/// `safer token create`: an API token, printed once on the last line.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "token", abstract: "Manage API tokens.", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an API token; it is printed once, on the last line, and stored hashed.")
        @OptionGroup var database: DatabaseOption
        @Option(help: "E-mail address of the account the token acts as.") var user: String
        @Option(help: "Where the token is used, e.g. 'Crew phone 3'.") var name: String

        func run() async throws {
            try await withServices(try database.configuration()) { services in
                let (token, _) = try await services.accounts.createToken(email: user, name: name, by: .cli())
                say("Token '\(name)' for \(User.normalisedEmail(user)); keep it secret, it is not shown again:")
                say(token)
            }
        }
    }
}

