import Foundation

/// The usual Gi* classes: hot or cold spot at 90, 95 or 99% confidence, from a two-sided normal
/// test of z: |z| ≥ 1.645 (90%), ≥ 1.960 (95%), ≥ 2.576 (99%); positive z is hot, negative cold.
public enum GiStarSignificance: Int, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case coldSpot99 = -3
    case coldSpot95 = -2
    case coldSpot90 = -1
    case notSignificant = 0
    case hotSpot90 = 1
    case hotSpot95 = 2
    case hotSpot99 = 3

    /// The class of a z-score (NaN is not significant).
    public init(z: Double) {
        let magnitude = abs(z)
        switch (magnitude, z < 0) {
        case (2.576..., true): self = .coldSpot99
        case (1.960..., true): self = .coldSpot95
        case (1.645..., true): self = .coldSpot90
        case (2.576..., false): self = .hotSpot99
        case (1.960..., false): self = .hotSpot95
        case (1.645..., false): self = .hotSpot90
        default: self = .notSignificant
        }
    }

    /// 90, 95 or 99; nil when not significant.
    public var confidence: Int? {
        switch abs(rawValue) {
        case 1: 90
        case 2: 95
        case 3: 99
        default: nil
        }
    }

    /// Whether this is a hot spot at any confidence.
    public var isHot: Bool { rawValue > 0 }
    /// Whether this is a cold spot at any confidence.
    public var isCold: Bool { rawValue < 0 }

    /// Words for a legend, e.g. "Hot spot, 99% confidence".
    public var label: String {
        guard let confidence else { return "Not significant" }
        return "\(isHot ? "Hot" : "Cold") spot, \(confidence)% confidence"
    }

    public static func < (lhs: GiStarSignificance, rhs: GiStarSignificance) -> Bool { lhs.rawValue < rhs.rawValue }
}
