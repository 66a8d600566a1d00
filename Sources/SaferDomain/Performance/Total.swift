import Foundation

/// A sum of monthly figures over a period, with the months it covers.
///
/// `value` adds only the months with a number; `coverage` says which those are. A total
/// with TBC or missing months is incomplete and shown with its coverage ("40 (Apr–Nov)"):
/// it is never presented as a full total, and missing months are never counted as 0.
public struct Total: Sendable, Hashable, Codable {
    /// The sum of the months that have a number (or the supplied figure).
    public let value: Double
    /// Which months of the period the value contains.
    public let coverage: Coverage
    /// Whether the value was supplied as a whole (e.g. a published annual baseline) rather
    /// than added up from months.
    public let isSupplied: Bool

    /// Makes a total from its value and coverage.
    public init(value: Double, coverage: Coverage, isSupplied: Bool = false) {
        self.value = value
        self.coverage = coverage
        self.isSupplied = isSupplied
    }

    /// A total supplied as a whole for `period`, e.g. the 2017/18 annual total the pack
    /// publishes as the baseline when the monthly figures are not held.
    public static func supplied(_ value: Double, for period: Period) -> Total {
        Total(value: value, coverage: .complete(period), isSupplied: true)
    }

    /// The period the total is for.
    public var period: Period { coverage.period }

    /// Whether every month of the period is counted.
    public var isComplete: Bool { coverage.isComplete }

    /// The total as a figure: a number when complete; TBC when months are missing but some
    /// are known or TBC; not reported when nothing at all has been reported.
    public var figure: FigureValue {
        if isComplete { return .number(value) }
        if coverage.isEmpty && coverage.tbc.isEmpty { return .notReported }
        return .tbc
    }

    /// The total for a table cell: `1,207` when complete; `40 (Apr–Nov)` when some months are
    /// missing; `TBC` when none has a number but some are TBC; blank when nothing is reported.
    public var displayText: String {
        if isComplete { return DisplayFormat.number(value) }
        if coverage.isEmpty { return coverage.tbc.isEmpty ? "" : "TBC" }
        return "\(DisplayFormat.number(value)) (\(coverage.label))"
    }
}
