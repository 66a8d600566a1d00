import Foundation
import SaferDomain
import Testing

@Suite("Quarter")
struct QuarterTests {
    @Test func readsYearDashQuarterAndKnowsItsMonths() throws {
        let quarter = try Quarter(parsing: "2018/19-Q3")

        #expect(quarter.financialYear.description == "2018/19")
        #expect(quarter.number == .q3)
        #expect(quarter.description == "2018/19-Q3")
        #expect(quarter.label == "Q3 2018/19")
        #expect(quarter.months.map(\.description) == ["2018-10", "2018-11", "2018-12"])
    }

    @Test func theFourthQuarterIsJanuaryToMarchOfTheNextCalendarYear() throws {
        let quarter = try Quarter(parsing: "2018/19-Q4")

        #expect(quarter.months.map(\.description) == ["2019-01", "2019-02", "2019-03"])
        #expect(quarter.contains(SeedFigures.month("2019-02")))
        #expect(!quarter.contains(SeedFigures.month("2018-02")))
    }

    @Test func comparesWithTheSameQuarterLastYear() throws {
        let quarter = try Quarter(parsing: "2018/19-Q3")

        #expect(quarter.sameQuarterLastYear.description == "2017/18-Q3")
        #expect(quarter.sameQuarterLastYear.months.map(\.description) == ["2017-10", "2017-11", "2017-12"])
    }

    @Test func stepsBackAndForwardAcrossYearEnds() throws {
        let first = try Quarter(parsing: "2018/19-Q1")
        let last = try Quarter(parsing: "2018/19-Q4")

        #expect(first.previous.description == "2017/18-Q4")
        #expect(last.next.description == "2019/20-Q1")
        #expect(first < last)
    }

    @Test(arguments: ["2018/19-Q5", "2018/19-Q0", "Q3 2018/19", "2018/19Q3", "2018/19-3", "2018/20-Q3", ""])
    func rejectsTextThatIsNotAQuarter(text: String) {
        #expect(throws: PeriodError.notAQuarter(text)) { try Quarter(parsing: text) }
    }

    @Test func theErrorSaysWhatToWrite() {
        #expect(PeriodError.notAQuarter("2018/19-Q5").description
            == "'2018/19-Q5' is not a quarter: use YYYY/YY-Qn with n from 1 to 4, e.g. 2018/19-Q3")
    }

    @Test func encodesAsItsText() throws {
        let quarter = try Quarter(parsing: "2018/19-q3")

        let data = try JSONEncoder().encode(quarter)

        #expect(try JSONDecoder().decode(String.self, from: data) == "2018/19-Q3")
        #expect(try JSONDecoder().decode(Quarter.self, from: data) == quarter)
    }
}
