import Foundation

/// Reads the times people and devices write: an ISO 8601 instant from a phone
/// ("2019-02-11T09:30:00Z", with or without fractions or an offset), or a local time in the
/// council's zone ("2019-02-11T09:30", "2019-02-11 09:30", as a `datetime-local` field or a
/// spreadsheet gives it).
public enum LocalTime {
    /// The instant, or a message saying how to write it.
    public static func parse(_ text: String, field: String? = nil, timeZone: TimeZone = .unitedKingdom) throws -> Date {
        let text = text.trimmingCharacters(in: .whitespaces)
        if let date = quickParse(text, timeZone: timeZone) ?? formatterParse(text, timeZone: timeZone) { return date }
        throw ValidationError("'\(text.quoted())' is not a date and time: use YYYY-MM-DDTHH:MM (UK time), e.g. 2019-02-11T09:30.", field: field)
    }

    /// The formatters' reading: the rule. Building them costs about half a millisecond, so
    /// `quickParse` reads the usual shapes first.
    static func formatterParse(_ text: String, timeZone: TimeZone) -> Date? {
        let iso = ISO8601DateFormatter()
        for options: ISO8601DateFormatter.Options in [[.withInternetDateTime, .withFractionalSeconds], [.withInternetDateTime]] {
            iso.formatOptions = options
            if let date = iso.date(from: text) { return date }
        }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_GB_POSIX")
        local.timeZone = timeZone
        for format in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }

    /// The usual shapes by arithmetic, giving what `formatterParse` gives (a test compares them):
    /// `YYYY-MM-DD[T ]HH:MM[:SS]` in the zone, and `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)`.
    /// Anything else, an impossible date, or a local time within three hours of a clock change
    /// is left to the formatters (nil).
    static func quickParse(_ text: String, timeZone: TimeZone) -> Date? {
        let b = Array(text.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= b.count else { return nil }
            var value = 0
            for i in from..<from + count {
                let digit = b[i] &- 48
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard b.count >= 16, let year = number(0, 4), b[4] == 45, let month = number(5, 2), b[7] == 45, let day = number(8, 2),
              b[10] == 84 || b[10] == 32, let hour = number(11, 2), b[13] == 58, let minute = number(14, 2) else { return nil }
        var i = 16, second = 0, hasSeconds = false, fraction = 0.0, hasFraction = false
        if i < b.count, b[i] == 58 {
            guard let s = number(i + 1, 2) else { return nil }
            (second, hasSeconds, i) = (s, true, i + 3)
        }
        if i < b.count, b[i] == 46 {
            var scale = 0.1, j = i + 1
            while j < b.count, b[j] &- 48 < 10 { fraction += Double(b[j] - 48) * scale; scale /= 10; j += 1 }
            guard j > i + 1, j - i <= 10 else { return nil }
            (hasFraction, i) = (true, j)
        }
        guard year >= 1900, year <= 9999, (1...12).contains(month), day >= 1, day <= daysIn(month, of: year),
              hour < 24, minute < 60, second < 60 else { return nil }
        let naive = Double(daysFromCivil(year, month, day) * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
        if i == b.count {
            // A local time: no fraction; the zone's offset must be the same three hours either side.
            guard !hasFraction else { return nil }
            let before = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive - 10_800))
            guard before == timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: naive + 10_800)) else { return nil }
            return Date(timeIntervalSince1970: naive - Double(before))
        }
        // An instant: ISO 8601's internet form has the T and the seconds.
        guard b[10] == 84, hasSeconds else { return nil }
        if b[i] == 90, i + 1 == b.count { return Date(timeIntervalSince1970: naive) }
        guard b[i] == 43 || b[i] == 45, i + 6 == b.count, let offsetHours = number(i + 1, 2), b[i + 3] == 58, let offsetMinutes = number(i + 4, 2),
              offsetHours < 24, offsetMinutes < 60 else { return nil }
        let offset = Double(offsetHours * 3_600 + offsetMinutes * 60) * (b[i] == 43 ? 1 : -1)
        return Date(timeIntervalSince1970: naive - offset)
    }

    private static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    private static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
