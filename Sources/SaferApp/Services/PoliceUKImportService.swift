import Foundation
import SaferDomain
import SaferStorage

/// Imports police.uk street-level files and audits each month imported: the one way in for
/// the upload page and `safer import police-uk`, so both leave the same audit trail.
public struct PoliceUKImportService: Sendable {
    let database: SaferDatabase
    let auditLog: any AuditLogRepository
    let clock: any SaferClock
    let ids: any IDGenerator

    /// A service with only what it uses.
    public init(database: SaferDatabase, auditLog: any AuditLogRepository, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.auditLog = auditLog
        self.clock = clock
        self.ids = ids
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(database: services.storage.database, auditLog: services.storage.auditLog, clock: services.clock, ids: services.ids)
    }

    /// Imports the files (CSVs, police.uk's zip archives, or folders of either: `PoliceUKDownloads`),
    /// each month replacing its earlier import in one transaction, then writes one audit entry
    /// per month: the rows kept, and the rows it replaced. What was skipped is in `notes`.
    public func importFiles(_ paths: [String], area: PoliceUKAreaFilter, by actor: Actor,
                            progress: PoliceUKImporter.ProgressHandler? = nil) async throws -> (summary: PoliceUKImportSummary, notes: [String]) {
        let downloads = try PoliceUKDownloads.expand(paths)
        defer { downloads.remove() }
        let summary = try await PoliceUKImporter(database: database, clock: clock)
            .importFiles(downloads.csvPaths, options: .init(area: area), progress: progress)
        for month in summary.months {
            try await auditLog.append(AuditEntry(
                id: ids.next(), at: clock.now(), actor: actor, action: .update, entity: "police-uk-month",
                entityID: month.month.description,
                changes: [FieldChange(field: "rows", before: month.wasImportedBefore ? String(month.rowsReplaced) : nil, after: String(month.rowsKept))]))
        }
        return (summary, downloads.notes)
    }
}
