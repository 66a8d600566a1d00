import Foundation

/// An amount in pounds, held as whole pence so that sums are exact.
public struct Money: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The amount in pence.
    public var pence: Int

    /// An amount of pence.
    public init(pence: Int) { self.pence = pence }

    /// Nothing.
    public static let zero = Money(pence: 0)

    /// Reads "312.50", "£1,234.5" or "40": pounds with at most two decimal places.
    public static func parse(_ text: String, field: String? = nil) throws -> Money {
        var cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        let negative = cleaned.hasPrefix("-")
        if negative { cleaned.removeFirst() }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let pounds = Int(parts[0]), parts[0].allSatisfy(\.isASCIIDigit),
              parts.count == 1 || (parts[1].count <= 2 && !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)),
              pounds < 100_000_000 else {
            throw ValidationError("'\(text)' is not an amount of money: write pounds and pence, e.g. 312.50.", field: field)
        }
        let pence = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) ?? 0 : 0   // digits, checked above
        return Money(pence: (pounds * 100 + pence) * (negative ? -1 : 1))
    }

    /// "£1,234.50".
    public var description: String {
        let sign = pence < 0 ? "-" : ""
        let whole = abs(pence) / 100, part = abs(pence) % 100
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return "\(sign)£\(digits)\(grouped).\(part < 10 ? "0" : "")\(part)"
    }

    /// "1234.50": for CSV and JSON, where a reader wants a plain number.
    public var plain: String {
        let sign = pence < 0 ? "-" : ""
        let part = abs(pence) % 100
        return "\(sign)\(abs(pence) / 100).\(part < 10 ? "0" : "")\(part)"
    }

    /// The amount in pounds, for charts and spreadsheets.
    public var pounds: Double { Double(pence) / 100 }

    public static func + (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence + rhs.pence) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(pence: lhs.pence - rhs.pence) }
    public static func += (lhs: inout Money, rhs: Money) { lhs.pence += rhs.pence }
    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.pence < rhs.pence }
}
