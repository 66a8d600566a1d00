import Foundation
import Testing
@testable import SaferReports

@Suite("iCalendar feed of meetings (RFC 5545)")
struct ICalendarTests {
    @Test func textIsEscapedAndLongLinesAreFoldedWithinCharacters() {
        #expect(ICalendar.escape("Room 1, The Council House; Atherstone\\\nnext line\u{0007}") == "Room 1\\, The Council House\\; Atherstone\\\\\\nnext line")
        let long = "DESCRIPTION:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(long)
        let lines = folded.components(separatedBy: "\r\n")
        #expect(lines.count == 2 && lines[1].hasPrefix(" "))
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == long, "unfolding gives the line back")
    }

    @Test func aMeetingIsAnEventInUTC() {
        let start = Date(timeIntervalSince1970: 1_560_879_000)   // 2019-06-18 17:30 UTC, 18:30 in summer time
        let text = ICalendar.render(name: "North Warwickshire Borough Council committee meetings", events: [
            CalendarEvent(uid: "meeting-m1@safer", start: start, duration: 7_200, summary: "Safer Communities Sub-Committee",
                          location: "Committee Room, The Council House", description: "Papers: http://x/meetings/m1", url: "http://x/meetings/m1"),
        ], stamp: Date(timeIntervalSince1970: 1_552_348_800))
        #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") && text.hasSuffix("END:VCALENDAR\r\n"))
        #expect(text.contains("\r\nDTSTART:20190618T173000Z\r\nDTEND:20190618T193000Z\r\n"))
        #expect(text.contains("\r\nLOCATION:Committee Room\\, The Council House\r\n"))
        #expect(text.contains("\r\nDTSTAMP:20190312T000000Z\r\n"))
        #expect(!text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "every line ends CRLF")
    }
}
