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
        let council: String?
        let quarter: QuarterSummary?
        let meeting: Link?
        let areas: [Area]
        /// For an administrator until every set-up step is done: each step, done or not.
        let setUp: [SetUpStep]
        let needsSetUp: Bool
    }
    /// A set-up step on the administrator's checklist; its state is in words, not only a mark.
    struct SetUpStep { let label: String; let href: String; let state: String; let css: String }

    /// The checklist's words and pages for each step.
    static func setUpStep(_ step: SetUpService.Step, done: Bool) -> SetUpStep {
        let (label, href): (String, String) = switch step {
        case .council: ("The council: its name, ONS code, population and which police.uk rows are its own (Admin → Council)", "/admin/council")
        case .areas: ("Wards and police beats (Admin → Areas)", "/admin/areas")
        case .lookup: ("The LSOA lookup that places police.uk crimes in beats and wards (Admin → Areas)", "/admin/areas")
        case .boundaries: ("Beat boundaries, as GeoJSON, for the maps (Admin → Areas)", "/admin/areas")
        case .indicators: ("The indicators the partnership reports on, with their baselines (Admin → Indicators)", "/admin/indicators")
        case .accounts: ("Accounts for officers, crews, partners and councillors (Admin → Users)", "/admin/users")
        case .plans: ("The plans the partnership reports progress on (Plans)", "/plans")
        }
        return SetUpStep(label: label, href: href, state: done ? "Done" : "To do", css: done ? "done" : "to-do")
    }

    /// This quarter at a glance: what a councillor opens Safer for.
    struct QuarterSummary {
        let heading: String
        let period: String
        let counts: [Count]
        let red: [Link]
        let hasRed: Bool
        let links: [Link]
    }
    struct Count { let status: String; let css: String; let count: Int }

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
            let performance = PerformanceService(services: services)
            let district = try? await performance.district()
            // A new council's administrator starts with the set-up checklist, shown until every step is done.
            let progress = role == .admin ? try await SetUpService(services: services).progress() : []
            let steps = progress.allSatisfy(\.done) ? [] : progress.map { Self.setUpStep($0.step, done: $0.done) }
            let page = HomePage(chrome: PageChrome(title: "Safer", context: context, current: "/"), council: district?.name,
                                quarter: district == nil ? nil : try await quarterSummary(performance),
                                meeting: try await meeting(role), areas: areas, setUp: steps, needsSetUp: !steps.isEmpty)
            return views.response("home", page)
        }
    }

    /// The quarter the performance reports open on, with its statuses and the red indicators;
    /// nil before any figures are held.
    private func quarterSummary(_ performance: PerformanceService) async throws -> QuarterSummary? {
        guard let quarter = try await performance.defaultQuarter() else { return nil }
        let report = try await performance.baseline(through: quarter.lastMonth)
        let counts = report.statusCounts
        let red = report.rows.filter { $0.status == .red }
        return QuarterSummary(
            heading: "\(quarter.label): crime and anti-social behaviour",
            period: "The 12 months ending \(quarter.lastMonth.label) against the baseline \(quarter.financialYear.previous), the latest complete quarter.",
            counts: [RAGStatus.green, .amber, .red].map { Count(status: $0.displayName, css: "rag-\($0.rawValue)", count: counts[$0] ?? 0) },
            red: red.map { Link(label: $0.indicator.name + " (" + $0.change.displayText() + ")", href: "/performance/indicators/\($0.indicator.key)") },
            hasRed: !red.isEmpty,
            links: [Link(label: "Quarterly performance report", href: "/performance/quarterly?through=\(quarter.lastMonth)"),
                    Link(label: "Police beat comparison \(quarter.label)", href: "/performance/beats"),
                    Link(label: "Borough performance \(quarter.financialYear)", href: "/performance?fy=\(quarter.financialYear)"),
                    Link(label: "Plans and their statuses", href: "/plans")])
    }

    /// The next meeting the role may read, else the latest one.
    private func meeting(_ role: Role) async throws -> Link? {
        let today = CalendarDay(containing: services.clock.now())
        let meetings = try await PackService(services: services).meetingList(readableBy: role).map(\.meeting).sorted { $0.date < $1.date }
        if let next = meetings.first(where: { $0.date >= today }) { return Link(label: "Next meeting: \(next.date.label)", href: "/meetings/\(next.id)") }
        return meetings.last.map { Link(label: "Latest meeting: \($0.date.label)", href: "/meetings/\($0.id)") }
    }
}
