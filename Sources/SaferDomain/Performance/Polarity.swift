import Foundation

/// Which way is good for an indicator.
///
/// Most crime indicators are fewer-is-better; reported hate crime is more-is-better, because
/// the partnership's target is an *increase* in reporting. Encoded as `"fewer-is-better"` or
/// `"more-is-better"`.
public enum Polarity: String, Sendable, Hashable, Codable, CaseIterable {
    /// A fall is an improvement (most crime and ASB indicators).
    case fewerIsBetter = "fewer-is-better"
    /// A rise is an improvement (e.g. reported hate crime).
    case moreIsBetter = "more-is-better"

    /// Words for a settings page: `Fewer is better`, `More is better`.
    public var displayName: String {
        switch self {
        case .fewerIsBetter: "Fewer is better"
        case .moreIsBetter: "More is better"
        }
    }
}
