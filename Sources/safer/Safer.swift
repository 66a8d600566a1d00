import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferWeb

/// The `safer` command. Each subcommand parses its options, builds services and calls one
/// library function.
@main
struct Safer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "safer",
        abstract: "Community-safety evidence for a district council and its partners.",
        discussion: """
        Every option that takes a value can also be set in the environment (SAFER_DATABASE, SAFER_HOST, SAFER_PORT, \
        SAFER_SESSION_SECRET, SAFER_SESSION_HOURS, SAFER_SECURE_COOKIES, SAFER_BCRYPT_COST); a flag wins over the environment.
        Exit codes: 0 success, 1 failure or bad data, 2 bad usage or configuration.
        """,
        subcommands: [Serve.self, Migrate.self, SetupCommand.self, UserCommand.self, AreaCommand.self, TokenCommand.self, DemoCommand.self, IndicatorCommand.self, ImportCommand.self, ReportCommand.self, MeetingCommand.self, PackCommand.self, BackupCommand.self, RestoreCommand.self, PurgeCommand.self]
    )

    /// Runs the command and maps failures to the exit codes the help promises.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                exit(withError: error)
            }
            let message = fullMessage(for: error)
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            // Bad input on the command line (a malformed month, an unknown role) is bad usage too.
            let usage = !(error is BadData) && (code == .validationFailure || error is ConfigurationError || error is ArgumentParser.ValidationError
                || error is SaferDomain.ValidationError || error is PeriodError || error is DomainError)
            Foundation.exit(usage ? 2 : 1)
        }
    }
}
