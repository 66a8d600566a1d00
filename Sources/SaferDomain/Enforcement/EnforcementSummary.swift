import Foundation

/// Enforcement over a period in the committee report's words: "3 warning letters, 8 cases
/// under investigation, 2 fixed penalty notices issued and paid, 1 caution".
public struct EnforcementSummary: Sendable, Hashable {
    /// Actions dated in the period, by type.
    public let actionCounts: [EnforcementActionType: Int]
    /// Cases open on the period's last day that have been under investigation by then.
    public let casesUnderInvestigation: Int

    /// Counts the actions dated within the range and the cases still under investigation at its end.
    public init(cases: [EnforcementCase], actions: [EnforcementAction], range: DayRange) {
        var counts: [EnforcementActionType: Int] = [:]
        for action in actions where range.contains(action.date) { counts[action.type, default: 0] += 1 }
        actionCounts = counts
        let investigated = Set(actions.filter { $0.type == .investigation && $0.date <= range.last }.map(\.caseID))
        casesUnderInvestigation = cases.filter { $0.isOpen(on: range.last) && investigated.contains($0.id) }.count
    }

    /// The number of actions of a type in the period.
    public func count(_ type: EnforcementActionType) -> Int { actionCounts[type] ?? 0 }

    /// The sentence for the report; "No enforcement action" when there was none.
    public var sentence: String {
        var parts: [String] = []
        func add(_ count: Int, _ singular: String, _ plural: String) {
            if count > 0 { parts.append("\(count) \(count == 1 ? singular : plural)") }
        }
        add(count(.warningLetter), "warning letter", "warning letters")
        add(casesUnderInvestigation, "case under investigation", "cases under investigation")
        let issued = count(.fpnIssued), paid = count(.fpnPaid)
        if issued > 0, issued == paid {
            parts.append("\(issued) fixed penalty \(issued == 1 ? "notice" : "notices") issued and paid")
        } else {
            add(issued, "fixed penalty notice issued", "fixed penalty notices issued")
            add(paid, "fixed penalty notice paid", "fixed penalty notices paid")
        }
        add(count(.fpnUnpaid), "fixed penalty notice unpaid", "fixed penalty notices unpaid")
        add(count(.formalCaution), "caution", "cautions")
        add(count(.statutoryNotice), "statutory notice", "statutory notices")
        add(count(.dutyOfCareInspection), "duty of care inspection", "duty of care inspections")
        add(count(.stopAndSearch), "stop and search", "stops and searches")
        add(count(.vehicleSeized), "vehicle seized", "vehicles seized")
        add(count(.injunction), "injunction", "injunctions")
        add(count(.prosecution), "prosecution", "prosecutions")
        return parts.isEmpty ? "No enforcement action" : parts.joined(separator: ", ")
    }
}
