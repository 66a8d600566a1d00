import Foundation
import SaferDomain

/// What a hot-spot map shows, in National Grid metres: incidents by status, clusters, Gi*
/// cells, camera deployments and PSPO areas. Rendered as GeoJSON for Leaflet and QGIS, and as
/// an SVG that needs no network for reports and for pages without Leaflet or tiles.
public struct HotspotMap: Sendable {
    public struct Incident: Sendable, Hashable { public let id: String; public let point: NationalGridPoint; public let open: Bool; public let label: String }
    public struct Cluster: Sendable, Hashable { public let id: Int; public let centroid: NationalGridPoint; public let count: Int; public let radius: Double; public let road: String }
    public struct Cell: Sendable, Hashable { public let extent: NationalGridExtent; public let level: Int; public let label: String }
    public struct Camera: Sendable, Hashable { public let asset: String; public let point: NationalGridPoint; public let location: String }
    public struct Area: Sendable, Hashable { public let name: String; public let outline: [NationalGridPoint] }

    public let title: String
    public let incidents: [Incident]
    public let clusters: [Cluster]
    public let cells: [Cell]
    public let cameras: [Camera]
    public let areas: [Area]
    /// Police beats' outlines (one area per ring), drawn under everything else.
    public let beats: [Area]

    public init(title: String, incidents: [Incident], clusters: [Cluster], cells: [Cell], cameras: [Camera], areas: [Area], beats: [Area] = []) {
        self.title = title
        self.incidents = incidents
        self.clusters = clusters
        self.cells = cells
        self.cameras = cameras
        self.areas = areas
        self.beats = beats
    }

    /// A map of a period's points, their clusters and significant Gi* cells, the cameras
    /// deployed during it and the PSPO areas.
    public init(title: String, points: [HotspotPoint], clusters: ClusterReport, gi: GiReport?,
                deployments: [(asset: String, deployment: Deployment)], range: DayRange, orders: [PublicSpacesProtectionOrder],
                beats: [BeatBoundary] = []) {
        self.init(
            title: title,
            incidents: points.map { Incident(id: $0.id, point: $0.gridPoint, open: $0.isOpen, label: $0.location) },
            clusters: clusters.clusters.map { c in
                let radius = max(c.extent.width, c.extent.height) / 2 + clusters.eps / 2
                return Cluster(id: c.id, centroid: NationalGridPoint(easting: c.centroidEasting, northing: c.centroidNorthing), count: c.count, radius: radius, road: c.road)
            },
            cells: (gi?.cells ?? []).filter { $0.level != 0 }.map { c in
                let half = (gi?.cellSize ?? 0) / 2
                return Cell(extent: NationalGridExtent(minEasting: c.easting - half, minNorthing: c.northing - half, maxEasting: c.easting + half, maxNorthing: c.northing + half),
                            level: c.level, label: c.significance)
            },
            cameras: deployments.filter { $0.deployment.overlaps(range) }.map { Camera(asset: $0.asset, point: $0.deployment.gridPoint, location: $0.deployment.location) },
            areas: orders.map { Area(name: $0.name, outline: $0.polygon.map(NationalGrid.gridPoint(from:))) },
            beats: beats.flatMap { beat in beat.rings.map { Area(name: beat.name, outline: $0.map(NationalGrid.gridPoint(from:))) } })
    }

    /// Everything's extent, with a margin; nil for an empty map.
    public var extent: NationalGridExtent? {
        let points = incidents.map(\.point) + cameras.map(\.point) + areas.flatMap(\.outline) + cells.flatMap { [NationalGridPoint(easting: $0.extent.minEasting, northing: $0.extent.minNorthing), NationalGridPoint(easting: $0.extent.maxEasting, northing: $0.extent.maxNorthing)] }
        guard var extent = NationalGridExtent(of: points) else { return nil }
        let margin = max(500, max(extent.width, extent.height) * 0.05)
        extent = NationalGridExtent(minEasting: extent.minEasting - margin, minNorthing: extent.minNorthing - margin,
                                    maxEasting: extent.maxEasting + margin, maxNorthing: extent.maxNorthing + margin)
        return extent
    }
}
