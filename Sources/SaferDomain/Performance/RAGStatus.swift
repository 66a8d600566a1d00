import Foundation

/// A traffic-light status: Red, Amber or Green.
///
/// For CSP local indicators it comes from the change on baseline (see `RAGRule`); for plan
/// actions and corporate targets the lead officer assigns it (Red = not likely to be
/// achieved, Amber = behind schedule, Green = on schedule), optionally helped by a
/// `SuggestedStatus`. Cases are listed, and `allCases` runs, in the pack's order: Green,
/// Amber, Red. Encoded as `"green"`, `"amber"`, `"red"`.
public enum RAGStatus: String, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// On schedule; for an indicator, better than the baseline by more than the threshold.
    case green
    /// Behind schedule; for an indicator, within the threshold of the baseline (inclusive).
    case amber
    /// Not likely to be achieved; for an indicator, worse than the baseline by more than the threshold.
    case red

    /// The word the pack prints: `Green`, `Amber`, `Red`.
    public var displayName: String {
        switch self {
        case .green: "Green"
        case .amber: "Amber"
        case .red: "Red"
        }
    }

    /// The same as `displayName`.
    public var description: String { displayName }

    /// Reads a status as written in a form or import, ignoring case (`Green`, `amber`, `RED`,
    /// or the initials `G`, `A`, `R`); nil otherwise.
    public init?(parsing text: String) {
        switch text.trimmingCharacters(in: .whitespaces).lowercased() {
        case "green", "g": self = .green
        case "amber", "a": self = .amber
        case "red", "r": self = .red
        default: return nil
        }
    }

    /// Higher is better: Green 2, Amber 1, Red 0. Used to compare two statuses.
    public var rank: Int {
        switch self {
        case .green: 2
        case .amber: 1
        case .red: 0
        }
    }
}
