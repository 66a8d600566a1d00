import Foundation

/// The status rule for CSP local indicators, judged on the change on baseline.
///
/// Fewer is better: Green when more than `threshold` below the baseline; Amber when within
/// ±`threshold` *inclusive*; Red when more than `threshold` above. More is better: the same
/// with Green and Red swapped. The threshold is a setting per indicator (default 5%).
///
/// The status comes from the **exact** ratio, not the percentage as displayed. Exactly ±5%
/// is Amber: the comparison allows a tolerance of `tolerance` (1e-9), because floating point
/// can land just past it (105 ÷ 100 − 1, or a rate of 0.63 against 0.6, is 0.05000000000000004).
/// So a change displayed as "+5.0%" is Red when
/// the exact change is, say, +5.04% — the displayed figure is rounded, the rule is not.
public struct RAGRule: Sendable, Hashable, Codable {
    /// The width of the Amber band either side of the baseline, as a ratio (0.05 is 5%).
    public let threshold: Double
    /// Which way is good for the indicator.
    public let polarity: Polarity

    /// How far past the threshold a change must be before it leaves Amber, to absorb
    /// floating-point error at exactly ±threshold.
    public static let tolerance = 1e-9

    /// The default rule: 5% threshold, fewer is better.
    public static let standard = RAGRule()

    /// A rule with a threshold (a ratio: 0.05 is 5%; a negative value is taken as its size)
    /// and a polarity.
    public init(threshold: Double = 0.05, polarity: Polarity = .fewerIsBetter) {
        self.threshold = abs(threshold)
        self.polarity = polarity
    }

    /// The status for a change on baseline given as a ratio (0.046 is +4.6%).
    public func status(forChange change: Double) -> RAGStatus {
        // Express the change so that positive is always an improvement.
        let improvement = polarity == .fewerIsBetter ? -change : change
        if improvement > threshold + RAGRule.tolerance { return .green }
        if improvement < -(threshold + RAGRule.tolerance) { return .red }
        return .amber
    }

    /// The status for a comparison, or nil when it has no change (incomplete, or the base is 0):
    /// an indicator whose baseline has months missing gets no status rather than a wrong one.
    public func status(for comparison: Comparison) -> RAGStatus? {
        comparison.change.map(status(forChange:))
    }
}
