import Foundation

extension Sequence where Element == PlanUpdate {
    /// The updates oldest first: by quarter, then when they were stored.
    public func chronological() -> [PlanUpdate] {
        sorted { ($0.quarter, $0.recordedAt.timeIntervalSince1970, $0.id) < ($1.quarter, $1.recordedAt.timeIntervalSince1970, $1.id) }
    }

    /// The latest update of `quarter`, or of the whole of `year` when `quarter` is nil.
    public func latest(in quarter: Quarter?, of year: FinancialYear) -> PlanUpdate? {
        chronological().last { update in quarter.map { update.quarter == $0 } ?? (update.quarter.financialYear == year) }
    }

    /// The latest update that assigned a status in `quarter` (or in `year` when nil): the one
    /// that gives the item's status in a summary.
    public func latestAssigned(in quarter: Quarter?, of year: FinancialYear) -> PlanUpdate? {
        chronological().last { update in update.status != nil && (quarter.map { update.quarter == $0 } ?? (update.quarter.financialYear == year)) }
    }
}
