import Foundation

/// Reads the times people and devices write: an ISO 8601 instant from a phone
/// ("2019-02-11T09:30:00Z", with or without fractions or an offset), or a local time in the
/// council's zone ("2019-02-11T09:30", "2019-02-11 09:30", as a `datetime-local` field or a
/// spreadsheet gives it).
public enum LocalTime {
    /// The instant, or a message saying how to write it.
    public static func parse(_ text: String, field: String? = nil, timeZone: TimeZone = .unitedKingdom) throws -> Date {
        let text = text.trimmingCharacters(in: .whitespaces)
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
        throw ValidationError("'\(text)' is not a date and time: use YYYY-MM-DDTHH:MM (UK time), e.g. 2019-02-11T09:30.", field: field)
    }
}
