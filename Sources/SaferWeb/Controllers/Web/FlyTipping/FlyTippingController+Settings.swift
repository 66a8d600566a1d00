import Foundation
import Hummingbird
import SaferDomain

/// The fly-tipping settings administrators change: unit clearance costs and the council's area.
extension FlyTippingController {
    struct CostField { let name: String; let label: String; let value: String }

    struct SettingsPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let councilName: String
        let minEasting: String, maxEasting: String, minNorthing: String, maxNorthing: String
        let costs: [CostField]
    }

    func registerSettings(on routes: SecureRoutes) {
        routes.page("/admin/fly-tipping", .admin) { request, context in
            try await settingsPage(context, settings: try await flyTips.settings(), errors: [],
                                   notice: request.query.get("saved") == "1" ? "Settings saved." : nil)
        }
        routes.form("/admin/fly-tipping", .admin) { _, context, form in
            var problems = ValidationProblems()
            func metres(_ name: String) -> Double {
                guard let value = Double(form.text(name).replacingOccurrences(of: ",", with: "")), value.isFinite else {
                    problems.add("The \(name.replacingOccurrences(of: "E", with: " e").replacingOccurrences(of: "N", with: " n")) '\(form.text(name))' is not a number of metres.", field: name)
                    return 0
                }
                return value
            }
            var costs: [FlyTipSize: Money] = [:]
            for size in FlyTipSize.allCases where !size.costEnteredPerIncident {
                do { costs[size] = try Money.parse(form.text("cost-\(size.rawValue)"), field: "cost-\(size.rawValue)") } catch let error as ValidationError {
                    problems.add("\(size.label): \(error.messages[0])", field: "cost-\(size.rawValue)")
                }
            }
            let settings = FlyTipSettings(clearanceCosts: ClearanceCosts(unitCosts: costs),
                                          councilArea: NationalGridExtent(minEasting: metres("minEasting"), minNorthing: metres("minNorthing"),
                                                                          maxEasting: metres("maxEasting"), maxNorthing: metres("maxNorthing")),
                                          councilName: form.text("councilName"))
            do {
                try problems.throwIfAny()
                try await services.storage.settings.save(settings, by: context.identity.actor(channel: .web))
                return redirect("/admin/fly-tipping?saved=1")
            } catch let error as ValidationError {
                return try await settingsPage(context, settings: settings, errors: error.messages, status: .unprocessableContent)
            }
        }
    }

    func settingsPage(_ context: SignedInContext, settings: FlyTipSettings, errors: [String], notice: String? = nil,
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let area = settings.councilArea
        let page = SettingsPage(
            chrome: PageChrome(title: "Fly-tipping settings", context: context, current: "/admin", notice: notice), errors: ErrorSummary(errors),
            councilName: settings.councilName, minEasting: area.minEasting.wholeNumberText, maxEasting: area.maxEasting.wholeNumberText,
            minNorthing: area.minNorthing.wholeNumberText, maxNorthing: area.maxNorthing.wholeNumberText,
            costs: FlyTipSize.allCases.filter { !$0.costEnteredPerIncident }.map {
                CostField(name: "cost-\($0.rawValue)", label: $0.label, value: settings.clearanceCosts.unitCost(for: $0)?.plain ?? "0.00")
            })
        return views.response("admin-fly-tipping", page, status: status)
    }
}
