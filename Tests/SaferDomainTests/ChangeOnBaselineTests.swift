import Foundation
import SaferDomain
import Testing

@Suite("Change on baseline and status: the pack's CSP table")
struct ChangeOnBaselineTests {
    @Test(arguments: SeedFigures.baselineRows)
    func everyRowOfThePacksTableComesOutTheSame(row: SeedFigures.BaselineRow) throws {
        let series = MonthlySeries(startingAt: SeedFigures.month("2018-01"), counts: row.monthsOf2018)
        let rule = RAGRule(polarity: row.polarity)

        let comparison = series.changeOnBaseline(endingAt: SeedFigures.december2018, suppliedBaseline: Double(row.baseline))

        #expect(comparison.base.value == Double(row.baseline))
        #expect(comparison.base.period.description == "2017-04..2018-03")
        #expect(comparison.base.isSupplied)
        #expect(comparison.current.value == Double(row.lastTwelveMonths))
        #expect(comparison.current.displayText == DisplayFormat.count(row.lastTwelveMonths))
        #expect(comparison.displayText() == row.expectedChange)
        #expect(rule.status(for: comparison) == row.expectedStatus)
    }

    @Test func theFourteenRowsCoverEveryStatusThePackShows() {
        let statuses = SeedFigures.baselineRows.map(\.expectedStatus)

        #expect(SeedFigures.baselineRows.count == 14)
        #expect(statuses.filter { $0 == .green }.count == 3)
        #expect(statuses.filter { $0 == .amber }.count == 8)
        #expect(statuses.filter { $0 == .red }.count == 3)
    }

    @Test func aBaselineAddedUpFromMonthsMatchesTheSuppliedOne() {
        let asb = SeedFigures.antiSocialBehaviourSeries

        let fromMonths = asb.changeOnBaseline(endingAt: SeedFigures.december2018)
        let supplied = asb.changeOnBaseline(endingAt: SeedFigures.december2018, suppliedBaseline: 1_699)

        #expect(fromMonths.base.value == 1_699)
        #expect(!fromMonths.base.isSupplied)
        #expect(fromMonths.displayText() == "-8.2%")
        #expect(fromMonths.change == supplied.change)
        #expect(RAGRule.standard.status(for: fromMonths) == .green)
    }

    @Test func aBaselineYearWithMissingMonthsIsIncompleteWithItsCoverage() {
        // police.uk extracts start in October 2017, so 2017/18 has only October to March.
        let series = MonthlySeries(startingAt: SeedFigures.month("2017-10"), counts: Array(repeating: 100, count: 15))

        let baseline = series.baseline(for: SeedFigures.quarter3.financialYear)
        let comparison = series.changeOnBaseline(endingAt: SeedFigures.december2018)

        #expect(baseline.value == 600)
        #expect(!baseline.isComplete)
        #expect(baseline.displayText == "600 (Oct–Mar)")
        #expect(comparison.outcome == .incomplete)
        #expect(comparison.displayText() == "no Apr 2017–Sep 2017 figures to compare with")
        #expect(RAGRule.standard.status(for: comparison) == nil)
    }

    @Test func aSuppliedAnnualTotalStandsInForMissingBaselineMonths() {
        let series = MonthlySeries(startingAt: SeedFigures.month("2017-10"), counts: Array(repeating: 100, count: 15))

        let comparison = series.changeOnBaseline(endingAt: SeedFigures.december2018, suppliedBaseline: 1_150)

        #expect(comparison.isComplete)
        #expect(comparison.displayText() == "+4.3%")
        #expect(RAGRule.standard.status(for: comparison) == .amber)
    }
}
