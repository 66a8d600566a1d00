import Foundation
import Hummingbird
import SaferDomain

/// Field capture: one screen for a crew's phone. The page keeps reports in a queue on the
/// phone (IndexedDB) and uploads them here when there is signal; each carries the id the phone
/// made, so an upload retried after a lost answer finds the incident already stored.
extension FlyTippingController {
    struct CapturePage {
        let chrome: PageChrome
        let landTypes: [SelectOption]
        let wasteTypes: [SelectOption]
        let sizes: [SelectOption]
        let recent: [IncidentRow]
        let hasRecent: Bool
    }

    /// What an upload answers, for the page's script: an incident, or a report kept for an
    /// officer to place (`positionNeeded`, no position, and no page a crew may open).
    struct Uploaded: Encodable {
        let id: String, reference: String, href: String?, created: Bool, positionNeeded: Bool, warnings: [String]
        let latitude: Double?, longitude: Double?, easting: Double?, northing: Double?
    }
    struct UploadProblem: Encodable { let messages: [String] }

    func registerCapture(on routes: SecureRoutes) {
        routes.page("/capture", Self.recorders) { _, context in
            let mine = try await services.storage.flyTips.list(FlyTipFilter(limit: 200))
                .filter { $0.recordedBy == context.identity.user.email }.prefix(10)
            let page = CapturePage(
                chrome: PageChrome(title: "Report a fly-tip", context: context, current: "/fly-tipping"),
                landTypes: LandType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0 == .highway) },
                wasteTypes: WasteType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
                sizes: FlyTipSize.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
                recent: mine.map(Self.row), hasRecent: !mine.isEmpty)
            return views.response("capture", page)
        }
        routes.form("/capture", Self.recorders, maxBody: Photo.maximumBytes + 64 * 1024) { _, context, form in
            do {
                var input = try Self.input(from: form)
                if input.clientID == nil { throw ValidationError("The upload has no client id: reload the capture page and try again.", field: "clientId") }
                input.source = "crew"
                switch try await flyTips.capture(input, photo: form.files["photo"]?.data, by: context.identity.actor(channel: .web)) {
                case .recorded(let recorded):
                    let tip = recorded.flyTip
                    return try json(Uploaded(id: tip.id, reference: tip.reference, href: "/fly-tipping/incidents/\(tip.id)", created: recorded.created,
                                             positionNeeded: false, warnings: recorded.warnings,
                                             latitude: tip.position.latitude, longitude: tip.position.longitude,
                                             easting: tip.gridPoint.easting, northing: tip.gridPoint.northing),
                                    status: recorded.created ? .created : .ok)
                case .awaitingPosition(let report, let created):
                    return try json(Uploaded(id: report.id, reference: report.reference,
                                             href: RoleSet.staff.allows(context.identity.user.role) ? "/fly-tipping/public-reports/\(report.id)" : nil,
                                             created: created, positionNeeded: true,
                                             warnings: ["Saved without a position: an officer will place it (position needed)."],
                                             latitude: nil, longitude: nil, easting: nil, northing: nil),
                                    status: created ? .created : .ok)
                }
            } catch let error as ValidationError {
                return try json(UploadProblem(messages: error.messages), status: .unprocessableContent)
            }
        }
    }
}
