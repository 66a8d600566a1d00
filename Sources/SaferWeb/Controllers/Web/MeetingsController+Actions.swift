import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// Actions the minutes' resolutions start: officers add them; officers, and partners of the
/// owning organisation, update them; open ones are matters arising in the committee's later packs.
extension MeetingsController {
    struct ActionRow {
        let id: String, href: String, from: String, text: String, owner: String, due: String, status: String
        /// The latest word; nil when there is none.
        let note: String?
        /// The meeting the action comes from, for lists across meetings.
        let meeting: String, meetingHref: String
        /// "Overdue" for an open action past its due date: said in words, not only by colour.
        let overdue: String?
        /// The plan item that tracks it.
        let plan: Link?
        let canUpdate: Bool
        let statuses: [SelectOption]
    }
    struct ActionsView {
        let rows: [ActionRow]
        let hasRows: Bool
        /// The add form, for officers once there are minutes.
        let canAdd: Bool
        let minutes: [SelectOption]
        let organisations: [SelectOption]
        /// The plan items an action may be tracked by.
        let planItems: [SelectOption]
    }

    func registerActions(on routes: SecureRoutes) {
        routes.form("/meetings/:id/actions", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                guard let minute = Int(form.text("minute"), in: 1...9_999) else {
                    throw ValidationError("Choose the minute whose resolution starts the action.", field: "minute")
                }
                guard let due = CalendarDay(form.text("due")) else { throw ValidationError("Give the due date as YYYY-MM-DD.", field: "due") }
                let organisations = try await services.storage.organisations.list()
                let organisation = organisations.first { $0.id == form.text("ownerOrganisation") }
                let person = form.text("ownerPerson"), planItem = form.text("planItem")
                let action = CommitteeAction(id: services.ids.next(), minute: minute, resolution: form.text("resolution").isEmpty ? nil : String(form.text("resolution").prefix(3)),
                                             text: String(form.text("text").prefix(2_000)), ownerOrganisationID: organisation?.id,
                                             owner: person.isEmpty ? organisation?.name ?? "" : String(person.prefix(200)), due: due,
                                             planItemID: planItem.isEmpty ? nil : String(planItem.prefix(100)))
                try await packs.addAction(action, meetingID: id, by: context.identity.actor(channel: .web))
                return redirect("/meetings/\(id)#actions")
            } catch let error as ValidationError {
                return try await meetingPage(id, context.request, form: nil, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/meetings/:id/actions/:action", .signedInAny) { _, context, form in
            let id = try context.parameters.require("id")
            guard let status = CommitteeAction.Status(rawValue: form.text("status")) else {
                return try await meetingPage(id, context.request, form: nil, errors: ["Choose the action's status: open, in progress or done."],
                                             status: .unprocessableContent)
            }
            let user = context.identity.user
            try await packs.updateAction(meetingID: id, actionID: try context.parameters.require("action"), status: status, note: form.text("note"),
                                         role: user.role, organisationID: user.organisationID, by: context.identity.actor(channel: .web))
            // Updated from the committee overview: back there; otherwise to the meeting.
            return redirect(form.text("back") == Self.overviewPath ? "\(Self.overviewPath)#actions" : "/meetings/\(id)#actions")
        }
    }

    /// The actions section of a meeting page, as the reader may use it.
    func actionsView(_ meeting: Meeting, user: User?) async throws -> ActionsView? {
        let staff = user.map { RoleSet.staff.allows($0.role) } ?? false
        guard !meeting.actions.isEmpty || (staff && meeting.minutes != nil) else { return nil }
        let today = CalendarDay(containing: services.clock.now())
        let items = try await packs.planItemsForActions(at: meeting)
        let tracking = Self.planLinks(items)
        let rows = meeting.actions.map { Self.actionRow($0, of: meeting, user: user, today: today, plans: tracking) }
        let minutes = (meeting.minutes?.items ?? []).filter { !$0.resolutions.isEmpty }.map {
            SelectOption(value: String($0.number), label: "\($0.number) \($0.title)", selected: false)
        }
        let organisations = staff ? try await services.storage.organisations.list().map { SelectOption(value: $0.id, label: $0.name, selected: false) } : []
        return ActionsView(rows: rows, hasRows: !rows.isEmpty, canAdd: staff && meeting.minutes != nil, minutes: minutes, organisations: organisations,
                           planItems: staff ? items.map { SelectOption(value: $0.item.id, label: "\($0.plan.title): \($0.item.reference)", selected: false) } : [])
    }

    /// An action as a row, with the update form's options when the reader may update it.
    static func actionRow(_ action: CommitteeAction, of meeting: Meeting, user: User?, today: CalendarDay, plans: [String: Link] = [:]) -> ActionRow {
        ActionRow(id: action.id, href: "/meetings/\(meeting.id)/actions/\(action.id)", from: "Minute \(action.minute)\(action.resolution.map { " (\($0))" } ?? "")",
                  text: action.text, owner: action.owner, due: action.due.label, status: action.status.label, note: action.note.isEmpty ? nil : action.note,
                  meeting: meeting.date.label, meetingHref: "/meetings/\(meeting.id)#actions",
                  overdue: action.isOpen && action.due < today ? "Overdue" : nil, plan: action.planItemID.flatMap { plans[$0] },
                  canUpdate: user.map { PackService.mayUpdate(action, role: $0.role, organisationID: $0.organisationID) } ?? false,
                  statuses: CommitteeAction.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == action.status) })
    }


    /// Plan items by id as links, for the actions they track.
    static func planLinks(_ items: [(item: PlanItem, plan: Plan)]) -> [String: Link] {
        Dictionary(items.map { ($0.item.id, Link(label: "\($0.plan.title): \($0.item.reference)", href: "/plans/items/\($0.item.id)")) }, uniquingKeysWith: { first, _ in first })
    }
}
