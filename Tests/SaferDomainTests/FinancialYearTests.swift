import Foundation
import SaferDomain
import Testing

@Suite("Financial year")
struct FinancialYearTests {
    @Test func runsFromAprilToMarch() throws {
        let year = try FinancialYear(parsing: "2018/19")

        #expect(year.startYear == 2018)
        #expect(year.description == "2018/19")
        #expect(year.shortLabel == "18/19")
        #expect(year.firstMonth.description == "2018-04")
        #expect(year.lastMonth.description == "2019-03")
        #expect(year.months.count == 12)
        #expect(year.months.map(\.shortName).joined(separator: " ") == "Apr May Jun Jul Aug Sep Oct Nov Dec Jan Feb Mar")
    }

    @Test(arguments: ["2018/19", "2018/2019", "18/19", " 2018/19 "])
    func readsTheWaysTheCouncilWritesIt(text: String) throws {
        #expect(try FinancialYear(parsing: text).description == "2018/19")
    }

    @Test func writesTheCenturyTurnWithALeadingZero() throws {
        let year = try FinancialYear(parsing: "1999/00")

        #expect(year.startYear == 1999)
        #expect(year.description == "1999/00")
        #expect(year.next.description == "2000/01")
    }

    @Test(arguments: ["2018/20", "2018-19", "2018/1", "201/19", "2018/", "/19", "2018", "2018/19/20", "FY2018"])
    func rejectsTextThatIsNotAFinancialYear(text: String) {
        #expect(throws: PeriodError.notAFinancialYear(text)) { try FinancialYear(parsing: text) }
    }

    @Test func theErrorSaysWhatToWrite() {
        #expect(PeriodError.notAFinancialYear("2018/20").description
            == "'2018/20' is not a financial year: use YYYY/YY with consecutive years, e.g. 2018/19")
    }

    @Test func knowsTheYearsBeforeAndAfter() throws {
        let year = try FinancialYear(parsing: "2018/19")

        #expect(year.previous.description == "2017/18")
        #expect(year.next.description == "2019/20")
        #expect(year.previous < year)
    }

    @Test func findsTheQuarterOfAMonthInTheYear() throws {
        let year = try FinancialYear(parsing: "2018/19")

        #expect(year.quarter(of: SeedFigures.month("2018-12"))?.description == "2018/19-Q3")
        #expect(year.quarter(of: SeedFigures.month("2019-02"))?.description == "2018/19-Q4")
        #expect(year.quarter(of: SeedFigures.month("2018-03")) == nil)
        #expect(year.quarters.map(\.description) == ["2018/19-Q1", "2018/19-Q2", "2018/19-Q3", "2018/19-Q4"])
    }

    @Test func countsTheMonthsElapsedToDate() throws {
        let year = try FinancialYear(parsing: "2018/19")

        #expect(year.monthsElapsed(through: SeedFigures.month("2018-12")) == 9)
        #expect(year.monthsElapsed(through: SeedFigures.month("2018-04")) == 1)
        #expect(year.monthsElapsed(through: SeedFigures.month("2018-03")) == 0)
        #expect(year.monthsElapsed(through: SeedFigures.month("2019-07")) == 12)
        #expect(year.periodToDate(through: SeedFigures.month("2018-12"))?.description == "2018-04..2018-12")
        #expect(year.periodToDate(through: SeedFigures.month("2019-04")) == nil)
    }

    @Test func encodesAsItsText() throws {
        let year = try FinancialYear(parsing: "2018/19")

        let json = String(decoding: try JSONEncoder().encode(year), as: UTF8.self)

        #expect(json == "\"2018\\/19\"" || json == "\"2018/19\"")
        #expect(try JSONDecoder().decode(FinancialYear.self, from: Data(json.utf8)) == year)
    }
}
