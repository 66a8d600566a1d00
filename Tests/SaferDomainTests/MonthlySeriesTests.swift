import Foundation
import SaferDomain
import Testing

@Suite("Monthly series: totals")
struct MonthlySeriesTests {
    @Test func totalToDateAddsTheFinancialYearsMonthsSoFar() {
        let violence = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.violenceAgainstThePerson2018)
        let asb = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.antiSocialBehaviour2018)

        let violenceToDate = violence.totalToDate(through: SeedFigures.december2018)
        let asbToDate = asb.totalToDate(through: SeedFigures.december2018)

        #expect(violenceToDate.value == 1_207)
        #expect(violenceToDate.isComplete)
        #expect(violenceToDate.displayText == "1,207")
        #expect(violenceToDate.figure == .number(1_207))
        #expect(asbToDate.displayText == "1,237")
    }

    @Test func totalToDateStartsAgainInApril() {
        var series = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.antiSocialBehaviour2018)
        series[SeedFigures.month("2018-03")] = .count(999)

        let toDate = series.totalToDate(through: SeedFigures.month("2018-06"))

        #expect(toDate.value == 140 + 155 + 130)
        #expect(toDate.period.description == "2018-04..2018-06")
    }

    @Test func aTotalIncludingATBCMonthIsShownWithItsCoverage() {
        // Road casualties lag a quarter: December was TBC when the pack was written.
        let casualties = MonthlySeries(
            startingAt: SeedFigures.april2018,
            SeedFigures.roadCasualtiesAprilToNovember2018.map(FigureValue.count) + [.tbc]
        )

        let toDate = casualties.totalToDate(through: SeedFigures.december2018)

        #expect(toDate.value == 40)
        #expect(!toDate.isComplete)
        #expect(toDate.figure == .tbc)
        #expect(toDate.displayText == "40 (Apr–Nov)")
        #expect(toDate.coverage.tbc == [SeedFigures.december2018])
        #expect(toDate.coverage.missingLabel == "Dec")
    }

    @Test func aTotalWithAPastMonthNotReportedIsIncompleteNotShort() {
        var series = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.antiSocialBehaviour2018)
        series[SeedFigures.month("2018-08")] = .notReported

        let toDate = series.totalToDate(through: SeedFigures.december2018)

        #expect(!toDate.isComplete)
        #expect(toDate.value == 1_237 - 156)
        #expect(toDate.displayText == "1,081 (Apr–Jul, Sep–Dec)")
        #expect(toDate.coverage.notReported == [SeedFigures.month("2018-08")])
    }

    @Test func aTotalOfOnlyTBCMonthsIsTBCAndOfNothingIsBlank() {
        let series = MonthlySeries([SeedFigures.month("2018-10"): .tbc])

        let tbcQuarter = series.total(of: SeedFigures.quarter3)
        let futureQuarter = series.total(of: SeedFigures.quarter3.next)

        #expect(tbcQuarter.displayText == "TBC")
        #expect(tbcQuarter.figure == .tbc)
        #expect(futureQuarter.displayText == "")
        #expect(futureQuarter.figure == .notReported)
    }

    @Test func lastTwelveMonthsIsTheRollingSumEndingAtAMonth() {
        let asb = SeedFigures.antiSocialBehaviourSeries

        let lastTwelve = asb.lastTwelveMonths(endingAt: SeedFigures.december2018)
        let toMarch = asb.lastTwelveMonths(endingAt: SeedFigures.month("2018-03"))

        #expect(lastTwelve.value == 1_559)
        #expect(lastTwelve.isComplete)
        #expect(toMarch.value == 1_699)
        #expect(asb.latestReportedMonth == SeedFigures.december2018)
    }

    @Test func lastTwelveMonthsIsIncompleteWhenAnyMonthIsMissing() {
        // police.uk extracts start in October 2017.
        let series = MonthlySeries(startingAt: SeedFigures.month("2017-10"), counts: Array(repeating: 10, count: 9))

        let lastTwelve = series.lastTwelveMonths(endingAt: SeedFigures.month("2018-06"))

        #expect(!lastTwelve.isComplete)
        #expect(lastTwelve.value == 90)
        #expect(lastTwelve.displayText == "90 (Oct 2017–Jun 2018)")
    }

    @Test func rollingTotalsFeedTheTrendChart() {
        let asb = SeedFigures.antiSocialBehaviourSeries

        let trend = asb.rollingTwelveMonthTotals(from: SeedFigures.month("2018-03"), through: SeedFigures.december2018)

        #expect(trend.count == 10)
        #expect(trend.first?.total.value == 1_699)
        #expect(trend.last?.total.value == 1_559)
        let allComplete = trend.allSatisfy { $0.total.isComplete }
        #expect(allComplete)
    }

    @Test func quarterlySumsMatchThePack() {
        let flagged = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.domesticAbuseFlag2018)
        let withInjury = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.violenceWithInjury2018)

        let flaggedQuarters = flagged.quarterlyTotals(for: SeedFigures.quarter3.financialYear)
        let injuryQuarters = withInjury.quarterlyTotals(for: SeedFigures.quarter3.financialYear)

        #expect(flaggedQuarters.prefix(3).map(\.value) == [48, 45, 43])
        #expect(injuryQuarters.prefix(3).map(\.value) == [133, 135, 139])
        #expect(!flaggedQuarters[3].isComplete)
        #expect(withInjury.totalToDate(through: SeedFigures.december2018).value == 407)
    }

    @Test func settingAMonthToNotReportedRemovesIt() {
        var series = MonthlySeries(startingAt: SeedFigures.april2018, counts: [1, 2])

        series[SeedFigures.april2018] = .notReported

        #expect(series == MonthlySeries(startingAt: SeedFigures.month("2018-05"), counts: [2]))
        #expect(series.reportedMonths == [SeedFigures.month("2018-05")])
    }

    @Test func mergingReplacesOnlyTheMonthsGiven() {
        let series = MonthlySeries(startingAt: SeedFigures.april2018, counts: [1, 2, 3])
        let correction = MonthlySeries([SeedFigures.month("2018-05"): .count(20)])

        let merged = series.merging(correction)

        #expect(merged.total(over: Period(SeedFigures.april2018...SeedFigures.month("2018-06"))).value == 24)
    }

    @Test func encodesAsAnObjectKeyedByMonth() throws {
        let series = MonthlySeries(startingAt: SeedFigures.month("2018-11"), [.count(3), .tbc])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys

        let json = String(decoding: try encoder.encode(series), as: UTF8.self)

        #expect(json == #"{"2018-11":3,"2018-12":"TBC"}"#)
        #expect(try JSONDecoder().decode(MonthlySeries.self, from: Data(json.utf8)) == series)
    }
}
