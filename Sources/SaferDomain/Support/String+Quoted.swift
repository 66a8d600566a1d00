import Foundation

extension String {
    /// The text as a message quotes it: at most `limit` characters, an ellipsis marking the cut.
    /// Input from outside can be megabytes; a message names it, it does not repeat it.
    public func quoted(limit: Int = 80) -> String {
        count > limit ? prefix(limit - 1) + "…" : self
    }
}
