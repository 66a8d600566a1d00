import Foundation

/// Public reports and their triage. Every change is written to the audit log in the same transaction.
public protocol PublicReportRepository: Sendable {
    /// Stores a new report (with its photo) and counts it against the sender's rate limit.
    func add(_ report: PublicReport, photo: Photo?, clientKey: String, by actor: Actor) async throws
    /// How many reports a sender has made since an instant.
    func submissions(clientKey: String, since: Date) async throws -> Int
    /// The report with this id.
    func find(id: String) async throws -> PublicReport?
    /// Reports in a triage state (all when nil), newest first.
    func list(status: PublicReport.Status?) async throws -> [PublicReport]
    /// Accepts a pending report as a new incident, in one transaction.
    func accept(reportID: String, as flyTip: FlyTip, by actor: Actor) async throws -> FlyTip
    /// Merges a pending report into an open incident, noting it on the incident.
    func merge(reportID: String, into flyTipID: String, by actor: Actor) async throws
    /// Rejects a pending report with a reason.
    func reject(reportID: String, reason: String, by actor: Actor) async throws
    /// Deletes the reporter's contact details (on request, or when no longer needed).
    func deleteContact(reportID: String, by actor: Actor) async throws
}
