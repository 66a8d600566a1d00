import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Enforcement, CCTV, PSPO and money operations. Suspects and reporters' contacts are in none
/// of them: personal data leaves Safer only through the officer's case export.
extension APIController {
    func getEnforcementSummary(_ input: Operations.GetEnforcementSummary.Input) async throws -> Operations.GetEnforcementSummary.Output {
        let range = try DayRange.parse(from: input.query.from, to: input.query.to)
        let summary = try await RegisterService(services: services).enforcementSummary(range)
        return .ok(.init(body: .json(.init(from: range.first.description, to: range.last.description, sentence: summary.sentence,
                                           casesUnderInvestigation: summary.casesUnderInvestigation,
                                           actions: EnforcementActionType.allCases.map { .init(category: $0.label, count: summary.count($0)) }))))
    }

    func listEnforcementCases(_ input: Operations.ListEnforcementCases.Input) async throws -> Operations.ListEnforcementCases.Output {
        var items: [Components.Schemas.EnforcementCase] = []
        for enforcementCase in try await services.storage.enforcement.list() {
            guard let file = try await services.storage.enforcement.file(caseID: enforcementCase.id) else { continue }
            var references: [String] = []
            for id in enforcementCase.incidentIDs { references.append(try await services.storage.flyTips.find(id: id)?.reference ?? id) }
            items.append(.init(id: enforcementCase.id, reference: enforcementCase.reference, title: enforcementCase.title,
                               opened: enforcementCase.opened.description, closed: enforcementCase.closed?.description, incidents: references,
                               actions: file.actions.map { .init(date: $0.date.description, _type: $0.type.rawValue, detail: $0.detail,
                                                                 plea: $0.outcome?.plea?.rawValue, result: $0.outcome?.result?.rawValue,
                                                                 fine: $0.outcome?.fine?.pounds, costs: $0.outcome?.costs?.pounds,
                                                                 sentence: $0.outcome?.sentence) },
                               evidence: file.evidence.map { .init(date: $0.date.description, kind: $0.kind.rawValue, reference: $0.reference, description: $0.description) }))
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func getCCTVRegister(_ input: Operations.GetCCTVRegister.Input) async throws -> Operations.GetCCTVRegister.Output {
        let on = try input.query.on.map { try CalendarDay(parsing: $0) } ?? CalendarDay(containing: services.clock.now())
        let cameras = try await services.storage.cctv.cameras()
        let assets = Dictionary(uniqueKeysWithValues: cameras.map { ($0.id, $0.assetID) })
        let register = Components.Schemas.CCTVRegister(
            on: on.description,
            cameras: cameras.map { camera in
                .init(assetId: camera.assetID, model: camera.model, mobileData: camera.mobileData, status: .init(camera.status(on: on)),
                          since: (camera.history.last { $0.from <= on } ?? camera.history.first)?.from.description ?? "")
            },
            deployments: try await services.storage.cctv.deployments().filter { $0.from <= on }.map { d in
                .init(assetId: assets[d.cameraID] ?? d.cameraID, location: d.location, latitude: d.position.latitude, longitude: d.position.longitude,
                              easting: d.gridPoint.easting, northing: d.gridPoint.northing, from: d.from.description, to: d.to?.description,
                              reason: d.reason, signage: d.signage, dpiaDate: d.dpiaDate?.description, selfAssessmentDate: d.selfAssessmentDate?.description,
                              overdue: d.complianceProblems(on: on))
            },
            footageShared: try await services.storage.cctv.footageShares().filter { $0.date <= on }.map {
                .init(assetId: assets[$0.cameraID] ?? $0.cameraID, sharedWith: .init($0.sharedWith), date: $0.date.description, reference: $0.reference, note: $0.note)
            })
        return .ok(.init(body: .json(register)))
    }

    func listPSPOs(_ input: Operations.ListPSPOs.Input) async throws -> Operations.ListPSPOs.Output {
        let range = try await flyTipService.range(from: input.query.from, to: input.query.to)
        let tips = try await flyTipService.flyTips(in: range)
        let orders = try await services.storage.pspos.list().map { order in
            Components.Schemas.Pspo(id: order.id, name: order.name, roads: order.roads, polygon: order.polygon.map { [$0.latitude, $0.longitude] },
                  articles: order.articles, exceptions: order.exceptions, start: order.start.description, expiry: order.expiry.description,
                  variations: order.variations.map { .init(date: $0.date.description, text: $0.text) },
                  incidents: order.incidents(in: range, among: tips).map {
                      .init(reference: $0.flyTip.reference, location: $0.flyTip.location, reportedAt: $0.flyTip.reportedAt.ISO8601Format(),
                           metresOutside: $0.distance.map { ($0 * 10).rounded() / 10 })
                  })
        }
        return .ok(.init(body: .json(.init(from: range.first.description, to: range.last.description, items: orders))))
    }

    func getFunding(_ input: Operations.GetFunding.Input) async throws -> Operations.GetFunding.Output {
        let year = try FinancialYear(parsing: input.query.fy)
        let (summary, spend) = try await RegisterService(services: services).funding(year)
        let funding = Components.Schemas.Funding(
            financialYear: year.description, allocated: summary.allocated.pounds, spent: summary.spent.pounds, balance: summary.balance.pounds,
            byCategory: summary.byCategory.map { .init(category: $0.category, amount: $0.amount.pounds) },
            spend: spend.map { .init(date: $0.date.description, category: $0.category, amount: $0.amount.pounds, supplier: $0.supplier, note: $0.note) })
        return .ok(.init(body: .json(funding)))
    }
}
