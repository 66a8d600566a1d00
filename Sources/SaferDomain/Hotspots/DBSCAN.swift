import Foundation

/// Density-based clustering of National Grid points (DBSCAN), with scikit-learn's
/// `DBSCAN(eps:, min_samples:)` semantics and a deterministic numbering.
///
/// - Two points are neighbours when their Euclidean distance is **at most** `eps`, compared as
///   `dx*dx + dy*dy <= eps*eps` in double precision, exactly as scikit-learn's trees do.
/// - A point is a **core point** when at least `minPoints` points lie within `eps` of it,
///   **counting itself** (scikit-learn's `min_samples`); `minPoints == 1` makes every point core.
/// - A **cluster** is a set of core points linked by chains of neighbouring core points, plus the
///   non-core (**border**) points within `eps` of one of them. Everything else is **noise**.
/// - **Numbering**: clusters are numbered 0, 1, 2, … in the input order of their first core point.
/// - **Border ties**: a border point within `eps` of core points of several clusters belongs to the
///   one with the **lowest number**, i.e. the first cluster that reaches it when clusters are grown
///   one after another from their first core point. scikit-learn's `dbscan_inner` grows clusters the
///   same way, so its labels coincide; the benchmark still counts any border point that differs.
///
/// Core points and clusters depend only on the set of points; the numbering and the border rule
/// depend only on the input order, never on timing or hashing, so the same input always gives the
/// same result.
///
/// The index is a uniform grid of square cells `eps/√2` wide, so that any two points in one cell
/// are neighbours: a cell with `minPoints` points is all core and all one cluster without
/// measuring a single distance; elsewhere neighbours are counted only until there are enough.
/// Points are counting-sorted by cell into flat arrays (no array per point, no neighbour lists):
/// memory is O(n), a few dozen bytes per point and per occupied cell (`DBSCANWorkspace`).
public struct DBSCAN: Sendable, Hashable {
    /// The neighbourhood radius in metres (a pair at exactly `eps` are neighbours).
    public let eps: Double
    /// How many points, the point itself included, make a core point.
    public let minPoints: Int

    /// Checks the settings: `eps` a finite number of metres above zero, `minPoints` at least 1.
    public init(eps: Double, minPoints: Int) throws(DBSCANError) {
        guard eps.isFinite, eps > 0 else { throw .epsNotPositive(eps) }
        guard minPoints >= 1 else { throw .minPointsBelowOne(minPoints) }
        self.eps = eps
        self.minPoints = minPoints
    }

    /// Clusters the points; the result's indices are positions in `points`.
    public func cluster(_ points: [NationalGridPoint]) throws(DBSCANError) -> DBSCANResult {
        guard points.count <= Int(Int32.max) else { throw .tooManyPoints(points.count) }
        guard !points.isEmpty else { return DBSCANResult(points: [], labels: [], isCore: [], clusterCount: 0) }
        let labelling = try points.withUnsafeBufferPointer { buffer throws(DBSCANError) in
            let work = try DBSCANWorkspace(points: buffer, eps: eps)
            let eps2 = eps * eps
            work.linkNeighbourCells(eps2: eps2)
            work.findCorePoints(eps2: eps2, minPoints: minPoints)
            work.putCorePointsFirst()
            work.joinCorePoints(eps2: eps2)
            let clusterCount = work.numberClusters()
            work.labelBorderPoints(eps2: eps2)
            return work.labellingInInputOrder(clusterCount: clusterCount)
        }
        return DBSCANResult(points: points, labels: labelling.labels, isCore: labelling.isCore, clusterCount: labelling.clusterCount)
    }
}
