import Foundation

/// An ellipsoid of revolution, and the conversions between latitude/longitude on it and
/// earth-centred cartesian coordinates that a Helmert transformation works on (OS, "A guide to
/// coordinate systems in Great Britain", annex B).
struct Ellipsoid: Sendable, Hashable {
    /// Semi-major axis in metres.
    let a: Double
    /// Semi-minor axis in metres.
    let b: Double

    /// GRS80, the ellipsoid of ETRS89; WGS84's differs by 0.1 mm in `b`, which no GPS fix notices.
    static let grs80 = Ellipsoid(a: 6_378_137.000, b: 6_356_752.314_140)
    /// Airy 1830, the ellipsoid of OSGB36 and so of the National Grid.
    static let airy1830 = Ellipsoid(a: 6_377_563.396, b: 6_356_256.909)

    /// First eccentricity squared.
    var eccentricitySquared: Double { (a * a - b * b) / (a * a) }

    /// Earth-centred X, Y, Z in metres for a latitude and longitude (radians) at `height` metres
    /// above the ellipsoid.
    func cartesian(latitude φ: Double, longitude λ: Double, height: Double = 0) -> SIMD3<Double> {
        let e2 = eccentricitySquared
        let ν = a / (1 - e2 * sin(φ) * sin(φ)).squareRoot()
        return SIMD3(
            (ν + height) * cos(φ) * cos(λ),
            (ν + height) * cos(φ) * sin(λ),
            ((1 - e2) * ν + height) * sin(φ)
        )
    }

    /// Latitude and longitude in radians of an earth-centred point; the height is dropped, as
    /// neither the grid nor a map pin carries one.
    ///
    /// Latitude by the guide's iteration, which settles to well under a micrometre on the ground
    /// within a handful of steps for points near the surface; the cap only guards non-finite input.
    func geodetic(_ point: SIMD3<Double>) -> (latitude: Double, longitude: Double) {
        let e2 = eccentricitySquared
        let p = (point.x * point.x + point.y * point.y).squareRoot()
        let λ = atan2(point.y, point.x)
        var φ = atan2(point.z, p * (1 - e2))
        for _ in 0..<20 {
            let ν = a / (1 - e2 * sin(φ) * sin(φ)).squareRoot()
            let next = atan2(point.z + e2 * ν * sin(φ), p)
            // 1e-13 rad is under a micrometre on the ground.
            let settled = abs(next - φ) < 1e-13
            φ = next
            if settled { break }
        }
        return (φ, λ)
    }
}
