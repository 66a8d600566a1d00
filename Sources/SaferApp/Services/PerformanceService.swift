import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// Builds the performance reports from storage: the one place the pages, the API and the
/// command line get their numbers from.
public struct PerformanceService: Sendable {
    let areas: any AreaRepository
    let figures: any FigureRepository
    let indicators: any IndicatorRepository
    let policeCrimes: any PoliceCrimeRepository
    /// With both, inputs are kept per area until the `performance` data version moves.
    let cache: (versions: any DataVersionRepository, inputs: VersionedCache<String, PerformanceInputs>)?

    /// A service with only what it uses.
    public init(areas: any AreaRepository, figures: any FigureRepository, indicators: any IndicatorRepository, policeCrimes: any PoliceCrimeRepository,
                cache: (versions: any DataVersionRepository, inputs: VersionedCache<String, PerformanceInputs>)? = nil) {
        self.areas = areas
        self.figures = figures
        self.indicators = indicators
        self.policeCrimes = policeCrimes
        self.cache = cache
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(areas: services.storage.areas, figures: services.storage.figures, indicators: services.storage.indicators, policeCrimes: services.storage.policeCrimes,
                  cache: (services.storage.dataVersions, services.performanceCache))
    }

    /// The catalogue and every figure for an area (the district when nil): from the cache
    /// while no table they are built from has changed since.
    public func inputs(areaKey: String? = nil) async throws -> PerformanceInputs {
        guard let cache else { return try await uncachedInputs(areaKey: areaKey) }
        let version = try await cache.versions.version("performance")
        return try await cache.inputs.value(for: areaKey ?? "", at: version) { try await uncachedInputs(areaKey: areaKey) }
    }

    /// The `performance` data version now, when this service caches (nil when it does not).
    public func dataVersion() async throws -> Int64? {
        guard let cache else { return nil }
        return try await cache.versions.version("performance")
    }

    /// The inputs read afresh from storage.
    func uncachedInputs(areaKey: String?) async throws -> PerformanceInputs {
        let area: Area
        if let areaKey {
            guard let found = try await areas.find(key: areaKey) else { throw DomainError.notFound(entity: "area", id: areaKey) }
            area = found
        } else {
            area = try await district()
        }
        let indicators = try await self.indicators.list()
        var figures = try await self.figures.figures(indicatorKeys: indicators.map(\.key), areaKey: area.key)
        if area.kind == .district {
            for (key, counted) in try await policeCounts(indicators) {
                figures[key, default: IndicatorFigures()].fillUnreportedMonths(from: counted)
            }
        }
        return PerformanceInputs(indicators: indicators, themes: try await self.indicators.themes(), figures: figures, area: area,
                                 populations: try await areas.populations(areaKey: area.key))
    }

    /// Monthly counts of imported police.uk rows for each indicator counted from police.uk, over
    /// the months imported (the mapping is `PoliceUKIndicatorCounts`, beside the catalogue).
    func policeCounts(_ indicators: [Indicator]) async throws -> [String: MonthlySeries] {
        let months = try await policeCrimes.importedMonths().map(\.month)
        guard indicators.contains(where: { $0.source == .policeUK }), let first = months.min(), let last = months.max() else { return [:] }
        let rows = try await policeCrimes.counts(from: first, to: last, by: [.month, .crimeType])
        return PoliceUKIndicatorCounts.series(for: indicators, counts: rows, months: months)
    }

    /// Per beat, monthly police.uk counts for each beat-comparison category, over the months imported.
    func policeBeatCounts() async throws -> [BeatCategory: [String: MonthlySeries]] {
        let months = try await policeCrimes.importedMonths().map(\.month)
        guard let first = months.min(), let last = months.max() else { return [:] }
        let rows = try await policeCrimes.counts(from: first, to: last, by: [.month, .crimeType, .beat])
        return PoliceUKIndicatorCounts.beatSeries(catalogue: try await indicators.list(), counts: rows, months: months)
    }

    /// The district: the first area of that kind.
    public func district() async throws -> Area { try await Self.district(in: areas) }

    /// The district among `areas`, or a message saying how to set one up.
    static func district(in areas: any AreaRepository) async throws -> Area {
        guard let area = try await areas.list(kind: .district).first else {
            throw DomainError.notSetUp("No district is set up yet: an administrator adds it on Admin → Areas (or loads the demo data), then the indicators and their figures.")
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
        try BeatComparisonReport.build(quarter: quarter, beats: try await areas.list(kind: .beat), figures: try await beatFigures())
    }

    /// Each beat-comparison category's figures per beat: entered figures, with imported
    /// police.uk counts in the months nobody entered.
    func beatFigures() async throws -> [BeatCategory: [String: IndicatorFigures]] {
        var figures: [BeatCategory: [String: IndicatorFigures]] = [:]
        let counted = try await policeBeatCounts()
        for category in BeatCategory.allCases {
            var byBeat = try await self.figures.figuresByArea(indicatorKey: category.rawValue)
            for (beat, series) in counted[category] ?? [:] { byBeat[beat, default: IndicatorFigures()].fillUnreportedMonths(from: series) }
            figures[category] = byBeat
        }
        return figures
    }

    /// The quarter the district's reports open on when none is asked for: the latest complete
    /// one (`Completeness`), else the quarter of the latest figure; nil with no figures at all.
    public func defaultQuarter() async throws -> Quarter? {
        Completeness.openingQuarter(in: try await inputs().figures.values.map(\.months))
    }

    /// The latest month on or before `month` that is complete (`Completeness`), or nil.
    public func latestCompleteMonth(onOrBefore month: Month) async throws -> Month? {
        Completeness.latestCompleteMonth(in: try await inputs().figures.values.map(\.months), onOrBefore: month)
    }

    /// The beat comparison as its page shows it: the quarter asked for, else the one it opens on
    /// (the `Completeness` rule over the beats' figures); that opening quarter; and whether any
    /// beat has a figure in the quarter shown. The beats' figures are read once.
    public func beatsPage(asked: Quarter?, fallback: Quarter) async throws
        -> (report: BeatComparisonReport, quarter: Quarter, opening: Quarter?, hasFigures: Bool) {
        let figures = try await beatFigures()
        let opening = Completeness.openingQuarter(in: figures.values.flatMap { $0.values.map(\.months) })
        let quarter = asked ?? opening ?? fallback
        let report = try BeatComparisonReport.build(quarter: quarter, beats: try await areas.list(kind: .beat), figures: figures)
        let hasFigures = figures.values.contains { $0.values.contains { series in quarter.months.contains { series.months[$0].isNumber } } }
        return (report, quarter, opening, hasFigures)
    }

    /// An indicator's 12-month rolling totals for up to two years to `through` (from its first
    /// figures when later), with the baseline of `through`'s year: the trend chart and its table.
    public struct Trend: Sendable {
        public let indicator: Indicator
        public let figures: IndicatorFigures
        public let rolling: [(month: Month, total: Total)]
        public let baseline: Total

        /// The chart's points: a 12-month total only where it is complete.
        public var points: [TrendChartSVG.Point] { rolling.map { .init(month: $0.month, value: $0.total.isComplete ? $0.total.value : nil) } }

        /// "Violence with injury: 12-month rolling total".
        public var title: String { "\(indicator.name): 12-month rolling total" }

        /// The chart's text alternative as a table.
        public var table: ReportTable {
            ReportTable(title: "\(indicator.name): 12-month rolling totals",
                        columns: [.init("12 months ending"), .init("Monthly figure", .number), .init("12-month total", .number)],
                        rows: rolling.map { .init(cells: [.init($0.month.label), .figure(figures.months[$0.month]), .total($0.total)]) },
                        notes: ["Blank 12-month totals are incomplete: some of their months are not reported."])
        }
    }

    /// The trend of an indicator through a month.
    public func trend(indicatorKey: String, through last: Month) async throws -> Trend {
        guard let indicator = try await indicators.find(key: indicatorKey) else {
            throw DomainError.notFound(entity: "indicator", id: indicatorKey)
        }
        let figures = try await inputs().figures[indicatorKey] ?? IndicatorFigures()
        let first = max(last.adding(months: -23), figures.months.reportedMonths.first ?? last.adding(months: -23))
        return Trend(indicator: indicator, figures: figures, rolling: figures.rollingTwelveMonthTotals(from: first, through: last),
                     baseline: figures.baseline(for: last.financialYear))
    }

    // MARK: - Entering figures

    /// What storing these figures would do, worked out against what is stored; nothing is
    /// stored. Unknown indicators and areas are named here, before any preview is shown.
    public func figureChanges(_ figures: [MonthlyFigure]) async throws -> FigureChanges {
        try await check(figures)
        var stored: [String: [String: IndicatorFigures]] = [:]
        for key in Set(figures.map(\.indicatorKey)) { stored[key] = try await self.figures.figuresByArea(indicatorKey: key) }
        return FigureChanges(requested: figures) { stored[$0.indicatorKey]?[$0.areaKey]?.months[$0.month] ?? .notReported }
    }

    /// Refuses figures for unknown indicators or areas, and numbers the indicator cannot hold
    /// (see `Indicator.problem(with:)`), naming every one.
    private func check(_ figures: [MonthlyFigure]) async throws {
        let indicators = Dictionary(try await indicators.list().map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let areas = Set(try await areas.list(kind: nil).map(\.key))
        var problems = ValidationProblems()
        for key in Set(figures.map(\.indicatorKey)).subtracting(indicators.keys).sorted() {
            problems.add("'\(key.quoted())' is not an indicator: see the indicator list (safer indicator list) for the keys.")
        }
        for key in Set(figures.map(\.areaKey)).subtracting(areas).sorted() {
            problems.add("'\(key.quoted())' is not an area: leave the area blank for the district, or use a ward's or beat's key.")
        }
        for figure in figures {
            if let indicator = indicators[figure.indicatorKey], let problem = indicator.problem(with: figure.value) {
                problems.add("\(indicator.name), \(figure.month), \(figure.areaKey): \(problem)")
            }
        }
        try problems.throwIfAny()
    }

    /// Sets figures as given (`notReported` removes one), after the same checks as an upload;
    /// for the API, whose callers say exactly what they mean. Returns how many changed.
    public func set(_ figures: [MonthlyFigure], by actor: Actor) async throws -> Int {
        try await check(figures)
        return try await self.figures.set(figures, by: actor)
    }

    /// Stores previewed changes. Removing figures needs `removalsConfirmed`; a preview whose
    /// fingerprint no longer matches the stored figures is refused, so a person never confirms
    /// one set of changes and gets another.
    public func store(_ figures: [MonthlyFigure], previewed fingerprint: String?, removalsConfirmed: Bool, by actor: Actor) async throws -> FigureChanges {
        let changes = try await figureChanges(figures)
        if let fingerprint, fingerprint != changes.fingerprint {
            throw FigureEntryError.previewOutOfDate(changes)
        }
        if !changes.removed.isEmpty, !removalsConfirmed {
            throw FigureEntryError.removalsNotConfirmed(changes)
        }
        _ = try await self.figures.set(changes.figures, by: actor)
        return changes
    }

    /// The latest month any district figure is reported for.
    public func latestMonth() async throws -> Month? {
        try await inputs().latestReportedMonth
    }
}

/// Why previewed figures were not stored.
public enum FigureEntryError: Error, Sendable, CustomStringConvertible {
    /// The stored figures changed after the preview was made.
    case previewOutOfDate(FigureChanges)
    /// Figures would be removed and nobody confirmed it.
    case removalsNotConfirmed(FigureChanges)

    public var description: String {
        switch self {
        case .previewOutOfDate:
            "The stored figures changed after this preview was made (someone else saved figures): check the changes below again."
        case .removalsNotConfirmed(let changes):
            "\(changes.removed.count) stored figure\(changes.removed.count == 1 ? "" : "s") would be removed: confirm the removal, or put the values back and upload again."
        }
    }

    /// The changes as they stand now.
    public var changes: FigureChanges {
        switch self {
        case .previewOutOfDate(let changes), .removalsNotConfirmed(let changes): changes
        }
    }
}
