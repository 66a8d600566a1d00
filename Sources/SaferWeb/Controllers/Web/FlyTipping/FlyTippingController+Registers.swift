import Foundation
import Hummingbird
import SaferDomain

/// The registers beside the incidents: CCTV cameras and deployments (officers only: where
/// covert cameras are is not for general reading), Public Spaces Protection Orders and the
/// money allocated and spent (read by everyone signed in, changed by officers).
extension FlyTippingController {
    struct CameraRow { let id: String; let assetID: String; let model: String; let mobileData: String; let status: String; let since: String; let note: String }
    struct DeploymentRow {
        let id: String; let asset: String; let location: String; let period: String; let reason: String; let signage: String
        let dpia: String; let selfAssessment: String; let compliance: String; let overdue: Bool
    }
    struct ShareRow { let date: String; let asset: String; let sharedWith: String; let reference: String; let note: String }

    struct CCTVPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let on: String
        let onLabel: String
        let cameras: [CameraRow]
        let deployments: [DeploymentRow]
        let active: [SelectOption]
        let shares: [ShareRow]
        let cameraOptions: [SelectOption]
        let statuses: [SelectOption]
        let recipients: [SelectOption]
        let overdueCount: Int
        let hasOverdue: Bool
        let today: String
    }

    struct PSPOIncident { let href: String; let reference: String; let reported: String; let location: String; let whereLabel: String }
    struct PSPOView {
        let id: String; let name: String; let state: String; let term: String; let roads: String
        let articles: [String]; let exceptions: [String]; let variations: [String]; let hasVariations: Bool
        let incidents: [PSPOIncident]; let incidentCount: Int; let hasIncidents: Bool
    }
    struct PSPOPage { let chrome: PageChrome; let errors: ErrorSummary?; let orders: [PSPOView]; let period: String; let from: String; let to: String; let canEdit: Bool; let today: String }

    struct SpendRow { let date: String; let category: String; let amount: String; let supplier: String; let note: String }
    struct MoneyPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let year: String
        let years: [SelectOption]
        let allocated: String; let spent: String; let balance: String; let overspent: Bool
        let categories: [Fact]
        let spend: [SpendRow]
        let hasSpend: Bool
        let canEdit: Bool
        let today: String
        let usualCategories: [String]
    }

    func registerRegisters(on routes: SecureRoutes) {
        routes.page("/fly-tipping/cctv", .staff) { request, context in
            try await cctvPage(request, context, errors: [])
        }
        routes.form("/fly-tipping/cctv/cameras", .staff) { request, context, form in
            try await cctvForm(request, context) {
                try await services.storage.cctv.addCamera(Camera(
                    id: services.ids.next(), assetID: form.text("assetId"), model: form.text("model"), mobileData: form.text("mobileData") == "yes",
                    history: [.init(status: try Self.cameraStatus(form.text("status")), from: try CalendarDay(parsing: form.text("from")), note: form.text("note"))]),
                    by: context.identity.actor(channel: .web))
            }
        }
        routes.form("/fly-tipping/cctv/status", .staff) { request, context, form in
            try await cctvForm(request, context) {
                try await services.storage.cctv.changeStatus(cameraID: form.text("camera"),
                    to: .init(status: try Self.cameraStatus(form.text("status")), from: try CalendarDay(parsing: form.text("from")), note: form.text("note")),
                    by: context.identity.actor(channel: .web))
            }
        }
        routes.form("/fly-tipping/cctv/deployments", .staff) { request, context, form in
            try await cctvForm(request, context) {
                guard let latitude = Double(form.text("latitude")), let longitude = Double(form.text("longitude")) else {
                    throw ValidationError("Give the deployment's latitude and longitude as numbers, e.g. 52.5228 and -1.5840.", field: "latitude")
                }
                func day(_ name: String) throws -> CalendarDay? { form.text(name).isEmpty ? nil : try CalendarDay(parsing: form.text(name)) }
                try await services.storage.cctv.addDeployment(Deployment(
                    id: services.ids.next(), cameraID: form.text("camera"), location: form.text("location"),
                    position: WGS84Point(latitude: latitude, longitude: longitude), from: try CalendarDay(parsing: form.text("from")),
                    reason: form.text("reason"), signage: form.text("signage") == "yes", dpiaDate: try day("dpia"), selfAssessmentDate: try day("selfAssessment")),
                    by: context.identity.actor(channel: .web))
            }
        }
        routes.form("/fly-tipping/cctv/deployments/end", .staff) { request, context, form in
            try await cctvForm(request, context) {
                guard var deployment = try await services.storage.cctv.deployments().first(where: { $0.id == form.text("deployment") }) else {
                    throw ValidationError("Choose the deployment that has ended.", field: "deployment")
                }
                deployment.to = try CalendarDay(parsing: form.text("to"))
                try await services.storage.cctv.updateDeployment(deployment, by: context.identity.actor(channel: .web))
            }
        }
        routes.form("/fly-tipping/cctv/footage", .staff) { request, context, form in
            try await cctvForm(request, context) {
                guard let recipient = FootageShare.Recipient(rawValue: form.text("sharedWith")) else {
                    throw ValidationError("Choose who the footage went to.", field: "sharedWith")
                }
                try await services.storage.cctv.addFootageShare(FootageShare(
                    id: services.ids.next(), cameraID: form.text("camera"), sharedWith: recipient, date: try CalendarDay(parsing: form.text("date")),
                    reference: form.text("reference"), note: form.text("note")), by: context.identity.actor(channel: .web))
            }
        }
        routes.page("/fly-tipping/pspo", .signedInAny) { request, context in
            try await pspoPage(request, context, errors: [])
        }
        routes.form("/fly-tipping/pspo", .staff) { request, context, form in
            do {
                func lines(_ name: String) -> [String] {
                    form.text(name).split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                }
                var outline: [WGS84Point] = []
                for (number, line) in lines("outline").enumerated() {
                    let parts = line.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
                    guard parts.count == 2, let latitude = parts[0], let longitude = parts[1] else {
                        throw ValidationError("Outline line \(number + 1) ('\(line)') is not 'latitude, longitude', e.g. 52.4900, -1.5930.", field: "outline")
                    }
                    outline.append(WGS84Point(latitude: latitude, longitude: longitude))
                }
                try await services.storage.pspos.add(PublicSpacesProtectionOrder(
                    id: services.ids.next(), name: form.text("name"), roads: lines("roads"), polygon: outline, articles: lines("articles"),
                    exceptions: lines("exceptions"), start: try CalendarDay(parsing: form.text("start")), expiry: try CalendarDay(parsing: form.text("expiry"))),
                    by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/pspo")
            } catch let error as ValidationError {
                return try await pspoPage(request, context, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/fly-tipping/pspo/:id/variations", .staff) { request, context, form in
            let id = try context.parameters.require("id")
            do {
                try await services.storage.pspos.addVariation(orderID: id, .init(date: try CalendarDay(parsing: form.text("date")), text: form.text("text")),
                                                              by: context.identity.actor(channel: .web))
                return redirect("/fly-tipping/pspo#pspo-\(id)")
            } catch let error as ValidationError {
                return try await pspoPage(request, context, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/fly-tipping/money", .signedInAny) { request, context in
            try await moneyPage(request, context, errors: [])
        }
        routes.form("/fly-tipping/money/allocations", .staff) { request, context, form in
            try await moneyForm(request, context) {
                try await services.storage.funding.addAllocation(Allocation(
                    id: services.ids.next(), financialYear: try FinancialYear(parsing: form.text("fy")),
                    amount: try Money.parse(form.text("amount"), field: "amount"), description: form.text("description")), by: context.identity.actor(channel: .web))
            }
        }
        routes.form("/fly-tipping/money/spend", .staff) { request, context, form in
            try await moneyForm(request, context) {
                try await services.storage.funding.addSpend(SpendItem(
                    id: services.ids.next(), date: try CalendarDay(parsing: form.text("date")), category: form.text("category"),
                    amount: try Money.parse(form.text("amount"), field: "amount"), supplier: form.text("supplier"), note: form.text("note")),
                    by: context.identity.actor(channel: .web))
            }
        }
    }

    static func cameraStatus(_ text: String) throws -> Camera.Status {
        guard let status = Camera.Status(rawValue: text) else { throw ValidationError("Choose the camera's status: working, damaged, stolen or dummy.", field: "status") }
        return status
    }

    /// Runs a register change, then shows the register again: with the problems when refused.
    func cctvForm(_ request: Request, _ context: SignedInContext, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return redirect("/fly-tipping/cctv")
        } catch let error as ValidationError {
            return try await cctvPage(request, context, errors: error.messages, status: .unprocessableContent)
        } catch let error as DomainError {
            return try await cctvPage(request, context, errors: [error.description], status: .unprocessableContent)
        }
    }

    func moneyForm(_ request: Request, _ context: SignedInContext, _ change: () async throws -> Void) async throws -> Response {
        do {
            try await change()
            return redirect("/fly-tipping/money")
        } catch let error as ValidationError {
            return try await moneyPage(request, context, errors: error.messages, status: .unprocessableContent)
        }
    }

    func cctvPage(_ request: Request, _ context: SignedInContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let today = CalendarDay(containing: services.clock.now())
        let on = try request.query.get("on").map { try CalendarDay(parsing: $0) } ?? today
        let cameras = try await services.storage.cctv.cameras()
        let assets = Dictionary(uniqueKeysWithValues: cameras.map { ($0.id, $0.assetID) })
        let deployments = try await services.storage.cctv.deployments().filter { $0.from <= on }
        let rows = deployments.map { d -> DeploymentRow in
            let problems = d.complianceProblems(on: on)
            return DeploymentRow(id: d.id, asset: assets[d.cameraID] ?? d.cameraID, location: d.location,
                                 period: "\(d.from.label) – \(d.to.map { $0 <= on ? $0.label : "\($0.label) (planned)" } ?? "in place")",
                                 reason: d.reason, signage: d.signage ? "Yes" : "No", dpia: d.dpiaDate?.label ?? "None recorded",
                                 selfAssessment: d.selfAssessmentDate?.label ?? "None recorded",
                                 compliance: problems.isEmpty ? (d.isActive(on: on) ? "Up to date" : "Ended") : "Overdue: " + problems.joined(separator: "; ") + ".",
                                 overdue: !problems.isEmpty)
        }
        let page = CCTVPage(
            chrome: PageChrome(title: "CCTV register", context: context, current: "/fly-tipping"), errors: ErrorSummary(errors),
            on: on.description, onLabel: on.label,
            cameras: cameras.map { camera in
                let entry = camera.history.last { $0.from <= on } ?? camera.history.first
                return CameraRow(id: camera.id, assetID: camera.assetID, model: camera.model, mobileData: camera.mobileData ? "Yes" : "No",
                                 status: camera.status(on: on).label, since: entry?.from.label ?? "", note: entry?.note ?? "")
            },
            deployments: rows, active: deployments.filter { $0.isActive(on: today) }.map { SelectOption(value: $0.id, label: "\(assets[$0.cameraID] ?? "") at \($0.location)", selected: false) },
            shares: try await services.storage.cctv.footageShares().filter { $0.date <= on }.map {
                ShareRow(date: $0.date.label, asset: assets[$0.cameraID] ?? $0.cameraID, sharedWith: $0.sharedWith.label, reference: $0.reference, note: $0.note)
            },
            cameraOptions: cameras.map { SelectOption(value: $0.id, label: "\($0.assetID) (\($0.status.label.lowercased()))", selected: false) },
            statuses: Camera.Status.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            recipients: FootageShare.Recipient.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            overdueCount: rows.filter(\.overdue).count, hasOverdue: rows.contains(where: \.overdue), today: today.description)
        return views.response("cctv", page, status: status)
    }

    func pspoPage(_ request: Request, _ context: SignedInContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let range = try await range(request)
        let today = CalendarDay(containing: services.clock.now())
        let tips = try await flyTips.flyTips(in: range)
        let orders = try await services.storage.pspos.list().map { order -> PSPOView in
            let near = order.incidents(in: range, among: tips)
            return PSPOView(
                id: order.id, name: order.name, state: order.isInForce(on: today) ? "In force" : (today < order.start ? "Not yet in force" : "Expired"),
                term: "\(order.start.label) to \(order.expiry.label)", roads: order.roads.joined(separator: "; "),
                articles: order.articles, exceptions: order.exceptions, variations: order.variations.map { "\($0.date.label): \($0.text)" },
                hasVariations: !order.variations.isEmpty,
                incidents: near.map { PSPOIncident(href: "/fly-tipping/incidents/\($0.flyTip.id)", reference: $0.flyTip.reference,
                                                   reported: Self.display($0.flyTip.reportedAt), location: $0.flyTip.location,
                                                   whereLabel: $0.distance.map { $0 == 0 ? "Inside the area" : "\($0.wholeNumberText) m outside" } ?? "On a named road") },
                incidentCount: near.count, hasIncidents: !near.isEmpty)
        }
        let page = PSPOPage(chrome: PageChrome(title: "Public Spaces Protection Orders", context: context, current: "/fly-tipping"),
                            errors: ErrorSummary(errors), orders: orders, period: range.label, from: range.first.description, to: range.last.description,
                            canEdit: RoleSet.staff.allows(context.identity.user.role), today: today.description)
        return views.response("pspo", page, status: status)
    }

    func moneyPage(_ request: Request, _ context: SignedInContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let allocations = try await services.storage.funding.allocations()
        let spend = try await services.storage.funding.spend()
        let today = CalendarDay(containing: services.clock.now())
        let known = Set(allocations.map(\.financialYear) + spend.map { $0.date.calendarMonth.financialYear })
        let latest = known.max { $0.startYear < $1.startYear } ?? today.calendarMonth.financialYear
        let year = try request.query.get("fy").map { try FinancialYear(parsing: $0) } ?? latest
        let summary = FundingSummary(financialYear: year, allocations: allocations, spend: spend)
        let items = spend.filter { $0.date.calendarMonth.financialYear == year }
        let page = MoneyPage(
            chrome: PageChrome(title: "Fly-tipping money", context: context, current: "/fly-tipping"), errors: ErrorSummary(errors),
            year: year.description,
            years: known.union([year]).sorted { $0.startYear > $1.startYear }.map { SelectOption(value: $0.description, label: $0.description, selected: $0 == year) },
            allocated: summary.allocated.description, spent: summary.spent.description, balance: summary.balance.description,
            overspent: summary.balance.pence < 0, categories: summary.byCategory.map { Fact(label: $0.category, value: $0.amount.description) },
            spend: items.map { SpendRow(date: $0.date.label, category: $0.category, amount: $0.amount.description, supplier: $0.supplier, note: $0.note) },
            hasSpend: !items.isEmpty, canEdit: RoleSet.staff.allows(context.identity.user.role), today: today.description,
            usualCategories: SpendItem.usualCategories)
        return views.response("money", page, status: status)
    }
}
