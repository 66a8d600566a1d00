import Foundation
import SaferDomain
import Testing

@Suite("Police beat comparison")
struct BeatComparisonTests {
    func seedComparison() throws -> BeatComparison {
        try BeatComparison(quarter: SeedFigures.quarter3, cells: SeedFigures.beatCells)
    }

    @Test func eachCellIsColouredByItsChange() throws {
        let comparison = try seedComparison()

        let hurley = try #require(comparison.cell(beat: "Hurley and Wood End", category: .totalRecordedCrime))
        let fillongleyVehicles = try #require(comparison.cell(beat: "Fillongley", category: .vehicleCrime))
        let arley = try #require(comparison.cell(beat: "Arley and Whitacre", category: .totalRecordedCrime))

        #expect(hurley.change == 47)
        #expect(hurley.direction == .increase)
        #expect(hurley.direction.colour == "red")
        #expect(fillongleyVehicles.changeText() == "-16")
        #expect(fillongleyVehicles.changeText(minus: .minusSign) == "\u{2212}16")
        #expect(fillongleyVehicles.direction.colour == "green")
        #expect(arley.direction == .noChange)
        #expect(arley.direction.colour == "neutral")
        #expect(arley.changeText() == "0")
    }

    @Test func comparesWithTheSameQuarterLastYear() throws {
        let comparison = try seedComparison()

        #expect(comparison.baseQuarter.description == "2017/18-Q3")
        #expect(comparison.beats.count == 22)
        #expect(comparison.categories == [.totalRecordedCrime, .vehicleCrime, .antiSocialBehaviour])
    }

    @Test func biggestIncreasesInVehicleCrimeAndASBMatchThePack() throws {
        let narrative = try seedComparison().narrative()

        let vehicles = try #require(narrative.biggestIncreases(in: .vehicleCrime))
        let asb = try #require(narrative.biggestIncreases(in: .antiSocialBehaviour))

        #expect(vehicles.text() == "Vehicle crime: Curdworth +19, Water Orton +9, Hurley and Wood End +7")
        // Coleshill South (Town) and Polesworth East tie on +11: alphabetical order.
        #expect(asb.text() == "ASB: Coleshill South (Town) +11, Polesworth East +11, Fillongley +10")
    }

    @Test func biggestIncreasesInTotalCrimeIncludeTheBeatsTheHandWrittenNarrativeMissed() throws {
        let comparison = try seedComparison()

        let topThree = comparison.biggestIncreases(in: .totalRecordedCrime)
        let topFour = comparison.biggestIncreases(in: .totalRecordedCrime, limit: 4)

        #expect(topThree.map { $0.narrativeText() } == [
            "Hurley and Wood End +47", "Atherstone Central (Town) +34", "Atherstone South and Mancetter +27",
        ])
        #expect(topThree.first.map { ($0.lastYear, $0.thisYear) } ?? (0, 0) == (38, 85))
        #expect(topFour.last?.narrativeText() == "Curdworth +26")
    }

    @Test func goodNewsIsTheBeatsWithReductionsInEveryCategory() throws {
        let narrative = try seedComparison().narrative()

        #expect(narrative.reductionsInEveryCategory == ["Atherstone North", "Hartshill"])
        #expect(narrative.reductionsInEveryCategoryText == "Atherstone North and Hartshill have seen reductions in all categories.")
    }

    @Test func largestReductionsIncludeEveryBeatTiedAtThirdPlace() throws {
        let narrative = try seedComparison().narrative()

        let totalCrime = try #require(narrative.largestReductions(in: .totalRecordedCrime))
        let vehicles = try #require(narrative.largestReductions(in: .vehicleCrime))
        let asb = try #require(narrative.largestReductions(in: .antiSocialBehaviour))

        #expect(totalCrime.text() == "Total crime: Hartshill -24, Fillongley -23, Atherstone North -14, Coleshill North -14")
        #expect(vehicles.text() == "Vehicle crime: Fillongley -16, Hartshill -9, Coleshill North -6")
        #expect(asb.text() == "ASB: Kingsbury -18, Atherstone North -10, Hartshill -9")
    }

    @Test func tiesAtTheCutOffAreAllNamedAndTiesAboveItAreAlphabetical() throws {
        let cells = [("Epsilon", 5), ("Delta", 8), ("Beta", 8), ("Alpha", 9), ("Gamma", 8), ("Zeta", 0), ("Eta", -2)]
            .map { BeatComparison.Cell(beat: $0.0, category: .vehicleCrime, lastYear: 10, thisYear: 10 + $0.1) }
        let comparison = try BeatComparison(quarter: SeedFigures.quarter3, cells: cells)

        let increases = comparison.biggestIncreases(in: .vehicleCrime)

        #expect(increases.map(\.beat) == ["Alpha", "Beta", "Delta", "Gamma"])
        #expect(comparison.biggestIncreases(in: .vehicleCrime, limit: 1).map(\.beat) == ["Alpha"])
        #expect(comparison.largestReductions(in: .vehicleCrime).map(\.beat) == ["Eta"])
        #expect(comparison.biggestIncreases(in: .antiSocialBehaviour).isEmpty)
    }

    @Test func aBeatMissingACategoryIsNotGoodNewsAndAnEmptyLineSaysNone() throws {
        let cells = [
            BeatComparison.Cell(beat: "Hartshill", category: .totalRecordedCrime, lastYear: 74, thisYear: 50),
            BeatComparison.Cell(beat: "Hartshill", category: .vehicleCrime, lastYear: 14, thisYear: 5),
            BeatComparison.Cell(beat: "Kingsbury", category: .totalRecordedCrime, lastYear: 40, thisYear: 30),
        ]
        let narrative = try BeatComparison(quarter: SeedFigures.quarter3, cells: cells).narrative()

        #expect(narrative.reductionsInEveryCategory == ["Hartshill"])
        #expect(narrative.reductionsInEveryCategoryText == "Hartshill has seen reductions in all categories.")
        #expect(narrative.biggestIncreases(in: .vehicleCrime)?.text() == "Vehicle crime: none")
    }

    @Test func refusesTwoFiguresForOneBeatAndCategory() {
        let cells = [
            BeatComparison.Cell(beat: "Curdworth", category: .vehicleCrime, lastYear: 8, thisYear: 27),
            BeatComparison.Cell(beat: "Curdworth", category: .vehicleCrime, lastYear: 8, thisYear: 20),
        ]

        #expect(throws: BeatComparisonError.duplicateCell(beat: "Curdworth", category: .vehicleCrime)) {
            try BeatComparison(quarter: SeedFigures.quarter3, cells: cells)
        }
    }

    @Test func decodingAppliesTheSameChecks() throws {
        let comparison = try seedComparison()
        let json = String(decoding: try JSONEncoder().encode(comparison), as: UTF8.self)
        let cell = #"{"beat":"Curdworth","category":"vehicle-crime","lastYear":8,"thisYear":27}"#
        let single = #"{"quarter":"2018/19-Q3","cells":["# + cell + "]}"
        let duplicated = #"{"quarter":"2018/19-Q3","cells":["# + cell + "," + cell + "]}"

        #expect(try JSONDecoder().decode(BeatComparison.self, from: Data(json.utf8)) == comparison)
        #expect(try JSONDecoder().decode(BeatComparison.self, from: Data(single.utf8)).cells.count == 1)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(BeatComparison.self, from: Data(duplicated.utf8)) }
    }

    @Test func encodesWithCategorySlugs() throws {
        let cell = BeatComparison.Cell(beat: "Curdworth", category: .vehicleCrime, lastYear: 8, thisYear: 27)

        let json = String(decoding: try JSONEncoder().encode(cell), as: UTF8.self)

        #expect(json.contains("\"vehicle-crime\""))
        #expect(try JSONDecoder().decode(BeatComparison.Cell.self, from: Data(json.utf8)) == cell)
    }
}
