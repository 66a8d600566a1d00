import Foundation
import SaferDomain
import Testing

private func points(_ pairs: [(Double, Double)]) -> [NationalGridPoint] {
    pairs.map { NationalGridPoint(easting: $0.0, northing: $0.1) }
}

@Suite("DBSCAN on hand-made points")
struct DBSCANTests {
    @Test func twoGroupsAndAStrayPointAreTwoClustersAndNoise() throws {
        let input = points([(0, 0), (1, 0), (0, 1), (100, 100), (1, 1), (50, 50), (101, 100), (100, 101)])

        let result = try DBSCAN(eps: 2, minPoints: 3).cluster(input)

        #expect(result.labels == [0, 0, 0, 1, 0, -1, 1, 1])
        #expect(result.noise == [5])
        #expect(result.clusters.map(\.members) == [[0, 1, 2, 4], [3, 6, 7]])
        #expect(result.clusterID(of: 5) == nil)
        #expect(result.clusterID(of: 6) == 1)
    }

    @Test func aPairExactlyEpsApartAreNeighbours() throws {
        // 90-120-150 triangle at National Grid scale: dx² + dy² is exactly 22,500.
        let input = points([(430_000, 290_000), (430_090, 290_120)])

        let atEps = try DBSCAN(eps: 150, minPoints: 2).cluster(input)
        let justBelow = try DBSCAN(eps: 149.999_999, minPoints: 2).cluster(input)

        #expect(atEps.labels == [0, 0])
        #expect(atEps.isCore == [true, true])
        #expect(justBelow.labels == [-1, -1])
    }

    @Test func minPointsCountsThePointItself() throws {
        let input = points([(0, 0), (3, 0), (6, 0)])

        let result = try DBSCAN(eps: 3, minPoints: 3).cluster(input)

        // The middle point has itself and two neighbours: core. The ends have two: border.
        #expect(result.isCore == [false, true, false])
        #expect(result.labels == [0, 0, 0])
        #expect(result.clusters[0].coreCount == 1)
    }

    @Test func aBorderPointReachedByTwoClustersJoinsTheFirstNumbered() throws {
        // b at the origin is within 8 m of one core point of each cluster, and has 3 points in
        // reach counting itself: not core at minPoints 4, so a border point of both.
        let west = [(-8.0, 0.0), (-9.0, 0.0), (-10.0, 0.0), (-11.0, 0.0)]
        let east = [(8.0, 0.0), (9.0, 0.0), (10.0, 0.0), (11.0, 0.0)]
        let b = (0.0, 0.0)
        let dbscan = try DBSCAN(eps: 8, minPoints: 4)

        let westFirst = try dbscan.cluster(points([b] + west + east))
        let eastFirst = try dbscan.cluster(points([b] + east + west))

        #expect(westFirst.isCore[0] == false)
        #expect(westFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(eastFirst.labels == [0, 0, 0, 0, 0, 1, 1, 1, 1])
        #expect(westFirst.clusters.map(\.count) == [5, 4])
    }

    @Test func clustersAreNumberedByTheirFirstCorePointInInputOrder() throws {
        // Point 0 is a border point of the eastern cluster; the western cluster's first core
        // point (index 1) comes before the eastern one's (index 4), so the west is cluster 0.
        let input = points([(103, 0), (0, 0), (1, 0), (2, 0), (100, 0), (101, 0), (100, 1)])

        let result = try DBSCAN(eps: 2, minPoints: 3).cluster(input)

        #expect(result.isCore[0] == false)
        #expect(result.labels == [1, 0, 0, 0, 1, 1, 1])
    }

    @Test func duplicatesCountOnePerCopy() throws {
        let five = points(Array(repeating: (430_000.5, 290_000.5), count: 5))

        #expect(try DBSCAN(eps: 1, minPoints: 5).cluster(five).labels == [0, 0, 0, 0, 0])
        #expect(try DBSCAN(eps: 1, minPoints: 6).cluster(five).labels == [-1, -1, -1, -1, -1])
    }

    @Test func minPointsOfOneMakesEveryPointCoreAndLonePointsTheirOwnClusters() throws {
        let input = points([(0, 0), (1000, 0), (0.5, 0), (2000, 0)])

        let result = try DBSCAN(eps: 1, minPoints: 1).cluster(input)

        #expect(result.isCore == [true, true, true, true])
        #expect(result.labels == [0, 1, 0, 2])
        #expect(result.noise.isEmpty)
    }

    @Test func minPointsAboveTheNumberOfPointsLeavesOnlyNoise() throws {
        let input = points([(0, 0), (1, 0), (2, 0)])

        let result = try DBSCAN(eps: 100, minPoints: 50).cluster(input)

        #expect(result.labels == [-1, -1, -1])
        #expect(result.clusters.isEmpty)
        #expect(result.noise == [0, 1, 2])
    }

    @Test func noPointsMakeNoClusters() throws {
        let result = try DBSCAN(eps: 150, minPoints: 5).cluster([])

        #expect(result.labels.isEmpty)
        #expect(result.clusters.isEmpty)
    }

    @Test func aClusterHasItsCentroidAndExtent() throws {
        let input = points([(10, 20), (12, 20), (10, 24), (12, 24), (500, 500)])

        let cluster = try #require(try DBSCAN(eps: 5, minPoints: 4).cluster(input).clusters.first)

        #expect(cluster.id == 0)
        #expect(cluster.count == 4)
        #expect(cluster.members == [0, 1, 2, 3])
        #expect(cluster.centroid == NationalGridPoint(easting: 11, northing: 22))
        #expect(cluster.extent == NationalGridExtent(minEasting: 10, minNorthing: 20, maxEasting: 12, maxNorthing: 24))
    }

    @Test func aChainOfCorePointsIsOneClusterHoweverLong() throws {
        let chain = points((0..<1_000).map { (Double($0) * 100, 7) })

        let result = try DBSCAN(eps: 100, minPoints: 3).cluster(chain)

        #expect(result.clusters.count == 1)
        #expect(result.isCore.filter { $0 }.count == 998)
        #expect(result.labels.allSatisfy { $0 == 0 })
    }

    @Test func badSettingsAreRefusedWithWhatToUse() throws {
        #expect(throws: DBSCANError.epsNotPositive(0)) { try DBSCAN(eps: 0, minPoints: 5) }
        #expect(throws: DBSCANError.epsNotPositive(-1)) { try DBSCAN(eps: -1, minPoints: 5) }
        #expect(throws: DBSCANError.epsNotPositive(.infinity)) { try DBSCAN(eps: .infinity, minPoints: 5) }
        #expect(throws: DBSCANError.minPointsBelowOne(0)) { try DBSCAN(eps: 150, minPoints: 0) }
        #expect(DBSCANError.minPointsBelowOne(0).description.contains("counts the point itself"))
    }

    @Test func aPointThatIsNotANumberIsNamed() throws {
        let input = points([(0, 0), (.nan, 1)])

        #expect(throws: DBSCANError.nonFiniteCoordinate(index: 1)) { try DBSCAN(eps: 1, minPoints: 1).cluster(input) }
    }

    @Test func anEpsTooSmallForTheSpreadIsRefused() throws {
        let input = points([(0, 0), (1_000_000, 1_000_000)])

        #expect(throws: DBSCANError.self) { try DBSCAN(eps: 1e-9, minPoints: 1).cluster(input) }
    }

    @Test func theSameInputAlwaysGivesTheSameResult() throws {
        var generator = SeededGenerator(state: 42)
        let input = (0..<5_000).map { _ in
            NationalGridPoint(easting: Double.random(in: 0..<2_000, using: &generator).rounded(), northing: Double.random(in: 0..<2_000, using: &generator).rounded())
        }
        let dbscan = try DBSCAN(eps: 40, minPoints: 4)

        #expect(try dbscan.cluster(input) == dbscan.cluster(input))
    }
}
