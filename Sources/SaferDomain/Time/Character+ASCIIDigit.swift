import Foundation

extension Character {
    /// True for the ASCII digits 0–9 only (not other Unicode digits), for strict parsing.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
