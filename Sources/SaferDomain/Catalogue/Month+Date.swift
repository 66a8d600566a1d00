import Foundation

extension Month {
    /// The month an instant falls in, in the council's time zone (UK time).
    public init(containing date: Date, timeZone: TimeZone = TimeZone(identifier: "Europe/London")!) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month], from: date)
        self = try! Month(year: parts.year!, month: parts.month!)
    }
}
