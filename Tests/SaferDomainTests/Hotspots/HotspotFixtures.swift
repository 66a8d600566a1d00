import Foundation

/// Reference values computed once with scikit-learn and esda (bench/hotspots/make_fixtures.py),
/// read from `Fixtures/` beside this file.
enum HotspotFixtures {
    static func load<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").appendingPathComponent(name)
        return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
    }

    struct DBSCANReference: Decodable {
        struct Run: Decodable {
            let eps: Double
            let min_samples: Int
            let labels: [Int]
            let core: [Int]
        }
        let points: [[Double]]
        let runs: [Run]
    }

    struct GiReference: Decodable {
        struct Case: Decodable {
            let name: String
            let rows: Int
            let columns: Int
            let counts: [Double]
            let Zs: [Double?]
            let Gs: [Double?]
            let EGs: [Double?]
            let VGs: [Double?]
            let p_norm: [Double?]
        }
        let cases: [Case]
    }
}

/// A small fixed-seed generator (SplitMix64), so random point sets are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
