import Foundation

/// A polygon of National Grid corners (a PSPO's area, a beat's outline), for "how far is this
/// point from it".
public struct GridPolygon: Sendable, Hashable {
    public let corners: [NationalGridPoint]

    public init(_ corners: [NationalGridPoint]) { self.corners = corners }

    /// The polygon of GPS corners.
    public init(_ corners: [WGS84Point]) { self.init(corners.map(NationalGrid.gridPoint(from:))) }

    /// How far a point is from the polygon in metres: 0 inside it (ray casting), otherwise the
    /// distance to its nearest edge. Nil with fewer than three corners.
    public func distance(to point: NationalGridPoint) -> Double? {
        guard corners.count >= 3 else { return nil }
        var inside = false
        var nearest = Double.infinity
        for (a, b) in zip(corners, corners.dropFirst() + [corners[0]]) {
            if (a.northing > point.northing) != (b.northing > point.northing),
               point.easting < (b.easting - a.easting) * (point.northing - a.northing) / (b.northing - a.northing) + a.easting {
                inside.toggle()
            }
            nearest = min(nearest, Self.distance(from: point, toSegment: a, b))
        }
        return inside ? 0 : nearest
    }

    static func distance(from p: NationalGridPoint, toSegment a: NationalGridPoint, _ b: NationalGridPoint) -> Double {
        let dx = b.easting - a.easting, dy = b.northing - a.northing
        let length = dx * dx + dy * dy
        let t = length == 0 ? 0 : max(0, min(1, ((p.easting - a.easting) * dx + (p.northing - a.northing) * dy) / length))
        return p.distance(to: NationalGridPoint(easting: a.easting + t * dx, northing: a.northing + t * dy))
    }
}
