import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports
import SaferWeb

/// `safer report defra-return --from YYYY-MM --to YYYY-MM`.
struct ReportDefraReturnCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "defra-return",
        abstract: "Defra's fly-tipping return for a quarter or a year: incidents by land type × size with clearance costs, by waste type, and enforcement actions by type.",
        discussion: "CSV is one line per number (section,category,size,count,cost); XLSX has one sheet per table.")
    @OptionGroup var database: DatabaseOption
    @OptionGroup var period: PeriodOptions
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let range = try period.range()
        try await withServices(try database.configuration()) { services in
            let report = DefraReturnReport(try await FlyTipService(services: services).defraReturn(range))
            try output.write(report.tables, csv: report.csv, json: report.document)
        }
    }
}
