import Foundation
import SaferDomain

/// Spatial clusters (DBSCAN on National Grid metres) of fly-tips or police.uk crimes over a
/// period, each described for officers: where, how many, which road, when, what, and whether a
/// camera was there.
public struct ClusterReport: Sendable, Encodable {
    public struct Cluster: Sendable, Hashable, Encodable {
        public let id: Int
        public let count: Int
        public let members: [String]
        public let centroidEasting: Double
        public let centroidNorthing: Double
        public let latitude: Double
        public let longitude: Double
        public let extent: NationalGridExtent
        /// The most frequent location name among the members (ties: the first in name order).
        public let road: String
        public let first: String
        public let last: String
        /// Main waste types and their counts, most first (empty for crimes).
        public let wasteMix: [String: Int]
        public let openIncidents: Int
        /// Cameras deployed during the period within `eps` of a member.
        public let cameras: [String]
    }

    public let source: String
    public let from: String
    public let to: String
    public let eps: Double
    public let minPoints: Int
    public let clusters: [Cluster]
    /// Ids of the points in no cluster.
    public let noise: [String]

    /// Clusters the points of the range (the caller chooses them: police.uk counts whole months).
    public init(source: String, range: DayRange, points: [HotspotPoint], eps: Double, minPoints: Int,
                deployments: [(asset: String, deployment: Deployment)]) throws {
        let inRange = points.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        let result = try DBSCAN(eps: eps, minPoints: minPoints).cluster(inRange.map(\.gridPoint))
        let active = deployments.filter { $0.deployment.overlaps(range) }
        self.source = source
        from = range.first.description
        to = range.last.description
        self.eps = eps
        self.minPoints = minPoints
        clusters = result.clusters.map { cluster in
            let members = cluster.members.map { inRange[$0] }
            let names = Dictionary(grouping: members, by: \.location).map { ($0.key, $0.value.count) }
                .sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            let mix = Dictionary(grouping: members.compactMap(\.wasteType), by: \.label).mapValues(\.count)
            let dates = members.map(\.date).sorted()
            let cameras = active.filter { item in members.contains { $0.gridPoint.distance(to: item.deployment.gridPoint) <= eps } }.map(\.asset)
            let centre = NationalGrid.wgs84(from: cluster.centroid)
            return Cluster(id: cluster.id, count: cluster.count, members: members.map(\.id),
                           centroidEasting: (cluster.centroid.easting * 10).rounded() / 10, centroidNorthing: (cluster.centroid.northing * 10).rounded() / 10,
                           latitude: (centre.latitude * 1e6).rounded() / 1e6, longitude: (centre.longitude * 1e6).rounded() / 1e6,
                           extent: cluster.extent, road: names.first?.0 ?? "",
                           first: dates.first.map { CalendarDay(containing: $0).description } ?? "", last: dates.last.map { CalendarDay(containing: $0).description } ?? "",
                           wasteMix: mix, openIncidents: members.filter(\.isOpen).count, cameras: Array(Set(cameras)).sorted())
        }
        noise = result.noise.map { inRange[$0].id }
    }

    /// The clusters as a table, largest first.
    public var table: ReportTable {
        ReportTable(
            title: "Spatial clusters of \(source)", subtitle: "\(from) to \(to); DBSCAN, eps \(Int(eps)) m, at least \(minPoints) points (each point counts itself)",
            columns: [.init("Cluster", .number), .init("Road"), .init("Incidents", .number), .init("Easting", .number), .init("Northing", .number),
                      .init("First"), .init("Last"), .init("Open", .number), .init("Waste"), .init("CCTV")],
            rows: clusters.sorted { $0.count != $1.count ? $0.count > $1.count : $0.id < $1.id }.map { c in
                ReportTable.Row(cells: [.count(Double(c.id)), .init(c.road), .count(Double(c.count)), .count(c.centroidEasting.rounded()),
                                        .count(c.centroidNorthing.rounded()), .init(c.first), .init(c.last), .count(Double(c.openIncidents)),
                                        .init(c.wasteMix.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
                                        .init(c.cameras.isEmpty ? "" : "CCTV deployed (\(c.cameras.joined(separator: ", ")))")])
            },
            notes: ["\(noise.count) points are in no cluster.",
                    source.hasPrefix("police.uk") ? "police.uk positions are snapped to the nearest of a set of anonymised points, so crimes cluster on those points." : "Positions are the crews' GPS fixes and the public's pins."])
    }
}
