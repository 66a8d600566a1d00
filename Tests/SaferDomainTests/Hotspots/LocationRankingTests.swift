import Foundation
import SaferDomain
import Testing

@Suite("Named-location ranking")
struct LocationRankingTests {
    /// The seed's "since July 18" table in miniature: days are numbers, period 100...199.
    static let records: [(name: String, day: Int)] = [
        ("Oldbury Road, Hartshill", 120), ("Oldbury Road, Hartshill", 130), ("Oldbury Rd", 140),
        ("Oldbury Road, Hartshill", 150), ("oldbury road", 160),
        ("Packington Lane", 101), ("Packington Ln", 110), ("Packington Lane - Near Stonebridge Near M6", 150),
        ("Packington Lane", 170), ("Packington Lane", 199),
        ("Blindpit Lane", 105), ("Blind Pit Lane", 115), ("Blindpit Lane", 125), ("Blindpit Lane", 135),
        ("Breach Oak Lane", 111), ("Breach Oak Lane", 112), ("Breach Oak Ln", 113),
        ("Arnolds Lane, Maxstoke", 140), ("Arnold's Lane", 141), ("Arnolds Lane, Maxstoke", 142),
        ("Nuneaton Road (near Hoar Park)", 180), ("Nuneaton Road (near Hoar Park)", 181), ("Nuneaton Rd", 182),
        // The previous 100 days (0...99), and days outside both periods.
        ("Oldbury Road", 50), ("Oldbury Road", 60), ("Oldbury Road", 70),
        ("Blindpit Lane", 99), ("Folly Lane", 10), ("Folly Lane", 200), ("Folly Lane", -1),
    ]

    @Test func countsMergedSpellingsAndComparesWithThePeriodBefore() {
        let rows = LocationRanking.top(5, of: Self.records, in: 100...199, normaliser: .northWarwickshire)

        #expect(rows.map(\.name) == ["Oldbury Road, Hartshill", "Packington Lane", "Blindpit Lane", "Arnolds Lane, Maxstoke", "Breach Oak Lane"])
        #expect(rows.map(\.count) == [5, 5, 4, 3, 3])
        #expect(rows.map(\.previousCount) == [3, 0, 1, 0, 0])
        #expect(rows.map(\.change) == [2, 5, 3, 3, 3])
        #expect(rows.map(\.rank) == [1, 2, 3, 4, 5])
        #expect(rows[0].key == "oldbury road")
        #expect(rows[2].spellings == ["Blindpit Lane", "Blind Pit Lane"])
    }

    @Test func equalCountsComeOutInNameOrder() {
        let rows = LocationRanking.top(nil, of: Self.records, in: 100...199, normaliser: .northWarwickshire)

        #expect(rows.map(\.key) == ["oldbury road", "packington lane", "blindpit lane", "arnolds lane", "breach oak lane", "nuneaton road"])
    }

    @Test func onlyLocationsWithIncidentsInThePeriodAreListed() {
        let rows = LocationRanking.top(nil, of: Self.records, in: 0...99, normaliser: .northWarwickshire)

        #expect(rows.map(\.name) == ["Oldbury Road", "Blindpit Lane", "Folly Lane"])
        #expect(rows.map(\.previousCount) == [0, 0, 1])
    }

    @Test func theMostUsedSpellingNamesTheRowAndTiesGoToCodePointOrder() {
        let records: [(name: String, day: Int)] = [("oldbury road", 1), ("Oldbury Road", 1), ("OLDBURY RD", 2), ("OLDBURY RD", 3)]

        let rows = LocationRanking.top(1, of: records, in: 1...3)

        #expect(rows.map(\.name) == ["OLDBURY RD"])
        #expect(rows[0].spellings == ["OLDBURY RD", "Oldbury Road", "oldbury road"])
    }

    @Test func calendarDaysInLondonDecideThePeriodForDates() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = try #require(TimeZone(identifier: "Europe/London"))
        func date(_ text: String) throws -> Date {
            try #require(ISO8601DateFormatter().date(from: text))
        }
        // March 2019 has the clocks going forward; February 2019 (28 days) is not the period before
        // 1-31 March: the 31 days before are 29 January to 28 February.
        let records: [(name: String, date: Date)] = [
            ("Folly Lane", try date("2019-03-01T00:30:00Z")), ("Folly Lane", try date("2019-03-31T22:59:00Z")),
            ("Folly Lane", try date("2019-03-31T23:00:00Z")), ("Folly Lane", try date("2019-01-29T09:00:00Z")),
            ("Folly Lane", try date("2019-01-28T23:59:00Z")),
        ]

        let rows = LocationRanking.top(5, of: records, from: try date("2019-03-01T12:00:00Z"), to: try date("2019-03-31T12:00:00Z"), calendar: calendar)

        #expect(rows.map(\.count) == [2])
        #expect(rows.map(\.previousCount) == [1])
    }
}
