import Foundation

/// Why no status can be suggested from a forecast.
public enum ForecastError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// Months elapsed must be 1 to 12.
    case monthsElapsedOutOfRange(Int)
    /// The figures to date have months without a number (their coverage label given).
    case toDateIncomplete(covers: String, missing: String)
    /// Last year's months (or its annual total) have gaps, so its seasonal profile is unknown.
    case lastYearIncomplete(missing: String)
    /// Last year's same months (or annual total) were 0, so there is no share to divide by.
    case lastYearShareIsZero

    /// The message for an officer: what was wrong and what to do.
    public var description: String {
        switch self {
        case .monthsElapsedOutOfRange(let months):
            "\(months) months elapsed is not possible: a forecast needs 1 to 12 months of the financial year"
        case .toDateIncomplete(let covers, let missing):
            "the figures to date cover \(covers) only (missing \(missing)): enter the missing months, or assign the status by hand"
        case .lastYearIncomplete(let missing):
            "last year's figures are missing \(missing): enter them, or use the pro-rata rule"
        case .lastYearShareIsZero:
            "last year had nothing in the same months, so its seasonal profile cannot forecast this year: use the pro-rata rule"
        }
    }

    /// Foundation's description, the same as `description`.
    public var errorDescription: String? { description }
}
