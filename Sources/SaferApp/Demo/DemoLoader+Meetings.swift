import Foundation
import SaferDomain

/// The Safer Communities Sub-Committee of 12 March 2019 as the seed gives it: front sheet,
/// agenda, the minutes of 31 January 2019 (recorded on that meeting, held) and the four reports (items 6 to 9), whose figures
/// come from blocks over the demo data (`meeting-2019-03-12.json`; `NOTES.md` lists what the seed
/// prints that no data here can produce).
extension DemoLoader {
    struct DemoMeeting: Decodable {
        struct DemoCommittee: Decodable {
            let name: String, council: String, members: [String], forInformation: String, contact: Committee.Contact
        }
        struct DemoReport: Decodable {
            let title: String, reportOf: String, summary: String, recommendations: [String], consultation: String, background: String
            let body: String, implications: [String: String], backgroundPapers: String, contactOfficer: String, telephone: String, appendices: String
        }
        let committee: DemoCommittee
        let date: String, time: String, venue: String, cutOff: String, signedBy: String, publicParticipation: String
        let minutes: Meeting.Minutes
        let reports: [DemoReport]
    }

    /// Loads the demo meetings unless a meeting on the pack's date exists; returns the meetings stored (0 or 2).
    func loadMeeting() async throws -> Int {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/meeting-2019-03-12", withExtension: "json") else { return 0 }
        let demo = try JSONDecoder().decode(DemoMeeting.self, from: Data(contentsOf: url))
        let date = try CalendarDay(parsing: demo.date)
        if try await services.storage.meetings.meetings().contains(where: { $0.date == date }) { return 0 }
        let actor = Actor.system
        let committee = Committee(id: services.ids.next(), name: demo.committee.name, council: demo.committee.council,
                                  members: Committee.members(parsing: demo.committee.members.joined(separator: "\n")),
                                  forInformation: demo.committee.forInformation, contact: demo.committee.contact)
        try await services.storage.meetings.save(committee, by: actor)
        // The meeting of 31 January 2019, held, with its minutes as the seed prints them; the 12 March
        // pack prints them for approval (item 4), as the seed's does.
        // Two actions from its resolution (minute 15), owned by the council and the police: the demo's
        // own, not the seed's (NOTES.md); open, so the March pack lists them as matters arising.
        let organisations = try await services.storage.organisations.list()
        let due = try CalendarDay(parsing: "2019-04-30")
        let actions = [("North Warwickshire Borough Council", "Draft the Council's community safety actions for 2019/20 against the agreed priorities."),
                       ("Warwickshire Police", "Bring the police's 2019/20 priorities for North Warwickshire to the partnership.")]
            .compactMap { name, text in
                organisations.first { $0.name == name }.map {
                    CommitteeAction(id: services.ids.next(), minute: 15, text: text, ownerOrganisationID: $0.id, owner: $0.name,
                                    due: due, status: .inProgress)
                }
            }
        let january = Meeting(id: services.ids.next(), committeeID: committee.id, date: demo.minutes.heldOn, time: try TimeOfDay(parsing: demo.time),
                              venue: demo.venue, status: .held, cutOff: demo.minutes.heldOn, signedBy: demo.signedBy,
                              publicParticipation: demo.publicParticipation, minutes: demo.minutes, actions: actions)
        try await services.storage.meetings.save(january, by: actor)
        let meeting = Meeting(id: services.ids.next(), committeeID: committee.id, date: date, time: try TimeOfDay(parsing: demo.time),
                              venue: demo.venue, cutOff: try CalendarDay(parsing: demo.cutOff), signedBy: demo.signedBy,
                              publicParticipation: demo.publicParticipation, draftShared: true)
        try await services.storage.meetings.save(meeting, by: actor)
        // Blocks name plans by id; the demo file names them by title.
        let plans = try await services.storage.plans.list(financialYear: nil).sorted { $0.title.count > $1.title.count }
        func withPlanIDs(_ text: String) -> String {
            plans.reduce(text) { $0.replacingOccurrences(of: "PLAN:\($1.title)", with: $1.id) }
        }
        for (position, demoReport) in demo.reports.enumerated() {
            var implications: [OfficerReport.Implication: [String]] = [:]
            for kind in OfficerReport.Implication.allCases { implications[kind] = ReportText.paragraphs(withPlanIDs(demoReport.implications[kind.rawValue] ?? "")) }
            let report = OfficerReport(
                id: services.ids.next(), meetingID: meeting.id, position: position, title: demoReport.title, reportOf: demoReport.reportOf,
                summary: demoReport.summary, recommendations: demoReport.recommendations, consultation: ReportText.paragraphs(demoReport.consultation),
                background: ReportText.paragraphs(demoReport.background), body: try ReportText.sections(withPlanIDs(demoReport.body)),
                implications: implications, backgroundPapers: demoReport.backgroundPapers, contactOfficer: demoReport.contactOfficer,
                telephone: demoReport.telephone, appendices: try ReportText.appendices(withPlanIDs(demoReport.appendices)))
            try await PackService(services: services).save(report, by: actor)
        }
        return 2
    }

    /// Publishes the 12 March 2019 pack as the council did, on Monday 4 March 2019, the last day
    /// that leaves five clear working days: the deadline met, with no reason for urgency needed.
    /// `safer serve --demo` does this; `safer demo load` leaves the pack a draft, for trying the
    /// publish step and for the tests that do. Nil when the demo meeting is not there or is published.
    public func publishDemoPack() async throws -> Publication? {
        let packs = PackService(services: services)
        guard let meeting = try await packs.meetingList().map(\.meeting).first(where: { $0.date.description == "2019-03-12" }),
              try await packs.publications(meetingID: meeting.id).isEmpty else { return nil }
        struct PublishedOn: SaferClock { let date: Date; func now() -> Date { date } }
        // 10am on Monday 4 March 2019, UK time (GMT in March).
        let morning = try CalendarDay(parsing: "2019-03-04").start().addingTimeInterval(10 * 3_600)
        return try await packs.on(PublishedOn(date: morning)).publish(meetingID: meeting.id, by: Actor.system)
    }
}
