import Foundation
import Testing
import SaferDomain

@Suite("Indicator figures with supplied totals")
struct IndicatorFiguresTests {
    static let apr2018 = Month("2018-04")!
    /// Violence against the person, April–December 2018, from the seed's monthly table.
    static let vap2018 = [107, 114, 156, 169, 116, 113, 149, 124, 159]

    static func seedViolence() throws -> IndicatorFigures {
        var figures = IndicatorFigures(months: MonthlySeries(startingAt: apr2018, counts: vap2018))
        figures.supplied[try FinancialYear(startYear: 2017).period] = 1_417          // baseline 2017/18, a year total only
        figures.supplied[try Period(first: Month("2018-01")!, last: Month("2018-12")!)] = 1_482  // "last 12 months" column
        return figures
    }

    @Test func aSuppliedTwelveMonthTotalIsUsedForExactlyThoseMonths() throws {
        let figures = try Self.seedViolence()
        let change = figures.changeOnBaseline(endingAt: Month("2018-12")!)
        #expect(change.current.value == 1_482)
        #expect(change.current.isSupplied)
        #expect(change.base.value == 1_417)
        #expect(DisplayFormat.signedPercentage(change.change!) == "+4.6%")
        #expect(RAGRule.standard.status(for: change) == .amber)
    }

    @Test func totalsInsideASuppliedRangeStillAddUpTheirMonths() throws {
        let figures = try Self.seedViolence()
        let toDate = figures.totalToDate(through: Month("2018-12")!)
        #expect(toDate.value == 1_207)
        #expect(!toDate.isSupplied)
        #expect(toDate.isComplete)
    }

    @Test func aPeriodOverlappingASuppliedRangeWithoutContainingItIsIncomplete() throws {
        let figures = try Self.seedViolence()
        // 12 months to November 2018 need December 2017 to March 2018 month by month: not known.
        let total = figures.lastTwelveMonths(endingAt: Month("2018-11")!)
        #expect(!total.isComplete)
        #expect(total.coverage.notReported.count == 4)
        #expect(total.value == Double(Self.vap2018.dropLast().reduce(0, +)), "the months known are summed, never the missing as 0")
    }

    @Test func suppliedRangesNeverOverlapAndTheLongestWins() throws {
        var figures = IndicatorFigures()
        let year = try FinancialYear(startYear: 2018)
        figures.supplied[year.period] = 100
        figures.supplied[year.quarters[2].period] = 40
        #expect(figures.total(over: year.period).value == 100)
        #expect(figures.total(over: year.quarters[2].period).value == 40)
        #expect(!figures.total(over: Period(year.firstMonth...year.quarters[2].lastMonth)).isComplete)
    }

    @Test func aTBCMonthMakesTheTotalIncompleteNotZero() {
        var figures = IndicatorFigures(months: MonthlySeries(startingAt: Self.apr2018, counts: [10, 20, 30]))
        figures.months[Month("2018-06")!] = .tbc
        let total = figures.totalToDate(through: Month("2018-06")!)
        #expect(!total.isComplete)
        #expect(total.displayText == "30 (Apr–May)")
        #expect(total.figure == .tbc)
    }
}
