import Foundation

/// Whether a count went up, down or stayed the same against last year, as the beat table
/// colours it: an increase red, a reduction green, no change neutral.
///
/// Deliberately not a `RAGStatus`: there is no Amber band, and "no change" is neutral, not
/// a judgement.
public enum ChangeDirection: String, Sendable, Hashable, Codable, CaseIterable {
    /// More than last year: shown red.
    case increase
    /// Fewer than last year: shown green.
    case reduction
    /// The same as last year: shown without colour.
    case noChange = "no-change"

    /// The direction of a change in a count (positive is an increase).
    public init(change: Int) {
        self = change > 0 ? .increase : change < 0 ? .reduction : .noChange
    }

    /// The colour for the table cell and its CSS class: `red`, `green` or `neutral`.
    public var colour: String {
        switch self {
        case .increase: "red"
        case .reduction: "green"
        case .noChange: "neutral"
        }
    }
}
