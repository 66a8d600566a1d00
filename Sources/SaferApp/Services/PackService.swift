import Crypto
import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// Committees, meetings, officer reports and the committee pack, for the pages, the API and the
/// command line: composing, building the pack from live data in every format, and publishing
/// (freezing) it.
public struct PackService: Sendable {
    let meetings: any MeetingRepository
    let settings: any SettingsRepository
    let performance: PerformanceService
    let flyTips: FlyTipService
    let hotspots: HotspotService
    let plans: PlanService
    let registers: RegisterService
    let chromium: ChromiumPrinter
    let clock: any SaferClock
    let ids: any IDGenerator

    /// A service with only what it uses.
    public init(meetings: any MeetingRepository, settings: any SettingsRepository, performance: PerformanceService, flyTips: FlyTipService, hotspots: HotspotService,
                plans: PlanService, registers: RegisterService, chromium: ChromiumPrinter, clock: any SaferClock, ids: any IDGenerator) {
        self.meetings = meetings
        self.settings = settings
        self.performance = performance
        self.flyTips = flyTips
        self.hotspots = hotspots
        self.plans = plans
        self.registers = registers
        self.chromium = chromium
        self.clock = clock
        self.ids = ids
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(meetings: services.storage.meetings, settings: services.storage.settings, performance: PerformanceService(services: services), flyTips: FlyTipService(services: services),
                  hotspots: HotspotService(services: services), plans: PlanService(services: services), registers: RegisterService(services: services),
                  chromium: ChromiumPrinter(path: services.configuration.chromiumPath), clock: services.clock, ids: services.ids)
    }

    /// The same service on another clock: the demo publishes its pack on the day the council did.
    func on(_ clock: any SaferClock) -> PackService {
        PackService(meetings: meetings, settings: settings, performance: performance, flyTips: flyTips, hotspots: hotspots,
                    plans: plans, registers: registers, chromium: chromium, clock: clock, ids: ids)
    }

    // MARK: - Committees and meetings

    public func committees() async throws -> [Committee] { try await meetings.committees() }

    public func committee(id: String) async throws -> Committee {
        guard let committee = try await meetings.committee(id: id) else { throw DomainError.notFound(entity: "committee", id: id) }
        return committee
    }

    /// Adds a committee (a new id when none is given) or changes one.
    public func save(_ committee: Committee, by actor: Actor) async throws { try await meetings.save(committee, by: actor) }

    /// Every meeting with its committee, latest first.
    public func meetingList() async throws -> [(meeting: Meeting, committee: Committee?)] {
        let committees = Dictionary(uniqueKeysWithValues: try await meetings.committees().map { ($0.id, $0) })
        return try await meetings.meetings().map { ($0, committees[$0.committeeID]) }
    }

    /// The meetings a role may read (nil: the public, who read published packs only).
    public func meetingList(readableBy role: Role?) async throws -> [(meeting: Meeting, committee: Committee?)] {
        try await meetingList().filter { $0.meeting.mayRead(role) }
    }

    /// A meeting a role may read; one it may not is answered as one that does not exist.
    public func meeting(_ idOrDate: String, readableBy role: Role?) async throws -> Meeting {
        let meeting = try await meeting(idOrDate)
        guard meeting.mayRead(role) else { throw DomainError.notFound(entity: "meeting", id: idOrDate) }
        return meeting
    }

    /// Today's draft of a meeting's pack, for a role the draft is shared with.
    public func draft(meetingID: String, readableBy role: Role?) async throws -> Pack {
        let meeting = try await meeting(meetingID, readableBy: role)
        guard meeting.mayReadDraft(role) else {
            throw DomainError.forbidden("The draft of this pack is not shared with you; read the published pack, or ask the officer to share the draft.")
        }
        return try await build(meeting, for: Meeting.mayReadExemptInformation(role) ? .members : .everyone)
    }

    /// Moves a report one place up (-1) or down (+1) on the agenda.
    public func move(reportID: String, by offset: Int, by actor: Actor) async throws {
        let report = try await report(id: reportID)
        var reports = try await meetings.reports(meetingID: report.meetingID)
        guard let index = reports.firstIndex(where: { $0.id == reportID }), reports.indices.contains(index + offset) else { return }
        reports.swapAt(index, index + offset)
        try await renumber(reports, by: actor)
    }

    /// Removes a report and closes the gap in the agenda's numbers.
    public func deleteReport(id: String, by actor: Actor) async throws {
        let report = try await report(id: id)
        try await meetings.deleteReport(id: id, by: actor)
        try await renumber(try await meetings.reports(meetingID: report.meetingID), by: actor)
    }

    func renumber(_ reports: [OfficerReport], by actor: Actor) async throws {
        for (position, var report) in reports.enumerated() where report.position != position {
            report.position = position
            try await meetings.save(report, by: actor)
        }
    }

    /// A meeting by its id or its date (`2019-03-12`); a date two meetings share asks for the id.
    public func meeting(_ idOrDate: String) async throws -> Meeting {
        if let meeting = try await meetings.meeting(id: idOrDate) { return meeting }
        if let day = CalendarDay(idOrDate) {
            let onDay = try await meetings.meetings().filter { $0.date == day }
            if onDay.count == 1 { return onDay[0] }
            if onDay.count > 1 {
                throw ValidationError("\(onDay.count) meetings are on \(day.label); give one of their ids: \(onDay.map(\.id).joined(separator: ", ")).")
            }
        }
        throw DomainError.notFound(entity: "meeting", id: idOrDate)
    }

    /// Adds or changes a meeting; a published pack's meeting keeps its status.
    public func save(_ meeting: Meeting, by actor: Actor) async throws {
        if let before = try await meetings.meeting(id: meeting.id), before.status != .draft, meeting.status == .draft {
            throw ValidationError("The meeting's pack is published; it cannot go back to draft. Publish a correction instead.")
        }
        try await meetings.save(meeting, by: actor)
    }

    public func reports(meetingID: String) async throws -> [OfficerReport] { try await meetings.reports(meetingID: meetingID) }

    public func report(id: String) async throws -> OfficerReport {
        guard let report = try await meetings.report(id: id) else { throw DomainError.notFound(entity: "report", id: id) }
        return report
    }

    /// Saves a report after checking its blocks render within the meeting's cut-off.
    public func save(_ report: OfficerReport, by actor: Actor) async throws {
        try report.validate()
        let meeting = try await meeting(report.meetingID)
        _ = try await blocks(of: [report], cutOff: meeting.cutOff)
        try await meetings.save(report, by: actor)
    }

    // MARK: - The pack

    /// The pack of a meeting from today's data (a draft, or what a correction would publish): for
    /// everyone unless asked for the members' pack, which holds exempt information.
    public func build(meetingID: String, for audience: Pack.Audience = .everyone) async throws -> Pack {
        try await build(try await meeting(meetingID), for: audience)
    }

    func build(_ meeting: Meeting, for audience: Pack.Audience) async throws -> Pack {
        try await build(meeting, for: [audience])[0]
    }

    /// The pack for each audience, from one read of the data and one rendering of the blocks.
    func build(_ meeting: Meeting, for audiences: [Pack.Audience]) async throws -> [Pack] {
        var meeting = meeting
        let earlier = try await meetings.meetings().filter { $0.committeeID == meeting.committeeID && $0.date < meeting.date }
        if meeting.previousMinutes == nil { meeting.previousMinutes = Self.latestMinutes(of: earlier) }
        guard let committee = try await meetings.committee(id: meeting.committeeID) else {
            throw ValidationError("The meeting has no committee (\(meeting.committeeID) is not one); choose its committee first.")
        }
        let reports = try await meetings.reports(meetingID: meeting.id)
        let version = try await meetings.publications(meetingID: meeting.id).last?.version
        let blocks = try await blocks(of: reports, cutOff: meeting.cutOff)
        let snapshot = try await snapshot(cutOff: meeting.cutOff)
        let changes = try await changes(to: snapshot, sinceTheLatestOf: earlier)
        return try audiences.map { audience in
            var pack = try PackAssembler(meeting: meeting, committee: committee, reports: reports, blocks: blocks,
                                         status: version.map { "published version \($0)" } ?? "draft", audience: audience,
                                         mattersArising: Self.mattersArising(from: earlier)).pack()
            pack.snapshot = snapshot
            pack.changes = changes
            return pack
        }
    }

    /// Every block of the reports, rendered, keyed by what is written; a failure names the report and the block.
    func blocks(of reports: [OfficerReport], cutOff: CalendarDay) async throws -> [BlockReference: PackBlock] {
        var rendered: [BlockReference: PackBlock] = [:]
        var failures: [String] = []
        for report in reports {
            for (place, text) in report.paragraphs {
                let parsed: BlockText
                do { parsed = try BlockText(parsing: text) } catch { failures.append("\(report.title.quoted()), \(place.quoted()): \(error.description)"); continue }
                for reference in parsed.blocks where rendered[reference] == nil {
                    do { rendered[reference] = try await render(reference, cutOff: cutOff) } catch {
                        failures.append("\(report.title.quoted()), \(place.quoted()): \(reference.description.quoted()) cannot be shown: \(String(describing: error))")
                    }
                }
            }
        }
        if !failures.isEmpty { throw ValidationError(messages: failures, fields: ["body": failures[0]]) }
        return rendered
    }

    /// A pack written in one format: the file's name, media type and bytes.
    public func render(_ pack: Pack, as format: PackFormat) async throws -> PackFile {
        let data: Data
        switch format {
        case .html: data = Data(PackHTML.render(pack).utf8)
        case .docx: data = try PackDOCX.render(pack)
        case .xlsx: data = try PackXLSX.render(pack)
        case .json: data = try Self.json(pack)
        case .pdf: data = try await chromium.printPDF(html: PackHTML.render(pack), agendaAnchors: pack.agenda.filter { $0.reportOf != nil }.map(\.anchor))
        case .zip: return try zip(try await parts(pack), of: pack)
        }
        return PackFile(name: format.fileName(pack), mediaType: format.mediaType, bytes: data, sha256: Self.sha256(data))
    }

    /// The formats a zip and a publication hold: every part, the PDF when Chromium is there.
    func parts(_ pack: Pack) async throws -> [PackFile] {
        var files: [PackFile] = []
        for part in PackFormat.parts where chromium.isAvailable || part != .pdf { files.append(try await render(pack, as: part)) }
        return files
    }

    /// The parts already rendered, in one zip.
    func zip(_ parts: [PackFile], of pack: Pack) throws -> PackFile {
        let data = try PackZip.write(parts.map { ($0.name, $0.bytes) })
        return PackFile(name: PackFormat.zip.fileName(pack), mediaType: PackFormat.zip.mediaType, bytes: data, sha256: Self.sha256(data))
    }

    static func json(_ pack: Pack) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(pack)
    }

    public static func sha256(_ data: Data) -> String { SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined() }

    // MARK: - Publishing

    /// Publishes the pack: checks every report is complete, renders every format, and stores the
    /// files with their SHA-256 and the data they came from. A second publication is a correction:
    /// it needs a reason and lists the figures that changed.
    public func publish(meetingID: String, reason: String = "", urgency: String = "", by actor: Actor) async throws -> Publication {
        var meeting = try await meeting(meetingID)
        let reports = try await meetings.reports(meetingID: meeting.id)
        var problems = ValidationProblems()
        if reports.isEmpty { problems.add("The meeting has no reports yet; add at least one before publishing.") }
        for report in reports where !report.missingForPublication.isEmpty {
            problems.add("Item \(report.itemNumber) (\(report.title)) cannot be published without: \(report.missingForPublication.joined(separator: ", ")).")
        }
        let previous = try await meetings.publications(meetingID: meeting.id).last
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        if let previous, reason.isEmpty {
            problems.add("Version \(previous.version) is already published. To correct it, publish a new version and give the reason (what was wrong).")
        }
        if previous == nil {
            let deadline = try await deadline(for: meeting), today = CalendarDay(containing: clock.now())
            if deadline.isLate(publishedOn: today) {
                let urgency = urgency.trimmingCharacters(in: .whitespacesAndNewlines)
                if urgency.isEmpty {
                    problems.add("The papers were due by \(deadline.publishByLabel), five clear working days before the meeting. To publish later, give the reason for urgency: the pack and the minutes print it.", field: "urgency")
                } else {
                    meeting.latePublication = LatePublication(publishedOn: today, publishBy: deadline.publishBy, reason: String(urgency.prefix(2_000)))
                }
            }
        }
        try problems.throwIfAny()
        // With exempt items, the members' pack too, from the same data: its own files, never served to the public.
        let restricted = reports.contains(where: \.hasExemptInformation)
        let built = try await build(meeting, for: restricted ? [.everyone, .members] : [.everyone])
        let version = (previous?.version ?? 0) + 1
        let frozen = built[0].withStatus("published version \(version)")
        var changes: [String] = []
        if let previous, let data = try await meetings.publishedData(publicationID: previous.id) {
            let old = try JSONDecoder().decode(Pack.self, from: data)
            changes = Pack.figureChanges(from: old, to: frozen)
        }
        var files = try await parts(frozen)
        files.append(try zip(files, of: frozen))
        if restricted {
            let members = built[1].withStatus("published version \(version)")
            let parts = try await parts(members)
            files += parts + [try zip(parts, of: members)]
        }
        let publication = Publication(id: ids.next(), meetingID: meeting.id, version: version, publishedAt: clock.now(), publishedBy: actor.label,
                                      reason: reason, changes: changes, files: files.map { ($0.name, $0.mediaType, $0.sha256, $0.bytes.count) })
        var published = meeting
        if published.status == .draft { published.status = .published }
        try await meetings.publish(publication, files: files, data: try Self.json(frozen), meeting: published, by: actor)
        return publication
    }

    public func publications(meetingID: String) async throws -> [Publication] { try await meetings.publications(meetingID: meetingID) }

    // MARK: - Minutes

    /// Records a held meeting's minutes (attendance, declarations, each item with what was
    /// resolved); the committee's next meeting prints them for approval.
    public func recordMinutes(meetingID: String, minutes: Meeting.Minutes, by actor: Actor) async throws -> Meeting {
        let meeting = try await meeting(meetingID).recording(minutes, today: CalendarDay(containing: clock.now()))
        try await meetings.save(meeting, by: actor)
        return meeting
    }

    /// The minutes a meeting's pack prints for approval: those typed on it, else those recorded
    /// for the committee's latest meeting before it (`meetings`: the committee's meetings, if read already).
    public func minutesForApproval(at meeting: Meeting, among meetings: [Meeting]? = nil) async throws -> Meeting.Minutes? {
        if let typed = meeting.previousMinutes { return typed }
        var all = meetings ?? []
        if meetings == nil { all = try await self.meetings.meetings() }
        return Self.latestMinutes(of: all.filter { $0.committeeID == meeting.committeeID && $0.date < meeting.date })
    }

    /// The minutes of the latest of these meetings that has them.
    static func latestMinutes(of meetings: [Meeting]) -> Meeting.Minutes? {
        meetings.filter { $0.minutes != nil }.max { $0.date < $1.date }?.minutes
    }

    /// Minutes to start from: those recorded, else the agenda's items numbered on from the last
    /// minute the committee recorded, with the members present and the chair from the committee.
    public func minutesDraft(for meeting: Meeting) async throws -> Meeting.Minutes {
        if let minutes = meeting.minutes { return minutes }
        let committee = try await committee(id: meeting.committeeID)
        let previous = try await minutesForApproval(at: meeting)
        var number = (previous?.items.map(\.number).max() ?? 0) + 1
        var items: [Meeting.Minutes.Item] = []
        for standard in Meeting.StandardItem.allCases where standard != .evacuation {
            items.append(.init(number: number, title: standard.title, text: ""))
            number += 1
        }
        for report in try await meetings.reports(meetingID: meeting.id) {
            items.append(.init(number: number, title: report.title, text: "Resolved:\n\nThat "))
            number += 1
        }
        let chair = committee.members.first { $0.role == "Chair" }.map { "Councillor \($0.name) in the Chair" } ?? ""
        let others = committee.members.filter { $0.role != "Chair" }.map(\.name)
        return Meeting.Minutes(heldOn: meeting.date, chair: chair, present: others.isEmpty ? "" : "Councillors " + others.joined(separator: ", "),
                               apologies: "", items: items)
    }

    // MARK: - Actions

    /// Adds an action a resolution of a meeting's minutes starts.
    public func addAction(_ action: CommitteeAction, meetingID: String, by actor: Actor) async throws {
        var meeting = try await meeting(meetingID)
        try action.validate(against: meeting.minutes)
        if let itemID = action.planItemID, try await !planItemsForActions(at: meeting).contains(where: { $0.item.id == itemID }) {
            throw ValidationError("The plan item chosen is not one of this year's or last year's plans: choose one from the list, or none.", field: "planItem")
        }
        meeting.actions.append(action)
        try await meetings.save(meeting, by: actor)
    }

    /// Updates an action's status and note: officers any action, a partner those its organisation owns.
    public func updateAction(meetingID: String, actionID: String, status: CommitteeAction.Status, note: String,
                             role: Role, organisationID: String?, by actor: Actor) async throws {
        var meeting = try await meeting(meetingID)
        guard let index = meeting.actions.firstIndex(where: { $0.id == actionID }) else { throw DomainError.notFound(entity: "action", id: actionID) }
        guard Self.mayUpdate(meeting.actions[index], role: role, organisationID: organisationID) else {
            throw DomainError.forbidden("Only officers, and partners of the organisation that owns it, may update this action.")
        }
        meeting.actions[index].status = status
        meeting.actions[index].note = String(note.trimmingCharacters(in: .whitespacesAndNewlines).prefix(2_000))
        try await meetings.save(meeting, by: actor)
    }

    public static func mayUpdate(_ action: CommitteeAction, role: Role, organisationID: String?) -> Bool {
        switch role {
        case .admin, .officer: true
        case .partner: organisationID != nil && action.ownerOrganisationID == organisationID
        case .councillor, .field: false
        }
    }

    /// The open actions of the meetings a role may read, with their meetings, earliest due first.
    public func openActions(readableBy role: Role?) async throws -> [(meeting: Meeting, action: CommitteeAction)] {
        try await meetingList(readableBy: role).flatMap { entry in entry.meeting.actions.filter(\.isOpen).map { (entry.meeting, $0) } }
            .sorted { ($0.action.due, $0.meeting.date, $0.action.id) < ($1.action.due, $1.meeting.date, $1.action.id) }
    }

    /// The actions a plan item tracks, with their meetings, of the meetings a role may read.
    public func actions(trackedBy planItemID: String, readableBy role: Role?) async throws -> [(meeting: Meeting, action: CommitteeAction)] {
        try await meetingList(readableBy: role).flatMap { entry in entry.meeting.actions.filter { $0.planItemID == planItemID }.map { (entry.meeting, $0) } }
            .sorted { ($0.action.due, $0.action.id) < ($1.action.due, $1.action.id) }
    }

    /// The plan items an action from a meeting may be tracked by: those of the plans of the
    /// meeting's financial year and the year before, with their plans.
    public func planItemsForActions(at meeting: Meeting) async throws -> [(item: PlanItem, plan: Plan)] {
        let year = meeting.date.calendarMonth.financialYear
        var result: [(PlanItem, Plan)] = []
        for y in [year.previous, year] {
            for contents in try await plans.contents(year: y) { result += contents.items.map { ($0, contents.plan) } }
        }
        return result
    }

    /// The public pack of the latest meeting a role may read that has one, as published (its
    /// latest version), with the meeting and the publication.
    public func latestPublishedPack(readableBy role: Role?) async throws -> (meeting: Meeting, publication: Publication, pack: Pack)? {
        for meeting in try await meetingList(readableBy: role).map(\.meeting).sorted(by: { $0.date > $1.date }) {
            if let (publication, pack) = try await publishedPack(of: meeting) { return (meeting, publication, pack) }
        }
        return nil
    }

    /// A meeting's latest publication and its public pack as frozen; nil when it has none.
    func publishedPack(of meeting: Meeting) async throws -> (publication: Publication, pack: Pack)? {
        guard let publication = try await meetings.publications(meetingID: meeting.id).last,
              let data = try await meetings.publishedData(publicationID: publication.id) else { return nil }
        return (publication, try JSONDecoder().decode(Pack.self, from: data))
    }

    /// Open actions of these (earlier) meetings, earliest meeting first.
    static func mattersArising(from earlier: [Meeting]) -> [Pack.MatterArising] {
        earlier.sorted { $0.date < $1.date }.flatMap { meeting in
            meeting.actions.filter(\.isOpen).map { action in
                Pack.MatterArising(from: "\(meeting.date.label), minute \(action.minute)\(action.resolution.map { " (\($0))" } ?? "")",
                                   action: action.text, owner: action.owner, due: action.due.label, status: action.status.label, note: action.note)
            }
        }
    }

    // MARK: - Deadlines

    /// The bank holidays deadlines count: those an administrator loaded, else Safer's own.
    public func bankHolidays() async throws -> BankHolidays { try await settings.bankHolidays() ?? .englandAndWales }

    /// Loads gov.uk's `bank-holidays.json`: its years replace those years, earlier ones stay.
    public func loadBankHolidays(_ data: Data, fileName: String, by actor: Actor) async throws -> BankHolidays {
        let loaded = try BankHolidays.govUK(data, source: "\(fileName.isEmpty ? "bank-holidays.json" : String(fileName.prefix(120))), loaded \(CalendarDay(containing: clock.now()).label) by \(actor.label)")
        let updated = try await bankHolidays().updated(with: loaded)
        try await settings.save(updated, by: actor)
        return updated
    }

    /// The day a meeting's papers must be published by.
    public func deadline(for meeting: Meeting) async throws -> PublicationDeadline {
        PublicationDeadline(meeting: meeting.date, holidays: try await bankHolidays())
    }

    /// A published file of a meeting: the latest version unless one is asked for.
    /// The members' pack (`restricted`) exists only when the pack has exempt items; callers check the reader may have it.
    public func publishedFile(meetingID: String, version: Int?, format: PackFormat, restricted: Bool = false) async throws -> PackFile {
        let publications = try await meetings.publications(meetingID: meetingID)
        guard let publication = version.map({ v in publications.first { $0.version == v } }) ?? publications.last else {
            throw DomainError.notFound(entity: "published pack", id: version.map { "\(meetingID) version \($0)" } ?? meetingID)
        }
        let suffix = (restricted ? PackFormat.restrictedSuffix : "") + "." + format.fileExtension
        guard let entry = publication.files.first(where: { $0.name.hasSuffix(suffix) && (restricted || !PackFormat.isRestricted($0.name)) }),
              let file = try await meetings.file(publicationID: publication.id, name: entry.name) else {
            throw DomainError.notFound(entity: "\(format.rawValue) file of the published pack", id: meetingID)
        }
        return file
    }
}

extension Pack {
    /// The same pack with another status line (a published version's).
    func withStatus(_ status: String) -> Pack {
        var pack = Pack(council: council, committee: committee, meetingID: meetingID, meetingDate: meetingDate, meetingDateLabel: meetingDateLabel, status: status,
             cutOff: cutOff, frontSheet: frontSheet, agenda: agenda, minutes: minutes, reports: reports, blocks: blocks, mattersArising: mattersArising)
        pack.snapshot = snapshot
        pack.changes = changes
        return pack
    }
}

/// The forms a pack is written in.
public enum PackFormat: String, Sendable, CaseIterable {
    case html, docx, xlsx, pdf, json, zip

    /// What a zip and a publication hold.
    public static let parts: [PackFormat] = [.html, .docx, .xlsx, .pdf, .json]

    public var fileExtension: String { rawValue }

    public var mediaType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .pdf: "application/pdf"
        case .json: "application/json"
        case .zip: "application/zip"
        }
    }

    /// "safer-communities-sub-committee-2019-03-12.docx".
    public func fileName(_ pack: Pack) -> String {
        let slug = pack.committee.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
            .split(separator: "-").joined(separator: "-")
        return "\(slug.isEmpty ? "committee" : slug)-\(pack.meetingDate)\(pack.isRestricted ? Self.restrictedSuffix : "").\(fileExtension)"
    }

    /// What the members' pack's file names end with before the extension.
    public static let restrictedSuffix = "-restricted"

    /// Whether a published file is the members' pack's.
    public static func isRestricted(_ name: String) -> Bool { (name as NSString).deletingPathExtension.hasSuffix(restrictedSuffix) }

    /// Reads a format, saying which there are.
    public init(parsing text: String) throws {
        guard let format = PackFormat(rawValue: text.lowercased()) else {
            throw ValidationError("\"\(text)\" is not a pack format; use one of \(PackFormat.allCases.map(\.rawValue).joined(separator: ", ")).", field: "format")
        }
        self = format
    }
}
