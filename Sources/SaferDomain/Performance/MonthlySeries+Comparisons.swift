import Foundation

// MARK: - Comparisons: same period last year, baseline

extension MonthlySeries {
    /// Performance vs same period last year: total to date through `month` compared with the
    /// same months of the previous financial year, (to date − same months last year) ÷ same
    /// months last year.
    ///
    /// Needs last year's monthly figures, not only its total. When any of those months (or
    /// this year's) has no number the comparison is incomplete and carries both coverages;
    /// it is never computed as if the missing months were 0.
    public func performanceVersusSamePeriodLastYear(through month: Month) -> Comparison {
        let toDate = totalToDate(through: month)
        return Comparison(current: toDate, base: total(over: toDate.period.samePeriodLastYear))
    }

    /// The baseline for assessing `year`: the total of the previous financial year (2017/18
    /// for 2018/19).
    ///
    /// When `suppliedTotal` is given it is the baseline, whatever the months hold: the
    /// council publishes the baseline once and holds it for the year (the seed gives only
    /// 2017/18 annual totals for many indicators, and police figures for past months are
    /// revised later). Otherwise the baseline is added up from the previous year's months and
    /// is incomplete, with its coverage, when any is missing (e.g. police.uk extracts that
    /// start in October 2017).
    public func baseline(for year: FinancialYear, suppliedTotal: Double? = nil) -> Total {
        let baseYear = year.previous
        if let suppliedTotal { return .supplied(suppliedTotal, for: baseYear.period) }
        return total(of: baseYear)
    }

    /// Change on baseline for the last 12 months ending at `month`: (last 12 months −
    /// baseline) ÷ baseline, where the baseline is the total of the financial year before
    /// the one `month` is in (or `suppliedBaseline` when given; see `baseline(for:suppliedTotal:)`).
    public func changeOnBaseline(endingAt month: Month, suppliedBaseline: Double? = nil) -> Comparison {
        Comparison(
            current: lastTwelveMonths(endingAt: month),
            base: baseline(for: month.financialYear, suppliedTotal: suppliedBaseline)
        )
    }
}
