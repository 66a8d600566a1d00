import Foundation

/// A time of day on the council's clock, stored as "18:30" and printed as the pack prints it: "6.30pm".
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    public init(hour: Int, minute: Int) throws {
        guard (0...23).contains(hour), (0...59).contains(minute) else {
            throw ValidationError("\(hour):\(minute) is not a time of day; write it as 18:30.", field: "time")
        }
        self.hour = hour
        self.minute = minute
    }

    /// Reads "18:30" or "6.30pm".
    public init(parsing text: String) throws {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        let suffix = trimmed.hasSuffix("pm") ? "pm" : trimmed.hasSuffix("am") ? "am" : ""
        let digits = trimmed.dropLast(suffix.count).trimmingCharacters(in: .whitespaces)
        let parts = digits.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ":" || $0 == "." })
        guard (1...2).contains(parts.count), parts.allSatisfy({ part in (1...2).contains(part.count) && part.allSatisfy { $0.isASCIIDigit } }),
              var hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0
        else { throw ValidationError("\"\(text)\" is not a time; write it as 18:30 or 6.30pm.", field: "time") }
        if !suffix.isEmpty {
            guard (1...12).contains(hour) else { throw ValidationError("\"\(text)\" is not a time; write it as 18:30 or 6.30pm.", field: "time") }
            hour = hour % 12 + (suffix == "pm" ? 12 : 0)
        }
        try self.init(hour: hour, minute: minute)
    }

    /// "18:30".
    public var description: String { String(format: "%02d:%02d", hour, minute) }

    /// "6.30pm", "10am", "12 noon".
    public var label: String {
        if hour == 12 && minute == 0 { return "12 noon" }
        let twelve = hour % 12 == 0 ? 12 : hour % 12
        return (minute == 0 ? "\(twelve)" : String(format: "%d.%02d", twelve, minute)) + (hour < 12 ? "am" : "pm")
    }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { (lhs.hour, lhs.minute) < (rhs.hour, rhs.minute) }

    public init(from decoder: any Decoder) throws { try self.init(parsing: try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CalendarDay {
    /// "Tuesday".
    public var weekdayName: String {
        let names = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]
        let index = dayNumber % 7
        return names[index < 0 ? index + 7 : index]
    }

    /// Saturday or Sunday.
    public var isWeekend: Bool {
        let index = dayNumber % 7   // 0 is a Thursday
        return [2, 3].contains(index < 0 ? index + 7 : index)
    }
}
