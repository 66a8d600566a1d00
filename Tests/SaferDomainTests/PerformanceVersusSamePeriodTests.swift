import Foundation
import SaferDomain
import Testing

@Suite("Performance vs same period last year")
struct PerformanceVersusSamePeriodTests {
    /// The violence series for the pack's +12.8%. The seed gives no 2017/18 months for it
    /// (only the 2017/18 total, whose own split is inconsistent with +12.8% because police
    /// figures were revised), so last year's April–December is derived: 1,207 ÷ 1.128 ≈
    /// 1,070.04, so 1,070, spread evenly over nine months. January to March 2018 (100 each)
    /// are invented and play no part.
    func violenceSeries() -> MonthlySeries {
        MonthlySeries(
            startingAt: SeedFigures.month("2017-04"),
            counts: SeedFigures.spread(1_070, over: 9) + [100, 100, 100] + SeedFigures.violenceAgainstThePerson2018
        )
    }

    @Test func violenceIsUpTwelvePointEightPercentOnTheSamePeriodOf2017() throws {
        let series = violenceSeries()

        let comparison = series.performanceVersusSamePeriodLastYear(through: SeedFigures.december2018)

        #expect(comparison.current.value == 1_207)
        #expect(comparison.base.value == 1_070)
        #expect(comparison.base.period.description == "2017-04..2017-12")
        #expect(comparison.displayText() == "+12.8%")
        let change = try #require(comparison.change)
        #expect(abs(change - (1_207.0 - 1_070.0) / 1_070.0) < 1e-12)
    }

    @Test func antiSocialBehaviourIsDownTenPointTwoPercent() {
        let series = SeedFigures.antiSocialBehaviourSeries

        let comparison = series.performanceVersusSamePeriodLastYear(through: SeedFigures.december2018)

        #expect(comparison.current.displayText == "1,237")
        #expect(comparison.base.value == 1_377)
        #expect(comparison.displayText() == "-10.2%")
        #expect(comparison.displayText(minus: .minusSign) == "\u{2212}10.2%")
    }

    @Test func aMissingMonthLastYearMakesTheComparisonIncompleteNotZero() {
        var series = violenceSeries()
        series[SeedFigures.month("2017-10")] = .notReported

        let comparison = series.performanceVersusSamePeriodLastYear(through: SeedFigures.december2018)

        #expect(comparison.outcome == .incomplete)
        #expect(comparison.change == nil)
        #expect(comparison.base.coverage.notReported == [SeedFigures.month("2017-10")])
        #expect(comparison.displayText() == "no Oct 2017 figures to compare with")
        #expect(RAGRule.standard.status(for: comparison) == nil)
    }

    @Test func aTBCMonthThisYearMakesTheComparisonIncomplete() {
        var series = violenceSeries()
        series[SeedFigures.december2018] = .tbc

        let comparison = series.performanceVersusSamePeriodLastYear(through: SeedFigures.december2018)

        #expect(comparison.outcome == .incomplete)
        #expect(comparison.displayText() == "Dec 2018 not reported yet")
    }

    @Test func aZeroBaseHasNoPercentageChange() {
        let series = MonthlySeries(startingAt: SeedFigures.month("2017-04"), counts: Array(repeating: 0, count: 12) + [3])

        let comparison = series.performanceVersusSamePeriodLastYear(through: SeedFigures.april2018)

        #expect(comparison.outcome == .baseIsZero)
        #expect(comparison.change == nil)
        #expect(comparison.displayText() == "n/a: base is 0")
    }
}
