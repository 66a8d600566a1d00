import Foundation
import SaferDomain

/// The quarterly performance report: each indicator's baseline (the previous financial year's
/// total), its last 12 months, the change, and its Red/Amber/Green status.
public struct BaselineReport: Sendable {
    public struct Row: Sendable {
        public let indicator: Indicator
        public let theme: String?
        public let baseline: Total
        public let lastTwelveMonths: Total
        public let change: Comparison
        public let status: RAGStatus?
    }

    public let through: Month
    public let area: Area
    public let rows: [Row]
    /// Count indicators left out because they have no figures at all for the period.
    public let withoutFigures: [Indicator]
    /// The district's population and homes by year, for the rates.
    public var populations: [AreaPopulation] = []

    public static func build(through: Month, inputs: PerformanceInputs) -> BaselineReport {
        var rows: [Row] = []
        var without: [Indicator] = []
        for group in inputs.byTheme {
            for indicator in group.indicators where indicator.kind == .count {
                let figures = inputs.figures(of: indicator)
                let change = figures.changeOnBaseline(endingAt: through)
                if change.base.coverage.isEmpty && change.current.coverage.isEmpty {
                    without.append(indicator)
                    continue
                }
                rows.append(Row(indicator: indicator, theme: group.theme, baseline: change.base, lastTwelveMonths: change.current,
                                change: change, status: indicator.ragRule.status(for: change)))
            }
        }
        return BaselineReport(through: through, area: inputs.area, rows: rows, withoutFigures: without, populations: inputs.populations)
    }

    /// How many rows have each status.
    public var statusCounts: [RAGStatus: Int] {
        rows.reduce(into: [:]) { counts, row in if let status = row.status { counts[status, default: 0] += 1 } }
    }

    public var table: ReportTable {
        let base = through.financialYear.previous
        var tableRows: [ReportTable.Row] = []
        var currentTheme: String?? = .none
        for row in rows {
            if currentTheme != .some(row.theme), let theme = row.theme { tableRows.append(.init(heading: theme)) }
            currentTheme = .some(row.theme)
            // An incomplete change says so briefly; the totals beside it show which months they cover.
            let change: ReportTable.Cell = row.change.isComplete ? .comparison(row.change) : .init("incomplete")
            tableRows.append(.init(cells: [.init(row.indicator.name), .total(row.baseline), .total(row.lastTwelveMonths),
                                           change, .status(row.status), rate(row).cell]))
        }
        var notes = [
            "Green: more than the threshold (normally 5%) better than the baseline; Amber: within the threshold either side, inclusive; Red: more than the threshold worse. For most indicators fewer is better; where more is better (e.g. reported hate crime) the direction is reversed.",
            "The baseline is the \(base) total; the last 12 months end in \(through.longName) \(through.year).",
        ]
        if rows.contains(where: { $0.baseline.isSupplied || $0.lastTwelveMonths.isSupplied }) {
            notes.append("Some totals use figures supplied for a whole year or quarter without their months.")
        }
        if !withoutFigures.isEmpty { notes.append("No figures yet for: \(withoutFigures.map(\.name).joined(separator: ", ")).") }
        for why in Set(rows.compactMap { rate($0).missing }).sorted() { notes.append("No rate per 1,000: \(why)") }
        return ReportTable(title: "Quarterly performance – \(area.name)",
                           subtitle: "Baseline \(base) against the 12 months to \(through.longName) \(through.year)",
                           columns: [.init("Indicator"), .init("Baseline \(base)", .number), .init("Last 12 months", .number),
                                     .init("Change", .percent), .init("Status", .status), .init("Rate per 1,000", .number)],
                           rows: tableRows, notes: notes)
    }

    /// The last 12 months per 1,000 people (or homes, for burglary dwelling), from the figure
    /// for the period's year (`RateDenominator`); when there is none, the cell says so and
    /// `missing` says why.
    func rate(_ row: Row) -> (cell: ReportTable.Cell, missing: String?) {
        guard row.lastTwelveMonths.isComplete, let base = row.indicator.rateBase else { return (.init(""), nil) }
        switch RateDenominator.forPeriod(Period(months: 12, endingAt: through), base: base, area: area, populations: populations) {
        case .known(let denominator, let year):
            let rate = Rate(count: row.lastTwelveMonths.value, denominator: Double(denominator))
            return (ReportTable.Cell("\(rate.displayText(decimals: 1)) \(base.label)\(year.map { " (\($0) figure)" } ?? "")", number: rate.value), nil)
        case .missing(let why):
            return (.init("not available"), why)
        }
    }

    public var json: JSON {
        JSON(through: through.description, baselineYear: through.financialYear.previous.description, area: area.key,
             rows: rows.map { JSON.Row(indicator: $0.indicator.key, name: $0.indicator.name, theme: $0.theme,
                                       polarity: $0.indicator.polarity.key, thresholdPercent: $0.indicator.thresholdPercent,
                                       baseline: JSONTotal($0.baseline), lastTwelveMonths: JSONTotal($0.lastTwelveMonths),
                                       change: JSONComparison($0.change), status: $0.status) })
    }

    public struct JSON: Codable, Sendable {
        public struct Row: Codable, Sendable {
            public let indicator: String, name: String, theme: String?, polarity: String, thresholdPercent: Double
            public let baseline: JSONTotal, lastTwelveMonths: JSONTotal, change: JSONComparison, status: RAGStatus?
        }
        public let through: String, baselineYear: String, area: String
        public let rows: [Row]
    }
}
