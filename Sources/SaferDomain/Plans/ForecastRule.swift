import Foundation

/// How a year-end figure is forecast from the figures to date, for a suggested status.
/// Encoded as `"pro-rata"` or `"seasonal-profile"`.
public enum ForecastRule: String, Sendable, Hashable, Codable, CaseIterable {
    /// Forecast = to date × 12 ÷ months elapsed: assumes the rest of the year runs at the
    /// same monthly rate.
    case proRata = "pro-rata"
    /// Forecast = to date ÷ (share of last year's annual total that fell in the same
    /// months): assumes the year follows last year's seasonal pattern.
    case seasonalProfile = "seasonal-profile"

    /// Words for a report, saying which rule made the forecast.
    public var displayName: String {
        switch self {
        case .proRata: "pro-rata"
        case .seasonalProfile: "last year's seasonal profile"
        }
    }
}
