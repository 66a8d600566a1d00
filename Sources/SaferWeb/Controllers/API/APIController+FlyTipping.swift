import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Fly-tipping operations: the same `FlyTipService` as the pages, the field capture and the CLI.
extension APIController {
    var flyTipService: FlyTipService { FlyTipService(services: services) }

    func createIncident(_ input: Operations.CreateIncident.Input) async throws -> Operations.CreateIncident.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let reportedAt = try body.reportedAt.flatMap { $0.isEmpty ? nil : try LocalTime.parse($0, field: "reportedAt") }
        let flyTip = FlyTipInput(clientID: body.clientId, latitude: body.latitude, longitude: body.longitude, easting: body.easting,
                                 northing: body.northing, location: body.location, landType: body.landType, wasteTypes: body.wasteTypes,
                                 size: body.size, hazards: body.hazards?.map(\.rawValue) ?? [], source: body.source?.rawValue,
                                 reportedAt: reportedAt, cost: body.cost, notes: body.notes ?? "")
        let recorded = try await flyTipService.record(flyTip, photo: nil, by: try identity.actor(channel: .api))
        let dto = Self.dto(recorded.flyTip, costs: try await flyTipService.settings().clearanceCosts, warnings: recorded.warnings)
        if !recorded.created { return .ok(.init(body: .json(dto))) }
        return .created(.init(headers: .init(location: "/api/v1/incidents/\(recorded.flyTip.id)"), body: .json(dto)))
    }

    func listIncidents(_ input: Operations.ListIncidents.Input) async throws -> Operations.ListIncidents.Output {
        let range = try await flyTipService.range(from: input.query.from, to: input.query.to)
        var statuses: [FlyTipStatus] = []
        for part in (input.query.status ?? "").split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            statuses += part == "open" ? FlyTipStatus.allCases.filter(\.isOpen) : [try FlyTipStatus.parse(part)]
        }
        // limit and offset are within the document's ranges (QueryContract).
        let filter = FlyTipFilter(range: range, statuses: statuses, limit: input.query.limit ?? 500, offset: input.query.offset ?? 0)
        let items = try await services.storage.flyTips.list(filter)
        let total = try await services.storage.flyTips.count(filter)
        let costs = try await flyTipService.settings().clearanceCosts
        return .ok(.init(body: .json(.init(items: items.map { Self.dto($0, costs: costs, warnings: []) }, total: total))))
    }

    func getIncident(_ input: Operations.GetIncident.Input) async throws -> Operations.GetIncident.Output {
        let flyTip = try await flyTipService.flyTip(input.path.id)
        return .ok(.init(body: .json(Self.dto(flyTip, costs: try await flyTipService.settings().clearanceCosts, warnings: []))))
    }

    func changeIncidentStatus(_ input: Operations.ChangeIncidentStatus.Input) async throws -> Operations.ChangeIncidentStatus.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let at = try body.at.flatMap { $0.isEmpty ? nil : try LocalTime.parse($0, field: "at") }
        let cost = try body.cost.flatMap { $0.isEmpty ? nil : try Money.parse($0, field: "cost") }
        let flyTip = try await flyTipService.flyTip(input.path.id)
        let changed = try await flyTipService.changeStatus(of: flyTip.id, to: try FlyTipStatus.parse(body.status.rawValue), at: at,
                                                           duplicateOf: body.duplicateOf, cost: cost, note: body.note ?? "",
                                                           by: try identity.actor(channel: .api))
        return .ok(.init(body: .json(Self.dto(changed, costs: try await flyTipService.settings().clearanceCosts, warnings: []))))
    }

    func createPublicReport(_ input: Operations.CreatePublicReport.Input) async throws -> Operations.CreatePublicReport.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let report = try await flyTipService.submitPublicReport(
            PublicReportInput(latitude: body.latitude, longitude: body.longitude, place: body.place ?? "", what: body.what.map(\.rawValue),
                              amount: body.amount.rawValue, land: body.land?.rawValue, description: body.description ?? "",
                              contact: .init(name: body.contact?.name ?? "", email: body.contact?.email ?? "", phone: body.contact?.phone ?? "")),
            photo: nil, clientAddress: RequestIdentity.address)
        return .created(.init(body: .json(.init(reference: report.reference, status: report.status.label))))
    }

    func getDefraReturn(_ input: Operations.GetDefraReturn.Input) async throws -> Operations.GetDefraReturn.Output {
        let range = try DayRange.parse(from: input.query.from, to: input.query.to)
        let report = DefraReturnReport(try await flyTipService.defraReturn(range))
        return .ok(.init(body: .json(try Self.bridge(report.document))))
    }

    // MARK: - Wire types

    static func dto(_ tip: FlyTip, costs: ClearanceCosts, warnings: [String]) -> Components.Schemas.Incident {
        .init(id: tip.id, reference: tip.reference, clientId: tip.clientID, latitude: tip.position.latitude, longitude: tip.position.longitude,
              easting: tip.gridPoint.easting, northing: tip.gridPoint.northing, location: tip.location, landType: tip.landType.label,
              wasteTypes: tip.wasteTypes.map(\.label), size: tip.size.label,
              hazards: tip.hazards.map { .init($0) }, source: .init(tip.source),
              status: .init(tip.status), reportedAt: tip.reportedAt.ISO8601Format(),
              inspectedAt: tip.inspectedAt?.ISO8601Format(), clearedAt: tip.clearedAt?.ISO8601Format(),
              duplicateOf: tip.duplicateOf, clearanceCost: tip.clearanceCost(using: costs)?.pounds, notes: tip.notes, warnings: warnings)
    }
}
