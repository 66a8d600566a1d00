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
