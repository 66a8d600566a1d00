import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// Meetings and their packs. Anyone may read published packs (`/meetings`); councillors and
/// partners also read drafts; officers add committees and meetings, compose reports with live
/// blocks, preview the pack and publish it.
struct MeetingsController {
    let services: AppServices
    let views: Views
    var packs: PackService { PackService(services: services) }
    /// Who may ask for a draft; the meeting decides whether it is shared with councillors and partners.
    static let draftReaders = RoleSet(.admin, .officer, .councillor, .partner)
    /// Who may read exempt information: members and officers (`Meeting.mayReadExemptInformation`).
    static let exemptReaders = RoleSet(.admin, .officer, .councillor)

    func register(on routes: SecureRoutes) {
        routes.publicPage("/meetings") { _, context in try await listPage(context, errors: []) }
        routes.form("/meetings/committees", .staff) { _, context, form in
            try await change(context, back: "/meetings") {
                let committee = Committee(id: services.ids.next(), name: form.text("name"), council: form.text("council"),
                                          members: Committee.members(parsing: form.text("members")), forInformation: form.text("forInformation"),
                                          contact: .init(name: form.text("contactName"), telephone: form.text("contactTelephone"), email: form.text("contactEmail")))
                try await packs.save(committee, by: context.identity.actor(channel: .web))
                return "/meetings"
            }
        }
        routes.form("/meetings", .staff) { _, context, form in
            try await change(context, back: "/meetings") {
                let meeting = try Self.meeting(form, id: services.ids.next())
                try await packs.save(meeting, by: context.identity.actor(channel: .web))
                return "/meetings/\(meeting.id)"
            }
        }
        routes.form("/meetings/:id", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            let before = try await packs.meeting(id)
            do {
                var meeting = try Self.meeting(form, id: before.id)
                meeting.status = Meeting.Status(rawValue: form.text("status")) ?? before.status
                meeting.draftShared = form["draftShared"] == "on"
                meeting.previousMinutes = try Self.minutes(form)
                // What the details form does not show stays as it is.
                meeting.latePublication = before.latePublication
                meeting.minutes = before.minutes
                meeting.actions = before.actions
                try await packs.save(meeting, by: context.identity.actor(channel: .web))
                return redirect("/meetings/\(id)")
            } catch let error as ValidationError {
                return try await meetingPage(id, context.request, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/meetings/:id/reports/:report/move", .staff) { _, context, form in
            try await packs.move(reportID: try context.parameters.require("report"), by: form["direction"] == "up" ? -1 : 1, by: context.identity.actor(channel: .web))
            return redirect("/meetings/\(try context.parameters.require("id"))#reports")
        }
        routes.form("/meetings/:id/reports/:report/delete", .staff) { _, context, _ in
            try await packs.deleteReport(id: try context.parameters.require("report"), by: context.identity.actor(channel: .web))
            return redirect("/meetings/\(try context.parameters.require("id"))#reports")
        }
        routes.publicPage("/meetings/:id") { _, context in
            try await meetingPage(try context.parameters.require("id"), context, form: nil, errors: [])
        }
        routes.publicPage("/meetings/:id/published/:version/:format") { _, context in
            let id = try context.parameters.require("id")
            let version = try context.parameters.require("version")
            guard let number = Int(version, in: 1...1_000_000) else { throw DomainError.notFound(entity: "published pack", id: "\(id) version \(version)") }
            let format = try PackFormat(parsing: try context.parameters.require("format"))
            return Self.file(try await packs.publishedFile(meetingID: id, version: number, format: format), inline: format == .html)
        }
        routes.page("/meetings/:id/published/:version/restricted/:format", Self.exemptReaders) { _, context in
            let id = try context.parameters.require("id")
            _ = try await packs.meeting(id, readableBy: context.identity.user.role)
            let version = try context.parameters.require("version")
            guard let number = Int(version, in: 1...1_000_000) else { throw DomainError.notFound(entity: "published pack", id: "\(id) version \(version)") }
            let format = try PackFormat(parsing: try context.parameters.require("format"))
            var response = Self.file(try await packs.publishedFile(meetingID: id, version: number, format: format, restricted: true), inline: format == .html)
            response.headers[.cacheControl] = "private, no-store"
            return response
        }
        routes.page("/meetings/:id/draft", Self.draftReaders) { request, context in
            let format = try PackFormat(parsing: request.query.get("format") ?? "html")
            let pack = try await packs.draft(meetingID: try context.parameters.require("id"), readableBy: context.identity.user.role)
            return Self.file(try await packs.render(pack, as: format), inline: format == .html)
        }
        routes.form("/meetings/:id/publish", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                let publication = try await packs.publish(meetingID: id, reason: form.text("reason"), urgency: form.text("urgency"), by: context.identity.actor(channel: .web))
                return redirect("/meetings/\(id)?published=\(publication.version)")
            } catch let error as ValidationError {
                return try await meetingPage(id, context.request, form: nil, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/meetings/:id/reports/new", .staff) { _, context in
            let id = try context.parameters.require("id")
            let meeting = try await packs.meeting(id)
            let position = try await packs.reports(meetingID: meeting.id).count
            return try await reportPage(Self.blankReport(meetingID: meeting.id, position: position, id: ""), context, errors: [])
        }
        routes.page("/meetings/:id/reports/:report", .staff) { _, context in
            try await reportPage(try await packs.report(id: try context.parameters.require("report")), context, errors: [])
        }
        routes.form("/meetings/:id/reports", .staff) { _, context, form in
            let meetingID = try context.parameters.require("id")
            let existing = form.text("reportID")
            let stored = existing.isEmpty ? nil : try await packs.report(id: existing)
            if let stored, stored.meetingID != meetingID { throw DomainError.notFound(entity: "report", id: existing) }
            var position = stored?.position ?? 0
            if stored == nil { position = try await packs.reports(meetingID: meetingID).count }
            var report = Self.blankReport(meetingID: meetingID, position: position, id: existing.isEmpty ? services.ids.next() : existing)
            do {
                report = try Self.report(form, into: report)
                try await packs.save(report, by: context.identity.actor(channel: .web))
                return redirect("/meetings/\(meetingID)#reports")
            } catch let error as ValidationError {
                // A report not yet saved stays new, so the corrected form adds it.
                report.id = existing
                return try await reportPage(report, context, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        registerHolidays(on: routes)
        registerFeeds(on: routes)
        registerMinutes(on: routes)
        registerActions(on: routes)
        registerOverview(on: routes)
    }

    // MARK: - Pages

    struct MeetingRow { let href: String; let date: String; let committee: String; let status: String }
    struct ListPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let meetings: [MeetingRow]
        let hasMeetings: Bool
        let canEdit: Bool
        let committees: [SelectOption]
        let hasCommittees: Bool
    }

    func listPage(_ context: SaferRequestContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let role = context.identity?.user.role
        let all = try await packs.meetingList(readableBy: role)
        let committees = try await packs.committees()
        let page = ListPage(
            chrome: PageChrome(title: "Meetings", context: context, current: "/meetings"), errors: ErrorSummary(errors),
            meetings: all.map { MeetingRow(href: "/meetings/\($0.meeting.id)", date: "\($0.meeting.date.weekdayName) \($0.meeting.date.label)",
                                           committee: $0.committee?.name ?? "", status: $0.meeting.status.label) },
            hasMeetings: !all.isEmpty, canEdit: role.map(RoleSet.staff.allows) ?? false,
            committees: committees.map { SelectOption(value: $0.id, label: $0.name, selected: false) }, hasCommittees: !committees.isEmpty)
        return views.response("meetings", page, status: status)
    }

    struct FileRow { let href: String; let label: String; let size: String; let sha256: String }
    struct VersionRow { let heading: String; let reason: String; let hasReason: Bool; let changes: [String]; let hasChanges: Bool; let files: [FileRow] }
    struct ReportRow { let number: Int; let title: String; let href: String; let id: String; let first: Bool; let last: Bool }
    struct Details {
        let date: String, time: String, venue: String, cutOff: String, signedBy: String, publicParticipation: String
        let committees: [SelectOption]
        let statuses: [SelectOption]
        let draftShared: Bool
        let minutesDate: String, minutesChair: String, minutesPresent: String, minutesApologies: String, minutesAlso: String, minutesItems: String
    }
    struct MeetingPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let title: String, when: String, venue: String, status: String, cutOff: String
        /// "Monday 4 March 2019"; the late publication's notice once published late.
        let publishBy: String, deadlineNote: String?, lateNotice: String?
        /// The reason-for-urgency field, offered while an unpublished pack is past its deadline.
        let asksUrgency: Bool
        let agenda: [Pack.AgendaItem]
        let versions: [VersionRow]
        let isPublished: Bool
        let readsDrafts: Bool
        let canEdit: Bool
        let id: String
        let reports: [ReportRow]
        let formats: [SelectOption]
        let details: Details?
        /// This meeting's own minutes, once recorded.
        let minutes: MinutesView?
        let actions: ActionsView?
    }

    func meetingPage(_ id: String, _ context: SaferRequestContext, form: FormData?, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let role = context.identity?.user.role
        // A draft not shared with the reader is answered as a meeting that does not exist.
        let meeting = try await packs.meeting(id, readableBy: role)
        let readsDrafts = meeting.mayReadDraft(role)
        let committee = try await packs.committee(id: meeting.committeeID)
        let reports = try await packs.reports(meetingID: meeting.id)
        let publications = try await packs.publications(meetingID: meeting.id)
        let readsExempt = Meeting.mayReadExemptInformation(role)
        let versions = publications.reversed().map { publication in
            // The members' pack (exempt information) is listed only to those who may read it.
            VersionRow(heading: "Version \(publication.version), published \(CalendarDay(containing: publication.publishedAt).label)",
                       reason: publication.reason, hasReason: !publication.reason.isEmpty, changes: publication.changes, hasChanges: !publication.changes.isEmpty,
                       files: Self.fileRows(publication, meetingID: meeting.id, role: role))
        }
        let deadline = try await packs.deadline(for: meeting)
        let today = CalendarDay(containing: services.clock.now())
        let agenda = Meeting.StandardItem.allCases.map { Pack.AgendaItem(number: $0.rawValue, title: $0.title, anchor: "") }
            + reports.map { report in
                Pack.AgendaItem(number: report.itemNumber, title: report.title, reportOf: report.reportOf,
                                summary: report.agendaSummary(readsExemptInformation: readsExempt), anchor: "")
            }
        let page = MeetingPage(
            chrome: PageChrome(title: "\(committee.name), \(meeting.date.label)", context: context, current: "/meetings"),
            errors: ErrorSummary(errors), title: "\(committee.name), \(meeting.date.label)",
            when: "\(meeting.date.weekdayName) \(meeting.date.label) at \(meeting.time.label)", venue: meeting.venue, status: meeting.status.label,
            cutOff: meeting.cutOff.label,
            publishBy: deadline.publishByLabel,
            deadlineNote: deadline.holidaysKnown ? nil
                : "Safer's bank holidays do not cover \(deadline.meeting.year); an administrator can load the current list from gov.uk on the bank holidays page.",
            lateNotice: meeting.latePublication?.notice, asksUrgency: publications.isEmpty && deadline.isLate(publishedOn: today),
            agenda: agenda, versions: Array(versions), isPublished: !publications.isEmpty, readsDrafts: readsDrafts,
            canEdit: role.map(RoleSet.staff.allows) ?? false, id: meeting.id,
            reports: reports.enumerated().map { index, report in
                ReportRow(number: report.itemNumber, title: report.title, href: "/meetings/\(meeting.id)/reports/\(report.id)", id: report.id,
                          first: index == 0, last: index == reports.count - 1)
            },
            formats: PackFormat.allCases.map { SelectOption(value: $0.rawValue, label: Self.formatLabel($0.rawValue), selected: false) },
            details: role.map(RoleSet.staff.allows) == true ? try await details(meeting, form: form) : nil,
            minutes: meeting.minutes.map(MinutesView.init), actions: try await actionsView(meeting, user: context.identity?.user))
        return views.response("meeting", page, status: status)
    }

    func details(_ meeting: Meeting, form: FormData?) async throws -> Details {
        func value(_ name: String, _ stored: String) -> String { form?[name] ?? stored }
        let minutes = meeting.previousMinutes
        let committee = value("committee", meeting.committeeID), status = value("status", meeting.status.rawValue)
        return Details(
            date: value("date", meeting.date.description), time: value("time", meeting.time.description), venue: value("venue", meeting.venue),
            cutOff: value("cutOff", meeting.cutOff.description), signedBy: value("signedBy", meeting.signedBy),
            publicParticipation: value("publicParticipation", meeting.publicParticipation),
            committees: try await packs.committees().map { SelectOption(value: $0.id, label: $0.name, selected: $0.id == committee) },
            statuses: Meeting.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == status) },
            draftShared: form.map { $0["draftShared"] == "on" } ?? meeting.draftShared,
            minutesDate: value("minutesDate", minutes?.heldOn.description ?? ""), minutesChair: value("minutesChair", minutes?.chair ?? ""),
            minutesPresent: value("minutesPresent", minutes?.present ?? ""), minutesApologies: value("minutesApologies", minutes?.apologies ?? ""),
            minutesAlso: value("minutesAlso", minutes?.alsoAttending ?? ""), minutesItems: value("minutesItems", Meeting.minuteItemsText(minutes?.items ?? [])))
    }

    /// The previous meeting's minutes from the form; none when their date is blank.
    static func minutes(_ form: FormData) throws -> Meeting.Minutes? {
        guard !form.text("minutesDate").isEmpty else { return nil }
        guard let day = CalendarDay(form.text("minutesDate")) else {
            throw ValidationError("Give the previous meeting's date as YYYY-MM-DD, or leave it blank for no minutes.", field: "minutesDate")
        }
        return Meeting.Minutes(heldOn: day, chair: form.text("minutesChair"), present: form.text("minutesPresent"), apologies: form.text("minutesApologies"),
                               alsoAttending: form.text("minutesAlso"), items: try Meeting.minuteItems(parsing: form.text("minutesItems")))
    }

    struct ImplicationField { let name: String; let label: String; let value: String }
    struct BlockHelp { let name: String; let summary: String; let example: String }
    struct ReportPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let action: String, reportID: String, heading: String
        let title: String, reportOf: String, summary: String, recommendations: String, consultation: String, background: String
        let body: String, backgroundPapers: String, contactOfficer: String, telephone: String, appendices: String
        /// "Not exempt", then paragraphs 1–7 of Schedule 12A.
        let exemptOptions: [SelectOption]
        let publicInterest: String
        let implications: [ImplicationField]
        let blocks: [BlockHelp]
        let plans: [SelectOption]
    }

    func reportPage(_ report: OfficerReport, _ context: SignedInContext, form: FormData? = nil, errors: [String],
                    status: HTTPResponse.Status = .ok) async throws -> Response {
        func value(_ name: String, _ stored: String) -> String { form?[name] ?? stored }
        let allPlans = try await PlanService(services: services).plans()
        let page = ReportPage(
            chrome: PageChrome(title: report.title.isEmpty ? "New report" : report.title, context: context, current: "/meetings"),
            errors: ErrorSummary(errors), action: "/meetings/\(report.meetingID)/reports", reportID: report.id,
            heading: report.title.isEmpty ? "New report (item \(report.itemNumber))" : "Item \(report.itemNumber): \(report.title)",
            title: value("title", report.title), reportOf: value("reportOf", report.reportOf), summary: value("summary", report.summary),
            recommendations: value("recommendations", report.recommendations.joined(separator: "\n")),
            consultation: value("consultation", report.consultation.joined(separator: "\n\n")), background: value("background", report.background.joined(separator: "\n\n")),
            body: value("body", ReportText.text(report.body)), backgroundPapers: value("backgroundPapers", report.backgroundPapers),
            contactOfficer: value("contactOfficer", report.contactOfficer), telephone: value("telephone", report.telephone),
            appendices: value("appendices", ReportText.text(report.appendices)),
            exemptOptions: Self.exemptOptions(selected: value("exemptParagraph", report.exemption.map { String($0.paragraph) } ?? "")),
            publicInterest: value("publicInterest", report.exemption?.publicInterest ?? ""),
            implications: OfficerReport.Implication.allCases.map { kind in
                ImplicationField(name: "implication-\(kind.rawValue)", label: kind.title,
                                 value: value("implication-\(kind.rawValue)", (report.implications[kind] ?? []).joined(separator: "\n\n")))
            },
            blocks: BlockKind.allCases.map { BlockHelp(name: $0.rawValue, summary: $0.summary, example: $0.example) },
            plans: allPlans.map { SelectOption(value: $0.id, label: "\($0.title) (\($0.financialYear))", selected: false) })
        return views.response("meeting-report", page, status: status)
    }

    // MARK: - Forms

    static func meeting(_ form: FormData, id: String) throws -> Meeting {
        var problems = ValidationProblems()
        let date = CalendarDay(form.text("date")), cutOff = CalendarDay(form.text("cutOff"))
        if date == nil { problems.add("Give the meeting's date as YYYY-MM-DD.", field: "date") }
        if cutOff == nil { problems.add("Give the data cut-off as YYYY-MM-DD (the last day of data the pack uses).", field: "cutOff") }
        if form.text("committee").isEmpty { problems.add("Choose the committee that meets (add one first if there is none).", field: "committee") }
        var time: TimeOfDay?
        do { time = try TimeOfDay(parsing: form.text("time")) } catch let error as ValidationError { problems.add(error.description, field: "time") }
        try problems.throwIfAny()
        guard let date, let time, let cutOff else { throw ValidationError("Give the meeting's date, time and data cut-off.") }
        return Meeting(id: id, committeeID: form.text("committee"), date: date, time: time, venue: form.text("venue"), cutOff: cutOff,
                       signedBy: form.text("signedBy"), publicParticipation: form.text("publicParticipation"))
    }

    static func blankReport(meetingID: String, position: Int, id: String) -> OfficerReport {
        OfficerReport(id: id, meetingID: meetingID, position: position, title: "", reportOf: "Report of the Chief Executive", summary: "",
                      recommendations: [], consultation: [], background: [], body: [], implications: [:], backgroundPapers: "",
                      contactOfficer: "", telephone: "", appendices: [])
    }

    static func report(_ form: FormData, into report: OfficerReport) throws -> OfficerReport {
        var report = report
        report.title = form.text("title")
        report.reportOf = form.text("reportOf")
        report.summary = ReportText.paragraphs(form.text("summary")).joined(separator: " ")
        report.recommendations = ReportText.items(form.text("recommendations"))
        report.consultation = ReportText.paragraphs(form.text("consultation"))
        report.background = ReportText.paragraphs(form.text("background"))
        report.backgroundPapers = form.text("backgroundPapers")
        report.contactOfficer = form.text("contactOfficer")
        report.telephone = form.text("telephone")
        for kind in OfficerReport.Implication.allCases { report.implications[kind] = ReportText.paragraphs(form.text("implication-\(kind.rawValue)")) }
        report.body = try ReportText.sections(form.text("body"))
        report.appendices = try ReportText.appendices(form.text("appendices"))
        report.exemption = try Exemption.parse(paragraph: form.text("exemptParagraph"), publicInterest: form.text("publicInterest"))
        return report
    }

    static func exemptOptions(selected: String) -> [SelectOption] {
        [SelectOption(value: "", label: "Not exempt: published in full", selected: selected.isEmpty)]
            + Exemption.paragraphs.enumerated().map { index, text in
                SelectOption(value: String(index + 1), label: "Paragraph \(index + 1): \(text)", selected: selected == String(index + 1))
            }
    }

    func change(_ context: SignedInContext, back: String, _ body: () async throws -> String) async throws -> Response {
        do { return redirect(try await body()) } catch let error as ValidationError {
            return try await listPage(context.request, errors: error.messages, status: .unprocessableContent)
        }
    }

    static func formatLabel(_ format: String) -> String {
        switch format {
        case "html": "Web page (HTML)"
        case "docx": "Word (DOCX)"
        case "xlsx": "Excel tables (XLSX)"
        case "pdf": "PDF"
        case "json": "Data (JSON)"
        case "zip": "Everything (ZIP)"
        default: format.uppercased()
        }
    }

    /// A pack file: HTML shown in the browser under its own strict policy, the rest saved.
    static func file(_ file: PackFile, inline: Bool) -> Response {
        var headers: HTTPFields = [.contentType: file.mediaType,
                                   .contentDisposition: "\(inline ? "inline" : "attachment"); filename=\"\(file.name)\""]
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; form-action 'none'"
        headers[.eTag] = "\"\(file.sha256)\""
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: file.bytes)))
    }
}
