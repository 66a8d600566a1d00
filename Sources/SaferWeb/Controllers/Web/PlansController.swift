import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// Plans, their items and quarterly updates: the list per year, a plan with its items and
/// status summary (CSV/XLSX with `?format=`), an item with its history and the update form,
/// year end and roll-forward, and the summary per plan and per committee.
///
/// Who may write: officers and administrators everything; partners add updates to the items
/// their own organisation leads (checked by `PlanService`, a 403 otherwise); everyone signed
/// in reads. Route parameters are all `:id` (a plan's id, or an item's under `/plans/items`).
struct PlansController {
    let services: AppServices
    let views: Views
    var plans: PlanService { PlanService(services: services) }

    /// Who may post an update; partners are narrowed to their own items by `PlanService`.
    static let updaters = RoleSet(.admin, .officer, .partner)

    func register(on routes: SecureRoutes) {
        routes.page("/plans", .signedInAny) { request, context in
            try await listPage(request, context, form: nil, errors: [])
        }
        routes.form("/plans", .staff) { request, context, form in
            do {
                let plan = Plan(id: services.ids.next(), kind: try Plan.Kind(parsing: form.text("kind")), title: form.text("title"),
                                financialYear: try PlanService.year(form.text("fy")), committee: form.text("committee"))
                try await services.storage.plans.create(plan, items: [], by: context.identity.actor(channel: .web))
                return redirect("/plans/\(plan.id)")
            } catch let error as ValidationError {
                return try await listPage(request, context, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/plans/summary", .signedInAny) { request, context in
            try await summaryPage(request, context)
        }
        routes.page("/plans/items/:id", .signedInAny) { request, context in
            try await itemPage(request, context, id: try context.parameters.require("id"))
        }
        routes.form("/plans/items/:id", .staff) { request, context, form in
            let id = try context.parameters.require("id")
            let (item, _) = try await plans.item(id: id)
            do {
                try await services.storage.plans.updateItem(try Self.item(from: form, base: item), by: context.identity.actor(channel: .web))
                return redirect("/plans/items/\(id)")
            } catch let error as ValidationError {
                return try await itemPage(request, context, id: id, editForm: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/plans/items/:id/updates", Self.updaters) { request, context, form in
            let id = try context.parameters.require("id")
            let (_, plan) = try await plans.item(id: id)
            do {
                let direction = form.text("direction")
                try await plans.addUpdate(itemID: id, quarter: try PlanService.quarter(form.text("quarter"), in: plan.financialYear),
                                          text: form.text("text"), status: try PlanService.status(form.text("status")),
                                          direction: DirectionOfTravel(rawValue: direction), workOutDirection: direction == "auto",
                                          reason: form.text("reason"), by: context.identity.user, channel: .web)
                return redirect("/plans/items/\(id)#updates")
            } catch let error as ValidationError {
                return try await itemPage(request, context, id: id, updateForm: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/plans/:id", .signedInAny) { request, context in
            try await planPage(request, context, id: try context.parameters.require("id"))
        }
        routes.form("/plans/:id/items", .staff) { request, context, form in
            let id = try context.parameters.require("id")
            guard try await services.storage.plans.find(id: id) != nil else { throw DomainError.notFound(entity: "plan", id: id) }
            do {
                let item = try Self.item(from: form, base: PlanItem(id: services.ids.next(), planID: id, position: 0, description: ""))
                try await services.storage.plans.addItem(item, by: context.identity.actor(channel: .web))
                return redirect("/plans/items/\(item.id)")
            } catch let error as ValidationError {
                return try await planPage(request, context, id: id, itemForm: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/plans/:id/year-end", .staff) { request, context in
            try await yearEndPage(context, id: try context.parameters.require("id"), errors: [],
                                  saved: request.query.get("saved") == "1")
        }
        routes.form("/plans/:id/year-end", .staff) { request, context, form in
            let id = try context.parameters.require("id")
            let contents = try await plans.contents(planID: id)
            var decisions: [(itemID: String, decision: YearEndDecision?)] = []
            // Only the items the form names: a blank choice clears a decision, a missing field leaves it.
            for item in contents.items {
                guard let text = form["decision-\(item.id)"] else { continue }
                decisions.append((item.id, YearEndDecision(parsing: text)))
            }
            try await services.storage.plans.setYearEndDecisions(decisions, planID: id, by: context.identity.actor(channel: .web))
            return redirect("/plans/\(id)/year-end?saved=1")
        }
        routes.form("/plans/:id/roll-forward", .staff) { request, context, form in
            let id = try context.parameters.require("id")
            do {
                let next = try await plans.rollForward(planID: id, by: context.identity.actor(channel: .web))
                return redirect("/plans/\(next.id)")
            } catch let error as ValidationError {
                return try await yearEndPage(context, id: id, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                if case .notFound = error { throw error }
                return try await yearEndPage(context, id: id, errors: [error.description], status: .conflict)
            }
        }
    }

    // MARK: - Parsing forms

    /// An item with the fields of the item form applied; dates that are not dates are named.
    static func item(from form: FormData, base: PlanItem) throws -> PlanItem {
        var item = base
        var problems = ValidationProblems()
        func optional(_ name: String) -> String? {
            let text = form.text(name)
            return text.isEmpty ? nil : text
        }
        func day(_ name: String, _ label: String) -> CalendarDay? {
            guard let text = optional(name) else { return nil }
            guard let day = CalendarDay(text) else {
                problems.add("The \(label) '\(text)' is not a date: use YYYY-MM-DD, e.g. 2019-03-31.", field: name)
                return nil
            }
            return day
        }
        item.number = optional("number")
        item.description = form.text("description")
        item.leadOrganisationIDs = form.all("lead").filter { !$0.isEmpty }
        item.leadAsPrinted = optional("leadAsPrinted")
        item.leadOfficer = optional("leadOfficer")
        item.theme = optional("theme")
        item.priority = optional("priority")
        item.board = optional("board")
        item.timescaleStart = day("timescaleStart", "start of the timescale")
        item.timescaleEnd = day("timescaleEnd", "end of the timescale")
        item.resources = optional("resources")
        item.measureOfSuccess = optional("measureOfSuccess")
        item.financialImplications = optional("financialImplications")
        item.baseline = optional("baseline")
        item.target = optional("target")
        item.indicatorKey = optional("indicator")
        item.note = optional("note")
        try problems.throwIfAny()
        return item
    }

    // MARK: - Downloads

    /// A table as CSV or XLSX (or JSON, when given), or nil for the HTML page.
    func downloadIfAsked<J: Encodable>(_ request: Request, _ table: ReportTable, json: J?, name: String) throws -> Response? {
        switch request.query.get("format") ?? "html" {
        case "html": return nil
        case "csv": return download(Data(CSVRenderer.render(table).utf8), "\(name).csv", "text/csv; charset=utf-8")
        case "xlsx": return download(try XLSXWriter.render(table), "\(name).xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case "json" where json != nil: return download(try JSONEncoder.safer.encode(json), "\(name).json", "application/json; charset=utf-8")
        case let other: throw ValidationError("'\(other)' is not a download format: use \(json == nil ? "csv or xlsx" : "csv, xlsx or json").")
        }
    }

    /// A file name from a title: lower-case words joined by hyphens.
    static func slug(_ text: String) -> String {
        let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
        return words.prefix(10).joined(separator: "-")
    }
}
