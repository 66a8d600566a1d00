import Foundation
import Testing
import SaferDomain
@testable import SaferReports

/// "What changed since the last pack": two snapshots compared, on worked examples.
@Suite("What changed since the last pack")
struct PackChangesTests {
    typealias Indicator = PackSnapshot.Indicator

    static func snapshot(indicators: [Indicator] = [], plan: [PackSnapshot.PlanItem] = [], hotspots: [String] = [], period: String) -> PackSnapshot {
        PackSnapshot(indicatorPeriod: "12 months to \(period)", indicators: indicators, planPeriod: "latest statuses", planItems: plan,
                     hotspotPeriod: "3 months to \(period)", hotspots: hotspots.enumerated().map { .init(location: $0.element, count: 20 - $0.offset) })
    }

    static let since = "the pack for Thursday 31 January 2019 (published version 1)"

    @Test func statusesThatMovedAreListedOldToNew() {
        let old = Self.snapshot(indicators: [.init(key: "violence", name: "Violence with injury", status: .green, value: 300),
                                             .init(key: "burglary", name: "Burglary dwelling", status: .amber, value: 100),
                                             .init(key: "asb", name: "Anti-social behaviour", status: nil, value: nil),
                                             .init(key: "gone", name: "Dropped indicator", status: .red, value: 5)],
                                plan: [.init(key: "action/4", name: "Action plan: 4. Reduce fly-tipping", status: .amber),
                                       .init(key: "action/5", name: "Action plan: 5. CCTV review", status: .green)],
                                period: "December 2018")
        let new = Self.snapshot(indicators: [.init(key: "violence", name: "Violence with injury", status: .red, value: 330),
                                             .init(key: "burglary", name: "Burglary dwelling", status: .amber, value: 100),
                                             .init(key: "asb", name: "Anti-social behaviour", status: .amber, value: 1_000),
                                             .init(key: "new", name: "New indicator", status: .green, value: 1)],
                                plan: [.init(key: "action/4", name: "Action plan: 4. Reduce fly-tipping", status: .green),
                                       .init(key: "action/5", name: "Action plan: 5. CCTV review", status: nil)],
                                period: "February 2019")
        let changes = Pack.Changes(since: Self.since, from: old, to: new)
        // Unchanged (burglary), only in one snapshot (gone, new): not listed; a status gained is.
        #expect(changes.indicatorStatuses == [.init(name: "Violence with injury", from: .green, to: .red),
                                              .init(name: "Anti-social behaviour", from: nil, to: .amber)])
        #expect(changes.planStatuses == [.init(name: "Action plan: 4. Reduce fly-tipping", from: .amber, to: .green),
                                         .init(name: "Action plan: 5. CCTV review", from: .green, to: nil)])
        let table = changes.table
        #expect(table.title == "What changed since the pack for Thursday 31 January 2019 (published version 1)")
        #expect(table.rows[0].heading == "Indicators whose status changed")
        // Status in words as well as colour.
        #expect(table.rows[1].cells.map(\.text) == ["Violence with injury", "Green", "Red"] && table.rows[1].cells[2].status == .red)
        #expect(table.rows[2].cells.map(\.text) == ["Anti-social behaviour", "No status", "Amber"])
        #expect(table.notes.contains("Indicators: 12 months to December 2018, then 12 months to February 2019."))
    }

    @Test func locationsEnteringAndLeavingTheTopListAreNamedWhateverTheirCase() {
        let old = Self.snapshot(hotspots: ["Packington Lane", "Oldbury Road", "Arnolds Lane"], period: "December 2018")
        let new = Self.snapshot(hotspots: ["OLDBURY ROAD", "Packington Lane", "Coleshill Road"], period: "February 2019")
        let changes = Pack.Changes(since: Self.since, from: old, to: new)
        #expect(changes.newHotspots == ["Coleshill Road"])
        #expect(changes.droppedHotspots == ["Arnolds Lane"])
        let rows = changes.table.rows
        #expect(rows.map { $0.heading ?? $0.cells.map(\.text).joined(separator: " | ") } == [
            "Fly-tipping locations new to the top 10", "Coleshill Road | Not in the top 10 | In the top 10",
            "Fly-tipping locations no longer in the top 10", "Arnolds Lane | In the top 10 | Not in the top 10"])
    }

    /// Largest by share of the earlier total: 10 → 20 (100%) before 300 → 330 (10%) before
    /// 1,000 → 950 (5%); a rise from nothing first of all; unchanged and incomplete totals left out.
    @Test func theLargestChangesAreByShareOfTheEarlierTotal() {
        func indicator(_ key: String, _ value: Double?) -> Indicator { .init(key: key, name: key.capitalized, status: nil, value: value) }
        let old = Self.snapshot(indicators: [indicator("violence", 300), indicator("theft", 1_000), indicator("arson", 10), indicator("robbery", 0),
                                             indicator("same", 50), indicator("partial", 40)], period: "December 2018")
        let new = Self.snapshot(indicators: [indicator("violence", 330), indicator("theft", 950), indicator("arson", 20), indicator("robbery", 3),
                                             indicator("same", 50), indicator("partial", nil)], period: "February 2019")
        let changes = Pack.Changes(since: Self.since, from: old, to: new)
        #expect(changes.largestChanges.map(\.name) == ["Robbery", "Arson", "Violence", "Theft"])
        #expect(changes.largestChanges.map(\.text) == ["up 3", "up 10, 100.0%", "up 30, 10.0%", "down 50, 5.0%"])
        let arson = changes.table.rows.first { $0.cells.first?.text == "Arson" }
        #expect(arson?.cells.map(\.text) == ["Arson", "10", "20 (up 10, 100.0%)"])
        #expect(arson?.cells[2].number == 20)
    }

    @Test func onlyTheFiveLargestChangesAreListed() {
        let old = Self.snapshot(indicators: (1...8).map { .init(key: "i\($0)", name: "Indicator \($0)", status: nil, value: 100) }, period: "December 2018")
        let new = Self.snapshot(indicators: (1...8).map { .init(key: "i\($0)", name: "Indicator \($0)", status: nil, value: 100 + Double($0)) }, period: "February 2019")
        let changes = Pack.Changes(since: Self.since, from: old, to: new)
        #expect(changes.largestChanges.map(\.name) == ["Indicator 8", "Indicator 7", "Indicator 6", "Indicator 5", "Indicator 4"])
    }

    @Test func nothingMovedAndNoEarlierSnapshotAreSaidInWords() {
        let same = Self.snapshot(indicators: [.init(key: "a", name: "A", status: .green, value: 5)], hotspots: ["Packington Lane"], period: "December 2018")
        let changes = Pack.Changes(since: Self.since, from: same, to: same)
        #expect(changes.isEmpty && changes.compared)
        #expect(changes.table.rows.isEmpty && changes.table.notes.first?.hasPrefix("Nothing moved") == true)
        let unavailable = Pack.Changes.unavailable(since: Self.since)
        #expect(!unavailable.compared && unavailable.table.rows.isEmpty)
        #expect(unavailable.table.notes == ["The previous pack was published before Safer kept a snapshot of where things stood, so there is nothing to compare with."])
    }

    /// The snapshot's hot spots cover the three months to the last complete month of the cut-off.
    @Test func theHotspotPeriodEndsWithTheLastCompleteMonth() throws {
        #expect(try PackSnapshot.hotspotRange(cutOff: CalendarDay(parsing: "2019-02-28")).label == "1 December 2018 to 28 February 2019")
        #expect(try PackSnapshot.hotspotRange(cutOff: CalendarDay(parsing: "2019-03-12")).label == "1 December 2018 to 28 February 2019")
        #expect(try PackSnapshot.hotspotRange(cutOff: CalendarDay(parsing: "2019-03-31")).label == "1 January 2019 to 31 March 2019")
    }
}
