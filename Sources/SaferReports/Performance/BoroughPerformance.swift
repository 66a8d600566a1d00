import Foundation
import SaferDomain

/// The monthly table for a financial year, as the seed's "Borough performance" appendix:
/// previous year's total, April to March, total to date, and performance against the same
/// period last year. Not-reported months are blank; TBC months say TBC.
public struct BoroughPerformance: Sendable {
    public struct Row: Sendable {
        public let indicator: Indicator
        public let theme: String?
        public let previousYear: Total?
        public let months: [Month: FigureValue]
        public let toDate: Total?
        public let versusSamePeriod: Comparison?
        /// For proportions: the share per month and to date, as percentages.
        public let shares: [Month: String]
        public let shareToDate: String?
    }

    public let year: FinancialYear
    public let through: Month
    public let area: Area
    public let rows: [Row]

    /// Whether any month of the year has a number (an empty year says "no figures yet").
    public var hasFigures: Bool { rows.contains { $0.months.values.contains(where: \.isNumber) } }

    /// Builds the table for a year, counting months through `through` as reported so far.
    public static func build(year: FinancialYear, through: Month, inputs: PerformanceInputs) -> BoroughPerformance {
        let end = min(max(through, year.firstMonth), year.lastMonth)
        var rows: [Row] = []
        for group in inputs.byTheme {
            for indicator in group.indicators {
                if indicator.kind == .proportion {
                    var shares: [Month: String] = [:]
                    for month in year.months where month <= end {
                        if let share = proportion(indicator, over: Period(month...month), in: inputs) { shares[month] = share.wholePercentageText }
                    }
                    let toDate = proportion(indicator, over: Period(year.firstMonth...end), in: inputs)?.wholePercentageText
                    rows.append(Row(indicator: indicator, theme: group.theme, previousYear: nil, months: [:], toDate: nil,
                                    versusSamePeriod: nil, shares: shares, shareToDate: toDate))
                    continue
                }
                let figures = inputs.figures(of: indicator)
                let months = Dictionary(uniqueKeysWithValues: year.months.map { ($0, $0 <= end ? figures.months[$0] : .notReported) })
                rows.append(Row(indicator: indicator, theme: group.theme, previousYear: figures.total(over: year.previous.period),
                                months: months, toDate: figures.totalToDate(through: end),
                                versusSamePeriod: figures.performanceVersusSamePeriodLastYear(through: end), shares: [:], shareToDate: nil))
            }
        }
        return BoroughPerformance(year: year, through: end, area: inputs.area, rows: rows)
    }


    /// The table every format renders.
    public var table: ReportTable {
        var columns = [ReportTable.Column("Indicator"), ReportTable.Column("\(year.previous) total", .number)]
        columns += year.months.map { ReportTable.Column($0.shortName, .number) }
        columns += [ReportTable.Column("Total to date", .number), ReportTable.Column("vs same period \(year.previous)", .percent)]
        var tableRows: [ReportTable.Row] = []
        var currentTheme: String?? = .none
        for row in rows {
            if currentTheme != .some(row.theme), let theme = row.theme { tableRows.append(.init(heading: theme)) }
            currentTheme = .some(row.theme)
            var cells = [ReportTable.Cell(row.indicator.name)]
            if row.indicator.kind == .proportion {
                cells.append(.init(""))
                cells += year.months.map { ReportTable.Cell(row.shares[$0] ?? "") }
                cells += [.init(row.shareToDate ?? ""), .init("")]
            } else {
                cells.append(row.previousYear.map(ReportTable.Cell.total) ?? .init(""))
                cells += year.months.map { ReportTable.Cell.figure(row.months[$0] ?? .notReported) }
                cells.append(row.toDate.map(ReportTable.Cell.total) ?? .init(""))
                cells.append(row.versusSamePeriod.map(ReportTable.Cell.comparison) ?? .init(""))
            }
            tableRows.append(.init(cells: cells))
        }
        return ReportTable(
            title: "Borough performance \(year) – \(area.name)",
            subtitle: "Months reported through \(through.longName) \(through.year)",
            columns: columns, rows: tableRows,
            notes: ["A blank month is not yet reported; TBC means the source has not supplied it yet. Totals that include such months show the months they cover.",
                    "Performance compares the total to date with the same months of \(year.previous); it is incomplete when those months are missing."])
    }

    /// The JSON form: figures as numbers, "TBC" or null, with display text beside them.
    public var json: JSON {
        JSON(financialYear: year.description, through: through.description, area: area.key, rows: rows.map { row in
            JSON.Row(indicator: row.indicator.key, name: row.indicator.name, theme: row.theme,
                     previousYearTotal: row.previousYear.map(JSONTotal.init),
                     months: Dictionary(uniqueKeysWithValues: row.months.map { ($0.key.description, $0.value) }).filter { $0.value != .notReported },
                     totalToDate: row.toDate.map(JSONTotal.init),
                     versusSamePeriod: row.versusSamePeriod.map(JSONComparison.init),
                     shares: row.shares.isEmpty ? nil : Dictionary(uniqueKeysWithValues: row.shares.map { ($0.key.description, $0.value) }),
                     shareToDate: row.shareToDate)
        })
    }

    public struct JSON: Codable, Sendable {
        public struct Row: Codable, Sendable {
            public let indicator: String, name: String, theme: String?
            public let previousYearTotal: JSONTotal?
            public let months: [String: FigureValue]
            public let totalToDate: JSONTotal?
            public let versusSamePeriod: JSONComparison?
            public let shares: [String: String]?
            public let shareToDate: String?
        }
        public let financialYear: String, through: String, area: String
        public let rows: [Row]
    }
}

/// A total in JSON: the value when complete, and always the text people read.
public struct JSONTotal: Codable, Sendable, Hashable {
    public let value: Double?
    public let complete: Bool
    public let coverage: String
    public let supplied: Bool
    public let text: String

    public init(_ total: Total) {
        value = total.isComplete ? total.value : nil
        complete = total.isComplete
        coverage = total.coverage.label
        supplied = total.isSupplied
        text = total.displayText
    }
}

/// A comparison in JSON: the change as a ratio when it can be computed, and the text.
public struct JSONComparison: Codable, Sendable, Hashable {
    public let change: Double?
    public let text: String
    public init(_ comparison: Comparison) { change = comparison.change; text = comparison.displayText() }
}
