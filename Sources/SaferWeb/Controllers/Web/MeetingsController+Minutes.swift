import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// Recording a held meeting's minutes: attendance, declarations of interest, and each item with
/// what was resolved. The form starts from the agenda; the next meeting's pack prints them.
extension MeetingsController {
    struct MinutesPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let id: String, title: String
        let chair: String, present: String, apologies: String, alsoAttending: String, declarations: String, items: String
        let recorded: Bool
    }

    /// The minutes as the meeting page shows them.
    struct MinutesView {
        struct Item { let number: Int; let title: String; let paragraphs: [String] }
        let chair: String, present: String, apologies: String, alsoAttending: String
        let urgency: String?
        let declarations: [String]
        let hasDeclarations: Bool
        let items: [Item]

        init(_ minutes: Meeting.Minutes) {
            chair = minutes.chair
            present = minutes.present
            apologies = minutes.apologies
            alsoAttending = minutes.alsoAttending
            urgency = minutes.urgency
            declarations = minutes.declarations.map(\.line)
            hasDeclarations = !minutes.declarations.isEmpty
            items = minutes.items.map { Item(number: $0.number, title: $0.title, paragraphs: ReportText.paragraphs($0.text)) }
        }
    }

    func registerMinutes(on routes: SecureRoutes) {
        routes.page("/meetings/:id/minutes", .staff) { _, context in
            let meeting = try await packs.meeting(try context.parameters.require("id"))
            return try await minutesPage(meeting, context, minutes: try await packs.minutesDraft(for: meeting), form: nil, errors: [])
        }
        routes.form("/meetings/:id/minutes", .staff) { _, context, form in
            let meeting = try await packs.meeting(try context.parameters.require("id"))
            do {
                let minutes = Meeting.Minutes(heldOn: meeting.date, chair: form.text("chair"), present: form.text("present"), apologies: form.text("apologies"),
                                              alsoAttending: form.text("alsoAttending"), declarations: try Declaration.parse(form.text("declarations")),
                                              items: try Meeting.minuteItems(parsing: form.text("items")))
                _ = try await packs.recordMinutes(meetingID: meeting.id, minutes: minutes, by: context.identity.actor(channel: .web))
                return redirect("/meetings/\(meeting.id)#minutes")
            } catch let error as ValidationError {
                return try await minutesPage(meeting, context, minutes: nil, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
    }

    func minutesPage(_ meeting: Meeting, _ context: SignedInContext, minutes: Meeting.Minutes?, form: FormData?, errors: [String],
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        func value(_ name: String, _ stored: String?) -> String { form?[name] ?? stored ?? "" }
        let committee = try await packs.committee(id: meeting.committeeID)
        let page = MinutesPage(
            chrome: PageChrome(title: "Minutes, \(committee.name), \(meeting.date.label)", context: context, current: "/meetings"),
            errors: ErrorSummary(errors), id: meeting.id, title: "\(committee.name), \(meeting.date.label)",
            chair: value("chair", minutes?.chair), present: value("present", minutes?.present), apologies: value("apologies", minutes?.apologies),
            alsoAttending: value("alsoAttending", minutes?.alsoAttending),
            declarations: value("declarations", minutes?.declarations.map(\.line).joined(separator: "\n")),
            items: value("items", minutes.map { Meeting.minuteItemsText($0.items) }), recorded: meeting.minutes != nil)
        return views.response("meeting-minutes", page, status: status)
    }
}
