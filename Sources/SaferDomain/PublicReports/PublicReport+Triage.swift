import Foundation

/// The officer's three decisions on a public report, as rules: only a pending report is
/// decided; a merge goes only into an open incident and leaves a note on it; a rejection needs
/// a reason. Storage fetches and persists; these say what the decision changes.
extension PublicReport {
    /// Refuses a report that has already been dealt with.
    public func checkPending() throws {
        guard status == .pending else {
            throw DomainError.conflict("Report \(reference) has already been dealt with (\(status.label.lowercased())).")
        }
    }

    /// The report accepted as the incident `incidentID`.
    public func accepted(as incidentID: String, by actor: Actor, at time: Date) throws -> PublicReport {
        try checkPending()
        return decided(.accepted, incidentID: incidentID, by: actor, at: time)
    }

    /// The report merged into an open incident, and the incident with a note naming the report.
    public func merged(into incident: FlyTip, by actor: Actor, at time: Date) throws -> (report: PublicReport, incident: FlyTip) {
        try checkPending()
        guard incident.status.isOpen else {
            throw DomainError.conflict("Incident \(incident.reference) is \(incident.status.label.lowercased()): merge reports only into open incidents, or accept this one as a new incident.")
        }
        var noted = incident
        let line = "Also reported by the public: \(reference)" + (description.isEmpty ? "." : " (\"\(description)\").")
        noted.notes = noted.notes.isEmpty ? line : noted.notes + "\n" + line
        return (decided(.merged, incidentID: incident.id, by: actor, at: time), noted)
    }

    /// The report rejected for a reason, which must be given.
    public func rejected(reason: String, by actor: Actor, at time: Date) throws -> PublicReport {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw ValidationError("Give a reason for rejecting the report, e.g. \"Outside the council's area\".", field: "reason") }
        try checkPending()
        var report = decided(.rejected, incidentID: nil, by: actor, at: time)
        report.rejectionReason = reason
        return report
    }

    private func decided(_ status: Status, incidentID: String?, by actor: Actor, at time: Date) -> PublicReport {
        var report = self
        report.status = status
        report.incidentID = incidentID
        report.decidedBy = actor.label
        report.decidedAt = time
        return report
    }
}
