import Foundation
import SaferDomain
import SaferStorage

extension DemoLoader {
    /// Loads the plans transcribed from the seed pack (`plans.json`): both fly-tipping action
    /// plans (2019/20 linked item by item to 2018/19), the partnership plan with its quarter 3
    /// updates and lights, the corporate plan targets 2018/19 with their quarterly updates and
    /// 2019/20, and the service plans. Plans already there (same kind, year and title) are
    /// skipped. Returns how many plans were stored.
    ///
    /// Lead organisations are matched to the organisation list by name; a name that matches
    /// none stays in the printed lead text, with a note, and leads no account's updates.
    /// Suggested statuses are worked out from the demo figures as the updates are stored; where
    /// the pack's status differs, the reason says the pack does not record one.
    func loadPlans() async throws -> Int {
        guard let url = Bundle.module.url(forResource: "Resources/Demo/plans.json", withExtension: nil) else { return 0 }
        let file = try JSONDecoder().decode([DemoPlan].self, from: Data(contentsOf: url))
        let storage = services.storage
        let planService = PlanService(services: services)
        let actor = Actor.system
        let organisations = Dictionary(try await storage.organisations.list().map { ($0.name.lowercased(), $0.id) }) { first, _ in first }
        let indicators = Set(try await storage.indicators.list().map(\.key))
        let existing = try await storage.plans.list(financialYear: nil)
        // Each loaded plan's items by the number next year's plan carries them forward as.
        var carried: [String: (plan: Plan, items: [String: PlanItem])] = [:]
        var created = 0
        for demo in file {
            let year = try FinancialYear(parsing: demo.financialYear)
            let kind = try Plan.Kind(parsing: demo.kind)
            // Linked to last year's plan only where the seed says which items were carried forward
            // (the fly-tipping plan); the corporate targets were rewritten, not rolled forward.
            let lastYear = carried["\(kind.rawValue) \(year.previous)"].flatMap { $0.items.isEmpty ? nil : $0 }
            if let plan = existing.first(where: { $0.kind == kind && $0.financialYear == year && $0.title == demo.title }) {
                let items = try await storage.plans.items(planID: plan.id)
                carried["\(kind.rawValue) \(year)"] = (plan, Dictionary(zip(demo.items, items).compactMap { demoItem, item in
                    demoItem.carriedForwardAs.map { ($0, item) } }) { first, _ in first })
                continue
            }
            let plan = Plan(id: services.ids.next(), kind: kind, title: demo.title, financialYear: year, committee: demo.committee,
                            source: demo.source.map { "Committee pack, 12 March 2019: \($0)" }, previousPlanID: lastYear?.plan.id)
            var items: [PlanItem] = []
            var forward: [String: PlanItem] = [:]
            for (index, demoItem) in demo.items.enumerated() {
                let item = Self.item(demoItem, plan: plan, position: index + 1, id: services.ids.next(), organisations: organisations,
                                     indicators: indicators, previous: demoItem.number.flatMap { lastYear?.items[$0] })
                items.append(item)
                if let number = demoItem.carriedForwardAs { forward[number] = item }
            }
            try await storage.plans.create(plan, items: items, by: actor)
            carried["\(kind.rawValue) \(year)"] = (plan, forward)
            created += 1
            for (demoItem, item) in zip(demo.items, items) {
                for demoUpdate in demoItem.updates {
                    let quarter = try Quarter(parsing: demoUpdate.quarter)
                    let status = demoUpdate.status.flatMap { RAGStatus(parsing: $0) }
                    let suggestion = try await planService.suggestion(for: item, in: quarter).status
                    let differs = status != nil && suggestion != nil && status != suggestion?.status
                    let update = PlanUpdate(
                        id: services.ids.next(), itemID: item.id, quarter: quarter,
                        text: demoUpdate.text ?? "[The committee pack prints a status for this item but no update text.]", status: status,
                        direction: demoUpdate.direction.flatMap { DirectionOfTravel(rawValue: $0) },
                        authorLabel: "Committee pack, 12 March 2019 (transcribed)", date: demoUpdate.date.flatMap { CalendarDay($0) },
                        recordedAt: services.clock.now(),
                        reason: differs ? "Status as printed in the committee pack of 12 March 2019, which does not record why it differs from the forecast." : nil,
                        suggestion: suggestion, performance: demoUpdate.performance)
                    try await storage.plans.addUpdate(update, by: actor)
                }
            }
        }
        return created
    }

    /// One transcribed item as a plan item.
    static func item(_ demo: DemoPlan.Item, plan: Plan, position: Int, id: String, organisations: [String: String],
                     indicators: Set<String>, previous: PlanItem?) -> PlanItem {
        var notes: [String] = []
        if let note = demo.note { notes.append(note) }
        var leads: [String] = []
        var unmatched: [String] = []
        for name in (demo.leadOrganisation ?? "").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            if let id = organisations[name.lowercased()] { leads.append(id) } else { unmatched.append(name) }
        }
        var printed = demo.leadAsPrinted
        if !unmatched.isEmpty {
            printed = printed ?? demo.leadOrganisation
            notes.append("Lead \(unmatched.map { "'\($0)'" }.joined(separator: ", ")) is not in the organisation list: kept as printed, so no partner account leads it.")
        }
        var indicator = demo.indicator
        if let key = indicator, !indicators.contains(key) {
            notes.append("Linked indicator '\(key)' is not in the catalogue: left unlinked.")
            indicator = nil
        }
        if let objective = demo.objective { notes.append("Objective: \(objective)") }
        if let section = demo.section { notes.append("Section: \(section)") }
        if let reference = demo.reference { notes.append("Reference: \(reference)") }
        if let end = demo.endAsPrinted { notes.append("End as printed: \(end)") }
        let description = demo.description ?? "[Description not legible in the committee pack]"
        if demo.description == nil { notes.append("The description is not legible in the seed's extraction.") }
        func text(_ value: String?) -> String? {
            guard let value = value?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
            return value
        }
        return PlanItem(id: id, planID: plan.id, position: position, number: text(demo.number), description: description,
                        leadOrganisationIDs: leads, leadAsPrinted: text(printed), leadOfficer: text(demo.leadOfficer),
                        theme: text(demo.theme), priority: text(demo.priority), board: text(demo.board),
                        timescaleStart: demo.timescaleStart.flatMap { CalendarDay($0) }, timescaleEnd: demo.timescaleEnd.flatMap { CalendarDay($0) },
                        resources: text(demo.resources), measureOfSuccess: text(demo.measureOfSuccess),
                        baseline: demo.baseline?.text, target: demo.target?.text, indicatorKey: indicator,
                        previousItemID: previous?.id, yearEndDecision: demo.yearEndDecision.flatMap { YearEndDecision(parsing: $0) },
                        note: notes.isEmpty ? nil : notes.joined(separator: " "))
    }
}
