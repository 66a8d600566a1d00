import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferStorage

/// `safer backup --output FILE`: a consistent copy of the whole database while Safer runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Write a backup of the whole database to a new file.",
        discussion: "SQLite: a consistent copy made with VACUUM INTO while the server keeps running. PostgreSQL: pg_dump's custom format (pg_dump must be installed). Restore it with `safer restore FILE`.")

    @OptionGroup var database: DatabaseOption
    @Option(name: .long, help: ArgumentHelp("The backup file to write; it must not exist yet.", valueName: "file"))
    var output: String

    func run() async throws {
        try await withServices(try database.configuration(), migrate: false) { services in
            try await DatabaseBackup.backup(services.storage.database, to: output)
            let size = ((try? FileManager.default.attributesOfItem(atPath: output)[.size]) as? Int) ?? 0
            say("Wrote a backup of \(services.storage.database.url) to \(output) (\(ByteCountFormatter.string(fromByteCount: Int64(size), countStyle: .file))).")
        }
    }
}

/// `safer restore FILE`: a backup into a new, empty database, then pending migrations.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore", abstract: "Restore a backup into a new, empty database.",
        discussion: "Refuses a database that already holds tables, so nothing stored is overwritten. Prints each table's row count and checksum, which match those of the database the backup was made from.")

    @OptionGroup var database: DatabaseOption
    @Argument(help: ArgumentHelp("A file written by `safer backup`.", valueName: "file"))
    var file: String

    func run() async throws {
        let configuration = try database.configuration()
        try await DatabaseBackup.restore(from: file, into: configuration.database)
        try await withServices(configuration) { services in
            let tables = try await DatabaseBackup.fingerprint(services.storage.database)
            tables.forEach { say("  \($0)") }
            say("Restored \(file) into \(configuration.database): \(tables.count) tables, \(tables.reduce(0) { $0 + $1.rows }) rows.")
        }
    }
}

/// `safer purge`: personal data past its retention period.
struct PurgeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "purge", abstract: "Remove personal data past its retention period.",
        discussion: "Public reporters' contact details go SAFER_CONTACT_RETENTION_MONTHS (default 12) months after the report arrived; suspects' details go SAFER_SUSPECT_RETENTION_YEARS (default 6) years after their case closed. The audit log records the rule and the counts, never the data. Run it once a day, e.g. from cron or a systemd timer.")

    @OptionGroup var database: DatabaseOption
    @Flag(name: .long, help: "List what would be removed, and remove nothing.")
    var dryRun = false

    func run() async throws {
        try await withServices(try database.configuration()) { services in
            let retention = RetentionService(services: services)
            let found = dryRun ? try await retention.candidates() : try await retention.purge(by: .cli())
            say("Rule: \(retention.rule).")
            for report in found.reports {
                say("  public report \(report.reference), received \(CalendarDay(containing: report.receivedAt).label): contact details")
            }
            for enforcementCase in found.cases {
                say("  case \(enforcementCase.reference), closed \(enforcementCase.closed.label): \(enforcementCase.suspects) suspect\(enforcementCase.suspects == 1 ? "" : "s")")
            }
            let counts = "contact details of \(found.reports.count) public report\(found.reports.count == 1 ? "" : "s") and \(found.suspectCount) suspect\(found.suspectCount == 1 ? "" : "s") of \(found.cases.count) closed case\(found.cases.count == 1 ? "" : "s")"
            say(dryRun ? "Would remove \(counts); nothing was removed (--dry-run)." : found.isEmpty ? "Nothing is past its retention period." : "Removed \(counts); the audit log records it.")
        }
    }
}
