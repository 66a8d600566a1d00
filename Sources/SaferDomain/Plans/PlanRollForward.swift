import Foundation

/// Next year's plan made from this year's at year end: the items marked retain or change are
/// copied, each linked to last year's item (so its history stays one click away) with its
/// timescale moved on a year; items marked remove stay behind. Updates are not copied: a new
/// year starts without any.
public struct PlanRollForward: Sendable, Hashable {
    /// The new plan, linked to last year's.
    public let plan: Plan
    /// The copied items, in last year's order.
    public let items: [PlanItem]
    /// Last year's items that were not carried forward.
    public let removed: [PlanItem]

    /// Rolls `plan` forward. Throws a `ValidationError` naming every item without a year-end
    /// decision, or when the plan has no items to carry.
    public init(from plan: Plan, items: [PlanItem], newPlanID: String, newItemID: () -> String) throws {
        let ordered = items.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        guard !ordered.isEmpty else {
            throw ValidationError("\(plan.title) has no items to roll forward: add its items first, or create next year's plan directly.")
        }
        let undecided = ordered.filter { $0.yearEndDecision == nil }
        guard undecided.isEmpty else {
            let names = undecided.map { $0.number.map { "item \($0)" } ?? "'\($0.reference)'" }
            throw ValidationError("Mark every item retain, change or remove before rolling the plan forward; still to decide: \(names.joined(separator: ", ")).",
                                  field: "decisions")
        }
        let next = plan.financialYear.next
        self.plan = Plan(id: newPlanID, kind: plan.kind, title: Self.title(plan.title, from: plan.financialYear),
                         financialYear: next, committee: plan.committee,
                         source: "Rolled forward from \(plan.title)", previousPlanID: plan.id)
        var copied: [PlanItem] = []
        for item in ordered where item.yearEndDecision?.carriesForward == true {
            var copy = item
            copy.id = newItemID()
            copy.planID = newPlanID
            copy.position = copied.count + 1
            copy.timescaleStart = item.timescaleStart?.nextYear
            copy.timescaleEnd = item.timescaleEnd?.nextYear
            copy.previousItemID = item.id
            copy.yearEndDecision = nil
            copied.append(copy)
        }
        self.items = copied
        self.removed = ordered.filter { $0.yearEndDecision == .remove }
    }

    /// Last year's title with the year moved on (`... 2018/19` → `... 2019/20`, also
    /// `2018-2019` and `2018/2019`); the new year is appended when the title names none.
    static func title(_ title: String, from year: FinancialYear) -> String {
        let next = year.next
        let forms = [
            ("\(year.startYear)/\(year.startYear + 1)", "\(next.startYear)/\(next.startYear + 1)"),
            ("\(year.startYear)-\(year.startYear + 1)", "\(next.startYear)-\(next.startYear + 1)"),
            ("\(year.startYear) - \(year.startYear + 1)", "\(next.startYear) - \(next.startYear + 1)"),
            (year.description, next.description),
            ("\(year.startYear)-\(year.shortLabel.suffix(2))", "\(next.startYear)-\(next.shortLabel.suffix(2))"),
        ]
        for (old, new) in forms where title.contains(old) {
            return title.replacingOccurrences(of: old, with: new)
        }
        return "\(title) \(next)"
    }
}
