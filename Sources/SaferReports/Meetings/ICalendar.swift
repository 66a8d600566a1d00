import Foundation

/// A meeting as a calendar event.
public struct CalendarEvent: Sendable, Hashable {
    /// Stable across feeds, so a calendar updates the event instead of adding another.
    public let uid: String
    public let start: Date
    public let duration: TimeInterval
    public let summary: String
    public let location: String
    public let description: String
    public let url: String?

    public init(uid: String, start: Date, duration: TimeInterval, summary: String, location: String, description: String, url: String?) {
        self.uid = uid
        self.start = start
        self.duration = duration
        self.summary = summary
        self.location = location
        self.description = description
        self.url = url
    }
}

/// An iCalendar feed (RFC 5545) that calendar programs subscribe to: times in UTC (so no time
/// zone table is needed), text escaped, lines folded at 75 octets, CRLF line ends.
public enum ICalendar {
    public static func render(name: String, events: [CalendarEvent], stamp: Date) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Safer//Meetings//EN", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escape(name)]
        for event in events {
            lines += ["BEGIN:VEVENT", "UID:" + escape(event.uid), "DTSTAMP:" + utc(stamp), "DTSTART:" + utc(event.start),
                      "DTEND:" + utc(event.start.addingTimeInterval(event.duration)), "SUMMARY:" + escape(event.summary),
                      "LOCATION:" + escape(event.location), "DESCRIPTION:" + escape(event.description)]
            if let url = event.url { lines.append("URL:" + url.filter { !$0.isNewline }) }
            lines += ["STATUS:CONFIRMED", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// `20190312T183000Z`.
    static func utc(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ n: Int?) -> String { let n = n ?? 0; return n < 10 ? "0\(n)" : "\(n)" }
        return "\(c.year ?? 1970)\(two(c.month))\(two(c.day))T\(two(c.hour))\(two(c.minute))\(two(c.second))Z"
    }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as `\n`, other controls dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r\n", "\n", "\r": result += "\\n"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) { result.append(character) }
            }
        }
        return result
    }

    /// Splits a line into pieces of at most 75 octets, each continuation starting with a space,
    /// never inside a character's UTF-8 bytes.
    static func fold(_ line: String) -> String {
        var pieces: [String] = [], current = "", size = 0
        for character in line {
            let bytes = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74   // a continuation's leading space counts
            if size + bytes > limit {
                pieces.append(current)
                current = ""
                size = 0
            }
            current.append(character)
            size += bytes
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
