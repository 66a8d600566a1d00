import Foundation

/// A calendar month, written `YYYY-MM` (e.g. `2018-04`), the unit every monthly figure is
/// reported in.
///
/// Months are `Strideable`, so a closed range of months (`april...december`) can be
/// iterated. Encoded as its `YYYY-MM` text, also as a dictionary key.
public struct Month: Sendable, Hashable, Comparable, Strideable, Codable, CodingKeyRepresentable,
    CustomStringConvertible, LosslessStringConvertible
{
    /// The calendar year, e.g. 2018.
    public let year: Int
    /// The month of the year, 1 (January) to 12 (December).
    public let month: Int

    /// Short English month names as the council's tables use them ("Apr").
    ///
    /// Fixed English rather than the server's locale: the committee pack is in English
    /// whatever machine renders it.
    static let shortNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Full English month names ("April").
    static let longNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    /// Makes a month, throwing when `month` is outside 1–12 or `year` outside 1–9999.
    public init(year: Int, month: Int) throws(PeriodError) {
        guard (1...12).contains(month), (1...9999).contains(year) else {
            throw .monthOutOfRange(year: year, month: month)
        }
        self.year = year
        self.month = month
    }

    /// Reads a month written `YYYY-MM`, e.g. `2018-04`; throws `PeriodError.notAMonth` otherwise.
    public init(parsing text: String) throws(PeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
              parts[0].allSatisfy(\.isASCIIDigit), parts[1].allSatisfy(\.isASCIIDigit),
              let year = Int(parts[0]), let month = Int(parts[1]),
              (1...12).contains(month), year >= 1
        else { throw .notAMonth(text) }
        self.year = year
        self.month = month
    }

    /// Reads a month written `YYYY-MM`, or returns nil (`LosslessStringConvertible`).
    public init?(_ description: String) {
        guard let month = try? Month(parsing: description) else { return nil }
        self = month
    }

    /// Builds a month from a count of months since year 0, January (the inverse of `ordinal`).
    init(ordinal: Int) {
        year = ordinal >= 0 ? ordinal / 12 : (ordinal - 11) / 12
        month = ordinal - year * 12 + 1
    }

    /// Months since January of year 0: makes month arithmetic plain integer arithmetic.
    var ordinal: Int { year * 12 + (month - 1) }

    // MARK: - Text

    /// The month as `YYYY-MM`, e.g. `2018-04`.
    public var description: String {
        let y = String(year)
        let m = String(month)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0" : "-") + m
    }

    /// The short month name, e.g. `Apr`.
    public var shortName: String { Month.shortNames[month - 1] }

    /// The full month name, e.g. `April`.
    public var longName: String { Month.longNames[month - 1] }

    /// The short name with the year, e.g. `Apr 2018`, as the committee tables label a month.
    public var label: String { "\(shortName) \(year)" }

    // MARK: - Arithmetic

    /// The month `count` months later (earlier when negative).
    public func adding(months count: Int) -> Month { Month(ordinal: ordinal + count) }

    /// The month after this one.
    public var next: Month { adding(months: 1) }

    /// The month before this one.
    public var previous: Month { adding(months: -1) }

    /// The same month a year earlier, e.g. `2017-12` for `2018-12`.
    public var sameMonthLastYear: Month { adding(months: -12) }

    /// The number of months from this month to `other` (positive when `other` is later).
    public func distance(to other: Month) -> Int { other.ordinal - ordinal }

    /// The month `n` months later (`Strideable`).
    public func advanced(by n: Int) -> Month { adding(months: n) }

    /// Earlier months sort first.
    public static func < (lhs: Month, rhs: Month) -> Bool { lhs.ordinal < rhs.ordinal }

    // MARK: - Financial year

    /// The financial year (April–March) this month falls in: `2019-01` is in 2018/19.
    public var financialYear: FinancialYear {
        FinancialYear(uncheckedStartYear: month >= 4 ? year : year - 1)
    }

    /// The quarter of the financial year this month falls in: `2018-12` is 2018/19-Q3.
    public var quarter: Quarter { Quarter(containing: self) }

    /// This month's position in its financial year: April is 1, March is 12.
    public var positionInFinancialYear: Int { (month + 8) % 12 + 1 }

    // MARK: - Codable

    /// Decodes a month from its `YYYY-MM` text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Month(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the month as its `YYYY-MM` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// The month as a dictionary key: its `YYYY-MM` text.
    public var codingKey: any CodingKey { MonthCodingKey(stringValue: description) }

    /// Reads a month from a dictionary key written `YYYY-MM`.
    public init?<T: CodingKey>(codingKey: T) {
        self.init(codingKey.stringValue)
    }
}

/// The coding key for a month used as a dictionary key.
private struct MonthCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
