import Foundation
import SaferDomain
import Testing

@Suite("Direction of travel")
struct DirectionOfTravelTests {
    @Test func fewerIsBetterAFallOnLastQuarterIsImproving() {
        // Anti-social behaviour: Q2 2018/19 444, Q3 2018/19 368.
        #expect(DirectionOfTravel(previous: 444, current: 368, polarity: .fewerIsBetter) == .improving)
        #expect(DirectionOfTravel(previous: 368, current: 444, polarity: .fewerIsBetter) == .worsening)
        #expect(DirectionOfTravel(previous: 368, current: 368, polarity: .fewerIsBetter) == .unchanged)
    }

    @Test func moreIsBetterARiseIsImproving() {
        #expect(DirectionOfTravel(previous: 10, current: 12, polarity: .moreIsBetter) == .improving)
        #expect(DirectionOfTravel(previous: 12, current: 10, polarity: .moreIsBetter) == .worsening)
    }

    @Test func comparesStatusesWhenThereAreNoFigures() {
        #expect(DirectionOfTravel(previous: .red, current: .amber) == .improving)
        #expect(DirectionOfTravel(previous: .green, current: .amber) == .worsening)
        #expect(DirectionOfTravel(previous: .green, current: .green) == .unchanged)
        #expect(DirectionOfTravel.allCases.map(\.displayName) == ["Improving", "Unchanged", "Worsening"])
    }

    @Test func quarterlyTotalsFromASeriesGiveTheDirection() {
        let asb = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.antiSocialBehaviour2018)
        let q3 = asb.total(of: SeedFigures.quarter3)
        let q2 = asb.total(of: SeedFigures.quarter3.previous)

        #expect(q2.value == 444)
        #expect(q3.value == 368)
        #expect(DirectionOfTravel(previous: q2.value, current: q3.value, polarity: .fewerIsBetter) == .improving)
    }
}
