import Foundation
import SaferDomain
import Testing

/// scikit-learn's algorithm, written out plainly: count neighbours by testing every pair, then
/// grow clusters depth-first from each unlabelled core point in input order.
private func bruteForceDBSCAN(_ points: [NationalGridPoint], eps: Double, minPoints: Int) -> (labels: [Int32], core: [Bool]) {
    let eps2 = eps * eps
    let neighbours = points.map { p in
        points.indices.filter { j in
            let dx = p.easting - points[j].easting, dy = p.northing - points[j].northing
            return dx * dx + dy * dy <= eps2
        }
    }
    let core = neighbours.map { $0.count >= minPoints }
    var labels = [Int32](repeating: -1, count: points.count)
    var next: Int32 = 0
    for start in points.indices where labels[start] == -1 && core[start] {
        var stack = [start]
        while let i = stack.popLast() {
            guard labels[i] == -1 else { continue }
            labels[i] = next
            if core[i] { stack.append(contentsOf: neighbours[i].filter { labels[$0] == -1 }) }
        }
        next += 1
    }
    return (labels, core)
}

@Suite("DBSCAN against scikit-learn")
struct DBSCANReferenceTests {
    @Test func matchesScikitLearnOnClusteredPoints() throws {
        let reference = try HotspotFixtures.load("dbscan-sklearn.json", as: HotspotFixtures.DBSCANReference.self)
        let input = reference.points.map { NationalGridPoint(easting: $0[0], northing: $0[1]) }

        for run in reference.runs {
            let result = try DBSCAN(eps: run.eps, minPoints: run.min_samples).cluster(input)

            // Core points exactly; clusters numbered alike, so labels compare one to one.
            #expect(result.isCore == run.core.map { $0 == 1 }, "core points, eps \(run.eps), min \(run.min_samples)")
            let differing = zip(result.labels, run.labels).filter { Int($0) != $1 }.count
            #expect(differing == 0, "labels differing from scikit-learn, eps \(run.eps), min \(run.min_samples)")
        }
    }

    @Test(arguments: [
        (seed: UInt64(1), count: 800, side: 1_500.0, eps: 60.0, minPoints: 4, step: 1.0),
        (seed: 2, count: 800, side: 1_500.0, eps: 25.0, minPoints: 2, step: 5.0),
        (seed: 3, count: 600, side: 100_000.0, eps: 0.5, minPoints: 1, step: 0.25),
        (seed: 4, count: 700, side: 400.0, eps: 30.0, minPoints: 12, step: 0.0),
        (seed: 5, count: 500, side: 50_000.0, eps: 3.0, minPoints: 2, step: 1.0),
    ])
    func matchesTheTextbookAlgorithmOnRandomPoints(seed: UInt64, count: Int, side: Double, eps: Double, minPoints: Int, step: Double) throws {
        // Coordinates on a `step` lattice (0: full precision) give duplicates and exact-eps ties;
        // a large side against a small eps takes the sorted (sparse grid) path.
        var generator = SeededGenerator(state: seed)
        func coordinate(_ base: Double) -> Double {
            let value = base + Double.random(in: 0..<side, using: &generator)
            return step > 0 ? (value / step).rounded() * step : value
        }
        var input = (0..<count).map { _ in NationalGridPoint(easting: coordinate(430_000), northing: coordinate(290_000)) }
        input += input.prefix(20)

        let result = try DBSCAN(eps: eps, minPoints: minPoints).cluster(input)
        let expected = bruteForceDBSCAN(input, eps: eps, minPoints: minPoints)

        #expect(result.isCore == expected.core)
        #expect(result.labels == expected.labels)
    }
}
