import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Plan operations: the same `PlanService` as the pages and the command line, so partners are
/// held to the items their organisation leads here too.
extension APIController {
    var planService: PlanService { PlanService(services: services) }

    func listPlans(_ input: Operations.ListPlans.Input) async throws -> Operations.ListPlans.Output {
        let year = try input.query.fy.map { try PlanService.year($0) }
        let kind = input.query.kind.flatMap { Plan.Kind(rawValue: $0.rawValue) }
        var items: [Components.Schemas.Plan] = []
        for plan in try await services.storage.plans.list(financialYear: year) where kind == nil || plan.kind == kind {
            items.append(Self.dto(try await planService.contents(plan)))
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func getPlan(_ input: Operations.GetPlan.Input) async throws -> Operations.GetPlan.Output {
        let contents = try await planService.contents(planID: input.path.id)
        let quarter = try Self.quarter(input.query.quarter, contents.plan) ?? contents.latestQuarterWithStatus
        let names = try await planService.organisationNames()
        let items = contents.items.map { item in
            Self.dto(item, organisations: names, status: contents.assigned(item, in: quarter)?.status,
                     latest: contents.latest(item, in: quarter))
        }
        return .ok(.init(body: .json(.init(plan: Self.dto(contents), quarter: quarter?.description, items: items,
                                           roundingRule: PlanSummaryReport.roundingRule))))
    }

    func getPlanItem(_ input: Operations.GetPlanItem.Input) async throws -> Operations.GetPlanItem.Output {
        let (item, plan) = try await planService.item(id: input.path.id)
        let names = try await planService.organisationNames()
        let updates = try await services.storage.plans.updates(itemIDs: [item.id])
        let quarter = try Self.quarter(input.query.quarter, plan) ?? planService.defaultQuarter(for: plan)
        let suggestion = try await planService.suggestion(for: item, in: quarter)
        var history: [Components.Schemas.PlanItemYear] = []
        for earlier in try await planService.history(of: item) {
            history.append(.init(plan: Self.dto(try await planService.contents(earlier.plan)),
                                 item: Self.dto(earlier.item, organisations: names, status: nil, latest: earlier.updates.last),
                                 updates: earlier.updates.map(Self.dto)))
        }
        let contents = PlanContents(plan: plan, items: [item], updates: updates)
        return .ok(.init(body: .json(.init(
            plan: Self.dto(try await planService.contents(plan)),
            item: Self.dto(item, organisations: names, status: contents.assigned(item, in: nil)?.status, latest: updates.last),
            updates: updates.map(Self.dto), history: history,
            suggestion: .init(applies: suggestion.applies, quarter: quarter.description, status: suggestion.status.map(Self.dto),
                              text: suggestion.text)))))
    }

    func addPlanUpdate(_ input: Operations.AddPlanUpdate.Input) async throws -> Operations.AddPlanUpdate.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let (_, plan) = try await planService.item(id: input.path.id)
        let direction = body.direction.flatMap { DirectionOfTravel(rawValue: $0.rawValue) }
        let update = try await planService.addUpdate(
            itemID: input.path.id, quarter: try PlanService.quarter(body.quarter, in: plan.financialYear), text: body.text,
            status: body.status.flatMap { RAGStatus(rawValue: $0.rawValue) }, direction: direction,
            workOutDirection: body.direction == nil, reason: body.reason, by: try identity.user, channel: .api)
        return .created(.init(headers: .init(location: "/api/v1/plans/items/\(input.path.id)"), body: .json(Self.dto(update))))
    }

    func getPlanSummary(_ input: Operations.GetPlanSummary.Input) async throws -> Operations.GetPlanSummary.Output {
        let year = try PlanService.year(input.query.fy)
        let report = try await planService.summary(year: year, kind: input.query.kind.flatMap { Plan.Kind(rawValue: $0.rawValue) },
                                                   quarter: try Self.quarterNumber(input.query.quarter))
        return .ok(.init(body: .json(try Self.bridge(report.json))))
    }

    // MARK: - Wire types

    /// A quarter number from a query (1 to 4), or nil when left out.
    static func quarterNumber(_ number: Int?) throws -> Quarter.Number? {
        guard let number else { return nil }
        guard let value = Quarter.Number(rawValue: number) else {
            throw ValidationError("\(number) is not a quarter: use 1 to 4 (Q1 April–June ... Q4 January–March).", field: "quarter")
        }
        return value
    }

    /// A quarter number from a query as that quarter of the plan's year.
    static func quarter(_ number: Int?, _ plan: Plan) throws -> Quarter? {
        try quarterNumber(number).map { Quarter(plan.financialYear, $0) }
    }

    static func dto(_ contents: PlanContents) -> Components.Schemas.Plan {
        let plan = contents.plan
        let quarter = contents.latestQuarterWithStatus
        return .init(id: plan.id, kind: .init(plan.kind), title: plan.title,
                     financialYear: plan.financialYear.description, committee: plan.committee, source: plan.source,
                     previousPlanId: plan.previousPlanID, itemCount: contents.items.count, summaryQuarter: quarter?.description,
                     summary: dto(contents.summary(in: quarter), name: plan.title, plan: plan, withoutStatus: contents.withoutStatus(in: quarter).count))
    }

    static func dto(_ summary: StatusSummary, name: String, plan: Plan?, withoutStatus: Int) -> Components.Schemas.StatusLine {
        func count(_ status: RAGStatus) -> Components.Schemas.StatusCount {
            .init(count: summary.count(of: status), percentage: summary.percentage(of: status))
        }
        return .init(name: name, planId: plan?.id, kind: plan?.kind.rawValue, green: count(.green), amber: count(.amber), red: count(.red),
                     total: .init(count: summary.total, percentage: summary.totalPercentage), withoutStatus: withoutStatus,
                     text: summary.rows.map(\.text).joined(separator: ", ") + ", " + summary.totalText)
    }

    static func dto(_ item: PlanItem, organisations: [String: String], status: RAGStatus?, latest: PlanUpdate?) -> Components.Schemas.PlanItem {
        .init(id: item.id, planId: item.planID, position: item.position, number: item.number, description: item.description,
              leadOrganisationIds: item.leadOrganisationIDs, lead: PlanReport.lead(item, organisations: organisations),
              leadOfficer: item.leadOfficer, theme: item.theme, priority: item.priority, board: item.board,
              timescaleStart: item.timescaleStart?.description, timescaleEnd: item.timescaleEnd?.description,
              resources: item.resources, measureOfSuccess: item.measureOfSuccess, financialImplications: item.financialImplications,
              baseline: item.baseline, target: item.target, indicator: item.indicatorKey, previousItemId: item.previousItemID,
              yearEndDecision: item.yearEndDecision.flatMap { .init(rawValue: $0.rawValue) }, note: item.note,
              status: status.flatMap { .init(rawValue: $0.rawValue) }, latestUpdate: latest.map(dto))
    }

    static func dto(_ update: PlanUpdate) -> Components.Schemas.PlanUpdate {
        .init(id: update.id, itemId: update.itemID, quarter: update.quarter.description, text: update.text,
              status: update.status.flatMap { .init(rawValue: $0.rawValue) }, direction: update.direction.flatMap { .init(rawValue: $0.rawValue) },
              author: update.authorLabel, date: update.date?.description, recordedAt: update.recordedAt, reason: update.givenReason,
              suggested: update.suggestion.map(dto), performance: update.performance, differsFromSuggestion: update.differsFromSuggestion)
    }

    static func dto(_ suggestion: SuggestedStatus) -> Components.Schemas.SuggestedStatus {
        .init(status: .init(suggestion.status), rule: .init(suggestion.rule),
              forecast: suggestion.forecast, target: suggestion.target, explanation: suggestion.explanation)
    }
}
