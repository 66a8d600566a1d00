import Foundation

/// A status Safer suggests for a plan action linked to an indicator with a numeric annual
/// target, from a forecast of the year-end figure. The lead officer still assigns the
/// status; one that differs from the suggestion is kept with the officer's reason.
///
/// The rule, fewer is better: **Green** when the forecast meets the target (forecast ≤
/// target); **Amber** when it misses by no more than `threshold` of the target (inclusive,
/// default 5%); **Red** otherwise. More is better: the same with forecast ≥ target and a
/// shortfall of no more than the threshold. A 1e-9 tolerance absorbs floating-point error at
/// the boundaries.
///
/// From the seed: anti-social behaviour, target 1,698, 1,237 by the end of quarter 3 → pro
/// rata 1,649 → Green. Theft from vehicles, target 393, 310 by quarter 3 → pro rata 413,
/// 5.2% over → Red (the officer assigned Amber).
public struct SuggestedStatus: Sendable, Hashable, Codable {
    /// The forecast year-end figure.
    public let forecast: Double
    /// The rule that made the forecast.
    public let rule: ForecastRule
    /// The annual target.
    public let target: Double
    /// Which way is good.
    public let polarity: Polarity
    /// The Amber band beyond the target, as a ratio of it (0.05 is 5%).
    public let threshold: Double
    /// The suggested status.
    public let status: RAGStatus

    /// The suggestion for a forecast against a target.
    public init(forecast: Double, rule: ForecastRule, target: Double, polarity: Polarity = .fewerIsBetter, threshold: Double = 0.05) {
        self.forecast = forecast
        self.rule = rule
        self.target = target
        self.polarity = polarity
        self.threshold = abs(threshold)
        // How far the forecast falls short of the target (positive is behind).
        let shortfall = polarity == .fewerIsBetter ? forecast - target : target - forecast
        let tolerance = 1e-9 * max(1, abs(target))
        if shortfall <= tolerance {
            status = .green
        } else if shortfall <= self.threshold * abs(target) + tolerance {
            status = .amber
        } else {
            status = .red
        }
    }

    /// Suggests a status by the pro-rata rule: forecast = to date × 12 ÷ months elapsed.
    /// Throws when `monthsElapsed` is not 1 to 12.
    public static func proRata(
        toDate: Double, monthsElapsed: Int, target: Double,
        polarity: Polarity = .fewerIsBetter, threshold: Double = 0.05
    ) throws(ForecastError) -> SuggestedStatus {
        guard (1...12).contains(monthsElapsed) else { throw .monthsElapsedOutOfRange(monthsElapsed) }
        let forecast = toDate * 12 / Double(monthsElapsed)
        return SuggestedStatus(forecast: forecast, rule: .proRata, target: target, polarity: polarity, threshold: threshold)
    }

    /// Suggests a status by last year's seasonal profile: forecast = to date ÷ (last year's
    /// same months ÷ last year's annual total). Throws when either of last year's figures is 0.
    public static func seasonalProfile(
        toDate: Double, lastYearSameMonths: Double, lastYearAnnualTotal: Double, target: Double,
        polarity: Polarity = .fewerIsBetter, threshold: Double = 0.05
    ) throws(ForecastError) -> SuggestedStatus {
        guard lastYearSameMonths != 0, lastYearAnnualTotal != 0 else { throw .lastYearShareIsZero }
        let share = lastYearSameMonths / lastYearAnnualTotal
        return SuggestedStatus(forecast: toDate / share, rule: .seasonalProfile, target: target, polarity: polarity, threshold: threshold)
    }

    /// Suggests a status from an indicator's monthly series, through `month`.
    ///
    /// The figures to date (April to `month`) must be complete. For the seasonal profile,
    /// last year's same months must be complete, and so must last year's twelve months unless
    /// `suppliedLastYearTotal` gives its annual total (as the baseline often is).
    public static func suggest(
        from series: MonthlySeries, through month: Month, target: Double, rule: ForecastRule,
        polarity: Polarity = .fewerIsBetter, threshold: Double = 0.05, suppliedLastYearTotal: Double? = nil
    ) throws(ForecastError) -> SuggestedStatus {
        let toDate = series.totalToDate(through: month)
        guard toDate.isComplete else {
            throw .toDateIncomplete(covers: toDate.coverage.label, missing: toDate.coverage.missingLabel)
        }
        switch rule {
        case .proRata:
            return try proRata(
                toDate: toDate.value, monthsElapsed: month.positionInFinancialYear, target: target,
                polarity: polarity, threshold: threshold
            )
        case .seasonalProfile:
            let sameMonths = series.total(over: toDate.period.samePeriodLastYear)
            guard sameMonths.isComplete else { throw .lastYearIncomplete(missing: sameMonths.coverage.missingLabel) }
            let annual = series.baseline(for: month.financialYear, suppliedTotal: suppliedLastYearTotal)
            guard annual.isComplete else { throw .lastYearIncomplete(missing: annual.coverage.missingLabel) }
            return try seasonalProfile(
                toDate: toDate.value, lastYearSameMonths: sameMonths.value, lastYearAnnualTotal: annual.value,
                target: target, polarity: polarity, threshold: threshold
            )
        }
    }

    /// One sentence for a report saying what was forecast, how, and the suggestion, e.g.
    /// `Forecast 1,649 (pro-rata) against a target of 1,698: Green`.
    public var explanation: String {
        "Forecast \(DisplayFormat.number(forecast, decimals: 0)) (\(rule.displayName)) against a target of \(DisplayFormat.number(target)): \(status.displayName)"
    }
}
