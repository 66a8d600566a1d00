import Foundation
import SaferDomain
import SaferStorage

/// Imports police.uk street-level files and audits each month imported: the one way in for
/// the upload page and `safer import police-uk`, so both leave the same audit trail.
public struct PoliceUKImportService: Sendable {
    let services: AppServices

    public init(services: AppServices) {
        self.services = services
    }

    /// Imports the files (each month replacing its earlier import, in one transaction), then
    /// writes one audit entry per month: the rows kept, and the rows it replaced.
    public func importFiles(_ paths: [String], area: PoliceUKAreaFilter, by actor: Actor,
                            progress: PoliceUKImporter.ProgressHandler? = nil) async throws -> PoliceUKImportSummary {
        let summary = try await PoliceUKImporter(database: services.storage.database, clock: services.clock)
            .importFiles(paths, options: .init(area: area), progress: progress)
        for month in summary.months {
            try await services.storage.auditLog.append(AuditEntry(
                id: services.ids.next(), at: services.clock.now(), actor: actor, action: .update, entity: "police-uk-month",
                entityID: month.month.description,
                changes: [FieldChange(field: "rows", before: month.wasImportedBefore ? String(month.rowsReplaced) : nil, after: String(month.rowsKept))]))
        }
        return summary
    }
}
