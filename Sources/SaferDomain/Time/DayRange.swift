import Foundation

/// Whole days from one to another, both included: the period of a hot-spot table ("since July
/// 18"), a dashboard or a Defra return. Instants are compared in UK time.
public struct DayRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public let first: CalendarDay
    public let last: CalendarDay

    /// A range; throws when it ends before it starts.
    public init(first: CalendarDay, last: CalendarDay) throws {
        guard first <= last else {
            throw ValidationError("The period ends (\(last)) before it starts (\(first)): give the earlier date first.")
        }
        self.first = first
        self.last = last
    }

    /// The days of whole months.
    public init(_ period: Period) {
        first = .first(of: period.first)
        last = .last(of: period.last)
    }

    /// A range from two dates as people type them, each a day (`YYYY-MM-DD`) or a month
    /// (`YYYY-MM`: its first day for `from`, its last day for `to`).
    public static func parse(from: String, to: String) throws -> DayRange {
        func day(_ text: String, end: Bool) throws -> CalendarDay {
            let text = text.trimmingCharacters(in: .whitespaces)
            if text.count == 7, let month = try? Month(parsing: text) { return end ? .last(of: month) : .first(of: month) }
            return try CalendarDay(parsing: text)
        }
        guard !from.isEmpty, !to.isEmpty else { throw ValidationError("Give both dates of the period: from and to (YYYY-MM-DD or YYYY-MM).") }
        return try DayRange(first: day(from, end: false), last: day(to, end: true))
    }

    /// The number of days.
    public var count: Int { first.days(to: last) + 1 }

    /// The instant the range begins.
    public var start: Date { first.start() }
    /// The instant just after the range ends (the start of the next day).
    public var end: Date { last.adding(days: 1).start() }

    /// Whether an instant falls on one of the days.
    public func contains(_ date: Date) -> Bool { date >= start && date < end }

    /// Whether a day is one of the days.
    public func contains(_ day: CalendarDay) -> Bool { first <= day && day <= last }

    /// The range of the same length that ends the day before this one begins.
    public var previous: DayRange {
        // Both ends move back and are held to CalendarDay.earliest, which keeps first <= last.
        try! DayRange(first: first.adding(days: -count), last: first.adding(days: -1))
    }

    /// "2018-07-01..2019-02-28".
    public var description: String { "\(first)..\(last)" }

    /// "1 July 2018 to 28 February 2019".
    public var label: String { "\(first.label) to \(last.label)" }
}
