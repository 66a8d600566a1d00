import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// Crime and anti-social-behaviour performance pages, each downloadable as CSV, XLSX or JSON
/// (`?format=`), all from `PerformanceService`.
struct PerformanceController {
    let services: AppServices
    let views: Views
    var performance: PerformanceService { PerformanceService(services: services) }

    struct ReportPage {
        let chrome: PageChrome
        let heading: String
        let lead: String
        let note: PeriodNote?
        let table: TableView
        let downloads: [Download]
        let form: PeriodForm?
        let legend: Bool
        let narrative: [String]
        let links: [Link]
        let hasNarrative: Bool
        let hasLinks: Bool
        let trends: [Link]
        let hasTrends: Bool
    }
    struct Download { let label: String; let href: String }
    struct Fact { let label: String; let value: String }
    /// Which period a report shows and why: the rule when it was chosen for the reader, or
    /// "no figures yet" with a link to the period the reports open on when the one asked for is empty.
    struct PeriodNote {
        let text: String
        let linkLabel: String
        let href: String
        let hasLink: Bool
        let empty: Bool

        /// Nil when the reader asked for a period that has figures: nothing needs saying.
        init?(asked: Bool, empty: Bool, shown: String, opening: (label: String, href: String)?, why: String, whenEmpty: String? = nil) {
            self.empty = empty
            if empty {
                text = whenEmpty ?? "No figures yet for \(shown)."
                (linkLabel, href) = opening.map { ("Show \($0.label), the latest complete period", $0.href) } ?? ("", "")
            } else if !asked {
                text = "Showing \(shown): \(why)."
                (linkLabel, href) = ("", "")
            } else {
                return nil
            }
            hasLink = !href.isEmpty
        }
    }
    struct PeriodForm { let label: String; let name: String; let value: String; let hint: String }

    struct IndicatorPage {
        let chrome: PageChrome
        let indicator: String
        let facts: [Fact]
        let chart: String
        let trend: TableView
    }

    func register(on routes: SecureRoutes) {
        routes.page("/performance", .signedInAny) { request, context in
            let opening = try await performance.defaultQuarter()
            let asked = try request.query.get("fy").map { try FinancialYear(parsing: $0) }
            let year = asked ?? opening?.financialYear ?? FinancialYear(containing: Month(containing: services.clock.now()))
            let report = try await performance.borough(year: year)
            let note = PeriodNote(asked: asked != nil, empty: !report.hasFigures, shown: "\(year)", opening: opening.map { ("\($0.financialYear)", "/performance?fy=\($0.financialYear)") },
                                  why: "the year of the latest quarter for which most indicators have all three months' figures")
            return try respond(request, context, report.table, json: report.json, name: "borough-performance-\(year.startYear)",
                               heading: "Borough performance \(year)", current: "/performance",
                               lead: "Monthly figures for the financial year, with the previous year's total and performance against the same period last year.",
                               note: note,
                               form: PeriodForm(label: "Financial year", name: "fy", value: year.description, hint: "For example 2018/19"),
                               links: [Link(label: "Quarterly performance report", href: "/performance/quarterly"),
                                       Link(label: "Police beat comparison", href: "/performance/beats")]
                                   + (RoleSet.staff.allows(context.identity.user.role)
                                      ? [Link(label: "Enter or upload figures", href: "/performance/figures?fy=\(year)"),
                                         Link(label: "Import police.uk data", href: "/performance/police-uk")] : []))
        }
        routes.page("/performance/quarterly", .signedInAny) { request, context in
            let opening = try await performance.defaultQuarter()
            let asked = try request.query.get("through").map { try Month(parsing: $0) }
            let through = try await month(asked, opening: opening)
            let report = try await performance.baseline(through: through)
            let counts = report.statusCounts
            let note = PeriodNote(asked: asked != nil, empty: counts.values.reduce(0, +) == 0, shown: "the 12 months ending \(through.label)",
                                  opening: opening.map { ("the 12 months ending \($0.lastMonth.label)", "/performance/quarterly?through=\($0.lastMonth)") },
                                  why: "the end of the latest quarter for which most indicators have all three months' figures",
                                  whenEmpty: "No indicator has figures for all of the 12 months ending \(through.label) yet, so none has a status.")
            return try respond(request, context, report.table, json: report.json, name: "quarterly-performance-\(through)",
                               heading: "Quarterly performance report", current: "/performance",
                               lead: "Each indicator's last 12 months against its baseline, the previous financial year. Green \(counts[.green] ?? 0), Amber \(counts[.amber] ?? 0), Red \(counts[.red] ?? 0).",
                               note: note,
                               form: PeriodForm(label: "12 months ending", name: "through", value: through.description, hint: "A month, e.g. 2018-12"),
                               legend: true,
                               links: [Link(label: "Borough performance \(through.financialYear)", href: "/performance?fy=\(through.financialYear)"),
                                       Link(label: "Police beat comparison \(through.quarter.label)", href: "/performance/beats?quarter=\(through.quarter)")],
                               trends: report.rows.map { Link(label: "Trend: \($0.indicator.name)", href: "/performance/indicators/\($0.indicator.key)") })
        }
        routes.page("/performance/beats", .signedInAny) { request, context in
            let asked = try request.query.get("quarter").map { try Quarter(parsing: $0) }
            let (report, quarter, opening, hasFigures) = try await performance.beatsPage(asked: asked, fallback: try await month(nil, opening: nil).quarter)
            let note = PeriodNote(asked: asked != nil, empty: !hasFigures, shown: quarter.label,
                                  opening: opening.map { ($0.label, "/performance/beats?quarter=\($0)") },
                                  why: "the latest quarter for which most beats' figures have all three months")
            return try respond(request, context, report.table, json: report.json, name: "beat-comparison-\(quarter)",
                               heading: "Police beat comparison", current: "/performance",
                               lead: "\(quarter.label) against \(quarter.sameQuarterLastYear.label), per beat. Increases are red and reductions green; the change column gives the sign as well.",
                               note: note,
                               form: PeriodForm(label: "Quarter", name: "quarter", value: quarter.description, hint: "For example 2018/19-Q3"),
                               narrative: report.narrativeLines,
                               links: [Link(label: "Quarterly performance report", href: "/performance/quarterly?through=\(quarter.lastMonth)"),
                                       Link(label: "Borough performance \(quarter.financialYear)", href: "/performance?fy=\(quarter.financialYear)")])
        }
        routes.page("/performance/indicators/:key", .signedInAny) { request, context in
            try await indicatorPage(request, context)
        }
    }

    /// The month asked for; else the last month of the quarter the reports open on; else the
    /// latest reported month; else this month.
    private func month(_ asked: Month?, opening: Quarter?) async throws -> Month {
        if let month = asked ?? opening?.lastMonth { return month }
        return try await performance.latestMonth() ?? Month(containing: services.clock.now())
    }

    private func respond<J: Encodable>(_ request: Request, _ context: SignedInContext, _ table: ReportTable, json: J, name: String,
                                       heading: String, current: String, lead: String, note: PeriodNote? = nil, form: PeriodForm?, legend: Bool = false,
                                       narrative: [String] = [], links: [Link] = [], trends: [Link] = []) throws -> Response {
        switch request.query.get("format") ?? "html" {
        case "csv": return download(Data(CSVRenderer.render(table).utf8), "\(name).csv", "text/csv; charset=utf-8")
        case "xlsx": return download(try XLSXWriter.render(table), "\(name).xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        case "json": return download(try JSONEncoder.safer.encode(json), "\(name).json", "application/json; charset=utf-8")
        case "html": break
        case let other: throw ValidationError("'\(other)' is not a download format: use csv, xlsx or json.")
        }
        var base = URLComponents(string: request.uri.description) ?? URLComponents()
        func link(_ format: String) -> String {
            base.queryItems = (base.queryItems ?? []).filter { $0.name != "format" } + [URLQueryItem(name: "format", value: format)]
            return base.string ?? "?format=\(format)"
        }
        let page = ReportPage(chrome: PageChrome(title: heading, context: context, current: current), heading: heading, lead: lead, note: note,
                              table: TableView(table),
                              downloads: [Download(label: "CSV", href: link("csv")), Download(label: "Excel (XLSX)", href: link("xlsx")),
                                          Download(label: "JSON", href: link("json"))],
                              form: form, legend: legend, narrative: narrative, links: links,
                              hasNarrative: !narrative.isEmpty, hasLinks: !links.isEmpty, trends: trends, hasTrends: !trends.isEmpty)
        return views.response("report", page)
    }

    private func indicatorPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let key = try context.parameters.require("key")
        let asked = try request.query.get("through").map { try Month(parsing: $0) }
        let through = try await month(asked, opening: asked == nil ? performance.defaultQuarter() : nil)
        let trend = try await performance.trend(indicatorKey: key, through: through)
        let indicator = trend.indicator, baseline = trend.baseline
        let chart = TrendChartSVG.render(title: trend.title, points: trend.points, baseline: baseline.isComplete ? baseline.value : nil)
        let table = trend.table
        let facts = [
            Fact(label: "Polarity", value: indicator.polarity == .fewerIsBetter ? "Fewer is better" : "More is better"),
            Fact(label: "Status threshold", value: "±\(DisplayFormat.number(indicator.thresholdPercent, decimals: 1))%"),
            Fact(label: "Source", value: indicator.source == .policeUK ? "police.uk (\(indicator.crimeTypes.joined(separator: ", ")))" : "Partner figures"),
            Fact(label: "Baseline \(through.financialYear.previous)", value: baseline.displayText),
        ]
        let page = IndicatorPage(chrome: PageChrome(title: indicator.name, context: context, current: "/performance"),
                                 indicator: indicator.name, facts: facts, chart: chart, trend: TableView(table))
        return views.response("indicator", page)
    }
}
