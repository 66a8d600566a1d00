import Foundation

extension Double {
    /// The value rounded to a whole number, as text for a message or a form field.
    ///
    /// `Int(someDouble)` stops the process when the value is NaN, infinite or beyond `Int`'s
    /// range, and such values do arrive from outside (`1e300` in JSON is a valid number). This
    /// never traps: a value no `Int` can hold is written as Swift writes the `Double` ("1e+300").
    public var wholeNumberText: String {
        guard isFinite, let whole = Int(exactly: rounded()) else { return "\(self)" }
        return String(whole)
    }
}

extension Int {
    /// A whole number read from outside (a query string, a form), or nil when the text is not
    /// one or lies outside `range`; `Int(text)` alone lets `Int.max` through to arithmetic that
    /// then overflows.
    public init?(_ text: String?, in range: ClosedRange<Int>) {
        guard let text, let value = Int(text.trimmingCharacters(in: .whitespaces)), range.contains(value) else { return nil }
        self = value
    }
}
