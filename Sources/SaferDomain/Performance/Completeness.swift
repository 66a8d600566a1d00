import Foundation

/// Which periods are complete enough to open a report on, when nobody asks for one.
///
/// The rule, as the pages state it: a month is *complete* when most of the indicators that
/// report at all have a figure for it, that is more than half of those with a number in the
/// twelve months ending that month. A quarter is complete when its three months are. One
/// early figure for a new month therefore leaves the reports on the last complete quarter
/// instead of a period that is almost empty.
public enum Completeness {
    /// Whether more than half of the series reporting in the twelve months ending `month`
    /// have a number for `month`.
    public static func isComplete(_ month: Month, in series: [MonthlySeries]) -> Bool {
        let window = month.adding(months: -11)...month
        let reporting = series.filter { $0.values.contains { window.contains($0.key) && $0.value.isNumber } }
        let reported = reporting.filter { $0[month].isNumber }
        return !reporting.isEmpty && reported.count * 2 > reporting.count
    }

    /// The latest quarter whose three months are complete, or nil when none is.
    public static func latestCompleteQuarter(in series: [MonthlySeries]) -> Quarter? {
        let months = series.flatMap(\.reportedMonths)
        guard let first = months.min(), let last = months.max() else { return nil }
        var quarter = Quarter(containing: last)
        while quarter.lastMonth >= first {
            if quarter.months.allSatisfy({ isComplete($0, in: series) }) { return quarter }
            quarter = quarter.previous
        }
        return nil
    }

    /// The latest complete month on or before `month`, or nil when none is.
    public static func latestCompleteMonth(in series: [MonthlySeries], onOrBefore month: Month) -> Month? {
        guard let first = series.flatMap(\.reportedMonths).min() else { return nil }
        var candidate = month
        while candidate >= first {
            if isComplete(candidate, in: series) { return candidate }
            candidate = candidate.adding(months: -1)
        }
        return nil
    }

    /// The quarter a report opens on: the latest complete one, else the quarter of the latest
    /// figure; nil with no figures at all.
    public static func openingQuarter(in series: [MonthlySeries]) -> Quarter? {
        latestCompleteQuarter(in: series) ?? series.compactMap(\.latestReportedMonth).max().map(Quarter.init(containing:))
    }
}
