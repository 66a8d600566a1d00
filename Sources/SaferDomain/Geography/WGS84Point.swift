import Foundation

/// A position as a phone's GPS or a web map gives it: latitude and longitude in decimal degrees
/// on WGS84 (in Great Britain the same as ETRS89 to well under a metre), north and east positive.
public struct WGS84Point: Sendable, Hashable, Codable {
    /// Degrees north of the equator (negative: south).
    public var latitude: Double
    /// Degrees east of Greenwich (negative: west, as for most of Great Britain).
    public var longitude: Double

    /// Makes a point from its latitude and longitude in decimal degrees.
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
