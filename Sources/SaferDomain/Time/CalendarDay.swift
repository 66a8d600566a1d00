import Foundation

/// A calendar day, written `YYYY-MM-DD`: when a plan item's timescale starts or ends, and the
/// date an update was given. Days, not instants: "1 April 2018" is the same day in every time
/// zone. Encoded as its `YYYY-MM-DD` text.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible, LosslessStringConvertible {
    /// The calendar year, e.g. 2018.
    public let year: Int
    /// The month of the year, 1 to 12.
    public let month: Int
    /// The day of the month, 1 to 31.
    public let day: Int

    /// Makes a day, throwing when it is not on the calendar (e.g. 31 April).
    public init(year: Int, month: Int, day: Int) throws {
        guard (1...9999).contains(year), (1...12).contains(month), (1...Self.days(inMonth: month, year: year)).contains(day) else {
            throw ValidationError("\(year)-\(month)-\(day) is not a day on the calendar: use YYYY-MM-DD, e.g. 2019-03-31.")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads a day written `YYYY-MM-DD`; throws a `ValidationError` saying so otherwise.
    public init(parsing text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let parsed = try? CalendarDay(year: year, month: month, day: day)
        else { throw ValidationError("'\(text)' is not a date: use YYYY-MM-DD, e.g. 2019-03-31.") }
        self = parsed
    }

    /// Reads a day written `YYYY-MM-DD`, or returns nil.
    public init?(_ description: String) {
        guard let day = try? CalendarDay(parsing: description) else { return nil }
        self = day
    }

    /// The day an instant falls on in the council's time zone (UK time).
    public init(containing date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/London")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year!
        month = parts.month!
        day = parts.day!
    }

    /// The day as `YYYY-MM-DD`.
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + (month < 10 ? "-0" : "-") + String(month)
            + (day < 10 ? "-0" : "-") + String(day)
    }

    /// The day as people read it, e.g. `1 April 2018`.
    public var label: String { "\(day) \(Self.monthNames[month - 1]) \(year)" }

    /// The instant the day begins in the council's time zone (UK time).
    public func start(timeZone: TimeZone = TimeZone(identifier: "Europe/London")!) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar.date(from: DateComponents(year: year, month: month, day: day))!
    }

    /// The day `count` days later (earlier when negative).
    public func adding(days count: Int) -> CalendarDay {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let date = calendar.date(byAdding: .day, value: count, to: calendar.date(from: DateComponents(year: year, month: month, day: day))!)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return try! CalendarDay(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The same day some months later (earlier when negative), or the month's last day when it
    /// is shorter: 31 January plus one month is 28 (or 29) February.
    public func adding(months count: Int) -> CalendarDay {
        let target = calendarMonth.adding(months: count)
        return (try? CalendarDay(year: target.year, month: target.month, day: day)) ?? .last(of: target)
    }

    /// Days from this day to another (negative when the other is earlier).
    public func days(to other: CalendarDay) -> Int {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let from = calendar.date(from: DateComponents(year: year, month: month, day: day))!
        let to = calendar.date(from: DateComponents(year: other.year, month: other.month, day: other.day))!
        return calendar.dateComponents([.day], from: from, to: to).day!
    }

    /// The first day of a month.
    public static func first(of month: Month) -> CalendarDay { try! CalendarDay(year: month.year, month: month.month, day: 1) }

    /// The last day of a month.
    public static func last(of month: Month) -> CalendarDay {
        try! CalendarDay(year: month.year, month: month.month, day: days(inMonth: month.month, year: month.year))
    }

    /// The month the day falls in.
    public var calendarMonth: Month { try! Month(year: year, month: month) }

    /// The same day a year later; 29 February becomes 28 February (for rolling a timescale forward).
    public var nextYear: CalendarDay {
        (try? CalendarDay(year: year + 1, month: month, day: day)) ?? (try! CalendarDay(year: year + 1, month: month, day: 28))
    }

    /// Earlier days sort first.
    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes a day from its `YYYY-MM-DD` text.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = CalendarDay(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date: use YYYY-MM-DD.")
        }
        self = day
    }

    /// Encodes the day as its `YYYY-MM-DD` text.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June",
                             "July", "August", "September", "October", "November", "December"]

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
