import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports
import SaferWeb

/// How a report is written: an aligned table, CSV, JSON or an Excel workbook.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, xlsx
}

/// `--format` and `--output`, shared by the performance reports.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: table, csv, json or xlsx.", valueName: "format")) var format: ReportFormat = .table
    @Option(help: ArgumentHelp("Write to this file instead of standard output (needed for xlsx on a terminal).", valueName: "file"))
    var output: String?

    /// Writes a report in the chosen format.
    func write<J: Encodable>(_ table: ReportTable, json: J) throws { try write([table], json: json) }

    /// Writes a report of several tables: one after another as text, one sheet each in XLSX, and
    /// as CSV the given text (a machine-readable long form) or else the first table.
    func write<J: Encodable>(_ tables: [ReportTable], csv: String? = nil, json: J) throws {
        let data: Data
        switch format {
        case .table: data = Data(tables.map(TextTableRenderer.render).joined(separator: "\n").utf8)
        case .csv: data = Data((csv ?? CSVRenderer.render(tables[0])).utf8)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            data = try encoder.encode(json) + Data("\n".utf8)
        case .xlsx:
            if output == nil && isatty(STDOUT_FILENO) != 0 {
                throw SaferDomain.ValidationError("An XLSX workbook is binary: give --output FILE.xlsx, or redirect standard output to a file.")
            }
            data = try XLSXWriter.render(tables)
        }
        if let output {
            try data.write(to: URL(fileURLWithPath: output))
            FileHandle.standardError.write(Data("Wrote \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(data)
        }
    }
}

/// `safer report borough --fy 2018/19`.
struct ReportBoroughCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "borough",
        abstract: "The monthly borough performance table for a financial year (previous year, Apr–Mar, total to date, vs same period).")
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Financial year, e.g. 2018/19.", valueName: "YYYY/YY")) var fy: String
    @Option(help: ArgumentHelp("Count months through this one (default: the latest reported).", valueName: "YYYY-MM")) var through: String?
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let year = try FinancialYear(parsing: fy)
        let month = try through.map { try Month(parsing: $0) }
        try await withServices(try database.configuration()) { services in
            let report = try await PerformanceService(services: services).borough(year: year, through: month)
            try output.write(report.table, json: report.json)
        }
    }
}

/// `safer report baseline --through 2018-12`.
struct ReportBaselineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "baseline",
        abstract: "The quarterly performance report: baseline, last 12 months, change and Red/Amber/Green status.")
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("The last month of the 12, e.g. 2018-12.", valueName: "YYYY-MM")) var through: String
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let month = try Month(parsing: through)
        try await withServices(try database.configuration()) { services in
            let report = try await PerformanceService(services: services).baseline(through: month)
            try output.write(report.table, json: report.json)
        }
    }
}

/// `safer report beats --quarter 2018/19-Q3`.
struct ReportBeatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "beats",
        abstract: "A quarter against the same quarter last year for every police beat, with the narrative.")
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Quarter, e.g. 2018/19-Q3.", valueName: "YYYY/YY-QN")) var quarter: String
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let parsed = try Quarter(parsing: quarter)
        try await withServices(try database.configuration()) { services in
            let report = try await PerformanceService(services: services).beats(quarter: parsed)
            try output.write(report.table, json: report.json)
        }
    }
}
