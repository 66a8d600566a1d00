import Foundation

/// An area's residents and residential properties for a year (a census or mid-year estimate).
public struct AreaPopulation: Sendable, Hashable, Codable {
    public var areaKey: String
    public var year: Int
    public var population: Int?
    public var households: Int?

    public init(areaKey: String, year: Int, population: Int?, households: Int?) {
        self.areaKey = areaKey
        self.year = year
        self.population = population
        self.households = households
    }
}

extension AreaPopulation: Auditable {
    public static let auditEntity = "area-population"
    public var auditID: String { "\(areaKey)/\(year)" }
    public var auditFields: [String: String] {
        ["population": population.map(String.init) ?? "", "households": households.map(String.init) ?? ""]
    }
}

/// The denominator of a rate over a period: the population (or homes) figure for the period's
/// year, or why there is none.
public enum RateDenominator: Sendable, Equatable {
    /// The figure, and the year it is for (nil for an area's undated figure).
    case known(Int, year: Int?)
    /// No figure: what to tell the reader.
    case missing(String)

    /// The year a period is counted in for its population: the calendar year holding most of
    /// its months, the later on a tie (April 2018–March 2019 is 2018; July 2018–June 2019 is 2019).
    public static func year(of period: Period) -> Int {
        let months = period.months
        let later = months.filter { $0.year == period.last.year }.count
        return later * 2 >= months.count ? period.last.year : period.first.year
    }

    /// The figure for a period: the latest year's at or before the period's year among the
    /// dated figures; with none dated, the area's own undated figure; never zero.
    public static func forPeriod(_ period: Period, base: Indicator.RateBase, area: Area, populations: [AreaPopulation]) -> RateDenominator {
        let what = base == .population ? "population" : "number of homes"
        let dated = populations.filter { $0.areaKey == area.key }
            .compactMap { row in (base == .population ? row.population : row.households).map { (row.year, $0) } }
            .filter { $0.1 > 0 }
        guard !dated.isEmpty else {
            if let undated = base.denominator(in: area), undated > 0 { return .known(undated, year: nil) }
            return .missing("No \(what) is recorded for \(area.name): add it with safer setup or on Admin → Areas.")
        }
        let year = year(of: period)
        guard let (found, value) = dated.filter({ $0.0 <= year }).max(by: { $0.0 < $1.0 }) else {
            return .missing("No \(what) for \(area.name) is recorded for \(year) or before (the earliest is \(dated.map(\.0).min() ?? year)).")
        }
        return .known(value, year: found)
    }
}
