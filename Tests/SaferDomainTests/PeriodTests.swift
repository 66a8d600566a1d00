import Foundation
import SaferDomain
import Testing

@Suite("Period")
struct PeriodTests {
    @Test func theLastTwelveMonthsToDecemberAreJanuaryToDecember() {
        let period = Period(months: 12, endingAt: SeedFigures.december2018)

        #expect(period.first.description == "2018-01")
        #expect(period.count == 12)
        #expect(period.label == "Jan–Dec 2018")
        #expect(!period.isWithinOneFinancialYear)
    }

    @Test func theSamePeriodLastYearIsTheSameMonthsAYearEarlier() {
        let toDate = Period(SeedFigures.april2018...SeedFigures.december2018)

        let lastYear = toDate.samePeriodLastYear

        #expect(lastYear.description == "2017-04..2017-12")
        #expect(lastYear.count == 9)
    }

    @Test func refusesAPeriodThatEndsBeforeItStarts() {
        #expect(throws: PeriodError.periodEndsBeforeItStarts(first: SeedFigures.december2018, last: SeedFigures.april2018)) {
            try Period(first: SeedFigures.december2018, last: SeedFigures.april2018)
        }
    }

    @Test func labelsSpanningCalendarYearsWithBothYears() {
        let period = Period(SeedFigures.month("2017-10")...SeedFigures.month("2018-03"))

        #expect(period.label == "Oct 2017–Mar 2018")
        #expect(period.contains(SeedFigures.month("2018-01")))
        #expect(!period.contains(SeedFigures.month("2018-04")))
    }

    @Test func decodingChecksTheOrderOfItsMonths() throws {
        let good = Data(#"{"first":"2018-04","last":"2018-12"}"#.utf8)
        let bad = Data(#"{"first":"2018-12","last":"2018-04"}"#.utf8)

        #expect(try JSONDecoder().decode(Period.self, from: good).count == 9)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Period.self, from: bad) }
    }
}
