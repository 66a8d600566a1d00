import Foundation

/// How imported police.uk rows become indicator figures: each indicator counted from police.uk
/// sums the rows of its mapped crime types, month by month. Entered figures win over these
/// (see `IndicatorFigures.fillUnreportedMonths`).
public enum PoliceUKIndicatorCounts {
    /// A monthly series for each indicator counted from police.uk, from counts grouped by month
    /// and crime type, over `months` (a month with no rows of the types counts 0: it was imported).
    public static func series(for indicators: [Indicator], counts: [CrimeCount], months: [Month]) -> [String: MonthlySeries] {
        var byType: [String: [Month: Int]] = [:]
        for row in counts { if let type = row.crimeType, let month = row.month { byType[type, default: [:]][month, default: 0] += row.count } }
        var result: [String: MonthlySeries] = [:]
        for indicator in indicators where indicator.source == .policeUK && !indicator.crimeTypes.isEmpty {
            var series = MonthlySeries()
            for month in months {
                series[month] = .count(indicator.crimeTypes.reduce(0) { $0 + (byType[$1]?[month] ?? 0) })
            }
            result[indicator.key] = series
        }
        return result
    }

    /// Per beat-comparison category and beat, a monthly series from counts grouped by month,
    /// crime type and beat. A category counts the crime types of the indicator with its key;
    /// rows outside any beat are left out.
    public static func beatSeries(catalogue: [Indicator], counts: [CrimeCount], months: [Month]) -> [BeatCategory: [String: MonthlySeries]] {
        let byKey = Dictionary(catalogue.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [BeatCategory: [String: MonthlySeries]] = [:]
        for category in BeatCategory.allCases {
            guard let types = byKey[category.rawValue]?.crimeTypes, !types.isEmpty else { continue }
            var perBeat: [String: [Month: Int]] = [:]
            for row in counts where row.crimeType.map(types.contains) == true {
                guard let beat = row.beatKey, beat != CrimeCount.unmappedBeat, let month = row.month else { continue }
                perBeat[beat, default: [:]][month, default: 0] += row.count
            }
            result[category] = perBeat.mapValues { counts in
                var series = MonthlySeries()
                for month in months { series[month] = .count(counts[month] ?? 0) }
                return series
            }
        }
        return result
    }
}
