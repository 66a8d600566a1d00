import Foundation

/// A quarterly update on a plan item: what happened, the status the lead assigned (Red,
/// Amber or Green), the direction of travel, who wrote it and when.
///
/// For an item linked to an indicator with a numeric target, the update also keeps the
/// status Safer suggested at the time and the rule it used. An assigned status that differs
/// from the suggestion is allowed only with the author's reason, and reports flag it.
public struct PlanUpdate: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var itemID: String
    /// The quarter the update reports on.
    public var quarter: Quarter
    public var text: String
    /// The status the lead assigned; nil when none was given.
    public var status: RAGStatus?
    /// Compared with the previous quarter; nil when not stated.
    public var direction: DirectionOfTravel?
    /// The author's account, when written in Safer (nil for transcribed updates).
    public var authorID: String?
    /// Who wrote it, as people read it: an e-mail address or "Safer (demo data)".
    public var authorLabel: String
    /// The date of the update (the meeting date for transcribed ones); nil when unknown.
    public var date: CalendarDay?
    /// When it was stored.
    public var recordedAt: Date
    /// Why the assigned status differs from the suggestion.
    public var reason: String?
    /// What Safer suggested when the update was written, and by which rule.
    public var suggestion: SuggestedStatus?
    /// The figure to date the update quotes, e.g. 1,237 incidents by quarter 3.
    public var performance: Double?

    public init(id: String, itemID: String, quarter: Quarter, text: String, status: RAGStatus? = nil,
                direction: DirectionOfTravel? = nil, authorID: String? = nil, authorLabel: String, date: CalendarDay? = nil,
                recordedAt: Date, reason: String? = nil, suggestion: SuggestedStatus? = nil, performance: Double? = nil) {
        self.id = id
        self.itemID = itemID
        self.quarter = quarter
        self.text = text
        self.status = status
        self.direction = direction
        self.authorID = authorID
        self.authorLabel = authorLabel
        self.date = date
        self.recordedAt = recordedAt
        self.reason = reason
        self.suggestion = suggestion
        self.performance = performance
    }

    /// Whether the assigned status differs from the suggested one (reports flag these).
    public var differsFromSuggestion: Bool {
        guard let status, let suggestion else { return false }
        return status != suggestion.status
    }

    /// The reason, trimmed, or nil when blank.
    public var givenReason: String? {
        let trimmed = reason?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Checks the update: it has text, and a status that differs from the suggestion has a reason.
    public func validate() throws {
        var problems = ValidationProblems()
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { problems.add("Write the update: what has happened on this item in \(quarter.label).", field: "text") }
        if text.count > 10_000 { problems.add("The update is longer than 10,000 characters: shorten it.", field: "text") }
        if let status, let suggestion, status != suggestion.status, givenReason == nil {
            problems.add("You assigned \(status.displayName) but Safer suggests \(suggestion.status.displayName) "
                         + "(\(suggestion.explanation)). Give a reason for the difference, or assign \(suggestion.status.displayName).",
                         field: "reason")
        }
        if (reason?.count ?? 0) > 2_000 { problems.add("The reason is longer than 2,000 characters: shorten it.", field: "reason") }
        try problems.throwIfAny()
    }
}

extension PlanUpdate: Auditable {
    public static let auditEntity = "plan-update"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["item": itemID, "quarter": quarter.description, "text": text, "status": status?.rawValue ?? "",
         "direction": direction?.rawValue ?? "", "author": authorLabel, "date": date?.description ?? "",
         "reason": reason ?? "", "suggested status": suggestion?.status.rawValue ?? "",
         "suggested by": suggestion?.rule.rawValue ?? "",
         "forecast": suggestion.map { DisplayFormat.number($0.forecast, decimals: 1) } ?? "",
         "performance": performance.map { DisplayFormat.number($0) } ?? ""]
    }
}
