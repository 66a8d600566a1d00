import Foundation

/// How the pack prints numbers: counts with thousands separators (`1,417`), changes as
/// signed percentages to one decimal place (`+4.6%`), shares and status proportions as
/// whole percentages (`36%`).
///
/// Independent of the server's locale: the pack is British English wherever it is rendered.
/// Rounding is half away from zero, with a 1e-9 allowance so that a value meant to end in 5
/// but held by floating point as …4999 still rounds up (4.65 → 4.7).
public enum DisplayFormat {
    /// The character for a negative sign.
    ///
    /// CSV and other machine-read output use the ASCII hyphen-minus (`-0.7%`), which
    /// spreadsheets read as a number; HTML pages may use the typographic minus sign U+2212
    /// (`−0.7%`), which lines up with `+` in a table.
    public enum MinusSign: String, Sendable, Hashable, Codable, CaseIterable {
        /// `-` (U+002D): the default, for CSV and plain text.
        case hyphenMinus = "-"
        /// `−` (U+2212): for display in HTML.
        case minusSign = "\u{2212}"
    }

    /// A whole number with thousands separators, e.g. `1,417`, `-1,417`.
    public static func count(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + grouped(digits)
    }

    /// A number with thousands separators to `decimals` places (`23.1`, `1,207.0`); with
    /// `decimals` nil, whole numbers print without decimals (`1,207`) and others with up to
    /// two, trailing zeros dropped (`2.5`).
    public static func number(_ value: Double, decimals: Int? = nil, minus: MinusSign = .hyphenMinus) -> String {
        guard value.isFinite else { return "n/a" }
        if let decimals { return fixed(value, decimals: decimals, minus: minus) }
        let text = fixed(value, decimals: 2, minus: minus)
        guard text.contains(".") else { return text }
        var trimmed = Substring(text)
        while trimmed.hasSuffix("0") { trimmed = trimmed.dropLast() }
        if trimmed.hasSuffix(".") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }

    /// A change as a signed percentage to one decimal place: 0.0459 → `+4.6%`, -0.0074 →
    /// `-0.7%` (or `−0.7%` with `.minusSign`). A change that rounds to zero prints `0.0%`,
    /// without a sign.
    public static func signedPercentage(_ ratio: Double, minus: MinusSign = .hyphenMinus) -> String {
        let text = fixed(ratio * 100, decimals: 1, minus: minus)
        let isZero = !text.contains(where: { ("1"..."9").contains($0) })
        if isZero || text.hasPrefix(minus.rawValue) { return text + "%" }
        return "+" + text + "%"
    }

    /// A percentage to `decimals` places without a plus sign: 0.3609 → `36.1%`.
    public static func percentage(_ ratio: Double, decimals: Int = 1, minus: MinusSign = .hyphenMinus) -> String {
        fixed(ratio * 100, decimals: decimals, minus: minus) + "%"
    }

    /// A whole percentage, as the pack shows shares and counts of statuses: 0.3609 → `36%`.
    public static func wholePercentage(_ ratio: Double) -> String {
        percentage(ratio, decimals: 0)
    }

    // MARK: - Helpers

    /// `value` rounded half away from zero to `decimals` places, grouped in thousands.
    static func fixed(_ value: Double, decimals: Int, minus: MinusSign) -> String {
        guard value.isFinite else { return "n/a" }
        let places = max(0, min(decimals, 9))
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value.magnitude * scale + 1e-9).rounded(.toNearestOrAwayFromZero)
        let digits = String(format: "%.0f", scaled)
        let padded = String(repeating: "0", count: max(0, places + 1 - digits.count)) + digits
        let integerPart = String(padded.dropLast(places))
        let fraction = String(padded.suffix(places))
        let sign = value < 0 && scaled != 0 ? minus.rawValue : ""
        return sign + grouped(integerPart) + (places > 0 ? "." + fraction : "")
    }

    /// Inserts a comma every three digits from the right: `1417` → `1,417`.
    static func grouped(_ digits: String) -> String {
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return result
    }
}
