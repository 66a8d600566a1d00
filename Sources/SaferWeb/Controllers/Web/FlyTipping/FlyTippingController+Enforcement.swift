import Foundation
import Hummingbird
import SaferDomain

/// Enforcement cases for officers: the list with the period's summary, a case with its
/// incidents, actions and evidence, and its suspects (officers only, as is the case export).
extension FlyTippingController {
    struct CaseRow { let href: String; let reference: String; let title: String; let opened: String; let state: String; let incidents: Int }

    struct CasesPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let cases: [CaseRow]
        let hasCases: Bool
        let summary: String
        let period: String
        let from: String
        let to: String
        let title: String, reference: String, opened: String, incidents: String
    }

    struct ActionRow { let date: String; let type: String; let detail: String; let outcome: String }
    struct EvidenceRow { let date: String; let kind: String; let reference: String; let description: String }
    struct SuspectRow { let id: String; let name: String; let address: String; let vehicle: String; let notes: String }

    struct CasePage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let reference: String
        let title: String
        let state: String
        let opened: String
        let notes: String
        let hasNotes: Bool
        let incidents: [IncidentRow]
        let hasIncidents: Bool
        let actions: [ActionRow]
        let hasActions: Bool
        let evidence: [EvidenceRow]
        let hasEvidence: Bool
        let showSuspects: Bool
        let suspects: [SuspectRow]
        let hasSuspects: Bool
        let actionTypes: [SelectOption]
        let evidenceKinds: [SelectOption]
        let today: String
        let base: String
        let isOpen: Bool
        let exportHref: String
    }

    /// Everything about a case, for the officer's own export: the only export with suspects.
    struct CaseExport: Encodable {
        struct Action: Encodable { let date: String, type: String, detail: String, plea: String?, result: String?, fine: Double?, costs: Double?, sentence: String? }
        struct Evidence: Encodable { let date: String, kind: String, reference: String, description: String }
        struct Person: Encodable { let name: String, address: String, vehicle: String, notes: String }
        let reference: String, title: String, opened: String, closed: String?, notes: String
        let incidents: [String]
        let actions: [Action]
        let evidence: [Evidence]
        let suspects: [Person]
        let exportedBy: String, exportedAt: String
    }

    func registerEnforcement(on routes: SecureRoutes) {
        routes.page("/fly-tipping/enforcement", .staff) { request, context in
            try await casesPage(request, context, form: nil, errors: [])
        }
        routes.form("/fly-tipping/enforcement", .staff) { request, context, form in
            do {
                var problems = ValidationProblems()
                let opened = (try? CalendarDay(parsing: form.text("opened"))) ?? CalendarDay(containing: services.clock.now())
                var incidents: [String] = []
                for reference in form.text("incidents").split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" }).map(String.init) {
                    if let tip = try await services.storage.flyTips.find(reference: reference) { incidents.append(tip.id) }
                    else { problems.add("There is no incident \(reference): give references such as FT-7K3M9Q, separated by commas.", field: "incidents") }
                }
                try problems.throwIfAny()
                let id = services.ids.next()
                let reference = form.text("reference").isEmpty ? ReferenceCode.make(prefix: "ENF", from: id) : form.text("reference")
                let enforcementCase = EnforcementCase(id: id, reference: reference, title: form.text("title"), opened: opened, incidentIDs: incidents)
                try await services.storage.enforcement.create(enforcementCase, by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/enforcement/\(id)")
            } catch let error as ValidationError {
                return try await casesPage(request, context, form: form, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                if case .conflict(let message) = error { return try await casesPage(request, context, form: form, errors: [message], status: .conflict) }
                throw error
            }
        }
        routes.page("/fly-tipping/enforcement/:id", .staff) { _, context in
            try await casePage(context, id: try context.parameters.require("id"), errors: [])
        }
        routes.form("/fly-tipping/enforcement/:id/actions", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                let type = try EnforcementActionType.parse(form.text("type"))
                var outcome: EnforcementAction.ProsecutionOutcome?
                if type == .prosecution {
                    outcome = .init(plea: .init(rawValue: form.text("plea")), result: .init(rawValue: form.text("result")),
                                    fine: form.text("fine").isEmpty ? nil : try Money.parse(form.text("fine"), field: "fine"),
                                    costs: form.text("costs").isEmpty ? nil : try Money.parse(form.text("costs"), field: "costs"),
                                    sentence: form.text("sentence"))
                }
                let action = EnforcementAction(id: services.ids.next(), caseID: id, type: type, date: try CalendarDay(parsing: form.text("date")),
                                               detail: form.text("detail"), outcome: outcome)
                try await services.storage.enforcement.addAction(action, by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/enforcement/\(id)#actions")
            } catch let error as ValidationError {
                return try await casePage(context, id: id, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/fly-tipping/enforcement/:id/evidence", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                guard let kind = EvidenceItem.Kind(rawValue: form.text("kind")) else { throw ValidationError("Choose what kind of evidence it is.", field: "kind") }
                let item = EvidenceItem(id: services.ids.next(), caseID: id, kind: kind, date: try CalendarDay(parsing: form.text("date")),
                                        reference: form.text("reference"), description: form.text("description"))
                try await services.storage.enforcement.addEvidence(item, by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/enforcement/\(id)#evidence")
            } catch let error as ValidationError {
                return try await casePage(context, id: id, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/fly-tipping/enforcement/:id/suspects", Self.personalData) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                let suspect = Suspect(id: services.ids.next(), caseID: id, name: form.text("name"), address: form.text("address"),
                                      vehicle: form.text("vehicle"), notes: form.text("notes"))
                try await services.storage.enforcement.addSuspect(suspect, by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/enforcement/\(id)#suspects")
            } catch let error as ValidationError {
                return try await casePage(context, id: id, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/fly-tipping/enforcement/:id/suspects/remove", Self.personalData) { _, context, form in
            let id = try context.parameters.require("id")
            try await services.storage.enforcement.removeSuspect(id: form.text("suspect"), by: context.identity.actor(channel: .web))
            return redirect("/fly-tipping/enforcement/\(id)#suspects")
        }
        routes.form("/fly-tipping/enforcement/:id/close", .staff) { _, context, form in
            let id = try context.parameters.require("id")
            guard var enforcementCase = try await services.storage.enforcement.find(id: id) else { throw DomainError.notFound(entity: "enforcement case", id: id) }
            do {
                enforcementCase.closed = form.text("closed").isEmpty ? CalendarDay(containing: services.clock.now()) : try CalendarDay(parsing: form.text("closed"))
                try await services.storage.enforcement.update(enforcementCase, by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/enforcement/\(id)")
            } catch let error as ValidationError {
                return try await casePage(context, id: id, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/fly-tipping/enforcement/:id/export", Self.personalData) { _, context in
            let id = try context.parameters.require("id")
            guard let file = try await services.storage.enforcement.file(caseID: id) else { throw DomainError.notFound(entity: "enforcement case", id: id) }
            var references: [String] = []
            for incidentID in file.enforcementCase.incidentIDs {
                references.append(try await services.storage.flyTips.find(id: incidentID)?.reference ?? incidentID)
            }
            let c = file.enforcementCase
            let export = CaseExport(
                reference: c.reference, title: c.title, opened: c.opened.description, closed: c.closed?.description, notes: c.notes,
                incidents: references,
                actions: file.actions.map { .init(date: $0.date.description, type: $0.type.rawValue, detail: $0.detail, plea: $0.outcome?.plea?.rawValue,
                                                  result: $0.outcome?.result?.rawValue, fine: $0.outcome?.fine?.pounds, costs: $0.outcome?.costs?.pounds,
                                                  sentence: $0.outcome?.sentence) },
                evidence: file.evidence.map { .init(date: $0.date.description, kind: $0.kind.rawValue, reference: $0.reference, description: $0.description) },
                suspects: file.suspects.map { .init(name: $0.name, address: $0.address, vehicle: $0.vehicle, notes: $0.notes) },
                exportedBy: context.identity.user.email, exportedAt: services.clock.now().ISO8601Format())
            return download(try JSONEncoder.safer.encode(export), "case-\(c.reference).json", MediaType.json)
        }
    }

    func casesPage(_ request: Request, _ context: SignedInContext, form: FormData?, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let range = try await range(request)
        let cases = try await services.storage.enforcement.list()
        let summary = EnforcementSummary(cases: cases, actions: try await services.storage.enforcement.allActions(), range: range)
        let today = CalendarDay(containing: services.clock.now())
        let page = CasesPage(
            chrome: PageChrome(title: "Enforcement cases", context: context, current: "/fly-tipping"), errors: ErrorSummary(errors),
            cases: cases.map { CaseRow(href: "/fly-tipping/enforcement/\($0.id)", reference: $0.reference, title: $0.title, opened: $0.opened.label,
                                       state: $0.closed.map { "Closed \($0.label)" } ?? "Open", incidents: $0.incidentIDs.count) },
            hasCases: !cases.isEmpty, summary: summary.sentence + ".", period: range.label, from: range.first.description, to: range.last.description,
            title: form?.text("title") ?? "", reference: form?.text("reference") ?? "", opened: form?.text("opened") ?? today.description,
            incidents: form?.text("incidents") ?? "")
        return views.response("enforcement", page, status: status)
    }

    func casePage(_ context: SignedInContext, id: String, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let file = try await services.storage.enforcement.file(caseID: id) else { throw DomainError.notFound(entity: "enforcement case", id: id) }
        var incidents: [FlyTip] = []
        for incidentID in file.enforcementCase.incidentIDs {
            if let tip = try await services.storage.flyTips.find(id: incidentID) { incidents.append(tip) }
        }
        let showSuspects = Self.personalData.allows(context.identity.user.role)
        let c = file.enforcementCase
        func outcome(_ action: EnforcementAction) -> String {
            guard let o = action.outcome else { return "" }
            return [o.plea.map { $0 == .guilty ? "Guilty plea" : "Not guilty plea" }, o.result.map { $0 == .convicted ? "convicted" : "unsuccessful" },
                    o.fine.map { "fine \($0)" }, o.costs.map { "costs \($0)" }, o.sentence.isEmpty ? nil : o.sentence]
                .compactMap { $0 }.joined(separator: ", ")
        }
        let page = CasePage(
            chrome: PageChrome(title: "Case \(c.reference)", context: context, current: "/fly-tipping"), errors: ErrorSummary(errors),
            reference: c.reference, title: c.title, state: c.closed.map { "Closed \($0.label)" } ?? "Open", opened: c.opened.label, notes: c.notes, hasNotes: !c.notes.isEmpty,
            incidents: incidents.map(Self.row), hasIncidents: !incidents.isEmpty,
            actions: file.actions.map { ActionRow(date: $0.date.label, type: $0.type.label, detail: $0.detail, outcome: outcome($0)) },
            hasActions: !file.actions.isEmpty,
            evidence: file.evidence.map { EvidenceRow(date: $0.date.label, kind: $0.kind.label, reference: $0.reference, description: $0.description) },
            hasEvidence: !file.evidence.isEmpty, showSuspects: showSuspects,
            suspects: showSuspects ? file.suspects.map { SuspectRow(id: $0.id, name: $0.name, address: $0.address, vehicle: $0.vehicle, notes: $0.notes) } : [],
            hasSuspects: showSuspects && !file.suspects.isEmpty,
            actionTypes: EnforcementActionType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            evidenceKinds: EvidenceItem.Kind.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            today: CalendarDay(containing: services.clock.now()).description, base: "/fly-tipping/enforcement/\(c.id)",
            isOpen: c.closed == nil, exportHref: "/fly-tipping/enforcement/\(c.id)/export")
        return views.response("enforcement-case", page, status: status)
    }
}
