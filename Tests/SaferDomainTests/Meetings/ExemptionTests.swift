import Foundation
import Testing
@testable import SaferDomain

@Suite("Exempt information: Schedule 12A paragraphs and the notice")
struct ExemptionTests {
    @Test func theNoticeNamesTheParagraph() throws {
        let exemption = try Exemption(paragraph: 7, publicInterest: "  Publishing would prejudice the prosecution. ")
        #expect(exemption.notice == "Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local Government Act 1972")
        #expect(exemption.publicInterest == "Publishing would prejudice the prosecution.")
        #expect(Exemption.paragraphs.count == 7)
        #expect(try Exemption.parse(paragraph: " ", publicInterest: "") == nil, "blank means not exempt")
    }

    @Test(arguments: [
        ("8", "x", "Paragraph 8 is not in Part 1 of Schedule 12A"),
        ("0", "x", "Paragraph 0 is not in Part 1"),
        ("seven", "x", "is not a paragraph of Schedule 12A"),
        ("99999999999999999999", "x", "is not a paragraph of Schedule 12A"),
        ("7", "  ", "Say why the public interest in keeping it exempt outweighs"),
    ])
    func aWrongParagraphOrNoReasonIsRefused(paragraph: String, reason: String, message: String) {
        do { _ = try Exemption.parse(paragraph: paragraph, publicInterest: reason); Issue.record("accepted \(paragraph)") } catch {
            #expect(String(describing: error).contains(message), "\(error)")
        }
    }

    @Test func anAppendixIsMarkedExemptByItsFirstLineAndWrittenBackTheSame() throws {
        let text = "## Vehicles seen\n\nExempt under paragraph 2: It would identify the owner.\n\nThe van was seen twice.\n\n## Map\n\n{{hotspots.table from=2018-07-01 to=2018-12-31}}"
        let appendices = try ReportText.appendices(text)
        #expect(appendices[0].exemption == (try Exemption(paragraph: 2, publicInterest: "It would identify the owner.")))
        #expect(appendices[0].paragraphs == ["The van was seen twice."])
        #expect(appendices[1].exemption == nil)
        #expect(ReportText.text(appendices) == text)
        #expect(throws: ValidationError.self) { try ReportText.appendices("## A\n\nExempt under paragraph 9: reason") }
        #expect(throws: ValidationError.self) { try ReportText.appendices("## A\n\nExempt under paragraph 7 without a colon") }
    }
}
