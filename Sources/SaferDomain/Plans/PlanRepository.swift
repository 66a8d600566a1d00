import Foundation

/// Plans, their items and quarterly updates. Every change is written to the audit log in the
/// same transaction.
public protocol PlanRepository: Sendable {
    /// Adds a plan with its items in one transaction; a second plan rolled forward from the same plan is a conflict.
    func create(_ plan: Plan, items: [PlanItem], by actor: Actor) async throws
    /// Changes a plan's kind, title, year, committee or source, recording what changed.
    func update(_ plan: Plan, by actor: Actor) async throws
    /// The plan with this id.
    func find(id: String) async throws -> Plan?
    /// The plans of a financial year (every year when nil), by year, kind and title.
    func list(financialYear: FinancialYear?) async throws -> [Plan]
    /// The plan rolled forward from this one, if it has been.
    func successor(ofPlan planID: String) async throws -> Plan?
    /// Adds an item to its plan; an unknown plan, organisation or indicator is refused with a message.
    func addItem(_ item: PlanItem, by actor: Actor) async throws
    /// Changes an item, recording what changed.
    func updateItem(_ item: PlanItem, by actor: Actor) async throws
    /// Sets (or, with nil, clears) the year-end decision of several items of one plan in one transaction.
    func setYearEndDecisions(_ decisions: [(itemID: String, decision: YearEndDecision?)], planID: String, by actor: Actor) async throws
    /// The item with this id.
    func item(id: String) async throws -> PlanItem?
    /// A plan's items, in order.
    func items(planID: String) async throws -> [PlanItem]
    /// The item rolled forward from this one, if it has been.
    func successor(ofItem itemID: String) async throws -> PlanItem?
    /// Adds a quarterly update after `PlanUpdate.validate()`; updates are never changed afterwards.
    func addUpdate(_ update: PlanUpdate, by actor: Actor) async throws
    /// The updates of these items, oldest first.
    func updates(itemIDs: [String]) async throws -> [PlanUpdate]
}
