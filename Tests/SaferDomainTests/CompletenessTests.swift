import Testing
@testable import SaferDomain

/// The rule the reports open on (domain rule stated on the pages): a month is complete when
/// more than half of the indicators reporting in the twelve months to it have a figure for
/// it; a quarter is complete when its three months are.
@Suite("Complete periods")
struct CompletenessTests {
    /// A series with a count of 10 in every month from `first` through `last`.
    static func series(_ first: String, _ last: String) -> MonthlySeries {
        let from = Month(first)!, to = Month(last)!
        return MonthlySeries(Dictionary(uniqueKeysWithValues: (from...to).map { ($0, FigureValue.count(10)) }))
    }

    @Test func oneEarlyFigureForANewMonthLeavesTheLastCompleteQuarter() {
        var early = Self.series("2018-04", "2018-12")
        early[Month("2019-01")!] = .count(3)
        let series = [early] + Array(repeating: Self.series("2018-04", "2018-12"), count: 3)
        #expect(!Completeness.isComplete(Month("2019-01")!, in: series), "1 of 4 is not most")
        #expect(Completeness.latestCompleteQuarter(in: series) == Quarter("2018/19-Q3"))
        #expect(Completeness.openingQuarter(in: series) == Quarter("2018/19-Q3"))
    }

    @Test func aQuarterIsCompleteWhenMostIndicatorsHaveAllThreeMonths() {
        // Three of four report January to March: more than half, so Q4 is complete.
        let series = Array(repeating: Self.series("2018-04", "2019-03"), count: 3) + [Self.series("2018-04", "2018-12")]
        #expect(Completeness.latestCompleteQuarter(in: series) == Quarter("2018/19-Q4"))
        // Two of four is half, not most: Q4 is not complete.
        let half = Array(repeating: Self.series("2018-04", "2019-03"), count: 2) + Array(repeating: Self.series("2018-04", "2018-12"), count: 2)
        #expect(Completeness.latestCompleteQuarter(in: half) == Quarter("2018/19-Q3"))
    }

    @Test func anIndicatorThatStoppedReportingAYearAgoDoesNotCount() {
        // Two indicators report through March 2019; a third stopped in March 2017, more than
        // twelve months before, so it is not among those reporting and Q4 2018/19 is complete.
        let series = [Self.series("2018-04", "2019-03"), Self.series("2018-04", "2019-03"), Self.series("2016-04", "2017-03"),
                      Self.series("2018-04", "2018-06")]
        #expect(Completeness.isComplete(Month("2019-03")!, in: series), "2 of the 2 reporting since April 2018")
        #expect(Completeness.isComplete(Month("2018-06")!, in: series), "3 of 3 reporting in June 2018")
        #expect(Completeness.latestCompleteQuarter(in: series) == Quarter("2018/19-Q4"))
    }

    @Test func noCompleteQuarterOpensOnTheLatestFigure() {
        let series = [Self.series("2019-01", "2019-01"), MonthlySeries()]
        #expect(Completeness.latestCompleteQuarter(in: series) == nil, "January alone is not a whole quarter")
        #expect(Completeness.openingQuarter(in: series) == Quarter("2018/19-Q4"))
        #expect(Completeness.openingQuarter(in: []) == nil)
        #expect(Completeness.openingQuarter(in: [MonthlySeries([Month("2019-01")!: .tbc])]) == nil, "TBC is not a figure")
    }

    /// A pack's snapshot takes the latest complete month by its cut-off: not a later month with
    /// one early figure, not a month after the cut-off, and none before the first figure.
    @Test func theLatestCompleteMonthByADay() {
        var early = Self.series("2018-04", "2019-01")
        early[Month("2019-02")!] = .count(3)
        let series = [early] + Array(repeating: Self.series("2018-04", "2019-01"), count: 2)
        #expect(Completeness.latestCompleteMonth(in: series, onOrBefore: Month("2019-02")!) == Month("2019-01"), "1 of 3 is not most")
        #expect(Completeness.latestCompleteMonth(in: series, onOrBefore: Month("2019-06")!) == Month("2019-01"))
        #expect(Completeness.latestCompleteMonth(in: series, onOrBefore: Month("2018-09")!) == Month("2018-09"))
        #expect(Completeness.latestCompleteMonth(in: series, onOrBefore: Month("2018-03")!) == nil, "before the first figure")
        #expect(Completeness.latestCompleteMonth(in: [], onOrBefore: Month("2019-02")!) == nil)
    }
}
