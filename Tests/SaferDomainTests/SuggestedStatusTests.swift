import Foundation
import SaferDomain
import Testing

@Suite("Suggested status from a forecast")
struct SuggestedStatusTests {
    @Test func antiSocialBehaviourIsOnScheduleProRata() throws {
        // Target 2018/19: 1,698. By quarter 3 (9 months): 1,237.
        let suggestion = try SuggestedStatus.proRata(toDate: 1_237, monthsElapsed: 9, target: 1_698)

        #expect(abs(suggestion.forecast - 1_237.0 * 12 / 9) < 1e-9)
        #expect(suggestion.rule == .proRata)
        #expect(suggestion.status == .green)
        #expect(suggestion.explanation == "Forecast 1,649 (pro-rata) against a target of 1,698: Green")
    }

    @Test func theftFromVehiclesIsBehindProRata() throws {
        // Target 393, 310 by quarter 3: forecast 413.3, 5.2% over the target. The officer
        // assigned Amber; the rule suggests Red, and the difference is kept with a reason.
        let suggestion = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)

        #expect(suggestion.status != .green)
        #expect(suggestion.status == .red)
        #expect(DisplayFormat.number(suggestion.forecast, decimals: 1) == "413.3")
    }

    @Test(arguments: [
        (400.0, RAGStatus.green), (399.0, .green), (408.0, .amber), (420.0, .amber), (420.5, .red),
    ])
    func missingTheTargetByNoMoreThanTheThresholdIsAmber(forecast: Double, expected: RAGStatus) {
        let suggestion = SuggestedStatus(forecast: forecast, rule: .proRata, target: 400)

        #expect(suggestion.status == expected)
    }

    @Test func moreIsBetterTargetsFlip() {
        func status(_ forecast: Double) -> RAGStatus {
            SuggestedStatus(forecast: forecast, rule: .proRata, target: 60, polarity: .moreIsBetter).status
        }

        #expect(status(61) == .green)
        #expect(status(60) == .green)
        #expect(status(57) == .amber)
        #expect(status(56) == .red)
    }

    @Test func theThresholdIsASetting() {
        let suggestion = SuggestedStatus(forecast: 413.3, rule: .proRata, target: 393, threshold: 0.10)

        #expect(suggestion.status == .amber)
    }

    @Test func seasonalProfileUsesLastYearsShareOfTheSameMonths() throws {
        let asb = SeedFigures.antiSocialBehaviourSeries

        let suggestion = try SuggestedStatus.suggest(
            from: asb, through: SeedFigures.december2018, target: 1_698, rule: .seasonalProfile
        )

        // 1,377 of 2017/18's 1,699 fell in April–December: forecast 1,237 ÷ (1,377 ÷ 1,699).
        #expect(abs(suggestion.forecast - 1_237.0 / (1_377.0 / 1_699.0)) < 1e-9)
        #expect(suggestion.rule == .seasonalProfile)
        #expect(suggestion.status == .green)
        #expect(suggestion.explanation == "Forecast 1,526 (last year's seasonal profile) against a target of 1,698: Green")
    }

    @Test func aSeasonalYearCanBeOnScheduleWhereProRataIsNot() throws {
        // Illustrative: had 315 of last year's 393 thefts from vehicles fallen in April–December,
        // the 310 so far would forecast 386.8, inside the target of 393.
        let seasonal = try SuggestedStatus.seasonalProfile(toDate: 310, lastYearSameMonths: 315, lastYearAnnualTotal: 393, target: 393)
        let proRata = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)

        #expect(DisplayFormat.number(seasonal.forecast, decimals: 1) == "386.8")
        #expect(seasonal.status == .green)
        #expect(proRata.status == .red)
    }

    @Test func proRataFromASeriesCountsTheMonthsElapsed() throws {
        let theft = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.theftFromVehicle2018)

        let suggestion = try SuggestedStatus.suggest(from: theft, through: SeedFigures.december2018, target: 393, rule: .proRata)

        #expect(abs(suggestion.forecast - 310.0 * 12 / 9) < 1e-9)
        #expect(suggestion.status == .red)
    }

    @Test func noSuggestionWhenTheFiguresAreIncomplete() {
        let theft = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.theftFromVehicle2018)
        var withTBC = theft
        withTBC[SeedFigures.december2018] = .tbc

        #expect(throws: ForecastError.toDateIncomplete(covers: "Apr–Nov", missing: "Dec")) {
            try SuggestedStatus.suggest(from: withTBC, through: SeedFigures.december2018, target: 393, rule: .proRata)
        }
        #expect(throws: ForecastError.lastYearIncomplete(missing: "Apr–Dec")) {
            try SuggestedStatus.suggest(from: theft, through: SeedFigures.december2018, target: 393, rule: .seasonalProfile)
        }
    }

    @Test func aSuppliedLastYearTotalCompletesTheSeasonalProfile() throws {
        var theft = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.theftFromVehicle2018)
        for (offset, count) in SeedFigures.spread(315, over: 9).enumerated() {
            theft[SeedFigures.month("2017-04").adding(months: offset)] = .count(count)
        }

        let suggestion = try SuggestedStatus.suggest(
            from: theft, through: SeedFigures.december2018, target: 393, rule: .seasonalProfile, suppliedLastYearTotal: 393
        )

        #expect(suggestion.status == .green)
    }

    @Test func impossibleInputsSayWhatToDo() {
        #expect(throws: ForecastError.monthsElapsedOutOfRange(0)) {
            try SuggestedStatus.proRata(toDate: 10, monthsElapsed: 0, target: 10)
        }
        #expect(throws: ForecastError.lastYearShareIsZero) {
            try SuggestedStatus.seasonalProfile(toDate: 10, lastYearSameMonths: 0, lastYearAnnualTotal: 50, target: 10)
        }
        #expect(ForecastError.monthsElapsedOutOfRange(13).description
            == "13 months elapsed is not possible: a forecast needs 1 to 12 months of the financial year")
    }
}
