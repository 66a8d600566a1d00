import Foundation

/// Hazardous material that needs a specialist contractor to clear (asbestos above all).
public enum Hazard: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case asbestos, clinical, chemical

    /// The word officers use.
    public var label: String { rawValue.capitalized }

    public static func < (lhs: Hazard, rhs: Hazard) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)   // allCases holds every case
    }

    /// A hazard from its name, or a message listing the allowed ones.
    public static func parse(_ text: String) throws -> Hazard {
        if let hazard = Hazard(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) { return hazard }
        throw ValidationError("'\(text)' is not a hazard: use asbestos, clinical or chemical.")
    }
}
