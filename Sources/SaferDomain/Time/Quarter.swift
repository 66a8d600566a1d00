import Foundation

/// A quarter of a financial year, written `2018/19-Q3` (October to December 2018).
///
/// Q1 Apr–Jun, Q2 Jul–Sep, Q3 Oct–Dec, Q4 Jan–Mar. Encoded as its `2018/19-Q3` text.
public struct Quarter: Sendable, Hashable, Comparable, Codable, CustomStringConvertible,
    LosslessStringConvertible
{
    /// Which quarter of the financial year.
    public enum Number: Int, Sendable, Hashable, Comparable, Codable, CaseIterable {
        /// April to June.
        case q1 = 1
        /// July to September.
        case q2 = 2
        /// October to December.
        case q3 = 3
        /// January to March.
        case q4 = 4

        /// Quarters in order Q1 to Q4.
        public static func < (lhs: Number, rhs: Number) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// The financial year the quarter belongs to.
    public let financialYear: FinancialYear
    /// Which quarter of that year.
    public let number: Number

    /// Makes a quarter of a financial year.
    public init(_ financialYear: FinancialYear, _ number: Number) {
        self.financialYear = financialYear
        self.number = number
    }

    /// The quarter `month` falls in: `2019-02` is in 2018/19-Q4.
    public init(containing month: Month) {
        financialYear = month.financialYear
        switch month.positionInFinancialYear {
        case ...3: number = .q1
        case 4...6: number = .q2
        case 7...9: number = .q3
        default: number = .q4
        }
    }

    /// Reads a quarter written `2018/19-Q3` (the `Q` may be lower case); throws
    /// `PeriodError.notAQuarter` otherwise.
    public init(parsing text: String) throws(PeriodError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let year = try? FinancialYear(parsing: String(parts[0])),
              parts[1].count == 2, parts[1].first == "Q" || parts[1].first == "q",
              let digit = Int(parts[1].dropFirst()), let number = Number(rawValue: digit)
        else { throw .notAQuarter(text) }
        self.init(year, number)
    }

    /// Reads a quarter written `2018/19-Q3`, or returns nil (`LosslessStringConvertible`).
    public init?(_ description: String) {
        guard let quarter = try? Quarter(parsing: description) else { return nil }
        self = quarter
    }

    /// The quarter as `2018/19-Q3`.
    public var description: String { "\(financialYear)-Q\(number.rawValue)" }

    /// The label the committee pack uses, e.g. `Q3 2018/19`.
    public var label: String { "Q\(number.rawValue) \(financialYear)" }

    // MARK: - Months

    /// The quarter's first month: October 2018 for 2018/19-Q3.
    public var firstMonth: Month { financialYear.firstMonth.adding(months: (number.rawValue - 1) * 3) }

    /// The quarter's last month: December 2018 for 2018/19-Q3.
    public var lastMonth: Month { firstMonth.adding(months: 2) }

    /// The quarter's three months as a period.
    public var period: Period { Period(firstMonth...lastMonth) }

    /// The quarter's three months.
    public var months: [Month] { Array(firstMonth...lastMonth) }

    /// Whether `month` falls in this quarter.
    public func contains(_ month: Month) -> Bool { Quarter(containing: month) == self }

    // MARK: - Neighbours

    /// The same quarter a year earlier, e.g. 2017/18-Q3 for 2018/19-Q3 (the beat comparison's base).
    public var sameQuarterLastYear: Quarter { Quarter(financialYear.previous, number) }

    /// The quarter before (Q4 of the previous year before Q1), for direction of travel.
    public var previous: Quarter { Quarter(containing: firstMonth.adding(months: -3)) }

    /// The quarter after (Q1 of the next year after Q4).
    public var next: Quarter { Quarter(containing: firstMonth.adding(months: 3)) }

    /// Earlier quarters sort first.
    public static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.firstMonth < rhs.firstMonth }

    // MARK: - Codable

    /// Decodes a quarter from its `2018/19-Q3` text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Quarter(parsing: text)
        } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.description)
        }
    }

    /// Encodes the quarter as its `2018/19-Q3` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
