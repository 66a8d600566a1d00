import Foundation

/// A position on the Ordnance Survey National Grid (OSGB36), in metres east and north of the
/// grid's false origin: the easting/northing the council's GIS uses for a fly-tip.
public struct NationalGridPoint: Sendable, Hashable, Codable {
    /// Metres east of the false origin.
    public var easting: Double
    /// Metres north of the false origin.
    public var northing: Double

    /// Makes a point from its easting and northing in metres.
    public init(easting: Double, northing: Double) {
        self.easting = easting
        self.northing = northing
    }

    /// The straight-line distance to another point, in metres.
    public func distance(to other: NationalGridPoint) -> Double {
        let dx = easting - other.easting
        let dy = northing - other.northing
        return (dx * dx + dy * dy).squareRoot()
    }
}
