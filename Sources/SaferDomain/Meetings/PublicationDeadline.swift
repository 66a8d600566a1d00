import Foundation

/// A bank holiday: a day that is not a working day.
public struct BankHoliday: Sendable, Hashable, Codable {
    public let day: CalendarDay
    /// "Spring bank holiday".
    public let title: String
    /// "Substitute day", or empty.
    public let notes: String

    public init(day: CalendarDay, title: String, notes: String = "") {
        self.day = day
        self.title = title
        self.notes = notes
    }
}

/// The bank holidays of England and Wales Safer counts when it works out a publication deadline,
/// and where the list came from. Safer ships the list published on gov.uk for 2017–2027; an
/// administrator loads later years from gov.uk's `bank-holidays.json`.
public struct BankHolidays: Sendable, Hashable, Codable {
    /// Where the list came from, as the administration page shows it.
    public let source: String
    /// Every holiday, earliest first, one per day.
    public let holidays: [BankHoliday]
    private let days: Set<CalendarDay>
    private let holidayYears: Set<Int>

    public init(source: String, holidays: [BankHoliday]) {
        self.source = source
        self.holidays = Dictionary(holidays.map { ($0.day, $0) }, uniquingKeysWith: { _, later in later }).values.sorted { $0.day < $1.day }
        self.days = Set(holidays.map(\.day))
        self.holidayYears = Set(holidays.map(\.day.year))
    }

    enum CodingKeys: String, CodingKey { case source, holidays }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(source: try container.decode(String.self, forKey: .source), holidays: try container.decode([BankHoliday].self, forKey: .holidays))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(holidays, forKey: .holidays)
    }

    /// Monday to Friday, and not a bank holiday.
    public func isWorkingDay(_ day: CalendarDay) -> Bool { !day.isWeekend && !days.contains(day) }

    /// The years the list covers, first to last; nil when it is empty.
    public var years: ClosedRange<Int>? {
        guard let first = holidays.first, let last = holidays.last else { return nil }
        return first.day.year...last.day.year
    }

    /// Whether the list has the holidays of a day's year (every year in England and Wales has
    /// some), so the working days around it are known.
    public func covers(_ day: CalendarDay) -> Bool { holidayYears.contains(day.year) }

    /// This list with another's years replaced by it: a gov.uk file covers only recent years,
    /// and the years before it stay as they were so past deadlines do not move.
    public func updated(with newer: BankHolidays) -> BankHolidays {
        guard let years = newer.years else { return self }
        return BankHolidays(source: newer.source, holidays: holidays.filter { !years.contains($0.day.year) } + newer.holidays)
    }

    /// Reads gov.uk's `bank-holidays.json`: an object per division (`england-and-wales`,
    /// `scotland`, `northern-ireland`), each with its `events` (`title`, `date` as YYYY-MM-DD,
    /// `notes`). Only the England and Wales division is read. Nothing is kept if any event is wrong.
    public static func govUK(_ data: Data, source: String, division: String = "england-and-wales") throws -> BankHolidays {
        struct Event: Decodable { let title: String?, date: String?, notes: String? }
        struct Division: Decodable { let events: [Event]? }
        let divisions: [String: Division]
        do { divisions = try JSONDecoder().decode([String: Division].self, from: data) } catch {
            throw ValidationError("The file is not gov.uk's bank-holidays.json: it should be JSON with an object per division (e.g. \"\(division)\") holding its \"events\". Download it again from https://www.gov.uk/bank-holidays.json.")
        }
        guard let events = divisions[division]?.events, !events.isEmpty else {
            let found = divisions.keys.sorted().map { "\"\($0.quoted())\"" }.joined(separator: ", ")
            throw ValidationError("The file has no \"\(division)\" bank holidays (it has \(found.isEmpty ? "no divisions" : found)). Download the whole file from https://www.gov.uk/bank-holidays.json.")
        }
        var problems = ValidationProblems(), holidays: [BankHoliday] = []
        for (index, event) in events.enumerated() {
            let title = (event.title ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let text = event.date, let day = CalendarDay(text) else {
                problems.add("Event \(index + 1) (\"\(title.quoted())\") has no date written YYYY-MM-DD (\"\((event.date ?? "none").quoted())\").")
                continue
            }
            if day.isWeekend { problems.add("Event \(index + 1) (\"\(title.quoted())\") falls on a \(day.weekdayName), \(day.label); bank holidays are weekdays.") }
            holidays.append(BankHoliday(day: day, title: title.isEmpty ? "Bank holiday" : String(title.prefix(200)),
                                        notes: String((event.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(200))))
        }
        try problems.throwIfAny()
        return BankHolidays(source: source, holidays: holidays)
    }

    /// The bank holidays of England and Wales 2017–2027 as published on gov.uk
    /// (https://www.gov.uk/bank-holidays.json), substitute and one-off days included.
    public static let englandAndWales = BankHolidays(
        source: "Built into Safer: England and Wales 2017–2027, from gov.uk (https://www.gov.uk/bank-holidays)",
        holidays: builtIn.map { line in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            // The table below is written in code, every day a valid YYYY-MM-DD (a test reads each one).
            return BankHoliday(day: CalendarDay(parts[0]) ?? .earliest, title: parts[1], notes: parts[2])
        })

    private static let builtIn = [
        "2017-01-02|New Year’s Day|Substitute day",
        "2017-04-14|Good Friday|",
        "2017-04-17|Easter Monday|",
        "2017-05-01|Early May bank holiday|",
        "2017-05-29|Spring bank holiday|",
        "2017-08-28|Summer bank holiday|",
        "2017-12-25|Christmas Day|",
        "2017-12-26|Boxing Day|",
        "2018-01-01|New Year’s Day|",
        "2018-03-30|Good Friday|",
        "2018-04-02|Easter Monday|",
        "2018-05-07|Early May bank holiday|",
        "2018-05-28|Spring bank holiday|",
        "2018-08-27|Summer bank holiday|",
        "2018-12-25|Christmas Day|",
        "2018-12-26|Boxing Day|",
        "2019-01-01|New Year’s Day|",
        "2019-04-19|Good Friday|",
        "2019-04-22|Easter Monday|",
        "2019-05-06|Early May bank holiday|",
        "2019-05-27|Spring bank holiday|",
        "2019-08-26|Summer bank holiday|",
        "2019-12-25|Christmas Day|",
        "2019-12-26|Boxing Day|",
        "2020-01-01|New Year’s Day|",
        "2020-04-10|Good Friday|",
        "2020-04-13|Easter Monday|",
        "2020-05-08|Early May bank holiday (VE day)|",
        "2020-05-25|Spring bank holiday|",
        "2020-08-31|Summer bank holiday|",
        "2020-12-25|Christmas Day|",
        "2020-12-28|Boxing Day|Substitute day",
        "2021-01-01|New Year’s Day|",
        "2021-04-02|Good Friday|",
        "2021-04-05|Easter Monday|",
        "2021-05-03|Early May bank holiday|",
        "2021-05-31|Spring bank holiday|",
        "2021-08-30|Summer bank holiday|",
        "2021-12-27|Christmas Day|Substitute day",
        "2021-12-28|Boxing Day|Substitute day",
        "2022-01-03|New Year’s Day|Substitute day",
        "2022-04-15|Good Friday|",
        "2022-04-18|Easter Monday|",
        "2022-05-02|Early May bank holiday|",
        "2022-06-02|Spring bank holiday|",
        "2022-06-03|Platinum Jubilee bank holiday|",
        "2022-08-29|Summer bank holiday|",
        "2022-09-19|Bank Holiday for the State Funeral of Queen Elizabeth II|",
        "2022-12-26|Boxing Day|",
        "2022-12-27|Christmas Day|Substitute day",
        "2023-01-02|New Year’s Day|Substitute day",
        "2023-04-07|Good Friday|",
        "2023-04-10|Easter Monday|",
        "2023-05-01|Early May bank holiday|",
        "2023-05-08|Bank holiday for the coronation of King Charles III|",
        "2023-05-29|Spring bank holiday|",
        "2023-08-28|Summer bank holiday|",
        "2023-12-25|Christmas Day|",
        "2023-12-26|Boxing Day|",
        "2024-01-01|New Year’s Day|",
        "2024-03-29|Good Friday|",
        "2024-04-01|Easter Monday|",
        "2024-05-06|Early May bank holiday|",
        "2024-05-27|Spring bank holiday|",
        "2024-08-26|Summer bank holiday|",
        "2024-12-25|Christmas Day|",
        "2024-12-26|Boxing Day|",
        "2025-01-01|New Year’s Day|",
        "2025-04-18|Good Friday|",
        "2025-04-21|Easter Monday|",
        "2025-05-05|Early May bank holiday|",
        "2025-05-26|Spring bank holiday|",
        "2025-08-25|Summer bank holiday|",
        "2025-12-25|Christmas Day|",
        "2025-12-26|Boxing Day|",
        "2026-01-01|New Year’s Day|",
        "2026-04-03|Good Friday|",
        "2026-04-06|Easter Monday|",
        "2026-05-04|Early May bank holiday|",
        "2026-05-25|Spring bank holiday|",
        "2026-08-31|Summer bank holiday|",
        "2026-12-25|Christmas Day|",
        "2026-12-28|Boxing Day|Substitute day",
        "2027-01-01|New Year’s Day|",
        "2027-03-26|Good Friday|",
        "2027-03-29|Easter Monday|",
        "2027-05-03|Early May bank holiday|",
        "2027-05-31|Spring bank holiday|",
        "2027-08-30|Summer bank holiday|",
        "2027-12-27|Christmas Day|Substitute day",
        "2027-12-28|Boxing Day|Substitute day",
    ]
}

/// When a meeting's papers must be published: five clear working days before it (Local
/// Government Act 1972 s.100B). Neither the day of publication nor the meeting day counts, and
/// weekends and bank holidays are not working days; the publish-by day is the latest working day
/// that still leaves five.
public struct PublicationDeadline: Sendable, Hashable {
    public static let clearWorkingDays = 5

    public let meeting: CalendarDay
    /// The latest working day the papers may be published.
    public let publishBy: CalendarDay
    /// The clear working days between publication and the meeting, earliest first.
    public let clearDays: [CalendarDay]
    /// Whether the bank holidays are known for every day counted (false: the list needs updating).
    public let holidaysKnown: Bool

    public init(meeting: CalendarDay, holidays: BankHolidays) {
        self.meeting = meeting
        var day = meeting, clear: [CalendarDay] = []
        // Counting stops at the calendar's first day: a meeting dated there (or a list of holidays
        // filling those days) must not count for ever.
        while clear.count < Self.clearWorkingDays && day > .earliest {
            day = day.adding(days: -1)
            if holidays.isWorkingDay(day) { clear.insert(day, at: 0) }
        }
        repeat { day = day.adding(days: -1) } while !holidays.isWorkingDay(day) && day > .earliest
        publishBy = day
        clearDays = clear
        holidaysKnown = holidays.covers(day) && holidays.covers(meeting)
    }

    /// Whether papers published on a day are late.
    public func isLate(publishedOn day: CalendarDay) -> Bool { day > publishBy }

    /// "Monday 4 March 2019".
    public var publishByLabel: String { "\(publishBy.weekdayName) \(publishBy.label)" }
}

/// Papers published after their deadline, and the reason for urgency the chair accepted: printed
/// on the pack's front sheet and carried into the minutes.
public struct LatePublication: Sendable, Hashable, Codable {
    public let publishedOn: CalendarDay
    public let publishBy: CalendarDay
    public let reason: String

    public init(publishedOn: CalendarDay, publishBy: CalendarDay, reason: String) {
        self.publishedOn = publishedOn
        self.publishBy = publishBy
        self.reason = reason
    }

    /// The sentence the pack prints.
    public var notice: String {
        "These papers were published on \(publishedOn.weekdayName) \(publishedOn.label), after \(publishBy.weekdayName) \(publishBy.label), the last day that left five clear working days before the meeting. Reason for urgency: \(reason)"
    }
}

extension BankHolidays: Auditable {
    public static let auditEntity = "bank-holidays"
    public var auditID: String { "england-and-wales" }
    public var auditFields: [String: String] {
        var fields = ["source": source, "count": String(holidays.count)]
        if let years { fields["years"] = "\(years.lowerBound)–\(years.upperBound)" }
        return fields
    }
}
