import Foundation
import SaferDomain
import Testing

@Suite("Figure value")
struct FigureValueTests {
    @Test func readsNumbersTBCAndBlanksAsThreeDifferentThings() throws {
        #expect(try FigureValue(parsing: "1,417") == .number(1_417))
        #expect(try FigureValue(parsing: "0") == .number(0))
        #expect(try FigureValue(parsing: "2.5") == .number(2.5))
        #expect(try FigureValue(parsing: "TBC") == .tbc)
        #expect(try FigureValue(parsing: "tbc") == .tbc)
        #expect(try FigureValue(parsing: "n/a") == .tbc)
        #expect(try FigureValue(parsing: "") == .notReported)
        #expect(try FigureValue(parsing: "  ") == .notReported)
    }

    @Test(arguments: ["∞", "m", "1e5", "12%", "nan", "S"])
    func rejectsGarbledCells(text: String) {
        #expect(throws: FigureError.notAFigure(text)) { try FigureValue(parsing: text) }
    }

    @Test func theErrorSaysWhatToEnter() {
        #expect(FigureError.notAFigure("∞").description.hasPrefix("'∞' is not a figure: enter a number (e.g. 1,417), TBC"))
    }

    @Test func neverShowsAMissingMonthAsZero() {
        #expect(FigureValue.count(1_417).displayText == "1,417")
        #expect(FigureValue.count(0).displayText == "0")
        #expect(FigureValue.tbc.displayText == "TBC")
        #expect(FigureValue.notReported.displayText == "")
        #expect(FigureValue.tbc.number == nil)
        #expect(FigureValue.notReported.number == nil)
    }

    @Test func encodesAsANumberTBCOrNull() throws {
        let values: [FigureValue] = [.count(107), .tbc, .notReported]

        let json = String(decoding: try JSONEncoder().encode(values), as: UTF8.self)

        #expect(json == #"[107,"TBC",null]"#)
        #expect(try JSONDecoder().decode([FigureValue].self, from: Data(json.utf8)) == values)
    }
}
