import Foundation
import SaferDomain
import Testing

@Suite("Proportions, concentration and rates")
struct ProportionTests {
    @Test func domesticAbuseShareOfViolenceWithInjuryByQuarter() throws {
        let flagged = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.domesticAbuseFlag2018)
        let withInjury = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.violenceWithInjury2018)
        let year = SeedFigures.quarter3.financialYear

        let quarterly = try year.quarters.prefix(3).map { quarter in
            try #require(Proportion(flagged.total(of: quarter), of: withInjury.total(of: quarter)))
        }
        let toDate = try #require(Proportion(
            flagged.totalToDate(through: SeedFigures.december2018),
            of: withInjury.totalToDate(through: SeedFigures.december2018)
        ))

        #expect(quarterly.map(\.part) == [48, 45, 43])
        #expect(quarterly.map(\.whole) == [133, 135, 139])
        #expect(quarterly.map(\.wholePercentageText) == ["36%", "33%", "31%"])
        #expect(toDate.part == 136)
        #expect(toDate.whole == 407)
        #expect(toDate.wholePercentageText == "33%")
    }

    @Test func aShareOfAnIncompleteQuarterIsNotKnown() {
        let flagged = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.domesticAbuseFlag2018)
        let withInjury = MonthlySeries(startingAt: SeedFigures.april2018, counts: SeedFigures.violenceWithInjury2018)
        let quarter4 = SeedFigures.quarter3.next

        #expect(Proportion(flagged.total(of: quarter4), of: withInjury.total(of: quarter4)) == nil)
    }

    @Test func concentrationIsTheShareOfAnAreasOffencesOnOneRoad() {
        // Fillongley: 34% of dwelling burglaries on Tamworth Road (counts illustrative).
        let tamworthRoad = Proportion(11, of: 32)

        #expect(tamworthRoad.wholePercentageText == "34%")
        #expect(tamworthRoad.percentageText() == "34.4%")
    }

    @Test func aShareOfNothingIsNotAvailable() {
        #expect(Proportion(0, of: 0).ratio == nil)
        #expect(Proportion(0, of: 0).wholePercentageText == "n/a")
        #expect(Proportion(0, of: 5).wholePercentageText == "0%")
    }

    @Test func ratesPerThousandUseTheirOwnDenominators() throws {
        let violencePerResident = Rate(count: 1_482, denominator: 64_069)
        let burglaryPerProperty = Rate(count: 269, denominator: 25_800)

        #expect(abs(try #require(violencePerResident.value) - 23.1313) < 0.0001)
        #expect(violencePerResident.displayText() == "23.1")
        #expect(burglaryPerProperty.displayText() == "10.4")
        #expect(burglaryPerProperty.displayText(decimals: 2) == "10.43")
        #expect(Rate(count: 5, denominator: 0).value == nil)
        #expect(Rate(count: 5, denominator: 0).displayText() == "n/a")
    }
}
