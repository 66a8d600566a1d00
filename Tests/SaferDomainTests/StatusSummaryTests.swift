import Foundation
import SaferDomain
import Testing

@Suite("Status summary")
struct StatusSummaryTests {
    @Test func theSeedsCorporatePlanSummary() {
        let statuses = Array(repeating: RAGStatus.green, count: 9) + [.amber, .amber]

        let summary = StatusSummary(statuses: statuses)

        #expect(summary.rows.map(\.text) == ["Green 9 (82%)", "Amber 2 (18%)", "Red 0 (0%)"])
        #expect(summary.totalText == "Total 11 (100%)")
        #expect(summary.count(of: .green) == 9)
        #expect(summary.percentage(of: .amber) == 18)
    }

    @Test func oneOfEachGivesThirtyFourToGreenByThePacksOrder() {
        let summary = StatusSummary(statuses: [.red, .amber, .green])

        #expect(summary.rows.map(\.percentage) == [34, 33, 33])
    }

    @Test func equalRemaindersFavourTheStatusWithMoreItemsThenThePacksOrder() {
        // 1/4/1 of 6: 16.67%, 66.67%, 16.67%, all with the same remainder; two points to give.
        let summary = StatusSummary(counts: [.green: 1, .amber: 4, .red: 1])

        #expect(summary.rows.map(\.percentage) == [17, 67, 16])
    }

    @Test func theLargestRemainderGetsThePoint() {
        // 1/2/4 of 7: 14.29%, 28.57%, 57.14%.
        let summary = StatusSummary(counts: [.green: 1, .amber: 2, .red: 4])

        #expect(summary.rows.map(\.percentage) == [14, 29, 57])
    }

    @Test func noItemsGivesZeroEverywhere() {
        let summary = StatusSummary(statuses: [])

        #expect(summary.rows.map(\.text) == ["Green 0 (0%)", "Amber 0 (0%)", "Red 0 (0%)"])
        #expect(summary.totalText == "Total 0 (0%)")
    }

    @Test func percentagesAlwaysAddUpToOneHundredAndStayWithinAPointOfExact() {
        for green in 0...12 {
            for amber in 0...12 {
                for red in 0...12 where green + amber + red > 0 {
                    let counts = [RAGStatus.green: green, .amber: amber, .red: red]
                    let summary = StatusSummary(counts: counts)
                    let total = Double(green + amber + red)

                    #expect(summary.rows.map(\.percentage).reduce(0, +) == 100)
                    for row in summary.rows {
                        #expect(abs(Double(row.percentage) - Double(row.count) * 100 / total) < 1)
                    }
                }
            }
        }
    }
}
