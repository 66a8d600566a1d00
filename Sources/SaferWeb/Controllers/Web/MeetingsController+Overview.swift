import Foundation
import Hummingbird
import SaferApp
import SaferDomain
import SaferReports

/// The committee at a glance, for councillors first: the meetings coming up with their papers,
/// what changed in the latest published pack, and the open actions, which officers and the
/// owning organisation's partners update from here.
extension MeetingsController {
    struct UpcomingMeeting {
        let href: String, date: String, committee: String, publishBy: String
        let papers: [FileRow]
        let hasPapers: Bool
        /// Today's draft, for those it is shared with, before anything is published.
        let draftHref: String?
    }
    struct OverviewPage {
        let chrome: PageChrome
        let upcoming: [UpcomingMeeting]
        let hasUpcoming: Bool
        /// "What changed since …" in the latest published pack, and where that pack is.
        let changes: TableView?
        let changesFrom: String?
        let changesHref: String?
        let changesNote: String?
        let own: [ActionRow]
        let hasOwn: Bool
        let actions: [ActionRow]
        let hasActions: Bool
        let isPartner: Bool
        /// Sent with each update form, so the update comes back here.
        let back: String
    }

    /// Where an action update from the overview goes back to.
    static let overviewPath = "/committee"

    func registerOverview(on routes: SecureRoutes) {
        routes.page(RouterPath(Self.overviewPath), .signedInAny) { _, context in
            let user = context.identity.user
            let today = CalendarDay(containing: services.clock.now())
            var upcoming: [UpcomingMeeting] = []
            let holidays = try await packs.bankHolidays()   // read once for every meeting's deadline
            for (meeting, committee) in try await packs.meetingList(readableBy: user.role).filter({ $0.meeting.date >= today }).sorted(by: { $0.meeting.date < $1.meeting.date }) {
                let papers = try await packs.publications(meetingID: meeting.id).last.map { Self.fileRows($0, meetingID: meeting.id, role: user.role) } ?? []
                upcoming.append(UpcomingMeeting(href: "/meetings/\(meeting.id)", date: "\(meeting.date.weekdayName) \(meeting.date.label)", committee: committee?.name ?? "",
                                                publishBy: PublicationDeadline(meeting: meeting.date, holidays: holidays).publishByLabel, papers: papers, hasPapers: !papers.isEmpty,
                                                draftHref: papers.isEmpty && meeting.mayReadDraft(user.role) ? "/meetings/\(meeting.id)/draft" : nil))
            }
            let latest = try await packs.latestPublishedPack(readableBy: user.role)
            let changes = latest?.pack.changes
            let open = try await packs.openActions(readableBy: user.role)
            var plans: [String: Link] = [:]
            // The items offered depend only on the meeting's financial year: read each year's once.
            var yearsRead: Set<FinancialYear> = []
            for (meeting, action) in open where action.planItemID != nil && yearsRead.insert(meeting.date.calendarMonth.financialYear).inserted {
                plans.merge(Self.planLinks(try await packs.planItemsForActions(at: meeting)), uniquingKeysWith: { first, _ in first })
            }
            let rows = open.map { Self.actionRow($0.action, of: $0.meeting, user: user, today: today, plans: plans) }
            // A partner's own actions come first, with their update forms; the rest are for reading.
            let own = user.role == .partner ? rows.filter(\.canUpdate) : []
            let others = user.role == .partner ? rows.filter { !$0.canUpdate } : rows
            let page = OverviewPage(
                chrome: PageChrome(title: "Committee overview", context: context, current: "/meetings"),
                upcoming: upcoming, hasUpcoming: !upcoming.isEmpty,
                changes: changes.flatMap { $0.table.rows.isEmpty ? nil : TableView($0.table) },
                changesFrom: latest.map { "the pack for \($0.meeting.date.weekdayName) \($0.meeting.date.label), published version \($0.publication.version)" },
                changesHref: latest.map { "/meetings/\($0.meeting.id)/published/\($0.publication.version)/html\(changes == nil ? "" : "#changes")" },
                changesNote: latest == nil ? "No pack is published yet."
                    : changes.map { $0.table.rows.isEmpty ? $0.table.notes.first : nil } ?? "It is the committee's first published pack, so there is nothing earlier to compare with.",
                own: own, hasOwn: !own.isEmpty, actions: others, hasActions: !others.isEmpty, isPartner: user.role == .partner, back: Self.overviewPath)
            return views.response("committee", page)
        }
    }

    /// A publication's files as links, the members' pack only for those who may read exempt information.
    static func fileRows(_ publication: Publication, meetingID: String, role: Role?) -> [FileRow] {
        publication.files.filter { Meeting.mayReadExemptInformation(role) || !PackFormat.isRestricted($0.name) }.map { file in
            let format = (file.name as NSString).pathExtension, restricted = PackFormat.isRestricted(file.name)
            return FileRow(href: "/meetings/\(meetingID)/published/\(publication.version)/\(restricted ? "restricted/" : "")\(format)",
                           label: (restricted ? "Members' pack with exempt information, " : "") + formatLabel(format),
                           size: ByteCountFormatter.string(fromByteCount: Int64(file.size), countStyle: .file), sha256: file.sha256)
        }
    }
}
