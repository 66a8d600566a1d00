import Foundation

/// A financial year, April to March, written `2018/19` (April 2018 to March 2019).
///
/// Quarters: Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. Encoded as its `2018/19` text.
public struct FinancialYear: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// The calendar year the financial year starts in: 2018 for 2018/19.
    public let startYear: Int

    /// Makes the financial year starting in April of `startYear`; throws when the year is outside 1–9998.
    public init(startYear: Int) throws(PeriodError) {
        guard (1...9998).contains(startYear) else {
            throw .notAFinancialYear(String(startYear))
        }
        self.startYear = startYear
    }

    /// For callers that have already checked the year (months derive their year from a valid month).
    init(uncheckedStartYear: Int) { startYear = uncheckedStartYear }

    /// The financial year `month` falls in: `2019-01` is in 2018/19.
    public init(containing month: Month) { self = month.financialYear }

    /// Reads a financial year written `2018/19`.
    ///
    /// Also accepted, because the council's own tables use them: `2018/2019` and the short
    /// `18/19` (read as 2018/19: two-digit years are taken to be in 2000–2099). The second
    /// year must follow the first. Anything else throws `PeriodError.notAFinancialYear`.
    public init(parsing text: String) throws(PeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
              let first = Int(parts[0]), let second = Int(parts[1])
        else { throw .notAFinancialYear(text) }
        let start: Int
        switch parts[0].count {
        case 4: start = first
        case 2: start = 2000 + first
        default: throw .notAFinancialYear(text)
        }
        switch parts[1].count {
        case 2 where second == (start + 1) % 100: break
        case 4 where second == start + 1: break
        default: throw .notAFinancialYear(text)
        }
        guard let year = try? FinancialYear(startYear: start) else { throw .notAFinancialYear(text) }
        self = year
    }

    /// Reads a financial year written `2018/19`, or returns nil (`LosslessStringConvertible`).
    public init?(_ description: String) {
        guard let year = try? FinancialYear(parsing: description) else { return nil }
        self = year
    }

    /// The financial year as `2018/19`.
    public var description: String {
        let end = (startYear + 1) % 100
        return "\(startYear)/\(end < 10 ? "0" : "")\(end)"
    }

    /// The short form the committee tables use, e.g. `18/19`.
    public var shortLabel: String {
        let start = startYear % 100
        let end = (startYear + 1) % 100
        return "\(start < 10 ? "0" : "")\(start)/\(end < 10 ? "0" : "")\(end)"
    }

    // MARK: - Months and quarters

    /// April of the start year.
    public var firstMonth: Month { Month(ordinal: startYear * 12 + 3) }

    /// March of the following year.
    public var lastMonth: Month { firstMonth.adding(months: 11) }

    /// The year's twelve months, April to March, as a period.
    public var period: Period { Period(firstMonth...lastMonth) }

    /// The year's twelve months, April to March.
    public var months: [Month] { Array(firstMonth...lastMonth) }

    /// Whether `month` falls in this financial year.
    public func contains(_ month: Month) -> Bool { month.financialYear == self }

    /// The year's four quarters, Q1 to Q4.
    public var quarters: [Quarter] { Quarter.Number.allCases.map { Quarter(self, $0) } }

    /// The quarter of this year that `month` falls in, or nil when the month is in another year.
    public func quarter(of month: Month) -> Quarter? {
        contains(month) ? month.quarter : nil
    }

    /// The months of this year from April up to and including `month`: 9 for December.
    /// Zero when `month` is before this year, 12 when after it.
    public func monthsElapsed(through month: Month) -> Int {
        min(12, max(0, firstMonth.distance(to: month) + 1))
    }

    /// The months of this year from April up to and including `month`, e.g. Apr–Dec for
    /// December; nil when `month` is not in this year.
    public func periodToDate(through month: Month) -> Period? {
        contains(month) ? Period(firstMonth...month) : nil
    }

    // MARK: - Neighbours

    /// The year before, e.g. 2017/18 for 2018/19 (the baseline year).
    public var previous: FinancialYear { FinancialYear(uncheckedStartYear: startYear - 1) }

    /// The year after, e.g. 2019/20 for 2018/19 (the year a plan rolls forward to).
    public var next: FinancialYear { FinancialYear(uncheckedStartYear: startYear + 1) }

    /// Earlier years sort first.
    public static func < (lhs: FinancialYear, rhs: FinancialYear) -> Bool { lhs.startYear < rhs.startYear }

    // MARK: - Codable

    /// Decodes a financial year from its `2018/19` text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try FinancialYear(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the financial year as its `2018/19` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
