import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// Builds the performance reports from storage: the one place the pages, the API and the
/// command line get their numbers from.
public struct PerformanceService: Sendable {
    let services: AppServices

    public init(services: AppServices) { self.services = services }

    /// The catalogue and every figure for an area (the district when nil).
    public func inputs(areaKey: String? = nil) async throws -> PerformanceInputs {
        let storage = services.storage
        let area: Area
        if let areaKey {
            guard let found = try await storage.areas.find(key: areaKey) else { throw DomainError.notFound(entity: "area", id: areaKey) }
            area = found
        } else {
            area = try await district()
        }
        let indicators = try await storage.indicators.list()
        let figures = try await storage.figures.figures(indicatorKeys: indicators.map(\.key), areaKey: area.key)
        return PerformanceInputs(indicators: indicators, themes: try await storage.indicators.themes(), figures: figures, area: area)
    }

    /// The district: the first area of that kind.
    public func district() async throws -> Area {
        guard let area = try await services.storage.areas.list(kind: .district).first else {
            throw ValidationError("No district is set up yet: load the demo data or add the district's area first.")
        }
        return area
    }

    /// The monthly table for a financial year, through its latest reported month.
    public func borough(year: FinancialYear, through: Month? = nil) async throws -> BoroughPerformance {
        let inputs = try await inputs()
        let latest = inputs.figures.values.compactMap { $0.months.reportedMonths.filter(year.contains).max() }.max()
        return BoroughPerformance.build(year: year, through: through ?? latest ?? year.firstMonth, inputs: inputs)
    }

    /// Baseline, last 12 months, change and status through a month.
    public func baseline(through: Month) async throws -> BaselineReport {
        BaselineReport.build(through: through, inputs: try await inputs())
    }

    /// A quarter's beat comparison.
    public func beats(quarter: Quarter) async throws -> BeatComparisonReport {
        let beats = try await services.storage.areas.list(kind: .beat)
        var figures: [BeatCategory: [String: IndicatorFigures]] = [:]
        for category in BeatCategory.allCases {
            figures[category] = try await services.storage.figures.figuresByArea(indicatorKey: category.rawValue)
        }
        return try BeatComparisonReport.build(quarter: quarter, beats: beats, figures: figures)
    }

    /// The latest month any district figure is reported for.
    public func latestMonth() async throws -> Month? {
        try await inputs().latestReportedMonth
    }
}
