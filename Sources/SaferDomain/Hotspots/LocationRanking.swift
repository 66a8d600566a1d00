import Foundation

/// Top locations by incident count over a period, with the change on the period before.
///
/// Names are grouped by `LocationName.matchKey` (the key without spaces). Rows are ordered by
/// count, highest first, then by key, so equal counts always come out in the same order; only
/// locations with at least one incident in the period are listed.
public enum LocationRanking {
    /// Ranks locations over the days `period` (day numbers, both ends included); the previous
    /// period is the same number of days just before it.
    public static func top(
        _ limit: Int?,
        of records: some Sequence<(name: String, day: Int)>,
        in period: ClosedRange<Int>,
        normaliser: LocationNameNormaliser = LocationNameNormaliser()
    ) -> [LocationRankingRow] {
        let length = period.upperBound - period.lowerBound + 1
        let previous = (period.lowerBound - length)...(period.lowerBound - 1)
        var keys: [String: LocationName] = [:]  // written form → normalised, computed once per spelling
        var groups: [String: Group] = [:]
        for record in records {
            let inPeriod = period.contains(record.day)
            guard inPeriod || previous.contains(record.day) else { continue }
            let location: LocationName
            if let known = keys[record.name] {
                location = known
            } else {
                location = normaliser.normalise(record.name)
                keys[record.name] = location
            }
            guard !location.key.isEmpty else { continue }
            groups[location.matchKey, default: Group()].add(location, inPeriod: inPeriod)
        }
        let rows = groups.values
            .filter { $0.count > 0 }
            .map { group in (group: group, spellings: group.spellingsByUse(), key: group.key) }
            .sorted { $0.group.count != $1.group.count ? $0.group.count > $1.group.count : $0.key < $1.key }
        return rows.prefix(limit ?? rows.count).enumerated().map { position, row in
            LocationRankingRow(
                rank: position + 1, key: row.key, name: row.spellings[0], count: row.group.count,
                previousCount: row.group.previousCount, spellings: row.spellings
            )
        }
    }

    /// Ranks locations over the calendar days from `from` to `to` (both included) in `calendar`'s
    /// time zone; the previous period is the same number of days just before.
    public static func top(
        _ limit: Int?,
        of records: some Sequence<(name: String, date: Date)>,
        from: Date,
        to: Date,
        calendar: Calendar,
        normaliser: LocationNameNormaliser = LocationNameNormaliser()
    ) -> [LocationRankingRow] {
        // Plain day arithmetic in the calendar's time zone (the Gregorian days of `CalendarDay`):
        // asking `Calendar` for components per record took a sixth of the ranking's time.
        func day(_ date: Date) -> Int { CalendarDay(containing: date, timeZone: calendar.timeZone).dayNumber }
        let first = day(from), last = day(to)
        guard first <= last else { return [] }
        return top(limit, of: records.lazy.map { (name: $0.name, day: day($0.date)) }, in: first...last, normaliser: normaliser)
    }

    /// Counts for one merged location.
    private struct Group {
        var count = 0
        var previousCount = 0
        /// Spelling → uses in the period.
        var spellings: [String: Int] = [:]
        /// Key of each spelling, to report the key of the most used one.
        var keys: [String: String] = [:]

        mutating func add(_ location: LocationName, inPeriod: Bool) {
            if inPeriod {
                count += 1
                spellings[location.written, default: 0] += 1
                keys[location.written] = location.key
            } else {
                previousCount += 1
            }
        }

        func spellingsByUse() -> [String] {
            spellings.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }

        var key: String { keys[spellingsByUse()[0]] ?? "" }
    }
}
