import Foundation
import SaferDomain

/// A quarter against the same quarter last year for every beat: total recorded crime, vehicle
/// crime and anti-social behaviour, with the narrative the officer used to write by hand.
public struct BeatComparisonReport: Sendable {
    public let comparison: BeatComparison
    public let narrative: BeatNarrative
    /// Beats without complete figures for both quarters, per category.
    public let missing: [String]

    /// Builds the comparison from each beat's figures per category (figures keyed by beat key,
    /// per category). Beats are named by their area names.
    public static func build(quarter: Quarter, beats: [Area], figures: [BeatCategory: [String: IndicatorFigures]]) throws -> BeatComparisonReport {
        var cells: [BeatComparison.Cell] = []
        var missing: [String] = []
        for beat in beats.sorted(by: { $0.name < $1.name }) {
            for category in BeatCategory.allCases {
                let series = figures[category]?[beat.key] ?? IndicatorFigures()
                let now = series.total(over: quarter.period), before = series.total(over: quarter.sameQuarterLastYear.period)
                guard now.isComplete, before.isComplete else {
                    if !now.coverage.isEmpty || !before.coverage.isEmpty { missing.append("\(beat.name) (\(category.displayName))") }
                    continue
                }
                cells.append(.init(beat: beat.name, category: category, lastYear: Int(before.value), thisYear: Int(now.value)))
            }
        }
        let comparison = try BeatComparison(quarter: quarter, cells: cells)
        return BeatComparisonReport(comparison: comparison, narrative: comparison.narrative(), missing: missing)
    }

    public var table: ReportTable {
        let categories = comparison.categories
        var columns = [ReportTable.Column("Beat")]
        for category in categories {
            columns += [.init("\(category.displayName) \(comparison.baseQuarter.label)", .number),
                        .init("\(category.displayName) \(comparison.quarter.label)", .number),
                        .init("\(category.displayName) change", .number)]
        }
        let rows = comparison.beats.map { beat in
            ReportTable.Row(cells: [.init(beat)] + categories.flatMap { category -> [ReportTable.Cell] in
                guard let cell = comparison.cell(beat: beat, category: category) else { return [.init(""), .init(""), .init("")] }
                return [.count(Double(cell.lastYear)), .count(Double(cell.thisYear)),
                        .init(cell.changeText(), number: Double(cell.change), tone: cell.direction.colour)]
            })
        }
        var notes = narrativeLines
        notes.append("An increase is shown red and a reduction green; no change is neutral.")
        if !missing.isEmpty { notes.append("Left out for incomplete figures: \(missing.joined(separator: "; ")).") }
        return ReportTable(title: "Police beat comparison \(comparison.quarter.label) against \(comparison.baseQuarter.label)",
                           columns: columns, rows: rows, notes: notes)
    }

    /// The narrative as sentences.
    public var narrativeLines: [String] {
        var lines = ["Biggest increases:"]
        lines += narrative.biggestIncreases.map { "  " + $0.text() }
        if let good = narrative.reductionsInEveryCategoryText { lines.append("Good news: " + good) }
        lines.append("Largest reductions:")
        lines += narrative.largestReductions.map { "  " + $0.text() }
        return lines
    }

    public var json: JSON {
        JSON(quarter: comparison.quarter.description, baseQuarter: comparison.baseQuarter.description,
             cells: comparison.cells.map { JSON.Cell(beat: $0.beat, category: $0.category.rawValue, lastYear: $0.lastYear,
                                                      thisYear: $0.thisYear, change: $0.change, direction: $0.direction.colour) },
             biggestIncreases: Dictionary(uniqueKeysWithValues: narrative.biggestIncreases.map { ($0.category.rawValue, $0.text()) }),
             largestReductions: Dictionary(uniqueKeysWithValues: narrative.largestReductions.map { ($0.category.rawValue, $0.text()) }),
             reductionsInEveryCategory: narrative.reductionsInEveryCategory, missing: missing)
    }

    public struct JSON: Codable, Sendable {
        public struct Cell: Codable, Sendable { public let beat: String, category: String, lastYear: Int, thisYear: Int, change: Int, direction: String }
        public let quarter: String, baseQuarter: String
        public let cells: [Cell]
        public let biggestIncreases: [String: String]
        public let largestReductions: [String: String]
        public let reductionsInEveryCategory: [String]
        public let missing: [String]
    }
}
