import Foundation

/// A figure compared with a base: (current − base) ÷ base, as used for change on baseline
/// and performance vs same period last year.
///
/// The change exists only when both totals are complete and the base is not zero; otherwise
/// the outcome says why not, so a report never prints a number computed from missing months.
public struct Comparison: Sendable, Hashable, Codable {
    /// Why a comparison has, or has not, a change.
    public enum Outcome: Sendable, Hashable, Codable {
        /// The change as a ratio: 0.046 is +4.6%.
        case change(Double)
        /// The current total or the base has months without a number; see their coverages.
        case incomplete
        /// The base is 0, so there is no percentage change (dividing by zero).
        case baseIsZero
    }

    /// The figure being judged: last 12 months, or total to date.
    public let current: Total
    /// What it is judged against: the baseline, or the same period last year.
    public let base: Total

    /// Compares `current` with `base`.
    public init(current: Total, base: Total) {
        self.current = current
        self.base = base
    }

    /// The change, or why there is none.
    public var outcome: Outcome {
        guard current.isComplete, base.isComplete else { return .incomplete }
        guard base.value != 0 else { return .baseIsZero }
        return .change((current.value - base.value) / base.value)
    }

    /// The change as a ratio (0.046 is +4.6%), or nil when incomplete or the base is 0.
    public var change: Double? {
        if case .change(let ratio) = outcome { return ratio }
        return nil
    }

    /// Whether both totals cover all their months.
    public var isComplete: Bool { current.isComplete && base.isComplete }

    /// The change for a table cell: `+4.6%`; or, when there is none, why, in words a councillor
    /// reads without a glossary: `no Oct 2017 figures to compare with`, `Dec 2018 not reported
    /// yet`, or `n/a: base is 0`.
    public func displayText(minus: DisplayFormat.MinusSign = .hyphenMinus) -> String {
        switch outcome {
        case .change(let ratio):
            return DisplayFormat.signedPercentage(ratio, minus: minus)
        case .baseIsZero:
            return "n/a: base is 0"
        case .incomplete:
            var parts: [String] = []
            if !base.isComplete {
                let missing = base.coverage.isEmpty ? base.coverage.period.label : Coverage.label(for: base.coverage.missing, withYears: true)
                parts.append("no \(missing) figures to compare with")
            }
            if !current.isComplete {
                parts.append("\(Coverage.label(for: current.coverage.missing, withYears: true)) not reported yet")
            }
            return parts.joined(separator: "; ")
        }
    }
}
