import Foundation
import Testing
import ZIPFoundation
import SaferDomain
@testable import SaferReports

@Suite("Report renderers")
struct RenderersTests {
    static let table = ReportTable(
        title: "Test report", subtitle: "Through December 2018",
        columns: [.init("Indicator"), .init("Baseline", .number), .init("Change", .percent), .init("Status", .status)],
        rows: [.init(heading: "Violent Crime"),
               .init(cells: [.init("Violence with injury"), .count(485), .init("+7.0%", number: 0.07), .status(.red)]),
               .init(cells: [.init("=HYPERLINK(\"http://evil\")"), .count(1_417), .init("-0.7%", number: -0.007), .status(.amber)]),
               .init(cells: [.init("<Tag> & \"quotes\""), .init("TBC"), .init(""), .status(nil)])],
        notes: ["A note."])

    @Test func csvWritesNumbersPlainlyAndNeutralisesFormulas() {
        let csv = CSVRenderer.render(Self.table)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == "Indicator,Baseline,Change,Status")
        #expect(lines[1] == "Violence with injury,485,0.07,Red")
        #expect(lines[2] == "\"'=HYPERLINK(\"\"http://evil\"\")\",1417,-0.007,Amber")
        #expect(lines[3] == "\"<Tag> & \"\"quotes\"\"\",TBC,,")
        for trigger in ["+1", "-x", "@SUM(A1)", "\tx"] { #expect(CSVRenderer.field(trigger).hasPrefix("'") || CSVRenderer.field(trigger).hasPrefix("\"'")) }
    }

    @Test func theTextTableAlignsNumbersRight() {
        let text = TextTableRenderer.render(Self.table)
        #expect(text.contains("VIOLENT CRIME"))
        #expect(text.contains("Violence with injury            485   +7.0%  Red"))
    }

    @Test func xlsxHoldsNumbersAsNumbersAndEscapesText() throws {
        let data = try XLSXWriter.render(Self.table)
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive["xl/worksheets/sheet1.xml"])
        var xml = Data()
        _ = try archive.extract(entry) { xml.append($0) }
        let sheet = String(decoding: xml, as: UTF8.self)
        #expect(sheet.contains("<v>485</v>"))
        #expect(sheet.contains("&lt;Tag&gt; &amp; &quot;quotes&quot;"))
        #expect(!sheet.contains("<f>"), "no cell is a formula")
        #expect(sheet.contains("=HYPERLINK(&quot;http://evil&quot;)"), "formula-like text is an inline string")
        #expect(archive["[Content_Types].xml"] != nil)
    }

    @Test func xmlEscapingDropsCharactersXMLCannotHold() {
        #expect(XLSXWriter.escape("a\u{0001}b\u{0008}c") == "abc")
        #expect(XLSXWriter.reference(27, 3) == "AB3")
    }

    @Test func theTrendChartIsAccessibleAndBreaksAtGaps() {
        let points = (0..<5).map { TrendChartSVG.Point(month: Month("2018-08")!.adding(months: $0), value: $0 == 2 ? nil : Double(400 + $0 * 10)) }
        let svg = TrendChartSVG.render(title: "Theft <from> vehicle", points: points, baseline: 393)
        #expect(svg.hasPrefix("<svg"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("<title id=\"chart-title\">Theft &lt;from&gt; vehicle</title>"))
        #expect(svg.contains("Baseline 393"))
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2, "the line breaks at the incomplete month")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 5, "four totals and one hollow mark for the gap")
        #expect(svg.contains("Oct 2018: no complete 12-month total"))
        #expect(svg.contains("stroke-dasharray=\"4 4\""), "a dashed line bridges the gap")
        #expect(svg.contains("1 month has no complete total"))
        // One total and a gap: the point is drawn and the gap said, never an empty chart.
        let sparse = TrendChartSVG.render(title: "Sparse", points: [.init(month: Month("2018-08")!, value: nil), .init(month: Month("2018-09")!, value: 12)], baseline: nil)
        #expect(sparse.components(separatedBy: "<circle").count - 1 == 2)
    }
}

@Suite("Sheet names")
struct SheetNameTests {
    @Test func namesStayReadableWithin31Characters() {
        #expect(XLSXWriter.sheetName("Police beat comparison Q4 2018/19") == "Police beat comparison Q4…")
        #expect(XLSXWriter.sheetName("Borough 2018/19") == "Borough 2018-19")
        #expect(XLSXWriter.sheetName("'What [is] this?': a test") == "What is this'- a test")
        #expect(XLSXWriter.sheetName(String(repeating: "x", count: 40)) == String(repeating: "x", count: 30) + "…")
        #expect(XLSXWriter.uniqueSheetNames(["Same", "same"]) == ["Same", "same (2)"])
    }
}
