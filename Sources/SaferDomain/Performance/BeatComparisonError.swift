import Foundation

/// A beat comparison that cannot be built from the cells given.
public enum BeatComparisonError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The same beat appears twice for one category.
    case duplicateCell(beat: String, category: BeatCategory)
    /// A cell has an empty beat name.
    case beatWithoutName(BeatCategory)

    /// The message for an officer: what was wrong and what to do.
    public var description: String {
        switch self {
        case .duplicateCell(let beat, let category):
            "beat '\(beat)' has two figures for \(category.displayName): keep one row per beat and category"
        case .beatWithoutName(let category):
            "a \(category.displayName) figure has no beat name: fill in the beat for every row"
        }
    }

    /// Foundation's description, the same as `description`.
    public var errorDescription: String? { description }
}
