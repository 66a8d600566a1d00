import Foundation

/// Everything known about one indicator in one area: monthly figures, and totals a source gave
/// for a run of months without the months themselves (the seed's 2017/18 baselines, its
/// "last 12 months" column, its quarterly beat table).
///
/// A total over a period uses the supplied totals that lie wholly inside it, longest first and
/// never overlapping (a published figure stays fixed), and the monthly figures for the months
/// left over. So the 12 months to December 2018 use a total supplied for exactly those months,
/// while April–December 2018 still adds up its months.
public struct IndicatorFigures: Sendable, Hashable {
    public var months: MonthlySeries
    public var supplied: [Period: Double]

    public init(months: MonthlySeries = MonthlySeries(), supplied: [Period: Double] = [:]) {
        self.months = months
        self.supplied = supplied
    }

    /// The total over a period, with its coverage; `isSupplied` when a supplied total was used.
    public func total(over period: Period) -> Total {
        var value = 0.0
        var present: [Month] = [], tbc: [Month] = [], notReported: [Month] = []
        var covered = Set<Month>()
        var usedSupplied = false
        let candidates = supplied.filter { period.contains($0.key.first) && period.contains($0.key.last) }
            .sorted { ($0.key.count, $1.key.first) > ($1.key.count, $0.key.first) }
        for (range, total) in candidates where range.months.allSatisfy({ !covered.contains($0) }) {
            value += total
            present += range.months
            covered.formUnion(range.months)
            usedSupplied = true
        }
        for month in period.months where !covered.contains(month) {
            switch months[month] {
            case .number(let figure): value += figure; present.append(month)
            case .tbc: tbc.append(month)
            case .notReported: notReported.append(month)
            }
        }
        return Total(value: value, coverage: Coverage(period: period, present: present, tbc: tbc, notReported: notReported),
                     isSupplied: usedSupplied)
    }

    /// The financial year's months reported so far, through `month`.
    public func totalToDate(through month: Month) -> Total {
        total(over: Period(month.financialYear.firstMonth...month))
    }

    /// The 12 months ending at `month`.
    public func lastTwelveMonths(endingAt month: Month) -> Total {
        total(over: Period(months: 12, endingAt: month))
    }

    /// The previous financial year's total: the baseline for `year`.
    public func baseline(for year: FinancialYear) -> Total {
        total(over: year.previous.period)
    }

    /// (to date this year − same months last year) ÷ same months last year.
    public func performanceVersusSamePeriodLastYear(through month: Month) -> Comparison {
        let toDate = totalToDate(through: month)
        return Comparison(current: toDate, base: total(over: toDate.period.samePeriodLastYear))
    }

    /// (last 12 months − baseline) ÷ baseline, the baseline being the financial year before
    /// the one `month` falls in.
    public func changeOnBaseline(endingAt month: Month) -> Comparison {
        Comparison(current: lastTwelveMonths(endingAt: month), base: baseline(for: month.financialYear))
    }

    /// The 12-month totals ending at each month from `first` through `last` (nil where incomplete).
    public func rollingTwelveMonthTotals(from first: Month, through last: Month) -> [(month: Month, total: Total)] {
        guard first <= last else { return [] }
        return (first...last).map { ($0, lastTwelveMonths(endingAt: $0)) }
    }
}

extension IndicatorFigures {
    /// Takes values from another series (e.g. police.uk counts) for the months that have no
    /// figure here, and not for months a supplied total already covers. Entered figures and TBC
    /// always win: a partner's figure is the published one.
    public mutating func fillUnreportedMonths(from other: MonthlySeries) {
        let covered = Set(supplied.keys.flatMap(\.months))
        for month in other.values.keys where months[month] == .notReported && !covered.contains(month) {
            months[month] = other[month]
        }
    }
}
