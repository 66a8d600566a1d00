import Foundation
import SaferDomain

/// What the performance reports are computed from: the catalogue and every figure for one area.
public struct PerformanceInputs: Sendable {
    public let indicators: [Indicator]
    public let themes: [Theme]
    public let figures: [String: IndicatorFigures]
    public let area: Area
    /// The area's population and homes by year, for rates over a period.
    public let populations: [AreaPopulation]

    public init(indicators: [Indicator], themes: [Theme], figures: [String: IndicatorFigures], area: Area, populations: [AreaPopulation] = []) {
        self.indicators = indicators
        self.themes = themes
        self.figures = figures
        self.area = area
        self.populations = populations
    }

    /// Indicators grouped by theme, in table order; indicators without a theme come last.
    var byTheme: [(theme: String?, indicators: [Indicator])] {
        let names = Dictionary(uniqueKeysWithValues: themes.map { ($0.key, $0.name) })
        let order = Dictionary(uniqueKeysWithValues: themes.map { ($0.key, $0.position) })
        let groups = Dictionary(grouping: indicators, by: { $0.themeKey.flatMap { names[$0] == nil ? nil : $0 } })
        return groups.sorted { (order[$0.key ?? ""] ?? .max, $0.key ?? "") < (order[$1.key ?? ""] ?? .max, $1.key ?? "") }
            .map { group in (group.key.flatMap { names[$0] }, group.value.sorted { ($0.position, $0.key) < ($1.position, $1.key) }) }
    }

    /// The figures of an indicator; for a proportion, nil (its values come from two others).
    func figures(of indicator: Indicator) -> IndicatorFigures {
        figures[indicator.key] ?? IndicatorFigures()
    }

    /// The latest month with a reported figure for any indicator, if any.
    public var latestReportedMonth: Month? {
        figures.values.compactMap(\.months.latestReportedMonth).max()
    }
}

/// The share one indicator's total is of another's over a period, e.g. domestic-abuse-flagged
/// violence with injury as a share of all violence with injury. Nil unless both are complete.
func proportion(_ indicator: Indicator, over period: Period, in inputs: PerformanceInputs) -> Proportion? {
    guard let numeratorKey = indicator.parentKey, let baseKey = indicator.baseKey else { return nil }
    let numerator = (inputs.figures[numeratorKey] ?? IndicatorFigures()).total(over: period)
    let base = (inputs.figures[baseKey] ?? IndicatorFigures()).total(over: period)
    return Proportion(numerator, of: base)
}
