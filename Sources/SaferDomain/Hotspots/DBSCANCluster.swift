import Foundation

/// One DBSCAN cluster: its members and where they are. Callers add their own attributes
/// (road name, dates, waste mix) from the member indices.
public struct DBSCANCluster: Sendable, Hashable, Identifiable {
    /// The cluster number: 0 for the cluster whose first core point comes first in the input.
    public let id: Int
    /// Positions of the member points in the input, ascending (core and border points).
    public let members: [Int]
    /// How many members are core points.
    public let coreCount: Int
    /// The mean easting and northing of the members.
    public let centroid: NationalGridPoint
    /// The smallest rectangle holding the members.
    public let extent: NationalGridExtent

    /// How many points the cluster has.
    public var count: Int { members.count }

    init(id: Int, members: [Int], points: [NationalGridPoint], isCore: [Bool]) {
        self.id = id
        self.members = members
        var sumE = 0.0, sumN = 0.0, cores = 0
        var extent = NationalGridExtent(minEasting: .infinity, minNorthing: .infinity, maxEasting: -.infinity, maxNorthing: -.infinity)
        for index in members {
            let point = points[index]
            sumE += point.easting
            sumN += point.northing
            extent.include(point)
            if isCore[index] { cores += 1 }
        }
        let count = Double(members.count)
        centroid = NationalGridPoint(easting: sumE / count, northing: sumN / count)
        self.extent = extent
        coreCount = cores
    }
}
