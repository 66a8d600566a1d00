import Foundation

// MARK: - Totals over periods

extension MonthlySeries {
    /// The sum of the months of `period` that have a number, with their coverage.
    ///
    /// TBC and not-reported months are left out of the value and listed in the coverage, so
    /// the total is incomplete rather than silently short.
    public func total(over period: Period) -> Total {
        var value = 0.0
        var present: [Month] = []
        var tbc: [Month] = []
        var notReported: [Month] = []
        for month in period.months {
            switch self[month] {
            case .number(let figure):
                value += figure
                present.append(month)
            case .tbc: tbc.append(month)
            case .notReported: notReported.append(month)
            }
        }
        return Total(value: value, coverage: Coverage(period: period, present: present, tbc: tbc, notReported: notReported))
    }

    /// The quarter's total (three months), e.g. Q1 2018/19 of the domestic-abuse flag: 48.
    public func total(of quarter: Quarter) -> Total { total(over: quarter.period) }

    /// The financial year's total (twelve months, April to March).
    public func total(of year: FinancialYear) -> Total { total(over: year.period) }

    /// The four quarterly totals of a financial year, Q1 to Q4.
    public func quarterlyTotals(for year: FinancialYear) -> [Total] { year.quarters.map(total(of:)) }

    /// Total to date: the sum of the financial year's months from April up to and including
    /// `month`, e.g. April to December 2018 for December 2018.
    ///
    /// Any month in that span without a number (TBC, or a past month not reported) makes the
    /// total incomplete, shown with its coverage ("40 (Apr–Nov)").
    public func totalToDate(through month: Month) -> Total {
        total(over: Period(month.financialYear.firstMonth...month))
    }

    /// Last 12 months: the rolling sum of the twelve months ending at `month` (e.g. January
    /// to December 2018 for December 2018); incomplete when any of them has no number.
    public func lastTwelveMonths(endingAt month: Month) -> Total {
        total(over: Period(months: 12, endingAt: month))
    }

    /// The 12-month rolling totals for each month from `first` to `last`, for the pack's
    /// rolling trend charts.
    public func rollingTwelveMonthTotals(from first: Month, through last: Month) -> [(month: Month, total: Total)] {
        guard first <= last else { return [] }
        return (first...last).map { ($0, lastTwelveMonths(endingAt: $0)) }
    }
}
