import Foundation
import Testing
@testable import SaferDomain

@Suite("Minutes: declarations, resolutions and votes, recorded once held")
struct MinutesTests {
    static func day(_ text: String) -> CalendarDay { CalendarDay(text) ?? .earliest }

    @Test func theSeedsResolutionIsReadFromItsMinute() {
        let minute = Meeting.Minutes.Item(number: 15, title: "North Warwickshire Crime Overview", text: """
            The Policy Support Manager gave a presentation.

            Resolved:

            That further consideration of what actions the Council can prepare for 2019/20 be carried out.
            """)
        #expect(minute.resolutions == [Resolution(letter: nil, text: "That further consideration of what actions the Council can prepare for 2019/20 be carried out.", votes: nil)])
        #expect(Meeting.Minutes.Item(number: 14, title: "Interests", text: "None were declared at the meeting.").resolutions.isEmpty)
    }

    @Test func letteredResolutionsKeepTheirLettersAndVotes() {
        let minute = Meeting.Minutes.Item(number: 16, title: "Fly Tipping", text: """
            Resolved:

            a) That the report be noted;

            (b) That the revised action plan be adopted (For 7, Against 2, Abstained 1).

            c That the Chief Executive report again in June (for 9, against 0).
            """)
        let resolutions = minute.resolutions
        #expect(resolutions.map(\.letter) == ["a", "b", "c"])
        #expect(resolutions[0].text == "That the report be noted;" && resolutions[0].votes == nil)
        #expect(resolutions[1].text == "That the revised action plan be adopted" && resolutions[1].votes == .init(inFavour: 7, against: 2, abstaining: 1))
        #expect(resolutions[2].votes == .init(inFavour: 9, against: 0, abstaining: 0))
    }

    @Test func declarationsAreReadOneALineAndAWrongLineIsNamed() throws {
        let declarations = try Declaration.parse("Councillor Jarvis, item 6: non-pecuniary interest as a member of Atherstone Town Council\n\n Councillor Symonds, item 7: a relative works for the police ")
        #expect(declarations == [Declaration(member: "Councillor Jarvis", item: 6, interest: "non-pecuniary interest as a member of Atherstone Town Council"),
                                 Declaration(member: "Councillor Symonds", item: 7, interest: "a relative works for the police")])
        #expect(declarations[0].line == "Councillor Jarvis, item 6: non-pecuniary interest as a member of Atherstone Town Council")
        do { _ = try Declaration.parse("Councillor Jarvis declared an interest"); Issue.record("accepted") } catch {
            #expect(String(describing: error).contains("Declaration line 1"))
        }
        #expect(throws: ValidationError.self) { try Declaration.parse("Councillor Jarvis, item 99999999999999999999: x") }
    }

    @Test func minutesWaitForTheMeetingAndCarryALatePublication() throws {
        var meeting = Meeting(id: "m", committeeID: "c", date: Self.day("2019-03-12"), time: try TimeOfDay(parsing: "18:30"), venue: "Committee Room",
                              cutOff: Self.day("2019-03-04"), signedBy: "Chief Executive", publicParticipation: "")
        meeting.latePublication = LatePublication(publishedOn: Self.day("2019-03-07"), publishBy: Self.day("2019-03-04"), reason: "Figures arrived late.")
        let minutes = Meeting.Minutes(heldOn: Self.day("2000-01-01"), chair: "Councillor Reilly in the Chair", present: "Councillors Clews and Symonds",
                                      apologies: "", items: [.init(number: 16, title: "Fly Tipping", text: "Resolved:\n\nThat the report be noted.")])
        do { _ = try meeting.recording(minutes, today: Self.day("2019-03-11")); Issue.record("minutes before the meeting") } catch {
            #expect(String(describing: error).contains("has not been held yet"))
        }
        let recorded = try meeting.recording(minutes, today: Self.day("2019-03-12"))
        #expect(recorded.minutes?.heldOn == Self.day("2019-03-12"), "minutes are dated the meeting's day")
        #expect(recorded.minutes?.urgency?.contains("after the deadline of 4 March 2019. The Chairman agreed the reason for urgency: Figures arrived late.") == true)
        var empty = minutes
        empty.chair = ""
        empty.items = []
        do { _ = try meeting.recording(empty, today: Self.day("2019-03-12")); Issue.record("empty minutes") } catch {
            #expect(String(describing: error).contains("Say who was in the chair") && String(describing: error).contains("Write at least one minute"))
        }
    }

    @Test func anActionNeedsAnOwnerAndAMinuteOfTheMeeting() throws {
        let minutes = Meeting.Minutes(heldOn: Self.day("2019-01-31"), chair: "Councillor Reilly in the Chair", present: "Councillors Clews",
                                      apologies: "", items: [.init(number: 15, title: "Crime Overview", text: "Resolved:\n\nThat actions be prepared.")])
        let action = CommitteeAction(id: "a", minute: 15, text: "Prepare the actions.", ownerOrganisationID: "org-council",
                                     owner: "North Warwickshire Borough Council", due: Self.day("2019-04-30"))
        try action.validate(against: minutes)
        #expect(action.isOpen)
        var ownerless = action
        ownerless.owner = " "
        do { try ownerless.validate(against: minutes); Issue.record("no owner accepted") } catch {
            #expect(String(describing: error).contains("Say who owns the action"))
        }
        var elsewhere = action
        elsewhere.minute = 99
        do { try elsewhere.validate(against: minutes); Issue.record("a minute from elsewhere accepted") } catch {
            #expect(String(describing: error).contains("Minute 99 is not in this meeting's minutes"))
        }
        do { try action.validate(against: nil); Issue.record("an action before the minutes") } catch {
            #expect(String(describing: error).contains("Record the meeting's minutes first"))
        }
    }
}
