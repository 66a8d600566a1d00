import Foundation
import SaferDomain
import Testing

@Suite("Month")
struct MonthTests {
    @Test func readsAndWritesYearDashMonth() throws {
        let month = try Month(parsing: "2018-04")

        #expect(month.year == 2018)
        #expect(month.month == 4)
        #expect(month.description == "2018-04")
        #expect(month.shortName == "Apr")
        #expect(month.longName == "April")
        #expect(month.label == "Apr 2018")
    }

    @Test(arguments: ["2018-13", "2018-00", "2018-4", "18-04", "2018/04", "April 2018", "", "2018-04-01", "２０１８-04"])
    func rejectsTextThatIsNotAMonth(text: String) {
        #expect(throws: PeriodError.notAMonth(text)) { try Month(parsing: text) }
    }

    @Test func theErrorSaysWhatWasWrongAndWhatToWrite() {
        let error = PeriodError.notAMonth("2018-13")

        #expect(error.description == "'2018-13' is not a month: use YYYY-MM, e.g. 2018-04")
        #expect(error.localizedDescription == error.description)
    }

    @Test func rejectsMonthNumbersOutsideOneToTwelve() {
        #expect(throws: PeriodError.monthOutOfRange(year: 2018, month: 13)) { try Month(year: 2018, month: 13) }
        #expect(throws: PeriodError.monthOutOfRange(year: 2018, month: 0)) { try Month(year: 2018, month: 0) }
    }

    @Test func addingMonthsCrossesYearEnds() throws {
        let november = try Month(parsing: "2018-11")

        #expect(november.adding(months: 3).description == "2019-02")
        #expect(november.adding(months: -11).description == "2017-12")
        #expect(november.adding(months: 0) == november)
        #expect(november.next.description == "2018-12")
        #expect(november.previous.description == "2018-10")
        #expect(november.sameMonthLastYear.description == "2017-11")
    }

    @Test func ordersEarlierMonthsFirstAndCountsTheMonthsBetween() throws {
        let april = try Month(parsing: "2018-04")
        let march = try Month(parsing: "2019-03")

        #expect(april < march)
        #expect(april.distance(to: march) == 11)
        #expect(Array(april...march).count == 12)
        #expect([march, april].sorted() == [april, march])
    }

    @Test(arguments: [
        ("2018-04", "2018/19", "2018/19-Q1", 1),
        ("2018-06", "2018/19", "2018/19-Q1", 3),
        ("2018-07", "2018/19", "2018/19-Q2", 4),
        ("2018-12", "2018/19", "2018/19-Q3", 9),
        ("2019-01", "2018/19", "2018/19-Q4", 10),
        ("2019-03", "2018/19", "2018/19-Q4", 12),
        ("2018-03", "2017/18", "2017/18-Q4", 12),
    ])
    func knowsItsFinancialYearAndQuarter(text: String, year: String, quarter: String, position: Int) throws {
        let month = try Month(parsing: text)

        #expect(month.financialYear.description == year)
        #expect(month.quarter.description == quarter)
        #expect(month.positionInFinancialYear == position)
    }

    @Test func encodesAsItsTextAlsoAsADictionaryKey() throws {
        let month = try Month(parsing: "2018-12")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys

        let single = String(decoding: try encoder.encode(month), as: UTF8.self)
        let keyed = String(decoding: try encoder.encode([month: 1]), as: UTF8.self)

        #expect(single == "\"2018-12\"")
        #expect(keyed == "{\"2018-12\":1}")
        #expect(try JSONDecoder().decode(Month.self, from: Data(single.utf8)) == month)
        #expect(try JSONDecoder().decode([Month: Int].self, from: Data(keyed.utf8)) == [month: 1])
    }

    @Test func refusesToDecodeANonMonth() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Month.self, from: Data("\"2018-13\"".utf8))
        }
    }
}
