import Foundation
import Hummingbird
import SaferApp
import SaferDomain
import SaferReports

// The item page (history and the update form) and the year-end page.
extension PlansController {
    struct UpdateRow {
        let quarter: String
        let date: String
        let author: String
        let text: String
        let hasStatus: Bool
        let status: String
        let badgeClass: String
        let hasSuggested: Bool
        let suggested: String
        let suggestedBadgeClass: String
        let suggestion: String
        let differs: Bool
        let hasReason: Bool
        let reason: String
        let hasDirection: Bool
        let direction: String
        let hasPerformance: Bool
        let performance: String
    }

    struct HistoryYear {
        let year: String
        let planTitle: String
        let planHref: String
        let itemHref: String
        let item: String
        let decision: String
        let updates: [UpdateRow]
        let hasUpdates: Bool
    }

    struct UpdateForm {
        let action: String
        let quarters: [Option]
        let statuses: [Option]
        let directions: [Option]
        let text: String
        let reason: String
    }

    struct ItemPage {
        let chrome: PageChrome
        let heading: String
        let planTitle: String
        let planHref: String
        let facts: [Fact]
        let quarter: String
        let suggestionApplies: Bool
        let hasSuggestion: Bool
        let suggestedStatus: String
        let suggestedBadgeClass: String
        let suggestionText: String
        let updates: [UpdateRow]
        let hasUpdates: Bool
        let history: [HistoryYear]
        let hasHistory: Bool
        let hasNext: Bool
        let nextHref: String
        let nextLabel: String
        let canUpdate: Bool
        let cannotUpdate: String
        let updateForm: UpdateForm
        let canEdit: Bool
        let itemForm: ItemForm
        let errors: ErrorSummary?
        /// Committee actions this item tracks.
        let actions: [TrackedAction]
        let hasActions: Bool
    }
    struct TrackedAction { let from: String; let href: String; let text: String; let owner: String; let due: String; let status: String }

    static func updateRow(_ update: PlanUpdate) -> UpdateRow {
        UpdateRow(quarter: update.quarter.label, date: update.date?.label ?? "date not recorded", author: update.authorLabel,
                  text: update.text, hasStatus: update.status != nil, status: update.status?.displayName ?? "",
                  badgeClass: update.status.map { "rag rag-\($0.rawValue)" } ?? "", hasSuggested: update.suggestion != nil,
                  suggested: update.suggestion?.status.displayName ?? "",
                  suggestedBadgeClass: update.suggestion.map { "rag rag-\($0.status.rawValue)" } ?? "",
                  suggestion: update.suggestion?.explanation ?? "", differs: update.differsFromSuggestion,
                  hasReason: update.givenReason != nil, reason: update.givenReason ?? "",
                  hasDirection: update.direction != nil, direction: update.direction?.displayName ?? "",
                  hasPerformance: update.performance != nil, performance: update.performance.map { DisplayFormat.number($0) } ?? "")
    }

    func itemPage(_ request: Request, _ context: SignedInContext, id: String, updateForm form: FormData? = nil,
                  editForm: FormData? = nil, errors: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let (item, plan) = try await plans.item(id: id)
        let user = context.identity.user
        let organisations = try await plans.organisationNames()
        let updates = try await services.storage.plans.updates(itemIDs: [item.id])
        let asked = form?.text("quarter") ?? request.query.get("quarter")
        let quarter = try PlanService.quarter(asked, in: plan.financialYear) ?? plans.defaultQuarter(for: plan)
        let suggestion = try await plans.suggestion(for: item, in: quarter)

        var facts: [Fact] = [Fact(label: "Plan", value: "\(plan.title) (\(plan.financialYear))")]
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append(Fact(label: label, value: value)) }
        }
        add("Number", item.number)
        add("Lead", PlanReport.lead(item, organisations: organisations))
        if item.leadAsPrinted != nil { add("Lead organisations", item.leadOrganisationIDs.compactMap { organisations[$0] }.joined(separator: "; ")) }
        add("Lead officer", item.leadOfficer)
        if let theme = item.theme {
            add("Theme", try await services.storage.indicators.themes().first { $0.key == theme }?.name ?? theme)
        }
        add("Priority", item.priority)
        add("Board or committee", item.board ?? plan.committee)
        add("Timescale", PlanReport.timescale(item))
        add("Resources", item.resources)
        add("Measure of success", item.measureOfSuccess)
        add("Financial implications", item.financialImplications)
        add("Baseline", PlanReport.figure(item.baseline))
        add("Target", PlanReport.figure(item.target))
        if let key = item.indicatorKey {
            add("Linked indicator", try await services.storage.indicators.find(key: key)?.name ?? key)
        }
        add("Year-end decision", item.yearEndDecision?.label)
        add("Note", item.note)

        let history = try await plans.history(of: item).map { earlier in
            HistoryYear(year: earlier.plan.financialYear.description, planTitle: earlier.plan.title, planHref: "/plans/\(earlier.plan.id)",
                        itemHref: "/plans/items/\(earlier.item.id)", item: earlier.item.reference,
                        decision: earlier.item.yearEndDecision?.label ?? "not recorded",
                        updates: earlier.updates.map(Self.updateRow), hasUpdates: !earlier.updates.isEmpty)
        }
        let next = try await services.storage.plans.successor(ofItem: item.id)
        var nextPlan: Plan?
        if let next { nextPlan = try await services.storage.plans.find(id: next.planID) }
        let canUpdate = item.acceptsUpdates(from: user.role, organisationID: user.organisationID)
        let cannotUpdate = switch user.role {
        case .partner: "Partners add updates to the items their own organisation leads; this item is led by \(PlanReport.lead(item, organisations: organisations).isEmpty ? "no organisation on Safer's list" : PlanReport.lead(item, organisations: organisations)). Ask an officer or the lead organisation to add one."
        case .admin, .officer: ""
        case .field, .councillor: "Updates are added by officers and by partners from the lead organisation."
        }
        let chosenStatus = form?.text("status") ?? ""
        let chosenDirection = form?.text("direction") ?? "auto"
        let updateForm = UpdateForm(
            action: "/plans/items/\(item.id)/updates",
            quarters: plan.financialYear.quarters.map { Option(value: String($0.number.rawValue), label: $0.label, selected: $0 == quarter) },
            statuses: [Option(value: "", label: "No status", selected: chosenStatus.isEmpty)]
                + RAGStatus.allCases.map { Option(value: $0.rawValue, label: "\($0.displayName): \(Self.meaning($0))", selected: $0.rawValue == chosenStatus) },
            directions: [Option(value: "auto", label: "Work it out from last quarter's status", selected: chosenDirection == "auto")]
                + DirectionOfTravel.allCases.map { Option(value: $0.rawValue, label: $0.displayName, selected: $0.rawValue == chosenDirection) }
                + [Option(value: "", label: "Not stated", selected: chosenDirection.isEmpty)],
            text: form?.text("text") ?? "", reason: form?.text("reason") ?? "")
        let rows = updates.reversed().map(Self.updateRow)
        let tracked = try await PackService(services: services).actions(trackedBy: item.id, readableBy: user.role).map { meeting, action in
            TrackedAction(from: "\(meeting.date.label), minute \(action.minute)", href: "/meetings/\(meeting.id)#actions", text: action.text,
                          owner: action.owner, due: action.due.label, status: action.status.label)
        }
        let page = ItemPage(
            chrome: PageChrome(title: item.reference, context: context, current: "/plans"),
            heading: item.number.map { "\($0). \(item.description)" } ?? item.description,
            planTitle: plan.title, planHref: "/plans/\(plan.id)", facts: facts, quarter: quarter.label,
            suggestionApplies: suggestion.applies, hasSuggestion: suggestion.status != nil,
            suggestedStatus: suggestion.status?.status.displayName ?? "",
            suggestedBadgeClass: suggestion.status.map { "rag rag-\($0.status.rawValue)" } ?? "", suggestionText: suggestion.text,
            updates: Array(rows), hasUpdates: !rows.isEmpty, history: history, hasHistory: !history.isEmpty,
            hasNext: next != nil, nextHref: next.map { "/plans/items/\($0.id)" } ?? "",
            nextLabel: next.map { "\($0.reference) in \(nextPlan?.title ?? "next year's plan")" } ?? "",
            canUpdate: canUpdate, cannotUpdate: cannotUpdate, updateForm: updateForm,
            canEdit: RoleSet.staff.allows(user.role),
            itemForm: try await itemForm(action: "/plans/items/\(item.id)", submit: "Save changes", item: item, form: editForm),
            errors: ErrorSummary(errors), actions: tracked, hasActions: !tracked.isEmpty)
        return views.response("plans-item", page, status: status)
    }

    /// What a status means for a plan action (domain.md section 3).
    static func meaning(_ status: RAGStatus) -> String {
        switch status {
        case .green: "on schedule"
        case .amber: "behind schedule, needs remedial action"
        case .red: "target not likely to be achieved"
        }
    }

    // MARK: - Year end

    struct DecisionRow { let id: String; let number: String; let description: String; let status: String; let hasStatus: Bool; let badgeClass: String; let options: [Option] }

    struct YearEndPage {
        let chrome: PageChrome
        let title: String
        let planHref: String
        let nextYear: String
        let action: String
        let rollAction: String
        let rows: [DecisionRow]
        let hasRows: Bool
        let undecided: Int
        let ready: Bool
        let rolled: Bool
        let rolledHref: String
        let rolledTitle: String
        let errors: ErrorSummary?
    }

    func yearEndPage(_ context: SignedInContext, id: String, errors: [String], saved: Bool = false,
                     status: HTTPResponse.Status = .ok) async throws -> Response {
        let contents = try await plans.contents(planID: id)
        let plan = contents.plan
        let next = try await services.storage.plans.successor(ofPlan: plan.id)
        let rows = contents.items.map { item in
            let assigned = contents.assigned(item, in: nil)
            return DecisionRow(id: item.id, number: item.number ?? "", description: item.description,
                               status: assigned?.status?.displayName ?? "", hasStatus: assigned?.status != nil,
                               badgeClass: assigned?.status.map { "rag rag-\($0.rawValue)" } ?? "",
                               options: [Option(value: "", label: "Not decided", selected: item.yearEndDecision == nil)]
                                + YearEndDecision.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == item.yearEndDecision) })
        }
        let undecided = contents.items.filter { $0.yearEndDecision == nil }.count
        let page = YearEndPage(
            chrome: PageChrome(title: "Year end: \(plan.title)", context: context, current: "/plans",
                               notice: saved ? "Year-end decisions saved." : nil),
            title: plan.title, planHref: "/plans/\(plan.id)", nextYear: plan.financialYear.next.description,
            action: "/plans/\(plan.id)/year-end", rollAction: "/plans/\(plan.id)/roll-forward",
            rows: rows, hasRows: !rows.isEmpty, undecided: undecided, ready: undecided == 0 && !rows.isEmpty && next == nil,
            rolled: next != nil, rolledHref: next.map { "/plans/\($0.id)" } ?? "", rolledTitle: next?.title ?? "",
            errors: ErrorSummary(errors))
        return views.response("plans-year-end", page, status: status)
    }
}
