import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports
import SaferWeb

/// `safer report plan-summary --fy 2018/19 [--plan KIND] [--quarter N]`.
struct ReportPlanSummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan-summary",
        abstract: "Counts and whole percentages of plan items by status (Green, Amber, Red) per plan and per committee, and the items whose assigned status differs from Safer's suggestion.",
        discussion: PlanSummaryReport.roundingRule)
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Financial year, e.g. 2018/19.", valueName: "YYYY/YY")) var fy: String
    @Option(help: ArgumentHelp("Only plans of this kind: action, partnership, corporate or service.", valueName: "kind")) var plan: String?
    @Option(help: ArgumentHelp("Statuses in this quarter, 1 to 4 (default: each item's latest status in the year).", valueName: "N")) var quarter: Int?
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let year = try FinancialYear(parsing: fy)
        let kind = try plan.map { try Plan.Kind(parsing: $0) }
        var number: Quarter.Number?
        if let quarter {
            guard let parsed = Quarter.Number(rawValue: quarter) else {
                throw ArgumentParser.ValidationError("--quarter \(quarter) is not a quarter: use 1 to 4 (1 is April–June, 4 January–March).")
            }
            number = parsed
        }
        try await withServices(try database.configuration()) { services in
            let report = try await PlanService(services: services).summary(year: year, kind: kind, quarter: number)
            try output.write(report.table, json: report.json)
        }
    }
}
