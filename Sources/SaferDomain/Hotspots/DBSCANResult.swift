import Foundation

/// What DBSCAN found: a label per input point and a summary per cluster.
public struct DBSCANResult: Sendable, Hashable {
    /// One label per input point, in input order: the cluster number (0, 1, …), or -1 for noise
    /// (scikit-learn's `labels_`). Kept as `Int32` so a million points take 4 MB.
    public let labels: [Int32]
    /// One flag per input point: whether it is a core point (scikit-learn's `core_sample_indices_`
    /// as a mask).
    public let isCore: [Bool]
    /// The clusters, by number: `clusters[k].id == k`.
    public let clusters: [DBSCANCluster]
    /// Positions of the noise points, ascending.
    public let noise: [Int]

    /// Builds the summaries from the labels (one pass to count, one to fill; members ascending).
    init(points: [NationalGridPoint], labels: [Int32], isCore: [Bool], clusterCount: Int) {
        self.labels = labels
        self.isCore = isCore
        var starts = [Int](repeating: 0, count: clusterCount + 1)
        var noiseCount = 0
        for label in labels {
            if label >= 0 { starts[Int(label) + 1] += 1 } else { noiseCount += 1 }
        }
        for k in 0..<clusterCount { starts[k + 1] += starts[k] }
        var members = [Int](repeating: 0, count: starts[clusterCount])
        var next = starts
        var noise = [Int]()
        noise.reserveCapacity(noiseCount)
        for (index, label) in labels.enumerated() {
            if label >= 0 {
                members[next[Int(label)]] = index
                next[Int(label)] += 1
            } else {
                noise.append(index)
            }
        }
        self.noise = noise
        clusters = (0..<clusterCount).map { id in
            let indices = Array(members[starts[id]..<starts[id + 1]])
            return DBSCANCluster(id: id, members: indices, points: points, isCore: isCore)
        }
    }

    /// The cluster number of the point at `index`, or nil when it is noise.
    public func clusterID(of index: Int) -> Int? {
        let label = labels[index]
        return label >= 0 ? Int(label) : nil
    }
}
