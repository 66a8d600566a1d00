import Foundation

/// A figure that could not be read.
public enum FigureError: Error, Sendable, Hashable, CustomStringConvertible, LocalizedError {
    /// The text is not a number, `TBC` or blank.
    case notAFigure(String)

    /// The message for an officer: what was wrong and what to do.
    public var description: String {
        switch self {
        case .notAFigure(let text):
            "'\(text)' is not a figure: enter a number (e.g. 1,417), TBC when the source has not supplied it yet, or clear to remove a stored figure"
        }
    }

    /// Foundation's description, the same as `description`.
    public var errorDescription: String? { description }
}
