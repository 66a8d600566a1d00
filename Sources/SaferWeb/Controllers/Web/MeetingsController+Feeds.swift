import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// The meetings for calendars and civic-tech tools, without an account: an iCalendar feed of
/// every meeting (when, where, which committee: the public notice of a meeting) and the published
/// meetings as Open Civic Data events with their agenda, public documents and minutes.
extension MeetingsController {
    /// Meetings are listed as two hours long; the papers do not say when they end.
    static let listedLength: TimeInterval = 2 * 3_600

    func registerFeeds(on routes: SecureRoutes) {
        routes.plain("/meetings.ics", .everyone) { request, _ in
            let base = Self.baseURL(request)
            let deadlines = try await packs.bankHolidays()
            var events: [CalendarEvent] = []
            for (meeting, committee) in try await packs.meetingList() {
                let name = committee?.name ?? "Committee meeting"
                let papers = meeting.mayRead(nil)
                    ? "Papers: \(base)/meetings/\(meeting.id)"
                    : "Papers to be published by \(PublicationDeadline(meeting: meeting.date, holidays: deadlines).publishByLabel)."
                events.append(CalendarEvent(uid: "meeting-\(meeting.id)@safer", start: meeting.start, duration: Self.listedLength, summary: name,
                                            location: meeting.venue, description: "\(name), \(meeting.date.weekdayName) \(meeting.date.label) at \(meeting.time.label). \(papers)",
                                            url: meeting.mayRead(nil) ? "\(base)/meetings/\(meeting.id)" : nil))
            }
            let council = (try? await packs.committees().first?.council) ?? nil
            let text = ICalendar.render(name: "\(council ?? "Council") committee meetings", events: events, stamp: services.clock.now())
            return Response(status: .ok, headers: [.contentType: "text/calendar; charset=utf-8", .contentDisposition: "inline; filename=\"meetings.ics\""],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        routes.plain("/meetings.json", .everyone) { request, _ in
            let base = Self.baseURL(request), now = services.clock.now()
            var events: [OpenCivicDataEvent] = []
            let all = try await packs.meetingList()
            for (meeting, committee) in all where meeting.mayRead(nil) {
                events.append(try await openCivicData(meeting, committee: committee?.name ?? "Committee", base: base, now: now, among: all.map(\.meeting)))
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(["events": events]))))
        }
    }

    /// A published meeting as an OCD event: the agenda's items, each report with the public
    /// pack's documents, the minutes item with the previous meeting's minutes. Exempt reports
    /// give their notice, never their text.
    func openCivicData(_ meeting: Meeting, committee: String, base: String, now: Date, among all: [Meeting]) async throws -> OpenCivicDataEvent {
        let page = "\(base)/meetings/\(meeting.id)"
        let latest = try await packs.publications(meetingID: meeting.id).last
        let documents = (latest?.files ?? []).filter { !PackFormat.isRestricted($0.name) }.map { file in
            let format = (file.name as NSString).pathExtension
            return OpenCivicDataEvent.Link(note: "Agenda pack, version \(latest?.version ?? 1) (\(Self.formatLabel(format)))",
                                           url: "\(page)/published/\(latest?.version ?? 1)/\(format)", mediaType: file.mediaType)
        }
        let html = documents.first { $0.url.hasSuffix("/html") }
        let forApproval = try await packs.minutesForApproval(at: meeting, among: all)
        // This meeting's own minutes: what was resolved on each item, matched by title.
        var resolved = Dictionary((meeting.minutes?.items ?? []).map { ($0.title.lowercased(), $0) }, uniquingKeysWith: { first, _ in first })
        func resolutions(_ title: String) -> [String] {
            guard let minute = resolved.removeValue(forKey: title.lowercased()) else { return [] }
            return minute.resolutions.map { "Resolved (minute \(minute.number)\($0.letter.map { " \($0)" } ?? "")): \($0.text)" }
        }
        var agenda = Meeting.StandardItem.allCases.map { item -> OpenCivicDataEvent.AgendaItem in
            var notes: [String] = []
            if item == .minutes, let minutes = forApproval {
                notes = ["Minutes of the meeting held on \(minutes.heldOn.label)."] + minutes.items.map { "\($0.number) \($0.title): \($0.text)" }
            }
            return .init(description: item.title, order: String(item.rawValue), notes: notes + resolutions(item.title), media: [])
        }
        for report in try await packs.reports(meetingID: meeting.id) {
            let notes = report.exemption.map { ["\($0.notice)."] } ?? [report.summary]
            agenda.append(.init(description: report.title, order: String(report.itemNumber), notes: notes + resolutions(report.title),
                                media: html.map { [OpenCivicDataEvent.Link(note: "Item \(report.itemNumber) in the agenda pack", url: "\($0.url)#item-\(report.itemNumber)",
                                                                           mediaType: $0.mediaType)] } ?? []))
        }
        // Minutes of items the agenda here does not list (e.g. a presentation), by their minute number.
        for minute in (meeting.minutes?.items ?? []) where resolved[minute.title.lowercased()] != nil {
            agenda.append(.init(description: minute.title, order: "minute \(minute.number)", notes: [minute.text] + resolutions(minute.title), media: []))
        }
        return OpenCivicDataEvent(id: "ocd-event/\(Self.uuid(meeting.id))", name: "\(committee), \(meeting.date.label)",
                                  description: "\(committee) meets in \(meeting.venue) on \(meeting.date.weekdayName) \(meeting.date.label) at \(meeting.time.label).",
                                  start: meeting.start, passed: meeting.start < now, venue: meeting.venue, committee: committee,
                                  documents: documents, agenda: agenda, source: page)
    }

    /// The scheme and host the request came to (the proxy's when it forwards https).
    static func baseURL(_ request: Request) -> String {
        let host = request.head.authority ?? "localhost"
        let scheme = request.headers[.xForwardedProto]?.lowercased() == "https" ? "https" : "http"
        return "\(scheme)://\(host.filter { !$0.isWhitespace && $0 != "/" })"
    }

    /// A stable UUID for a meeting id (OCD ids are `ocd-event/<uuid>`): the id's SHA-256, shaped as a version 8 UUID.
    static func uuid(_ id: String) -> String {
        var hex = Array(PackService.sha256(Data(id.utf8)).prefix(32))
        hex[12] = "8"
        let parts = [hex[0..<8], hex[8..<12], hex[12..<16], hex[16..<20], hex[20..<32]].map { String($0) }
        return parts.joined(separator: "-")
    }
}
