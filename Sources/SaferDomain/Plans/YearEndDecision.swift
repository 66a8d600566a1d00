import Foundation

/// What happens to a plan item at the end of the financial year. Encoded as `retain`,
/// `change`, `remove`.
public enum YearEndDecision: String, Sendable, Hashable, Codable, CaseIterable {
    /// Carried into next year's plan as it is.
    case retain
    /// Carried into next year's plan, to be revised there.
    case change
    /// Not carried forward.
    case remove

    /// The word people read: `Retain`, `Change`, `Remove`.
    public var label: String {
        switch self {
        case .retain: "Retain"
        case .change: "Change"
        case .remove: "Remove"
        }
    }

    /// Whether the item goes into next year's plan.
    public var carriesForward: Bool { self != .remove }

    /// Parses a decision as typed, ignoring case; nil otherwise.
    public init?(parsing text: String) {
        self.init(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
