import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Meetings and their packs: the same `PackService` as the pages and the command line.
extension APIController {
    var packs: PackService { PackService(services: services) }

    func listMeetings(_ input: Operations.ListMeetings.Input) async throws -> Operations.ListMeetings.Output {
        let meetings = try await packs.meetingList(readableBy: try identity.user.role)
        var items: [Components.Schemas.MeetingList.ItemsPayloadPayload] = []
        for (meeting, committee) in meetings {
            items.append(.init(id: meeting.id, date: meeting.date.description, committee: committee?.name ?? "", status: Self.wire(meeting.status),
                               cutOff: meeting.cutOff.description, publishBy: try await packs.deadline(for: meeting).publishBy.description,
                               urgency: meeting.latePublication?.reason, versions: try await packs.publications(meetingID: meeting.id).count))
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func getMeetingPack(_ input: Operations.GetMeetingPack.Input) async throws -> Operations.GetMeetingPack.Output {
        let format = try PackFormat(parsing: (input.query.format ?? .json).rawValue)
        let role = try identity.user.role
        let meeting = try await packs.meeting(input.path.id, readableBy: role)
        let file: PackFile
        switch input.query.version {
        case "draft":
            file = try await packs.render(try await packs.draft(meetingID: meeting.id, readableBy: role), as: format)
        case let text?:
            guard let version = Int(text, in: 1...1_000_000) else {
                throw ValidationError("version=\(text) is not a version: give a published version number (1, 2…) or draft.", field: "version")
            }
            file = try await packs.publishedFile(meetingID: meeting.id, version: version, format: format)
        case nil:
            file = try await packs.publishedFile(meetingID: meeting.id, version: nil, format: format)
        }
        let body = HTTPBody(file.bytes)
        switch format {
        case .json: return .ok(.init(body: .json(try JSONDecoder().decode(Components.Schemas.FreeForm.self, from: file.bytes))))
        case .html: return .ok(.init(body: .html(body)))
        case .docx: return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_wordprocessingml_document(body)))
        case .xlsx: return .ok(.init(body: .applicationVnd_openxmlformatsOfficedocument_spreadsheetml_sheet(body)))
        case .pdf: return .ok(.init(body: .pdf(body)))
        case .zip: return .ok(.init(body: .applicationZip(body)))
        }
    }

    static func wire(_ status: Meeting.Status) -> Components.Schemas.MeetingList.ItemsPayloadPayload.StatusPayload {
        switch status {
        case .draft: .draft
        case .published: .published
        case .held: .held
        }
    }
}
