import Foundation
import Testing
@testable import SaferDomain

/// Entering figures never loses one: a blank leaves a month alone, `clear` removes it, the
/// template carries what is stored, and a preview lists every figure added, changed and removed.
@Suite("Entering figures")
struct FigureEntryTests {
    static let jan = Month("2019-01")!, feb = Month("2019-02")!, mar = Month("2019-03")!

    @Test func aBlankKeepsClearRemovesAndAnythingElseIsAFigure() throws {
        #expect(try FigureEntry(parsing: "") == .keep)
        #expect(try FigureEntry(parsing: "   ") == .keep)
        #expect(try FigureEntry(parsing: "clear") == .clear)
        #expect(try FigureEntry(parsing: " CLEAR ") == .clear)
        #expect(try FigureEntry(parsing: "1,417") == .set(.count(1_417)))
        #expect(try FigureEntry(parsing: "TBC") == .set(.tbc))
        #expect(FigureEntry.keep.requested == nil && FigureEntry.clear.requested == .notReported)
        #expect(throws: FigureError.notAFigure("abc")) { try FigureEntry(parsing: "abc") }
    }

    @Test func theTemplateCarriesTheStoredFigures() {
        let indicator = Indicator(key: "violence-with-injury", name: "Violence with injury")
        let stored = ["violence-with-injury": IndicatorFigures(months: MonthlySeries([Self.jan: .count(52), Self.feb: .tbc, Month("2018-04")!: .number(2.5)]))]
        let lines = FigureFile.template(indicators: [indicator], areaKey: "nw", year: try! FinancialYear(parsing: "2018/19"), stored: stored)
            .components(separatedBy: "\r\n")
        #expect(lines.count == 14 && lines[0] == "indicator,area,month,value")
        #expect(lines.contains("violence-with-injury,nw,2019-01,52"))
        #expect(lines.contains("violence-with-injury,nw,2019-02,TBC"))
        #expect(lines.contains("violence-with-injury,nw,2018-04,2.5"))
        #expect(lines.contains("violence-with-injury,nw,2019-03,"))
    }

    @Test func aFileLeavesBlankMonthsAloneAndClearsOnlyOnTheWord() throws {
        let text = "indicator,area,month,value\nvwi,,2019-01,52\nvwi,,2019-02,\nvwi,,2019-03,clear\n"
        let figures = try FigureFile.parse(text, districtKey: "nw")
        #expect(figures == [MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Self.jan, value: .count(52)),
                            MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Self.mar, value: .notReported)])
    }

    @Test func changesAreSortedIntoAddedChangedAndRemoved() {
        let stored: [Month: FigureValue] = [Self.feb: .count(40), Self.mar: .count(7), Month("2019-04")!: .count(9)]
        let requested = [MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Self.jan, value: .count(52)),
                         MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Self.feb, value: .count(41)),
                         MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Self.mar, value: .notReported),
                         MonthlyFigure(indicatorKey: "vwi", areaKey: "nw", month: Month("2019-04")!, value: .count(9))]
        let changes = FigureChanges(requested: requested) { stored[$0.month] ?? .notReported }
        #expect(changes.added.map(\.month) == [Self.jan])
        #expect(changes.changed.map(\.month) == [Self.feb] && changes.changed[0].before == .count(40) && changes.changed[0].after == .count(41))
        #expect(changes.removed.map(\.month) == [Self.mar] && changes.removed[0].before == .count(7))
        #expect(changes.summary == "1 added, 1 changed, 1 removed" && changes.figures.count == 3)
        // The fingerprint follows the changes, so a confirmation of an out-of-date preview is caught.
        let moved = FigureChanges(requested: requested) { $0.month == Self.feb ? .count(39) : (stored[$0.month] ?? .notReported) }
        #expect(moved.fingerprint != changes.fingerprint)
        #expect(FigureChanges(requested: requested) { stored[$0.month] ?? .notReported }.fingerprint == changes.fingerprint)
        #expect(FigureChanges(requested: []) { _ in .notReported }.isEmpty)
    }
}
