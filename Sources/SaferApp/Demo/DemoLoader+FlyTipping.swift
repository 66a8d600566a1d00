import Foundation
import SaferDomain
import SaferStorage

extension DemoLoader {
    /// The enforcement file: cases linking incidents by their line in `fly-tips.csv`.
    struct DemoEnforcement: Decodable {
        struct Case: Decodable {
            struct Action: Decodable {
                let type: String, date: String, detail: String?
                let plea: String?, result: String?, fine: Double?, costs: Double?, sentence: String?
            }
            struct Evidence: Decodable { let kind: String, date: String, reference: String, description: String }
            struct Person: Decodable { let name: String, address: String?, vehicle: String? }
            let reference: String, title: String, opened: String, closed: String?
            let incidentRows: [Int]
            let suspects: [Person]
            let actions: [Action]
            let evidence: [Evidence]
        }
        let cases: [Case]
    }

    /// Loads the demo fly-tips (`fly-tips.csv`: a year of incidents around the seed's hot spots)
    /// and the enforcement cases (`enforcement.json`). Both are skipped when already loaded: the
    /// incidents by their client ids, the cases by reference. Returns incidents and cases stored.
    func loadFlyTipping() async throws -> (incidents: Int, cases: Int) {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/fly-tips.csv", withExtension: nil) else { return (0, 0) }
        let summary = try await FlyTipService(services: services).importFile(try String(contentsOf: url, encoding: .utf8), by: .system)
        if !summary.problems.isEmpty {
            throw ValidationError(messages: ["The demo fly-tips did not load:"] + summary.problems.prefix(10))
        }
        guard let casesURL = Bundle.module.url(forResource: "Resources/Demo/enforcement.json", withExtension: nil) else { return (summary.created, 0) }
        let file = try JSONDecoder().decode(DemoEnforcement.self, from: Data(contentsOf: casesURL))
        let storage = services.storage.enforcement
        let known = Set(try await storage.list().map(\.reference))
        var cases = 0
        func money(_ pounds: Double?) -> Money? { pounds.map { Money(pence: Int(($0 * 100).rounded())) } }
        for demo in file.cases where !known.contains(demo.reference) {
            var incidents: [String] = []
            for line in demo.incidentRows {
                guard let tip = try await services.storage.flyTips.find(clientID: "demo-\(line)") else {
                    throw ValidationError("Demo case \(demo.reference) names line \(line) of fly-tips.csv, which did not load.")
                }
                incidents.append(tip.id)
            }
            let id = services.ids.next()
            try await storage.create(EnforcementCase(id: id, reference: demo.reference, title: demo.title, opened: try CalendarDay(parsing: demo.opened),
                                                     closed: try demo.closed.map { try CalendarDay(parsing: $0) }, incidentIDs: incidents), by: .system)
            for action in demo.actions {
                let type = try EnforcementActionType.parse(action.type)
                let outcome = type == .prosecution
                    ? EnforcementAction.ProsecutionOutcome(plea: action.plea.flatMap { .init(rawValue: $0) }, result: action.result.flatMap { .init(rawValue: $0) },
                                                           fine: money(action.fine), costs: money(action.costs), sentence: action.sentence ?? "")
                    : nil
                try await storage.addAction(EnforcementAction(id: services.ids.next(), caseID: id, type: type, date: try CalendarDay(parsing: action.date),
                                                              detail: action.detail ?? "", outcome: outcome), by: .system)
            }
            for item in demo.evidence {
                guard let kind = EvidenceItem.Kind(rawValue: item.kind) else { throw ValidationError("Demo case \(demo.reference): unknown evidence kind \(item.kind).") }
                try await storage.addEvidence(EvidenceItem(id: services.ids.next(), caseID: id, kind: kind, date: try CalendarDay(parsing: item.date),
                                                           reference: item.reference, description: item.description), by: .system)
            }
            for person in demo.suspects {
                try await storage.addSuspect(Suspect(id: services.ids.next(), caseID: id, name: person.name, address: person.address ?? "",
                                                     vehicle: person.vehicle ?? ""), by: .system)
            }
            cases += 1
        }
        return (summary.created, cases)
    }
}

// MARK: - Registers

extension DemoLoader {
    struct DemoCCTV: Decodable {
        struct Camera: Decodable {
            struct Change: Decodable { let status: String, from: String, note: String? }
            let assetId: String, model: String, mobileData: Bool, history: [Change]
        }
        struct Deployment: Decodable {
            let assetId: String, location: String, latitude: Double, longitude: Double, from: String, to: String?
            let reason: String?, signage: Bool?, dpiaDate: String?, selfAssessmentDate: String?
        }
        struct Share: Decodable { let assetId: String, sharedWith: String, date: String, reference: String, note: String? }
        let cameras: [Camera], deployments: [Deployment], footageShared: [Share]
    }

    struct DemoPSPOs: Decodable {
        struct Order: Decodable {
            struct Variation: Decodable { let date: String, text: String }
            let name: String, roads: [String], polygon: [[Double]], articles: [String], exceptions: [String]
            let start: String, expiry: String, variations: [Variation]
        }
        let orders: [Order]
    }

    struct DemoMoney: Decodable {
        struct Allocation: Decodable { let financialYear: String, amount: Double, description: String }
        struct Spend: Decodable { let date: String, category: String, amount: Double, supplier: String?, note: String? }
        let allocations: [Allocation], spend: [Spend]
    }

    static func demoFile<T: Decodable>(_ name: String, as type: T.Type) throws -> T? {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/\(name)", withExtension: nil) else { return nil }
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    static func pounds(_ amount: Double) -> Money { Money(pence: Int((amount * 100).rounded())) }

    /// Loads the CCTV register, the Fillongley PSPO and the 2018/19 money, each only into an
    /// empty register, so loading twice adds nothing.
    func loadRegisters() async throws {
        let storage = services.storage
        if let cctv = try Self.demoFile("cctv.json", as: DemoCCTV.self), try await storage.cctv.cameras().isEmpty {
            var ids: [String: String] = [:]
            for camera in cctv.cameras {
                let id = services.ids.next()
                ids[camera.assetId] = id
                try await storage.cctv.addCamera(Camera(id: id, assetID: camera.assetId, model: camera.model, mobileData: camera.mobileData,
                                                        history: try camera.history.map { Camera.StatusChange(status: try Self.status($0.status),
                                                                                                             from: try CalendarDay(parsing: $0.from), note: $0.note ?? "") }),
                                                 by: .system)
            }
            func camera(_ asset: String) throws -> String {
                guard let id = ids[asset] else { throw ValidationError("The demo CCTV file names an unknown camera \(asset).") }
                return id
            }
            for d in cctv.deployments {
                try await storage.cctv.addDeployment(Deployment(
                    id: services.ids.next(), cameraID: try camera(d.assetId), location: d.location, position: WGS84Point(latitude: d.latitude, longitude: d.longitude),
                    from: try CalendarDay(parsing: d.from), to: try d.to.map { try CalendarDay(parsing: $0) }, reason: d.reason ?? "", signage: d.signage ?? false,
                    dpiaDate: try d.dpiaDate.map { try CalendarDay(parsing: $0) }, selfAssessmentDate: try d.selfAssessmentDate.map { try CalendarDay(parsing: $0) }),
                    by: .system)
            }
            for share in cctv.footageShared {
                guard let recipient = FootageShare.Recipient(rawValue: share.sharedWith) else { throw ValidationError("Unknown recipient \(share.sharedWith) in the demo CCTV file.") }
                try await storage.cctv.addFootageShare(FootageShare(id: services.ids.next(), cameraID: try camera(share.assetId), sharedWith: recipient,
                                                                    date: try CalendarDay(parsing: share.date), reference: share.reference, note: share.note ?? ""), by: .system)
            }
        }
        if let file = try Self.demoFile("pspo.json", as: DemoPSPOs.self), try await storage.pspos.list().isEmpty {
            for order in file.orders {
                try await storage.pspos.add(PublicSpacesProtectionOrder(
                    id: services.ids.next(), name: order.name, roads: order.roads,
                    polygon: order.polygon.compactMap { $0.count == 2 ? WGS84Point(latitude: $0[0], longitude: $0[1]) : nil },
                    articles: order.articles, exceptions: order.exceptions, start: try CalendarDay(parsing: order.start),
                    expiry: try CalendarDay(parsing: order.expiry),
                    variations: try order.variations.map { .init(date: try CalendarDay(parsing: $0.date), text: $0.text) }), by: .system)
            }
        }
        if let money = try Self.demoFile("money.json", as: DemoMoney.self), try await storage.funding.allocations().isEmpty {
            for allocation in money.allocations {
                try await storage.funding.addAllocation(Allocation(id: services.ids.next(), financialYear: try FinancialYear(parsing: allocation.financialYear),
                                                                   amount: Self.pounds(allocation.amount), description: allocation.description), by: .system)
            }
            for item in money.spend {
                try await storage.funding.addSpend(SpendItem(id: services.ids.next(), date: try CalendarDay(parsing: item.date), category: item.category,
                                                             amount: Self.pounds(item.amount), supplier: item.supplier ?? "", note: item.note ?? ""), by: .system)
            }
        }
    }

    static func status(_ text: String) throws -> Camera.Status {
        guard let status = Camera.Status(rawValue: text) else { throw ValidationError("Unknown camera status \(text) in the demo CCTV file.") }
        return status
    }
}
