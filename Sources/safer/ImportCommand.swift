import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferStorage
import SaferWeb
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `safer import ...`: load data files.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import data files.",
                                                    subcommands: [PoliceUK.self, ImportFiguresCommand.self, ImportAreasCommand.self, ImportLSOALookupCommand.self, ImportBoundariesCommand.self, ImportFlyTipsCommand.self])

    /// `safer import police-uk [--area PREFIX | --all] FILE...`
    struct PoliceUK: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "police-uk",
            abstract: "Import police.uk street-level crime files (CSVs, police.uk's zip downloads, or folders of them).",
            discussion: """
            Keeps the rows the council's set-up matches (safer setup: an LSOA name prefix or the LSOA lookup), the rows whose LSOA name starts with --area, or every row \
            with --all. Each month found in the files replaces that month's earlier import; the whole import is one \
            transaction, so a failure or interruption changes nothing. Bad rows are listed on standard error with \
            file and line, and the rest is imported. A file whose header is not police.uk's is rejected, and then \
            nothing is imported (exit 1). A zip from police.uk's download page (folders YYYY-MM/ holding \
            YYYY-MM-<force>-street.csv) is read as it is, and so is a folder; outcomes and stop-and-search files are \
            skipped with a message.
            """)

        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("Keep rows whose LSOA name starts with this (default: the council's match rule from safer setup).", valueName: "prefix"))
        var area: String?
        @Flag(help: "Keep every row, whatever its area.")
        var all = false
        @Argument(help: ArgumentHelp("police.uk street-level CSV files, zip archives or folders.", valueName: "file"))
        var files: [String] = []

        func validate() throws {
            if area != nil && all {
                throw ArgumentParser.ValidationError("--area and --all exclude each other: give --area PREFIX to keep one district, or --all to keep every row.")
            }
            if let area, area.trimmingCharacters(in: .whitespaces).isEmpty {
                throw ArgumentParser.ValidationError("--area is empty: give the start of the LSOA names to keep, e.g. --area \"North Warwickshire\", or use --all.")
            }
            if files.isEmpty {
                throw ArgumentParser.ValidationError("No files given: name one or more police.uk street-level CSV files, e.g. 2018-05-warwickshire-street.csv.")
            }
        }

        /// The filter the options name, or nil for the council's own match rule.
        var filter: PoliceUKAreaFilter? {
            if all { return .all }
            return area.map { .lsoaNamePrefix($0.trimmingCharacters(in: .whitespaces)) }
        }

        func run() async throws {
            let named = filter
            let files = files
            try await withServices(try database.configuration()) { services in
                var filter = named
                if filter == nil { filter = try await SetUpService(services: services).policeUKFilter() }
                guard let filter else {
                    throw ArgumentParser.ValidationError("No council is set up yet, so Safer does not know which rows are the district's: run safer setup (see safer setup --help), or give --area PREFIX or --all.")
                }
                let bar = ProgressReporter(toTerminal: isatty(STDERR_FILENO) == 1)
                let summary: PoliceUKImportSummary, notes: [String]
                do {
                    (summary, notes) = try await PoliceUKImportService(services: services).importFiles(files, area: filter, by: .cli(), progress: { bar.update($0) })
                    bar.finish()
                } catch {
                    bar.finish()
                    throw error
                }
                for row in summary.badRows { printError(row.description) }
                if summary.badRowCount > summary.badRows.count {
                    printError("... and \(PoliceUKBadRow.grouped(summary.badRowCount - summary.badRows.count)) more bad rows.")
                }
                if summary.area.isArea, summary.rowsOutsideAreaWithoutLSOA > 0 {
                    printError("\(PoliceUKBadRow.grouped(summary.rowsOutsideAreaWithoutLSOA)) rows have no LSOA, so they cannot be placed in the area and were left out (use --all to keep them).")
                }
                for warning in summary.allWarnings { printError("Warning: \(warning).") }
                for note in notes { printError(note) }
                say(summary.oneLine)
            }
        }
    }
}

/// Writes a line to standard error.
func printError(_ text: String, newline: Bool = true) {
    FileHandle.standardError.write(Data((text + (newline ? "\n" : "")).utf8))
}

/// Shows import progress on standard error: a bar redrawn in place on a terminal, or a plain
/// line at each tenth of the way otherwise (logs, CI).
private final class ProgressReporter: @unchecked Sendable {
    private let toTerminal: Bool
    private let lock = NSLock()
    private var lastDraw = Date.distantPast
    private var lastTenth = -1
    private var drawn = false

    init(toTerminal: Bool) { self.toTerminal = toTerminal }

    func update(_ progress: PoliceUKImportProgress) {
        lock.withLock {
            let percent = Int(progress.fraction * 100)
            if toTerminal {
                let now = Date()
                guard now.timeIntervalSince(lastDraw) >= 0.1 || percent == 100 else { return }
                lastDraw = now
                let width = 30
                let filled = Int(progress.fraction * Double(width))
                let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
                let line = "\r[\(bar)] \(String(format: "%3d", percent))% \(megabytes(progress.bytesRead))/\(megabytes(progress.totalBytes)) MB, \(PoliceUKBadRow.grouped(progress.rowsRead)) rows read, \(PoliceUKBadRow.grouped(progress.rowsKept)) kept"
                FileHandle.standardError.write(Data(line.utf8))
                drawn = true
            } else {
                // 10% to 90%: the summary line says how it ended.
                let tenth = percent / 10
                guard tenth > lastTenth, tenth >= 1, tenth <= 9 else { return }
                lastTenth = tenth
                printError("import: \(percent)% (\(megabytes(progress.bytesRead)) of \(megabytes(progress.totalBytes)) MB), \(PoliceUKBadRow.grouped(progress.rowsRead)) rows read, \(PoliceUKBadRow.grouped(progress.rowsKept)) kept, file \(progress.file)")
            }
        }
    }

    /// Ends the bar's line so later output starts on a new one.
    func finish() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\n".utf8)) }
            drawn = false
        }
    }

    private func megabytes(_ bytes: Int64) -> String { String(format: "%.1f", Double(bytes) / 1_048_576) }
}
