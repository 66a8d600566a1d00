import Foundation

extension Month {
    /// The month an instant falls in, in the council's time zone (UK time).
    public init(containing date: Date, timeZone: TimeZone = .unitedKingdom) {
        self = CalendarDay(containing: date, timeZone: timeZone).calendarMonth
    }
}

extension TimeZone {
    /// The council's time zone: GMT in winter, BST in summer.
    public static let unitedKingdom: TimeZone = {
        // Foundation carries the IANA time-zone database (on Linux inside its own ICU data), so
        // "Europe/London" always exists; without it every UK day boundary would be wrong, and a
        // stop at start-up is better than silently using GMT all year.
        TimeZone(identifier: "Europe/London")!
    }()
}
