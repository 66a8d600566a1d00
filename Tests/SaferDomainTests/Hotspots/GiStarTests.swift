import Foundation
import SaferDomain
import Testing

@Suite("Getis-Ord Gi* against esda")
struct GiStarTests {
    static let reference = try! HotspotFixtures.load("gi-esda.json", as: HotspotFixtures.GiReference.self)

    @Test(arguments: reference.cases.map(\.name))
    func zScoresEqualEsdasWithinOneBillionth(name: String) throws {
        let expected = try #require(Self.reference.cases.first { $0.name == name })

        let result = GiStar.compute(values: expected.counts, columns: expected.columns, rows: expected.rows)

        for i in expected.counts.indices {
            if let z = expected.Zs[i] {
                #expect(abs(result.zScores[i] - z) <= 1e-9, "cell \(i): z \(result.zScores[i]) against esda's \(z)")
                #expect(abs(result.pValues[i] - expected.p_norm[i]!) <= 1e-12, "cell \(i): p")
                #expect(abs(result.variance[i] - expected.VGs[i]!) <= 1e-12 * abs(expected.VGs[i]!), "cell \(i): variance")
            } else {
                // esda's NaN: Safer says "nothing stands out" instead.
                #expect(result.zScores[i] == 0, "cell \(i): esda NaN")
                #expect(result.pValues[i] == 0.5)
            }
            if let g = expected.Gs[i] { #expect(abs(result.gStar[i] - g) <= 1e-15, "cell \(i): G*") }
            #expect(abs(result.expected[i] - expected.EGs[i]!) <= 1e-15, "cell \(i): E[G*]")
        }
    }

    @Test func theHotBlockAndTheBusyCellAreHotSpotsAndTheEmptyBlockIsNot() throws {
        let case20 = try #require(Self.reference.cases.first { $0.name == "20x20 with hot spots" })
        let grid = try CountGrid(origin: NationalGridPoint(easting: 0, northing: 0), cellSize: 250, columns: 20, rows: 20, counts: case20.counts)

        let result = GiStar.compute(grid)
        let classes = result.significance

        #expect(classes[grid.index(of: GridCell(column: 5, row: 4))] == .hotSpot99)
        #expect(classes[grid.index(of: GridCell(column: 16, row: 15))].isHot)
        #expect(result.zScore(of: GridCell(column: 2, row: 12)) < 0)
        #expect(!result.isUniform)
    }

    @Test func aGridOfEqualCountsHasNoHotOrColdSpots() {
        for value in [0.0, 3.0] {
            let result = GiStar.compute(values: Array(repeating: value, count: 25), columns: 5, rows: 5)

            #expect(result.isUniform)
            #expect(result.zScores.allSatisfy { $0 == 0 })
            #expect(result.significance.allSatisfy { $0 == .notSignificant })
        }
    }

    @Test func aSingleCellHasNothingToCompareWith() {
        let result = GiStar.compute(values: [7], columns: 1, rows: 1)

        #expect(result.zScores == [0])
        #expect(result.pValues == [0.5])
    }

    @Test func aStripGivesTheSameZWhicheverWayItRuns() {
        let counts: [Double] = [0, 1, 0, 2, 9, 11, 8, 1, 0, 0, 1, 0]

        let across = GiStar.compute(values: counts, columns: 12, rows: 1)
        let upward = GiStar.compute(values: counts, columns: 1, rows: 12)

        #expect(across.zScores == upward.zScores)
        #expect(across.expected[0] == 2.0 / 12 && across.expected[1] == 3.0 / 12)
    }

    @Test(arguments: [
        (1.644, GiStarSignificance.notSignificant), (1.645, .hotSpot90), (1.959, .hotSpot90), (1.960, .hotSpot95),
        (2.575, .hotSpot95), (2.576, .hotSpot99), (-1.645, .coldSpot90), (-1.960, .coldSpot95), (-2.576, .coldSpot99),
        (0, .notSignificant), (.nan, .notSignificant), (40, .hotSpot99),
    ])
    func classesFollowTheTwoSidedNormalThresholds(z: Double, expected: GiStarSignificance) {
        #expect(GiStarSignificance(z: z) == expected)
    }

    @Test func classesSayWhatTheyMean() {
        #expect(GiStarSignificance.hotSpot99.label == "Hot spot, 99% confidence")
        #expect(GiStarSignificance.coldSpot90.label == "Cold spot, 90% confidence")
        #expect(GiStarSignificance.notSignificant.label == "Not significant")
        #expect(GiStarSignificance.hotSpot95.confidence == 95)
    }
}

@Suite("Count grid")
struct CountGridTests {
    @Test func pointsAreCountedIntoTheCellsOfTheRectangleCoveringThem() throws {
        let points = [
            NationalGridPoint(easting: 430_010, northing: 290_010),
            NationalGridPoint(easting: 430_240, northing: 290_020),
            NationalGridPoint(easting: 430_260, northing: 290_760),
        ]

        let grid = try CountGrid(binning: points, cellSize: 250)

        // The origin snaps to the 250 m National Grid squares: the rectangle is 2 × 4 cells.
        #expect(grid.origin == NationalGridPoint(easting: 430_000, northing: 290_000))
        #expect(grid.columns == 2 && grid.rows == 4)
        #expect(grid.counts == [2, 0, 0, 0, 0, 0, 0, 1])
        #expect(grid[GridCell(column: 1, row: 3)] == 1)
        #expect(grid.centre(of: GridCell(column: 1, row: 3)) == NationalGridPoint(easting: 430_375, northing: 290_875))
    }

    @Test func aPointOnASharedEdgeBelongsToTheCellEastOrNorthOfIt() throws {
        var grid = try CountGrid(origin: NationalGridPoint(easting: 0, northing: 0), cellSize: 100, columns: 3, rows: 3)

        let onEdge = grid.add(NationalGridPoint(easting: 100, northing: 200))
        let eastOfGrid = grid.add(NationalGridPoint(easting: 300, northing: 0))
        let westOfGrid = grid.add(NationalGridPoint(easting: -0.001, northing: 0))

        #expect(onEdge && !eastOfGrid && !westOfGrid)
        #expect(grid.cell(containing: NationalGridPoint(easting: 100, northing: 200)) == GridCell(column: 1, row: 2))
        #expect(grid.counts.reduce(0, +) == 1)
    }

    @Test func anOriginEastOfSomePointsIsRefused() throws {
        let points = [NationalGridPoint(easting: 10, northing: 10), NationalGridPoint(easting: 500, northing: 10)]

        #expect(throws: GiStarError.pointOutsideGrid(index: 0)) {
            try CountGrid(binning: points, cellSize: 100, origin: NationalGridPoint(easting: 100, northing: 0))
        }
    }

    @Test func badGridsAreRefused() throws {
        let origin = NationalGridPoint(easting: 0, northing: 0)
        #expect(throws: GiStarError.cellSizeNotPositive(0)) { try CountGrid(origin: origin, cellSize: 0, columns: 1, rows: 1) }
        #expect(throws: GiStarError.emptyGrid(columns: 0, rows: 3)) { try CountGrid(origin: origin, cellSize: 1, columns: 0, rows: 3) }
        #expect(throws: GiStarError.valueCountMismatch(expected: 4, got: 3)) {
            try CountGrid(origin: origin, cellSize: 1, columns: 2, rows: 2, counts: [1, 2, 3])
        }
        #expect(throws: GiStarError.noPoints) { try CountGrid(binning: [], cellSize: 250) }
    }
}
