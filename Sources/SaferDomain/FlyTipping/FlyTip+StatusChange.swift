import Foundation

extension FlyTip {
    /// The incident moved to `status` at `time`, with the timestamps that move records:
    /// verifying, scheduling, no trace and not council land mark it inspected (if it was not
    /// already); clearing marks it cleared, and inspected if it was not; a duplicate names the
    /// incident it repeats (`originalID`, already looked up by the caller). A cost replaces the
    /// one entered; a note is added below the notes so far. Throws when the move is not allowed
    /// from the current status, or a duplicate names no original.
    public func movingTo(_ status: FlyTipStatus, at time: Date, originalID: String?, cost: Money?, note: String) throws -> FlyTip {
        guard self.status.allowedNext.contains(status) else {
            throw ValidationError(self.status.allowedNext.isEmpty
                ? "Incident \(reference) is \(self.status.label.lowercased()) and cannot change status."
                : "Incident \(reference) is \(self.status.label.lowercased()): it can move to \(self.status.allowedNext.map { $0.label.lowercased() }.joined(separator: ", ")).",
                field: "status")
        }
        var after = self
        after.status = status
        switch status {
        case .verified, .scheduled, .noTrace, .notCouncilLand:
            if after.inspectedAt == nil { after.inspectedAt = time }
        case .cleared:
            after.clearedAt = time
            if after.inspectedAt == nil { after.inspectedAt = time }
        case .duplicate:
            guard let originalID, !originalID.isEmpty else {
                throw ValidationError("Give the reference of the incident this one repeats, e.g. FT-7K3M9Q.", field: "duplicateOf")
            }
            after.duplicateOf = originalID
        case .reported:
            break
        }
        if let cost { after.enteredCost = cost }
        let note = note.trimmingCharacters(in: .whitespacesAndNewlines)
        if !note.isEmpty { after.notes = after.notes.isEmpty ? note : after.notes + "\n" + note }
        return after
    }
}
