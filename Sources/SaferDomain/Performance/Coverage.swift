import Foundation

/// Which months of a period a total actually contains, so an incomplete total can be shown
/// honestly, e.g. "40 (Apr–Nov)", instead of counting missing months as 0.
public struct Coverage: Sendable, Hashable, Codable {
    /// The months the total was asked for.
    public let period: Period
    /// Months with a number, earliest first.
    public let present: [Month]
    /// Months marked TBC (past, not supplied yet), earliest first.
    public let tbc: [Month]
    /// Months with nothing reported, earliest first.
    public let notReported: [Month]

    /// Records which months of `period` are present, TBC and not reported.
    public init(period: Period, present: [Month], tbc: [Month], notReported: [Month]) {
        self.period = period
        self.present = present.sorted()
        self.tbc = tbc.sorted()
        self.notReported = notReported.sorted()
    }

    /// Coverage of a period whose every month is present (also used for a supplied annual total).
    public static func complete(_ period: Period) -> Coverage {
        Coverage(period: period, present: period.months, tbc: [], notReported: [])
    }

    /// Whether every month of the period has a number.
    public var isComplete: Bool { tbc.isEmpty && notReported.isEmpty }

    /// Whether no month of the period has a number.
    public var isEmpty: Bool { present.isEmpty }

    /// The months without a number (TBC or not reported), earliest first.
    public var missing: [Month] { (tbc + notReported).sorted() }

    /// The present months as runs, e.g. `Apr–Nov`, or `Apr–Jun, Aug` with a gap, or `none`.
    ///
    /// Month names alone when the period lies in one financial year (as the pack writes
    /// them); with years otherwise, e.g. `Oct 2017–Mar 2018`, so a rolling 12 months is never
    /// ambiguous.
    public var label: String { Coverage.label(for: present, withYears: !period.isWithinOneFinancialYear) }

    /// The missing months as runs, e.g. `Dec`, or `none`.
    public var missingLabel: String { Coverage.label(for: missing, withYears: !period.isWithinOneFinancialYear) }

    /// Joins sorted months into runs of consecutive months.
    static func label(for months: [Month], withYears: Bool) -> String {
        guard var start = months.first else { return "none" }
        func name(_ month: Month) -> String { withYears ? month.label : month.shortName }
        var runs: [String] = []
        var end = start
        for month in months.dropFirst() {
            if month == end.next {
                end = month
            } else {
                runs.append(start == end ? name(start) : "\(name(start))–\(name(end))")
                start = month
                end = month
            }
        }
        runs.append(start == end ? name(start) : "\(name(start))–\(name(end))")
        return runs.joined(separator: ", ")
    }
}
