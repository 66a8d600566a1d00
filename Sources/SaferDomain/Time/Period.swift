import Foundation

/// A run of consecutive months, first to last inclusive: a quarter, a financial year to
/// date, the last 12 months, or the same period last year.
///
/// Never empty. Encoded as `{"first": "2018-04", "last": "2018-12"}`.
public struct Period: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first month of the period.
    public let first: Month
    /// The last month of the period (the same as `first` for a one-month period).
    public let last: Month

    /// Makes the period `first` to `last`; throws when `last` is before `first`.
    public init(first: Month, last: Month) throws(PeriodError) {
        guard first <= last else { throw .periodEndsBeforeItStarts(first: first, last: last) }
        self.first = first
        self.last = last
    }

    /// Makes the period covering a closed range of months (never empty, so never throws).
    public init(_ months: ClosedRange<Month>) {
        first = months.lowerBound
        last = months.upperBound
    }

    /// The `count` months ending at `last`, e.g. the last 12 months to December 2018 are
    /// January to December 2018. `count` below 1 is treated as 1.
    public init(months count: Int, endingAt last: Month) {
        self.init(last.adding(months: -(max(count, 1) - 1))...last)
    }

    /// Checks on decoding that the period does not end before it starts.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let first = try container.decode(Month.self, forKey: .first)
        let last = try container.decode(Month.self, forKey: .last)
        do {
            try self.init(first: first, last: last)
        } catch {
            throw DecodingError.dataCorruptedError(forKey: .last, in: container, debugDescription: error.description)
        }
    }

    /// The months of the period, earliest first.
    public var months: [Month] { Array(first...last) }

    /// The number of months in the period.
    public var count: Int { first.distance(to: last) + 1 }

    /// Whether `month` falls in the period.
    public func contains(_ month: Month) -> Bool { first <= month && month <= last }

    /// The same months a year earlier: the base of "performance vs same period last year".
    public var samePeriodLastYear: Period { shifted(byMonths: -12) }

    /// The period moved by `months` months (earlier when negative), keeping its length.
    public func shifted(byMonths months: Int) -> Period {
        Period(first.adding(months: months)...last.adding(months: months))
    }

    /// Whether the whole period lies within one financial year, so month names alone say
    /// which months are meant ("Apr–Nov").
    public var isWithinOneFinancialYear: Bool { first.financialYear == last.financialYear }

    /// The period for people, e.g. `Apr–Dec 2018`, `Jan 2018–Dec 2018`, or `Dec 2018` for one month.
    public var label: String {
        if first == last { return first.label }
        if first.year == last.year { return "\(first.shortName)–\(last.label)" }
        return "\(first.label)–\(last.label)"
    }

    /// The period as `2018-04..2018-12`.
    public var description: String { "\(first)..\(last)" }
}
