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

/// Day arithmetic is integer arithmetic on day numbers, checked against Foundation's calendar,
/// and never traps at the ends of the calendar (a period from 0001-01-01 once did).
@Suite("Calendar days")
struct CalendarDayArithmeticTests {
    @Test func dayNumbersMatchFoundationsCalendarAcrossCenturies() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (1900, 3, 1), (2019, 3, 31), (1600, 12, 31), (9999, 12, 31), (2024, 10, 27)] {
            // From 1583 on: before October 1582 Foundation's calendar is Julian, while day numbers are proleptic Gregorian.
            let day = try CalendarDay(year: y, month: m, day: d)
            let date = try #require(calendar.date(from: DateComponents(year: y, month: m, day: d)))
            #expect(day.dayNumber == Int((date.timeIntervalSince1970 / 86_400).rounded()), "\(day)")
            #expect(CalendarDay(clamping: day.dayNumber) == day)
        }
        let start = try CalendarDay(year: 2018, month: 4, day: 1)
        let end = try CalendarDay(year: 2019, month: 3, day: 31)
        #expect(start.adding(days: 365).description == "2019-04-01" && start.days(to: end) == 364)
    }

    @Test func ukDaysStartAtLocalMidnightEitherSideOfTheClockChanges() throws {
        for (text, utc) in [("2019-03-31", "2019-03-31T00:00:00Z"), ("2019-04-01", "2019-03-31T23:00:00Z"),
                            ("2019-10-27", "2019-10-26T23:00:00Z"), ("2019-10-28", "2019-10-28T00:00:00Z")] {
            let day = try CalendarDay(parsing: text)
            #expect(day.start().ISO8601Format() == utc, "\(text)")
            #expect(CalendarDay(containing: day.start()) == day && CalendarDay(containing: day.start().addingTimeInterval(-1)) == day.adding(days: -1))
        }
    }

    @Test func theEndsOfTheCalendarHoldInsteadOfTrapping() throws {
        let range = try DayRange.parse(from: "0001-01-01", to: "9999-12-31")
        #expect(range.previous.first == CalendarDay.earliest && range.previous.last == CalendarDay.earliest)
        #expect(CalendarDay.latest.adding(days: 1) == CalendarDay.latest && CalendarDay.earliest.adding(days: Int.min) == CalendarDay.earliest)
        #expect(CalendarDay.last(of: Month("9999-12")!.next) == CalendarDay.latest)
        #expect(CalendarDay(containing: Date(timeIntervalSince1970: 1e300)) == CalendarDay.latest)
        #expect(CalendarDay.latest.nextYear == CalendarDay.latest)
    }
}
