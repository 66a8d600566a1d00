import Foundation
import SQLKit
import SaferDomain

/// Plans, items, lead organisations and quarterly updates in SQL.
public struct SQLPlanRepository: PlanRepository {
    let database: SaferDatabase
    let audit: AuditWriter

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
    }

    // MARK: - Rows

    struct PlanRow: Decodable {
        let id: String, kind: String, title: String, financialYear: String, committee: String
        let source: String?, previousPlanId: String?
    }
    struct ItemRow: Decodable {
        let id: String, planId: String, position: Int, number: String?, description: String
        let leadAsPrinted: String?, leadOfficer: String?, theme: String?, priority: String?, board: String?
        let timescaleStart: String?, timescaleEnd: String?, resources: String?, measureOfSuccess: String?
        let financialImplications: String?, baseline: String?, target: String?, indicatorKey: String?
        let previousItemId: String?, yearEndDecision: String?, note: String?
    }
    struct LeadRow: Decodable { let itemId: String, organisationId: String, position: Int }
    struct UpdateRow: Decodable {
        let id: String, itemId: String, quarter: String, text: String, status: String?, direction: String?
        let authorId: String?, authorLabel: String, date: String?, recordedAt: Int64, reason: String?
        let suggestedStatus: String?, suggestedRule: String?, suggestedForecast: Double?, suggestedTarget: Double?
        let suggestedPolarity: String?, suggestedThreshold: Double?, performance: Double?
    }

    // MARK: - Plans

    public func create(_ plan: Plan, items: [PlanItem], by actor: Actor) async throws {
        try plan.validate()
        for item in items {
            try item.validate()
            if item.planID != plan.id {
                throw ValidationError("Item '\(item.reference)' belongs to another plan: add it to \(plan.title) or to its own plan.")
            }
        }
        try await database.transaction { db in
            if try await Self.fetchPlan(db, id: plan.id) != nil {
                throw DomainError.conflict("A plan with the id \(plan.id) already exists.")
            }
            if let previous = plan.previousPlanID {
                guard let last = try await Self.fetchPlan(db, id: previous) else { throw DomainError.notFound(entity: "plan", id: previous) }
                if let next = try await Self.successor(db, ofPlan: previous) {
                    throw DomainError.conflict("\(last.title) (\(last.financialYear)) has already been rolled forward to \(next.title) (\(next.financialYear)): open that plan instead.")
                }
            }
            try await db.insert(into: "plans")
                .columns("id", "kind", "title", "financial_year", "start_year", "committee", "source", "previous_plan_id")
                .values(SQLBind(plan.id), SQLBind(plan.kind.rawValue), SQLBind(plan.title), SQLBind(plan.financialYear.description),
                        SQLBind(plan.financialYear.startYear), SQLBind(plan.committee), SQLBind(plan.source), SQLBind(plan.previousPlanID))
                .run()
            try await audit.record(db, by: actor, before: nil as Plan?, after: plan)
            for item in items {
                try await Self.checkReferences(db, item)
                try await Self.insert(db, item)
                try await audit.record(db, by: actor, before: nil as PlanItem?, after: item)
            }
        }
    }

    public func update(_ plan: Plan, by actor: Actor) async throws {
        try plan.validate()
        try await database.transaction { db in
            guard let before = try await Self.fetchPlan(db, id: plan.id) else { throw DomainError.notFound(entity: "plan", id: plan.id) }
            if before.previousPlanID != plan.previousPlanID {
                throw ValidationError("A plan's link to last year's plan is set when it is rolled forward and cannot be changed.")
            }
            try await db.update("plans")
                .set("kind", to: plan.kind.rawValue).set("title", to: plan.title)
                .set("financial_year", to: plan.financialYear.description).set("start_year", to: plan.financialYear.startYear)
                .set("committee", to: plan.committee).set("source", to: plan.source)
                .where("id", .equal, plan.id).run()
            try await audit.record(db, by: actor, before: before, after: plan)
        }
    }

    public func find(id: String) async throws -> Plan? { try await Self.fetchPlan(database.sql, id: id) }

    public func list(financialYear: FinancialYear?) async throws -> [Plan] {
        let query = database.sql.select().column("*").from("plans")
        if let financialYear { _ = query.where("start_year", .equal, financialYear.startYear) }
        let plans = try await query.orderBy("start_year").orderBy("title").orderBy("id")
            .all(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.plan)
        let order = { (kind: Plan.Kind) in Plan.Kind.allCases.firstIndex(of: kind) ?? 0 }   // allCases holds every kind
        return plans.sorted {
            ($0.financialYear.startYear, order($0.kind), $0.title, $0.id) < ($1.financialYear.startYear, order($1.kind), $1.title, $1.id)
        }
    }

    public func successor(ofPlan planID: String) async throws -> Plan? { try await Self.successor(database.sql, ofPlan: planID) }

    // MARK: - Items

    public func addItem(_ item: PlanItem, by actor: Actor) async throws {
        try item.validate()
        try await database.transaction { db in
            guard try await Self.fetchPlan(db, id: item.planID) != nil else { throw DomainError.notFound(entity: "plan", id: item.planID) }
            if try await Self.fetchItems(db, ids: [item.id]).first != nil {
                throw DomainError.conflict("A plan item with the id \(item.id) already exists.")
            }
            try await Self.checkReferences(db, item)
            var item = item
            if item.position <= 0 {
                let last = try await db.select().column(SQLFunction("MAX", args: SQLIdentifier("position")), as: "last")
                    .from("plan_items").where("plan_id", .equal, item.planID)
                    .first(decodingColumn: "last", as: Int?.self) ?? nil
                item.position = (last ?? 0) + 1
            }
            try await Self.insert(db, item)
            try await audit.record(db, by: actor, before: nil as PlanItem?, after: item)
        }
    }

    public func updateItem(_ item: PlanItem, by actor: Actor) async throws {
        try item.validate()
        try await database.transaction { db in
            guard let before = try await Self.fetchItems(db, ids: [item.id]).first else {
                throw DomainError.notFound(entity: "plan item", id: item.id)
            }
            if before.planID != item.planID {
                throw ValidationError("An item cannot move to another plan: add a new item there and mark this one remove at year end.")
            }
            if before.previousItemID != item.previousItemID {
                throw ValidationError("An item's link to last year's item is set when the plan is rolled forward and cannot be changed.")
            }
            try await Self.checkReferences(db, item)
            try await db.update("plan_items")
                .set("position", to: item.position).set("number", to: item.number).set("description", to: item.description)
                .set("lead_as_printed", to: item.leadAsPrinted).set("lead_officer", to: item.leadOfficer)
                .set("theme", to: item.theme).set("priority", to: item.priority).set("board", to: item.board)
                .set("timescale_start", to: item.timescaleStart?.description).set("timescale_end", to: item.timescaleEnd?.description)
                .set("resources", to: item.resources).set("measure_of_success", to: item.measureOfSuccess)
                .set("financial_implications", to: item.financialImplications).set("baseline", to: item.baseline)
                .set("target", to: item.target).set("indicator_key", to: item.indicatorKey)
                .set("year_end_decision", to: item.yearEndDecision?.rawValue).set("note", to: item.note)
                .where("id", .equal, item.id).run()
            try await db.delete(from: "plan_item_leads").where("item_id", .equal, item.id).run()
            try await Self.insertLeads(db, item)
            try await audit.record(db, by: actor, before: before, after: item)
        }
    }

    public func setYearEndDecisions(_ decisions: [(itemID: String, decision: YearEndDecision?)], planID: String, by actor: Actor) async throws {
        guard !decisions.isEmpty else { return }
        try await database.transaction { db in
            guard try await Self.fetchPlan(db, id: planID) != nil else { throw DomainError.notFound(entity: "plan", id: planID) }
            let items = Dictionary(uniqueKeysWithValues: try await Self.fetchItems(db, planID: planID).map { ($0.id, $0) })
            for (itemID, decision) in decisions {
                guard let before = items[itemID] else { throw DomainError.notFound(entity: "plan item", id: itemID) }
                if before.yearEndDecision == decision { continue }
                var after = before
                after.yearEndDecision = decision
                try await db.update("plan_items").set("year_end_decision", to: decision?.rawValue).where("id", .equal, itemID).run()
                try await audit.record(db, by: actor, before: before, after: after)
            }
        }
    }

    public func item(id: String) async throws -> PlanItem? { try await Self.fetchItems(database.sql, ids: [id]).first }

    public func items(planID: String) async throws -> [PlanItem] { try await Self.fetchItems(database.sql, planID: planID) }

    public func successor(ofItem itemID: String) async throws -> PlanItem? {
        guard let id = try await database.sql.select().column("id").from("plan_items").where("previous_item_id", .equal, itemID)
            .orderBy("id").first(decodingColumn: "id", as: String.self) else { return nil }
        return try await item(id: id)
    }

    // MARK: - Updates

    public func addUpdate(_ update: PlanUpdate, by actor: Actor) async throws {
        try update.validate()
        try await database.transaction { db in
            guard try await Self.fetchItems(db, ids: [update.itemID]).first != nil else {
                throw DomainError.notFound(entity: "plan item", id: update.itemID)
            }
            let suggestion = update.suggestion
            try await db.insert(into: "plan_updates")
                .columns("id", "item_id", "quarter", "text", "status", "direction", "author_id", "author_label", "date",
                         "recorded_at", "reason", "suggested_status", "suggested_rule", "suggested_forecast", "suggested_target",
                         "suggested_polarity", "suggested_threshold", "performance")
                .values(SQLBind(update.id), SQLBind(update.itemID), SQLBind(update.quarter.description), SQLBind(update.text),
                        SQLBind(update.status?.rawValue), SQLBind(update.direction?.rawValue), SQLBind(update.authorID),
                        SQLBind(update.authorLabel), SQLBind(update.date?.description), SQLBind(update.recordedAt.storedMillis),
                        SQLBind(update.givenReason), SQLBind(suggestion?.status.rawValue), SQLBind(suggestion?.rule.rawValue),
                        SQLBind(suggestion?.forecast), SQLBind(suggestion?.target), SQLBind(suggestion?.polarity.key),
                        SQLBind(suggestion?.threshold), SQLBind(update.performance))
                .run()
            try await audit.record(db, by: actor, before: nil as PlanUpdate?, after: update)
        }
    }

    public func updates(itemIDs: [String]) async throws -> [PlanUpdate] {
        guard !itemIDs.isEmpty else { return [] }
        return try await database.sql.select().column("*").from("plan_updates").where("item_id", .in, itemIDs)
            .orderBy("quarter").orderBy("recorded_at").orderBy("id")
            .all(decoding: UpdateRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map(Self.update).chronological()
    }

    // MARK: - Helpers

    static func fetchPlan(_ db: any SQLDatabase, id: String) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("id", .equal, id)
            .first(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.plan)
    }

    static func successor(_ db: any SQLDatabase, ofPlan planID: String) async throws -> Plan? {
        try await db.select().column("*").from("plans").where("previous_plan_id", .equal, planID)
            .first(decoding: PlanRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.plan)
    }

    static func fetchItems(_ db: any SQLDatabase, planID: String) async throws -> [PlanItem] {
        try await items(db, db.select().column("*").from("plan_items").where("plan_id", .equal, planID))
    }

    static func fetchItems(_ db: any SQLDatabase, ids: [String]) async throws -> [PlanItem] {
        try await items(db, db.select().column("*").from("plan_items").where("id", .in, ids))
    }

    /// Items of a query with their lead organisations, in plan order.
    static func items(_ db: any SQLDatabase, _ query: SQLSelectBuilder) async throws -> [PlanItem] {
        let rows = try await query.orderBy("position").orderBy("id")
            .all(decoding: ItemRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        guard !rows.isEmpty else { return [] }
        let leads = try await db.select().column("*").from("plan_item_leads").where("item_id", .in, rows.map(\.id))
            .orderBy("position").all(decoding: LeadRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let byItem = Dictionary(grouping: leads, by: \.itemId).mapValues { $0.sorted { $0.position < $1.position }.map(\.organisationId) }
        return try rows.map { try item($0, leads: byItem[$0.id] ?? []) }
    }

    static func insert(_ db: any SQLDatabase, _ item: PlanItem) async throws {
        try await db.insert(into: "plan_items")
            .columns("id", "plan_id", "position", "number", "description", "lead_as_printed", "lead_officer", "theme", "priority",
                     "board", "timescale_start", "timescale_end", "resources", "measure_of_success", "financial_implications",
                     "baseline", "target", "indicator_key", "previous_item_id", "year_end_decision", "note")
            .values(SQLBind(item.id), SQLBind(item.planID), SQLBind(item.position), SQLBind(item.number), SQLBind(item.description),
                    SQLBind(item.leadAsPrinted), SQLBind(item.leadOfficer), SQLBind(item.theme), SQLBind(item.priority),
                    SQLBind(item.board), SQLBind(item.timescaleStart?.description), SQLBind(item.timescaleEnd?.description),
                    SQLBind(item.resources), SQLBind(item.measureOfSuccess), SQLBind(item.financialImplications),
                    SQLBind(item.baseline), SQLBind(item.target), SQLBind(item.indicatorKey), SQLBind(item.previousItemID),
                    SQLBind(item.yearEndDecision?.rawValue), SQLBind(item.note))
            .run()
        try await insertLeads(db, item)
    }

    static func insertLeads(_ db: any SQLDatabase, _ item: PlanItem) async throws {
        var seen = Set<String>()
        let leads = item.leadOrganisationIDs.filter { seen.insert($0).inserted }
        guard !leads.isEmpty else { return }
        let insert = db.insert(into: "plan_item_leads").columns("item_id", "organisation_id", "position")
        for (index, organisation) in leads.enumerated() {
            insert.values(SQLBind(item.id), SQLBind(organisation), SQLBind(index + 1))
        }
        try await insert.run()
    }

    /// Unknown organisations, indicators or last year's items are named, rather than failing on a foreign key.
    static func checkReferences(_ db: any SQLDatabase, _ item: PlanItem) async throws {
        var problems = ValidationProblems()
        let organisations = Set(item.leadOrganisationIDs)
        if !organisations.isEmpty {
            let known = Set(try await db.select().column("id").from("organisations").where("id", .in, Array(organisations))
                .all(decodingColumn: "id", as: String.self))
            for id in organisations.subtracting(known).sorted() {
                problems.add("There is no organisation '\(id)': choose the lead from the list of organisations, or add it first.", field: "lead")
            }
        }
        if let key = item.indicatorKey,
           try await db.select().column("key").from("indicators").where("key", .equal, key).first() == nil {
            problems.add("There is no indicator '\(key)': choose one from the indicator catalogue, or leave it blank.", field: "indicator")
        }
        if let previous = item.previousItemID,
           try await db.select().column("id").from("plan_items").where("id", .equal, previous).first() == nil {
            problems.add("Last year's item '\(previous)' does not exist.", field: "previous")
        }
        try problems.throwIfAny()
    }

    static func plan(_ row: PlanRow) throws -> Plan {
        let stored = StoredRow(table: "plans", id: row.id)
        return Plan(id: row.id, kind: try stored.value(row.kind, "kind"), title: row.title,
                    financialYear: try stored.parsed(row.financialYear, "financial_year", FinancialYear.init),
                    committee: row.committee, source: row.source, previousPlanID: row.previousPlanId)
    }

    static func item(_ row: ItemRow, leads: [String]) throws -> PlanItem {
        let stored = StoredRow(table: "plan_items", id: row.id)
        return PlanItem(id: row.id, planID: row.planId, position: row.position, number: row.number, description: row.description,
                        leadOrganisationIDs: leads, leadAsPrinted: row.leadAsPrinted, leadOfficer: row.leadOfficer, theme: row.theme,
                        priority: row.priority, board: row.board,
                        timescaleStart: try stored.parsed(row.timescaleStart, "timescale_start", CalendarDay.init),
                        timescaleEnd: try stored.parsed(row.timescaleEnd, "timescale_end", CalendarDay.init), resources: row.resources,
                        measureOfSuccess: row.measureOfSuccess, financialImplications: row.financialImplications,
                        baseline: row.baseline, target: row.target, indicatorKey: row.indicatorKey, previousItemID: row.previousItemId,
                        yearEndDecision: try stored.optional(row.yearEndDecision, "year_end_decision"), note: row.note)
    }

    static func update(_ row: UpdateRow) throws -> PlanUpdate {
        let stored = StoredRow(table: "plan_updates", id: row.id)
        var suggestion: SuggestedStatus?
        if let rule: ForecastRule = try stored.optional(row.suggestedRule, "suggested_rule"), let forecast = row.suggestedForecast,
           let target = row.suggestedTarget {
            suggestion = SuggestedStatus(forecast: forecast, rule: rule, target: target,
                                         polarity: try stored.parsed(row.suggestedPolarity ?? "fewer-is-better", "suggested_polarity") { try? Polarity(parsing: $0) },
                                         threshold: row.suggestedThreshold ?? 0.05)
        }
        return PlanUpdate(id: row.id, itemID: row.itemId, quarter: try stored.parsed(row.quarter, "quarter", Quarter.init), text: row.text,
                          status: try stored.optional(row.status, "status"),
                          direction: try stored.optional(row.direction, "direction"), authorID: row.authorId,
                          authorLabel: row.authorLabel, date: try stored.parsed(row.date, "date", CalendarDay.init), recordedAt: Date(storedMillis: row.recordedAt),
                          reason: row.reason, suggestion: suggestion, performance: row.performance)
    }
}
