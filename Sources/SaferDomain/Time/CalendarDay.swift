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
    public init(containing date: Date, timeZone: TimeZone = .unitedKingdom) {
        // The offset in force at that instant, then plain day arithmetic on the shifted seconds.
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let seconds = local.isFinite ? local : 0
        self = CalendarDay(clamping: Int((max(-1e15, min(1e15, seconds)) / 86_400).rounded(.down)))
    }

    // MARK: - Day numbers

    /// The first and last days Safer writes (four-digit years).
    public static let earliest = CalendarDay(validYear: 1, month: 1, day: 1)
    public static let latest = CalendarDay(validYear: 9999, month: 12, day: 31)

    /// A day already known to be on the calendar (callers below check or construct it so).
    private init(validYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01, negative before (Howard Hinnant's `days_from_civil`, exact for
    /// the proleptic Gregorian calendar): makes day arithmetic plain integer arithmetic.
    public var dayNumber: Int { Self.dayNumber(year: year, month: month, day: day) }

    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The day with a day number, held to `earliest`…`latest` (a result beyond them can only
    /// come from arithmetic on a period thousands of years long, which parsing refuses).
    public init(clamping number: Int) {
        let z = min(max(number, Self.earliest.dayNumber), Self.latest.dayNumber) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(validYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: dayOfYear - (153 * mp + 2) / 5 + 1)
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
    public func start(timeZone: TimeZone = .unitedKingdom) -> Date {
        let midnightUTC = Date(timeIntervalSince1970: Double(dayNumber) * 86_400)
        // The offset in force at local midnight: try the offset at UTC midnight, then correct once
        // (UK clocks change at 01:00 or 02:00, never at midnight).
        let guess = midnightUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: midnightUTC)))
        return midnightUTC.addingTimeInterval(-Double(timeZone.secondsFromGMT(for: guess)))
    }

    /// The day `count` days later (earlier when negative), held to `earliest`…`latest`.
    public func adding(days count: Int) -> CalendarDay {
        let (sum, overflow) = dayNumber.addingReportingOverflow(count)
        return CalendarDay(clamping: overflow ? (count < 0 ? Int.min : Int.max) : sum)
    }

    /// The same day some months later (earlier when negative), or the month's last day when it
    /// is shorter: 31 January plus one month is 28 (or 29) February.
    public func adding(months count: Int) -> CalendarDay {
        let target = calendarMonth.adding(months: count)
        return (try? CalendarDay(year: target.year, month: target.month, day: day)) ?? .last(of: target)
    }

    /// Days from this day to another (negative when the other is earlier).
    public func days(to other: CalendarDay) -> Int { other.dayNumber - dayNumber }

    /// The first day of a month (held to `earliest`…`latest` for months beyond four-digit years).
    public static func first(of month: Month) -> CalendarDay {
        CalendarDay(clamping: dayNumber(year: month.year, month: month.month, day: 1))
    }

    /// The last day of a month (held to `earliest`…`latest` likewise).
    public static func last(of month: Month) -> CalendarDay {
        CalendarDay(clamping: dayNumber(year: month.year, month: month.month, day: days(inMonth: month.month, year: month.year)))
    }

    /// The latest month that has ended by the end of this day: this month on its last day, else the one before.
    public var lastCompleteMonth: Month {
        Self.last(of: calendarMonth) == self ? calendarMonth : calendarMonth.adding(months: -1)
    }

    /// The month the day falls in.
    public var calendarMonth: Month {
        // A CalendarDay's year is 1…9999 and its month 1…12 (checked by every initialiser), which is what Month requires.
        try! Month(year: year, month: month)
    }

    /// The same day a year later; 29 February becomes 28 February (for rolling a timescale forward).
    public var nextYear: CalendarDay {
        (try? CalendarDay(year: year + 1, month: month, day: day)) ?? CalendarDay(clamping: Self.dayNumber(year: year + 1, month: month, day: min(day, 28)))
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
