import Foundation

/// A plan with its items and every item's updates: what a plan page, a download or a status
/// summary is built from.
public struct PlanContents: Sendable, Hashable {
    public let plan: Plan
    /// In plan order.
    public let items: [PlanItem]
    /// Each item's updates, oldest first, by item id.
    public let updates: [String: [PlanUpdate]]

    public init(plan: Plan, items: [PlanItem], updates: [PlanUpdate]) {
        self.plan = plan
        self.items = items.sorted { ($0.position, $0.id) < ($1.position, $1.id) }
        self.updates = Dictionary(grouping: updates, by: \.itemID).mapValues { $0.chronological() }
    }

    /// The quarter of this plan's year with that number, or nil for "the latest in the year".
    public func quarter(_ number: Quarter.Number?) -> Quarter? {
        number.map { Quarter(plan.financialYear, $0) }
    }

    /// The update that gives an item's status in `quarter` (the latest in the year when nil).
    public func assigned(_ item: PlanItem, in quarter: Quarter?) -> PlanUpdate? {
        (updates[item.id] ?? []).latestAssigned(in: quarter, of: plan.financialYear)
    }

    /// An item's latest update in `quarter` (in the year when nil), with or without a status.
    public func latest(_ item: PlanItem, in quarter: Quarter?) -> PlanUpdate? {
        (updates[item.id] ?? []).latest(in: quarter, of: plan.financialYear)
    }

    /// The statuses assigned in `quarter` (latest in the year when nil), one per item that has one.
    public func statuses(in quarter: Quarter?) -> [RAGStatus] {
        items.compactMap { assigned($0, in: quarter)?.status }
    }

    /// Counts and whole percentages by status (largest remainder, adding up to 100).
    public func summary(in quarter: Quarter?) -> StatusSummary {
        StatusSummary(statuses: statuses(in: quarter))
    }

    /// Items with no status in `quarter` (or in the year): left out of the summary's percentages.
    public func withoutStatus(in quarter: Quarter?) -> [PlanItem] {
        items.filter { assigned($0, in: quarter) == nil }
    }

    /// The latest quarter of the plan's year in which any item was given a status.
    public var latestQuarterWithStatus: Quarter? {
        updates.values.flatMap { $0 }.filter { $0.status != nil && $0.quarter.financialYear == plan.financialYear }
            .map(\.quarter).max()
    }

    /// The committees an item reports to: its own board(s) when set ("A; B" is two), else the plan's committee.
    public func committees(of item: PlanItem) -> [String] {
        let boards = (item.board ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return boards.isEmpty ? [plan.committee] : boards
    }
}
