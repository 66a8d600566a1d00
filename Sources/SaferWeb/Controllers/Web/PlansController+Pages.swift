import Foundation
import Hummingbird
import SaferApp
import SaferDomain
import SaferReports

// Every view-model field is a stored, non-optional value: Mustache looks a missing or nil
// name up in the enclosing contexts, and cannot see computed properties.
extension PlansController {
    typealias Option = SelectOption
    struct Fact { let label: String; let value: String }
    struct SummaryRow { let status: String; let badgeClass: String; let count: String; let percentage: Int }

    /// A status summary as the pack prints it, with the rounding rule.
    struct SummaryView {
        let period: String
        let rows: [SummaryRow]
        let total: String
        let totalPercentage: Int
        let text: String
        let withoutStatus: Int
        let hasWithoutStatus: Bool
        let roundingRule: String

        init(_ summary: StatusSummary, period: String, withoutStatus: Int) {
            self.period = period
            rows = summary.rows.map { SummaryRow(status: $0.status.displayName, badgeClass: "rag rag-\($0.status.rawValue)",
                                                 count: DisplayFormat.count($0.count), percentage: $0.percentage) }
            total = DisplayFormat.count(summary.total)
            totalPercentage = summary.totalPercentage
            text = summary.rows.map(\.text).joined(separator: ", ") + ", " + summary.totalText
            self.withoutStatus = withoutStatus
            hasWithoutStatus = withoutStatus > 0
            roundingRule = PlanSummaryReport.roundingRule
        }
    }

    /// The year asked for, or the default year when none is.
    func requestedYear(_ text: String?) async throws -> FinancialYear {
        if let text, !text.isEmpty { return try PlanService.year(text) }
        return try await plans.defaultYear()
    }

    // MARK: - List

    struct PlanRow { let href: String; let title: String; let kind: String; let committee: String; let items: Int; let summary: String; let hasPeriod: Bool; let period: String }
    struct NewPlanForm { let kinds: [Option]; let title: String; let fy: String; let committee: String }

    struct ListPage {
        let chrome: PageChrome
        let year: String
        let years: [Option]
        let yearNote: String?
        let plans: [PlanRow]
        let hasPlans: Bool
        let summaryHref: String
        let canCreate: Bool
        let newPlan: NewPlanForm
        let errors: ErrorSummary?
    }

    func listPage(_ request: Request, _ context: SignedInContext, form: FormData?, errors: [String],
                  status: HTTPResponse.Status = .ok) async throws -> Response {
        let asked = request.query.get("fy").flatMap { $0.isEmpty ? nil : $0 }
        let year = try await requestedYear(asked)
        let years = Set(try await plans.years() + [year]).sorted()
        let later = years.filter { $0 > year }.map(\.description)
        var rows: [PlanRow] = []
        for contents in try await plans.contents(year: year) {
            let quarter = contents.latestQuarterWithStatus
            let summary = contents.summary(in: quarter)
            rows.append(PlanRow(href: "/plans/\(contents.plan.id)", title: contents.plan.title, kind: contents.plan.kind.label,
                                committee: contents.plan.committee, items: contents.items.count,
                                summary: summary.total == 0 ? "No statuses yet" : summary.rows.map(\.text).joined(separator: ", ") + ", " + summary.totalText,
                                hasPeriod: quarter != nil, period: quarter?.label ?? ""))
        }
        let kind = form?.text("kind") ?? Plan.Kind.action.rawValue
        let page = ListPage(
            chrome: PageChrome(title: "Plans \(year)", context: context, current: "/plans"), year: year.description,
            years: years.map { Option(value: $0.description, label: $0.description, selected: $0 == year) },
            yearNote: asked != nil || !rows.contains(where: \.hasPeriod) ? nil : "Showing \(year): the latest year whose plans have statuses." + (later.isEmpty ? "" : " Choose \(later.joined(separator: " or ")) below for its plans."),
            plans: rows, hasPlans: !rows.isEmpty, summaryHref: "/plans/summary?fy=\(year)",
            canCreate: RoleSet.staff.allows(context.identity.user.role),
            newPlan: NewPlanForm(kinds: Plan.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == kind) },
                                 title: form?.text("title") ?? "", fy: form?.text("fy") ?? year.description,
                                 committee: form?.text("committee") ?? "Safer Communities Sub-Committee"),
            errors: ErrorSummary(errors))
        return views.response("plans", page, status: status)
    }

    // MARK: - Summary

    struct SummaryPage {
        let chrome: PageChrome
        let heading: String
        let years: [Option]
        let kinds: [Option]
        let quarters: [Option]
        let lines: [Link]
        let table: TableView
        let downloads: [Link]
        let roundingRule: String
    }

    func summaryPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let query = request.query
        let year = try await requestedYear(query.get("fy"))
        let kindText = query.get("kind") ?? ""
        let kind = kindText.isEmpty ? nil : try Plan.Kind(parsing: kindText)
        let quarter = try PlanService.quarter(query.get("quarter"), in: year)?.number
        let report = try await plans.summary(year: year, kind: kind, quarter: quarter)
        let name = "plan-summary-\(year.startYear)\(kind.map { "-\($0.rawValue)" } ?? "")\(quarter.map { "-q\($0.rawValue)" } ?? "")"
        if let response = try downloadIfAsked(request, report.table, json: report.json, name: name) { return response }
        var base = URLComponents()
        base.path = "/plans/summary"
        func link(_ format: String) -> String {
            base.queryItems = [URLQueryItem(name: "fy", value: year.description), URLQueryItem(name: "kind", value: kind?.rawValue ?? ""),
                               URLQueryItem(name: "quarter", value: quarter.map { String($0.rawValue) } ?? ""), URLQueryItem(name: "format", value: format)]
            return base.string ?? "?format=\(format)"
        }
        let lines = report.plans.map { line in
            Link(label: "\(line.name): " + line.summary.rows.map(\.text).joined(separator: ", ") + ", " + line.summary.totalText,
                 href: "/plans/\(line.plan?.id ?? "")")
        }
        let years = Set(try await plans.years() + [year]).sorted()
        let page = SummaryPage(
            chrome: PageChrome(title: "Plan status summary", context: context, current: "/plans"),
            heading: "Plan status summary \(year), \(report.periodLabel)",
            years: years.map { Option(value: $0.description, label: $0.description, selected: $0 == year) },
            kinds: [Option(value: "", label: "Every kind", selected: kind == nil)]
                + Plan.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == kind) },
            quarters: [Option(value: "", label: "Latest status in the year", selected: quarter == nil)]
                + Quarter.Number.allCases.map { Option(value: String($0.rawValue), label: "Quarter \($0.rawValue)", selected: $0 == quarter) },
            // The rounding rule is stated above the table on the page; the downloads carry it as a note.
            lines: lines, table: TableView(ReportTable(title: report.table.title, subtitle: report.table.subtitle, columns: report.table.columns,
                                                       rows: report.table.rows, notes: report.table.notes.filter { $0 != PlanSummaryReport.roundingRule })),
            downloads: [Link(label: "CSV", href: link("csv")), Link(label: "Excel (XLSX)", href: link("xlsx")), Link(label: "JSON", href: link("json"))],
            roundingRule: PlanSummaryReport.roundingRule)
        return views.response("plans-summary", page)
    }

    // MARK: - A plan

    struct ItemRow {
        let href: String
        let number: String
        let description: String
        let lead: String
        let timescale: String
        let target: String
        let hasStatus: Bool
        let status: String
        let badgeClass: String
        let hasSuggested: Bool
        let suggested: String
        let suggestedBadgeClass: String
        let differs: Bool
        let reason: String
        let hasUpdate: Bool
        let updateQuarter: String
        let update: String
        let hasDirection: Bool
        let direction: String
        let decision: String
    }

    struct PlanPage {
        let chrome: PageChrome
        let title: String
        let facts: [Fact]
        let quarters: [Option]
        let summary: SummaryView
        let items: [ItemRow]
        let hasItems: Bool
        let flagged: Int
        let hasFlagged: Bool
        let downloads: [Link]
        let links: [Link]
        let canEdit: Bool
        let yearEndHref: String
        let itemForm: ItemForm
        let errors: ErrorSummary?
    }

    func planPage(_ request: Request, _ context: SignedInContext, id: String, itemForm form: FormData? = nil,
                  errors: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let contents = try await plans.contents(planID: id)
        let plan = contents.plan
        let asked = request.query.get("quarter")
        let quarter = asked == nil ? contents.latestQuarterWithStatus : try PlanService.quarter(asked, in: plan.financialYear)
        let organisations = try await plans.organisationNames()
        let report = PlanReport(contents: contents, quarter: quarter, organisations: organisations)
        if let response = try downloadIfAsked(request, report.table, json: nil as String?,
                                              name: "\(Self.slug(plan.title))\(quarter.map { "-q\($0.number.rawValue)" } ?? "")") {
            return response
        }
        var flagged = 0
        let rows = contents.items.map { item in
            let latest = contents.latest(item, in: quarter)
            let assigned = contents.assigned(item, in: quarter)
            let suggestion = assigned?.suggestion ?? latest?.suggestion
            if assigned?.differsFromSuggestion == true { flagged += 1 }
            return ItemRow(
                href: "/plans/items/\(item.id)", number: item.number ?? "", description: item.description,
                lead: PlanReport.lead(item, organisations: organisations), timescale: PlanReport.timescale(item),
                target: PlanReport.figure(item.target), hasStatus: assigned?.status != nil,
                status: assigned?.status?.displayName ?? "", badgeClass: assigned?.status.map { "rag rag-\($0.rawValue)" } ?? "",
                hasSuggested: suggestion != nil, suggested: suggestion.map { "\($0.status.displayName) (\($0.rule.displayName))" } ?? "",
                suggestedBadgeClass: suggestion.map { "rag rag-\($0.status.rawValue)" } ?? "",
                differs: assigned?.differsFromSuggestion ?? false, reason: assigned?.givenReason ?? "",
                hasUpdate: latest != nil, updateQuarter: latest?.quarter.label ?? "", update: latest?.text ?? "",
                hasDirection: assigned?.direction != nil, direction: assigned?.direction?.displayName ?? "", decision: item.yearEndDecision?.label ?? "")
        }
        var links: [Link] = [Link(label: "All plans for \(plan.financialYear)", href: "/plans?fy=\(plan.financialYear)"),
                             Link(label: "Status summary for \(plan.financialYear)", href: "/plans/summary?fy=\(plan.financialYear)&kind=\(plan.kind.rawValue)")]
        if let previous = plan.previousPlanID, let last = try await services.storage.plans.find(id: previous) {
            links.append(Link(label: "Last year's plan: \(last.title)", href: "/plans/\(last.id)"))
        }
        if let next = try await services.storage.plans.successor(ofPlan: plan.id) {
            links.append(Link(label: "Rolled forward to: \(next.title)", href: "/plans/\(next.id)"))
        }
        let quarterValue = quarter.map { String($0.number.rawValue) } ?? ""
        var facts = [Fact(label: "Kind", value: plan.kind.label), Fact(label: "Financial year", value: plan.financialYear.description),
                     Fact(label: "Committee", value: plan.committee)]
        if let source = plan.source { facts.append(Fact(label: "Source", value: source)) }
        let page = PlanPage(
            chrome: PageChrome(title: plan.title, context: context, current: "/plans"), title: plan.title, facts: facts,
            quarters: [Option(value: "", label: "Latest in the year", selected: quarter == nil)]
                + Quarter.Number.allCases.map { Option(value: String($0.rawValue), label: "Quarter \($0.rawValue)", selected: String($0.rawValue) == quarterValue) },
            summary: SummaryView(contents.summary(in: quarter), period: quarter?.label ?? "latest in \(plan.financialYear)",
                                 withoutStatus: contents.withoutStatus(in: quarter).count),
            items: rows, hasItems: !rows.isEmpty, flagged: flagged, hasFlagged: flagged > 0,
            downloads: [Link(label: "CSV", href: "/plans/\(plan.id)?quarter=\(quarterValue)&format=csv"),
                        Link(label: "Excel (XLSX)", href: "/plans/\(plan.id)?quarter=\(quarterValue)&format=xlsx")],
            links: links, canEdit: RoleSet.staff.allows(context.identity.user.role), yearEndHref: "/plans/\(plan.id)/year-end",
            itemForm: try await itemForm(action: "/plans/\(plan.id)/items", submit: "Add item", item: nil, form: form),
            errors: ErrorSummary(errors))
        return views.response("plans-plan", page, status: status)
    }

    // MARK: - The item form

    struct ItemForm {
        let action: String
        let submit: String
        let number: String
        let description: String
        let organisations: [Option]
        let leadAsPrinted: String
        let leadOfficer: String
        let theme: String
        let priority: String
        let board: String
        let timescaleStart: String
        let timescaleEnd: String
        let resources: String
        let measureOfSuccess: String
        let financialImplications: String
        let baseline: String
        let target: String
        let indicators: [Option]
        let note: String
    }

    /// The item form filled from what was posted, else from the item, else blank.
    func itemForm(action: String, submit: String, item: PlanItem?, form: FormData?) async throws -> ItemForm {
        func value(_ name: String, _ current: String?) -> String { form?.text(name) ?? current ?? "" }
        let leads = Set(form.map { $0.all("lead") } ?? item?.leadOrganisationIDs ?? [])
        let indicator = value("indicator", item?.indicatorKey)
        return ItemForm(
            action: action, submit: submit, number: value("number", item?.number), description: value("description", item?.description),
            organisations: try await services.storage.organisations.list().map { Option(value: $0.id, label: $0.name, selected: leads.contains($0.id)) },
            leadAsPrinted: value("leadAsPrinted", item?.leadAsPrinted), leadOfficer: value("leadOfficer", item?.leadOfficer),
            theme: value("theme", item?.theme), priority: value("priority", item?.priority), board: value("board", item?.board),
            timescaleStart: value("timescaleStart", item?.timescaleStart?.description),
            timescaleEnd: value("timescaleEnd", item?.timescaleEnd?.description), resources: value("resources", item?.resources),
            measureOfSuccess: value("measureOfSuccess", item?.measureOfSuccess),
            financialImplications: value("financialImplications", item?.financialImplications),
            baseline: value("baseline", item?.baseline), target: value("target", item?.target),
            indicators: [Option(value: "", label: "None", selected: indicator.isEmpty)]
                + (try await services.storage.indicators.list()).map { Option(value: $0.key, label: $0.name, selected: $0.key == indicator) },
            note: value("note", item?.note))
    }
}
