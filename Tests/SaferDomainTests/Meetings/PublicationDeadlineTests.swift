import Foundation
import Testing
@testable import SaferDomain

@Suite("Publication deadlines: five clear working days, bank holidays of England and Wales")
struct PublicationDeadlineTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? .earliest }

    /// The worked examples of ../shared/data/calendar/README.md.
    @Test(arguments: [
        // Tuesday 12 March 2019 (the seed's meeting): Tue 5 – Mon 11 March are the clear days.
        ("2019-03-12", "2019-03-04", ["2019-03-05", "2019-03-06", "2019-03-07", "2019-03-08", "2019-03-11"]),
        // Tuesday 28 May 2019: Monday 27 May is the spring bank holiday, so the window moves back a day.
        ("2019-05-28", "2019-05-17", ["2019-05-20", "2019-05-21", "2019-05-22", "2019-05-23", "2019-05-24"]),
        // Thursday 2 January 2020: 25 and 26 December and 1 January are not working days.
        ("2020-01-02", "2019-12-20", ["2019-12-23", "2019-12-24", "2019-12-27", "2019-12-30", "2019-12-31"]),
    ])
    func theWorkedExamples(meeting: String, publishBy: String, clear: [String]) {
        let deadline = PublicationDeadline(meeting: Self.day(meeting), holidays: .englandAndWales)
        #expect(deadline.publishBy == Self.day(publishBy))
        #expect(deadline.clearDays == clear.map(Self.day))
        #expect(deadline.holidaysKnown)
        #expect(!deadline.isLate(publishedOn: Self.day(publishBy)))
        #expect(deadline.isLate(publishedOn: Self.day(publishBy).adding(days: 1)))
    }

    @Test func theDeadlineIsAWorkingDayAndSaysSo() {
        // Meeting on Monday 8 April 2019: clear days Mon 1 – Fri 5 April; publish by Friday 29 March.
        let deadline = PublicationDeadline(meeting: Self.day("2019-04-08"), holidays: .englandAndWales)
        #expect(deadline.publishByLabel == "Friday 29 March 2019")
        // Good Friday and Easter Monday 2019 both fall between: meeting Wednesday 24 April 2019.
        let easter = PublicationDeadline(meeting: Self.day("2019-04-24"), holidays: .englandAndWales)
        #expect(easter.clearDays == ["2019-04-15", "2019-04-16", "2019-04-17", "2019-04-18", "2019-04-23"].map(Self.day))
        #expect(easter.publishBy == Self.day("2019-04-12"))
        // Without bank holidays only weekends count, and the deadline says the list does not cover the year.
        let unknown = PublicationDeadline(meeting: Self.day("2031-05-28"), holidays: .englandAndWales)
        #expect(!unknown.holidaysKnown)
        #expect(unknown.publishBy == Self.day("2031-05-20"))
    }

    /// A meeting typed on the calendar's first days, with holidays loaded there too, still gets an
    /// answer (the count stops at the first day) instead of counting for ever.
    @Test func theFirstDaysOfTheCalendarEndTheCount() {
        let holidays = BankHolidays(source: "x", holidays: (1...5).map { BankHoliday(day: CalendarDay.earliest.adding(days: $0 - 1), title: "x") })
        let deadline = PublicationDeadline(meeting: CalendarDay.earliest.adding(days: 2), holidays: holidays)
        #expect(deadline.publishBy == .earliest && deadline.clearDays.isEmpty)
    }

    @Test func weekendsAreSaturdayAndSunday() {
        #expect(Self.day("2019-03-09").isWeekend && Self.day("2019-03-10").isWeekend)
        #expect(!Self.day("2019-03-08").isWeekend && !Self.day("2019-03-11").isWeekend)
        #expect(Self.day("1969-12-27").isWeekend, "before 1970 too")
    }

    @Test func theBuiltInListIsEveryWeekdayHolidayFrom2017To2027() {
        let list = BankHolidays.englandAndWales
        #expect(list.holidays.count == 91)
        #expect(list.years == 2017...2027)
        #expect(list.holidays.allSatisfy { !$0.day.isWeekend && $0.day != .earliest })
        #expect(list.holidays.filter { $0.day.year == 2022 }.count == 10, "the Platinum Jubilee and the State Funeral")
        #expect(!list.isWorkingDay(Self.day("2020-05-08")), "VE day moved the early May holiday")
    }

    /// The shared folder beside the repository: the gov.uk list as CSV and as gov.uk's JSON.
    static let calendarFolder: URL? = {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/calendar").standardizedFileURL
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: calendarFolder != nil || isCI, "Skipped: ../shared/data/calendar (next to the repository) is absent; CI=true makes this a failure."))
    func theBuiltInListIsGovUKsAndItsFileLoads() throws {
        let folder = try #require(Self.calendarFolder, "CI=true but ../shared/data/calendar is missing next to the repository")
        let csv = try String(contentsOf: folder.appendingPathComponent("bank-holidays-england-and-wales.csv"), encoding: .utf8)
        let days = csv.split(whereSeparator: \.isNewline).dropFirst().map { Self.day(String($0.prefix(10))) }
        #expect(days == BankHolidays.englandAndWales.holidays.map(\.day))
        let loaded = try BankHolidays.govUK(try Data(contentsOf: folder.appendingPathComponent("bank-holidays-sample.json")), source: "sample")
        #expect(loaded.holidays.map(\.day) == days)
        #expect(loaded.holidays.first?.notes == "Substitute day")
    }

    @Test func aNewerFileReplacesItsYearsAndKeepsTheEarlierOnes() throws {
        let json = """
            {"england-and-wales": {"division": "england-and-wales", "events": [
              {"title": "New Year’s Day", "date": "2027-01-01", "notes": "", "bunting": true},
              {"title": "Good Friday", "date": "2028-04-14", "notes": "", "bunting": false}]},
             "scotland": {"division": "scotland", "events": [{"title": "St Andrew’s Day", "date": "2027-11-30", "notes": "", "bunting": true}]}}
            """
        let newer = try BankHolidays.govUK(Data(json.utf8), source: "bank-holidays.json")
        let updated = BankHolidays.englandAndWales.updated(with: newer)
        #expect(updated.years == 2017...2028)
        #expect(updated.covers(Self.day("2028-06-01")) && !updated.covers(Self.day("2029-06-01")))
        #expect(updated.holidays.filter { $0.day.year == 2027 }.map(\.title) == ["New Year’s Day"])
        #expect(updated.holidays.filter { $0.day.year == 2019 }.count == 8)
        #expect(updated.source == "bank-holidays.json")
        #expect(updated.isWorkingDay(Self.day("2027-11-30")), "Scotland's holidays are not England's")
    }

    @Test(arguments: [
        ("not json", "is not gov.uk's bank-holidays.json"),
        (#"{"scotland": {"events": [{"title": "x", "date": "2027-11-30"}]}}"#, #"has no "england-and-wales" bank holidays (it has "scotland")"#),
        (#"{"england-and-wales": {"events": [{"title": "Boxing Day", "date": "26/12/2027"}]}}"#, #"Event 1 ("Boxing Day") has no date written YYYY-MM-DD ("26/12/2027")"#),
        (#"{"england-and-wales": {"events": [{"title": "Boxing Day", "date": "2027-12-26"}]}}"#, "falls on a Sunday, 26 December 2027"),
    ])
    func aWrongFileIsRefusedWithWhatToDo(text: String, message: String) {
        #expect(throws: ValidationError.self) { try BankHolidays.govUK(Data(text.utf8), source: "x") }
        do { _ = try BankHolidays.govUK(Data(text.utf8), source: "x") } catch {
            #expect(String(describing: error).contains(message), "\(error)")
        }
    }

    @Test func aLatePublicationSaysWhenWhyAndByWhen() {
        let late = LatePublication(publishedOn: Self.day("2019-03-07"), publishBy: Self.day("2019-03-04"), reason: "The police figures for February arrived on 6 March.")
        #expect(late.notice == "These papers were published on Thursday 7 March 2019, after Monday 4 March 2019, the last day that left five clear working days before the meeting. Reason for urgency: The police figures for February arrived on 6 March.")
    }
}
