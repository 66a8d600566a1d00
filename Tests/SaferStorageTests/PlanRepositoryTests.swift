import Foundation
import SQLKit
import Testing
import SaferDomain
import SaferStorage
import SaferTestSupport

/// Plans, items and updates on every engine: stored and read back whole, audited in the same
/// transaction, and refused with a message when they would break a rule.
@Suite("Plan repository")
struct PlanRepositoryTests {
    static let year = try! FinancialYear(parsing: "2018/19")
    static let at = Date(timeIntervalSince1970: 1_552_348_800)

    /// Two organisations, a plan with two items (one led by both) and the repository.
    static func seeded(_ database: SaferDatabase) async throws -> (storage: Storage, plan: Plan, items: [PlanItem]) {
        let services = makeTestServices(database)
        let storage = services.storage
        try await storage.organisations.create(Organisation(id: "org-police", name: "Warwickshire Police", kind: .police), by: .system)
        try await storage.organisations.create(Organisation(id: "org-council", name: "North Warwickshire Borough Council", kind: .council), by: .system)
        let plan = Plan(id: "plan-1", kind: .action, title: "Fly tipping action plan 2018/19", financialYear: year,
                        committee: "Safer Communities Sub-Committee", source: "Item 6, Appendix A")
        let items = [
            PlanItem(id: "item-1", planID: plan.id, position: 1, number: "9", description: "Work with the Police Safer Neighbourhood Team",
                     leadOrganisationIDs: ["org-police", "org-council"], leadAsPrinted: "NWBC & WCC", leadOfficer: "Community Safety Officer",
                     theme: "fly-tipping", timescaleStart: CalendarDay("2018-04-01"), timescaleEnd: CalendarDay("2019-03-31"),
                     resources: "Existing", baseline: "1,417", target: "1416"),
            PlanItem(id: "item-2", planID: plan.id, position: 2, number: "12", description: "Fixed penalty notice powers",
                     leadOrganisationIDs: ["org-council"], board: "Executive Board"),
        ]
        try await storage.plans.create(plan, items: items, by: Actor(userID: nil, label: "tester", channel: .cli))
        return (storage, plan, items)
    }

    @Test(arguments: TestEngine.available)
    func aPlanAndItsItemsAreStoredWholeAndAudited(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let (storage, plan, items) = try await Self.seeded(database)
            #expect(try await storage.plans.find(id: plan.id) == plan)
            #expect(try await storage.plans.list(financialYear: Self.year) == [plan])
            #expect(try await storage.plans.list(financialYear: Self.year.next).isEmpty)
            #expect(try await storage.plans.items(planID: plan.id) == items, "every field, and the lead organisations in order")
            #expect(try await storage.plans.item(id: "item-2") == items[1])
            let created = try await storage.auditLog.list(AuditFilter(entity: "plan-item"))
            #expect(created.count == 2)
            #expect(created.allSatisfy { $0.action == .create && $0.actor.label == "tester" })
            #expect(try await storage.auditLog.list(AuditFilter(entity: "plan")).first?.changes.contains {
                $0.field == "title" && $0.after == plan.title } == true)
        }
    }

    @Test(arguments: TestEngine.available)
    func anUpdateKeepsTheSuggestionItWasGivenAndTheReason(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let (storage, _, _) = try await Self.seeded(database)
            let suggestion = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)
            let update = PlanUpdate(id: "u-1", itemID: "item-1", quarter: Quarter(Self.year, .q3), text: "Operation Vehicle under way",
                                    status: .amber, direction: .improving, authorID: nil, authorLabel: "Ann Officer", date: CalendarDay("2019-03-12"),
                                    recordedAt: Self.at, reason: "A targeted operation started in January", suggestion: suggestion, performance: 310)
            try await storage.plans.addUpdate(update, by: .system)
            let stored = try await storage.plans.updates(itemIDs: ["item-1", "item-2"])
            #expect(stored == [update])
            #expect(stored[0].differsFromSuggestion)
            #expect(stored[0].suggestion?.status == .red)
            #expect(stored[0].suggestion?.rule == .proRata)
            let entry = try #require(try await storage.auditLog.list(AuditFilter(entity: "plan-update")).first)
            #expect(entry.entityID == "u-1")
            #expect(entry.changes.contains { $0.field == "suggested status" && $0.after == "red" })
            #expect(entry.changes.contains { $0.field == "reason" && $0.after == "A targeted operation started in January" })
        }
    }

    @Test(arguments: TestEngine.available)
    func aDifferingStatusWithoutAReasonIsRefusedAndNothingIsStored(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let (storage, _, _) = try await Self.seeded(database)
            let suggestion = try SuggestedStatus.proRata(toDate: 310, monthsElapsed: 9, target: 393)
            let update = PlanUpdate(id: "u-1", itemID: "item-1", quarter: Quarter(Self.year, .q3), text: "x", status: .green,
                                    authorLabel: "t", recordedAt: Self.at, suggestion: suggestion)
            await #expect(throws: ValidationError.self) { try await storage.plans.addUpdate(update, by: .system) }
            #expect(try await storage.plans.updates(itemIDs: ["item-1"]).isEmpty)
            #expect(try await storage.auditLog.count(AuditFilter(entity: "plan-update")) == 0)
        }
    }

    @Test(arguments: TestEngine.available)
    func unknownLeadsAndIndicatorsAreNamedAndAnUnknownItemIsNotFound(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let (storage, plan, _) = try await Self.seeded(database)
            let item = PlanItem(id: "item-3", planID: plan.id, position: 0, description: "New", leadOrganisationIDs: ["org-nobody"],
                                indicatorKey: "no-such-indicator")
            let error = await #expect(throws: ValidationError.self) { try await storage.plans.addItem(item, by: .system) }
            #expect(error?.description.contains("org-nobody") == true)
            #expect(error?.description.contains("no-such-indicator") == true)
            await #expect(throws: DomainError.notFound(entity: "plan item", id: "nope")) {
                try await storage.plans.addUpdate(PlanUpdate(id: "u", itemID: "nope", quarter: Quarter(Self.year, .q1), text: "x",
                                                             authorLabel: "t", recordedAt: Self.at), by: .system)
            }
            var good = item
            good.leadOrganisationIDs = ["org-police"]
            good.indicatorKey = nil
            try await storage.plans.addItem(good, by: .system)
            #expect(try await storage.plans.item(id: "item-3")?.position == 3, "appended after the last item")
        }
    }

    @Test(arguments: TestEngine.available)
    func yearEndDecisionsAreAuditedAndAPlanRollsForwardOnce(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let (storage, plan, items) = try await Self.seeded(database)
            try await storage.plans.setYearEndDecisions([("item-1", .retain), ("item-2", .remove)], planID: plan.id, by: .system)
            let decided = try await storage.plans.items(planID: plan.id)
            #expect(decided.map(\.yearEndDecision) == [.retain, .remove])
            #expect(try await storage.auditLog.list(AuditFilter(entity: "plan-item", action: .update)).count == 2)
            var next = 0
            let rolled = try PlanRollForward(from: plan, items: decided, newPlanID: "plan-2", newItemID: { next += 1; return "next-\(next)" })
            try await storage.plans.create(rolled.plan, items: rolled.items, by: .system)
            #expect(try await storage.plans.successor(ofPlan: plan.id)?.id == "plan-2")
            #expect(try await storage.plans.successor(ofItem: items[0].id)?.id == "next-1")
            #expect(try await storage.plans.successor(ofItem: items[1].id) == nil, "removed items stay behind")
            let again = try PlanRollForward(from: plan, items: decided, newPlanID: "plan-3", newItemID: { "again" })
            await #expect(throws: DomainError.self) { try await storage.plans.create(again.plan, items: again.items, by: .system) }
            #expect(try await storage.plans.list(financialYear: Self.year.next).map(\.id) == ["plan-2"])
        }
    }
}
