import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// The start page and the area pages.
struct HomeController {
    let services: AppServices
    let views: Views

    struct HomePage {
        let chrome: PageChrome
        let areas: [Area]
    }

    struct Area {
        let label: String
        let href: String
        let summary: String
    }

    static let summaries: [String: (summary: String, coming: [String])] = [
        "/performance": ("Crime and anti-social behaviour against baselines, with Red, Amber and Green status.",
                         ["Borough performance table by month", "Quarterly performance report", "Indicator trends", "Police beat comparison"]),
        "/fly-tipping": ("Fly-tipping incidents, enforcement, CCTV deployments and the Defra return.",
                         ["Incidents and field capture", "Public reports", "Enforcement cases", "CCTV and PSPO registers"]),
        "/hotspots": ("Where incidents concentrate: named locations, clusters and maps.",
                      ["Top locations", "Spatial clusters", "Getis-Ord Gi* grid", "Maps"]),
        "/plans": ("Action, partnership, corporate and service plans with quarterly updates.",
                   ["Plan items and updates", "Status summaries", "Year-end roll-forward"]),
        "/meetings": ("Committee meetings and their packs: agendas and officer reports with live figures, published and frozen.",
                      ["Agendas and officer reports", "Packs as HTML, Word, Excel, PDF and JSON", "Published packs for the public"]),
    ]

    func register(on routes: SecureRoutes) {
        routes.page("/", .signedInAny) { _, context in
            let role = context.identity.user.role
            let areas = PageChrome.areas.filter { $0.roles.allows(role) }.map {
                Area(label: $0.label, href: $0.href, summary: Self.summaries[$0.href]?.summary ?? "Users, organisations and the audit log.")
            }
            return views.response("home", HomePage(chrome: PageChrome(title: "Safer", context: context, current: "/"), areas: areas))
        }
    }
}
