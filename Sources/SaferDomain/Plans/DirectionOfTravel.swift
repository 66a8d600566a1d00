import Foundation

/// Direction of travel of a plan item or indicator compared with the previous quarter:
/// improving, unchanged or worsening. Encoded as `"improving"`, `"unchanged"`, `"worsening"`.
public enum DirectionOfTravel: String, Sendable, Hashable, Codable, CaseIterable {
    /// Better than last quarter.
    case improving
    /// The same as last quarter.
    case unchanged
    /// Worse than last quarter.
    case worsening

    /// Compares this quarter's figure with the previous quarter's given which way is good:
    /// for fewer-is-better a fall is improving. Equal figures (within 1e-9) are unchanged.
    public init(previous: Double, current: Double, polarity: Polarity) {
        let difference = current - previous
        if abs(difference) <= 1e-9 * max(1, abs(previous)) {
            self = .unchanged
        } else {
            let rose = difference > 0
            self = rose == (polarity == .moreIsBetter) ? .improving : .worsening
        }
    }

    /// Compares this quarter's status with the previous quarter's: Red → Amber is improving,
    /// Green → Amber worsening, the same status unchanged.
    public init(previous: RAGStatus, current: RAGStatus) {
        self = current.rank > previous.rank ? .improving : current.rank < previous.rank ? .worsening : .unchanged
    }

    /// The word for a report: `Improving`, `Unchanged`, `Worsening`.
    public var displayName: String {
        switch self {
        case .improving: "Improving"
        case .unchanged: "Unchanged"
        case .worsening: "Worsening"
        }
    }
}
