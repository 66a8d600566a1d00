import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferWeb

/// `safer import fly-tips FILE.csv`: a council's own incident records moved into Safer.
struct ImportFlyTipsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fly-tips",
        abstract: "Import fly-tipping incidents from a CSV file.",
        discussion: """
        Columns: reported_at, location, latitude and longitude (or easting and northing), land_type, waste_types \
        (Defra labels separated by ';', the main one first), size; optional client_id, source, status, inspected_at, \
        cleared_at, cost, hazards, notes, duplicate_of. Rows are stored 5,000 to a transaction: a bad row is reported \
        with its line and the others kept; rows whose client_id is already stored are skipped, so a file can be \
        imported again safely. Exits 1 when any row was refused. Every incident is audited.
        """)
    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("The CSV file.", valueName: "file")) var file: String

    func run() async throws {
        let text = try readText(file)
        let terminal = isatty(STDERR_FILENO) == 1
        let summary = try await withServices(try database.configuration()) { services in
            try await FlyTipService(services: services).importFile(text, by: .cli()) { done, total in
                guard total > 0, terminal, done == total || done % 25 == 0 else { return }
                let width = 30, filled = done * width / total
                printError("\r[\(String(repeating: "#", count: filled))\(String(repeating: "-", count: width - filled))] \(done)/\(total) rows", newline: done == total)
            }
        }
        for warning in summary.warnings.prefix(20) { printError(warning) }
        for problem in summary.problems { printError(problem) }
        say("Imported \(summary.created) incidents from \(file); \(summary.existing) already stored; \(summary.problems.count) rows refused.")
        if !summary.problems.isEmpty { throw ExitCode(1) }
    }
}
