import Foundation

/// Converts between GPS positions (WGS84, as a phone or web map gives them) and Ordnance Survey
/// National Grid eastings and northings (OSGB36), with the formulas of the OS's "A guide to
/// coordinate systems in Great Britain": lat/long to cartesian on GRS80, the OS's 7-parameter
/// Helmert transformation to OSGB36, back to lat/long on Airy 1830, then the National Grid's
/// Transverse Mercator projection.
///
/// The Helmert transformation is the OS's published approximation. Against OSTN15 (the OS's
/// definitive transformation) it is about 2 m out in North Warwickshire, at most 3.5 m over most
/// of Great Britain, and up to 5 m in Cornwall, Scilly and the Outer Hebrides (measured in
/// `Tests/SaferDomainTests/Geography`). That is ample for placing a fly-tip or a photo in a
/// street, a beat or a 100 m hot-spot cell; it is not survey grade, which needs OSTN15's grid of
/// shifts (several megabytes) to reach 10 cm.
public enum NationalGrid {
    /// The National Grid's extent: eastings 0…700 km, northings 0…1,300 km from the false
    /// origin south-west of the Scilly Isles.
    ///
    /// This is the grid's coverage (OSTN15's transformation grid spans the same rectangle, to
    /// 1,250 km north), not a coastline: it holds the sea around Great Britain and parts of
    /// Ireland and northern France too.
    public static let extent = NationalGridExtent(minEasting: 0, minNorthing: 0, maxEasting: 700_000, maxNorthing: 1_300_000)

    /// Whether a grid point lies within the National Grid's extent (edges included). See
    /// `extent`: this rejects garbage and positions far from Britain, it does not find the coast.
    public static func contains(_ point: NationalGridPoint) -> Bool {
        extent.contains(point)
    }

    /// Whether a GPS position is plausibly in Great Britain: latitude 49.8…61 °N, longitude
    /// 9 °W…2 °E, and inside the grid's `extent` once converted.
    ///
    /// The box catches swapped or zeroed coordinates and positions far enough away that the
    /// projection's series would be meaningless. It is no coastline, but the nearest foreign land
    /// (Ireland, and France's coast facing Kent) is cut out by coarse outlines, so Dublin, Belfast
    /// and Calais are refused; the sea and the Isle of Man are not.
    public static func isInGreatBritain(_ point: WGS84Point) -> Bool {
        // Ranges first: they also turn away NaN and infinities before any trigonometry.
        guard (49.8...61).contains(point.latitude), (-9...2).contains(point.longitude) else { return false }
        guard !neighbours.contains(where: { contains(point, in: $0) }) else { return false }
        return contains(gridPoint(from: point))
    }

    /// Coarse outlines (latitude, longitude) of the land inside the box that is not Great
    /// Britain: the island of Ireland and the French coast from Dieppe to Dunkirk. Each edge runs
    /// through the sea between the two coasts, so no British shore is cut off (Mull of Galloway,
    /// Mull of Kintyre, Dover and Dungeness are tested).
    static let neighbours: [[(Double, Double)]] = [
        [(51.2, -11.0), (51.2, -5.9), (54.1, -5.3), (54.75, -5.4), (55.2, -5.95), (55.45, -6.1), (55.45, -11.0)],
        [(49.8, 0.5), (50.75, 1.35), (51.05, 1.5), (51.12, 2.6), (49.8, 2.6)],
    ]

    /// Whether a position is inside a polygon of (latitude, longitude) corners, by ray casting.
    static func contains(_ point: WGS84Point, in polygon: [(Double, Double)]) -> Bool {
        var inside = false
        var j = polygon.count - 1
        for i in polygon.indices {
            let (yi, xi) = polygon[i], (yj, xj) = polygon[j]
            if (yi > point.latitude) != (yj > point.latitude),
               point.longitude < (xj - xi) * (point.latitude - yi) / (yj - yi) + xi {
                inside.toggle()
            }
            j = i
        }
        return inside
    }

    /// The National Grid easting and northing of a GPS position.
    ///
    /// The position is taken to be on the ellipsoid (height 0), as neither a map pin nor the grid
    /// has a height: each 100 m of real height would move the result about 2 mm, so even the top
    /// of Ben Nevis is out by under 3 cm.
    public static func gridPoint(from point: WGS84Point) -> NationalGridPoint {
        let etrs = Ellipsoid.grs80.cartesian(latitude: radians(point.latitude), longitude: radians(point.longitude))
        let osgb = Ellipsoid.airy1830.geodetic(HelmertTransform.etrs89ToOSGB36.apply(etrs))
        let projected = TransverseMercator.nationalGrid.project(latitude: osgb.latitude, longitude: osgb.longitude)
        return NationalGridPoint(easting: projected.easting, northing: projected.northing)
    }

    /// The GPS position of a National Grid point: the inverse of `gridPoint(from:)`.
    ///
    /// The OS's inverse (inverse projection by iteration, then the Helmert parameters negated)
    /// undoes the forward conversion only to about a centimetre (measured up to 11 mm), so a point
    /// converted back and forth would creep. Its answer is therefore corrected by what the
    /// forward conversion makes of it, which brings the round trip under a micrometre.
    public static func wgs84(from point: NationalGridPoint) -> WGS84Point {
        var aim = point
        var result = osInverse(aim)
        // One step takes the miss from a centimetre or so to nanometres; the cap of four is only
        // there so that nothing can keep it looping.
        for _ in 0..<4 {
            let landed = gridPoint(from: result)
            let missE = point.easting - landed.easting, missN = point.northing - landed.northing
            // Within a micrometre is done; NaN (from non-finite input) stops here too.
            guard missE.isFinite, missN.isFinite, abs(missE) >= 1e-6 || abs(missN) >= 1e-6 else { break }
            aim.easting += missE
            aim.northing += missN
            result = osInverse(aim)
        }
        return result
    }

    // MARK: - Private

    /// The OS guide's inverse: inverse projection, then the Helmert transformation negated.
    private static func osInverse(_ point: NationalGridPoint) -> WGS84Point {
        let osgb = TransverseMercator.nationalGrid.unproject(easting: point.easting, northing: point.northing)
        let cartesian = Ellipsoid.airy1830.cartesian(latitude: osgb.latitude, longitude: osgb.longitude)
        let etrs = Ellipsoid.grs80.geodetic(HelmertTransform.etrs89ToOSGB36.negated.apply(cartesian))
        return WGS84Point(latitude: degrees(etrs.latitude), longitude: degrees(etrs.longitude))
    }

    private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
    private static func degrees(_ radians: Double) -> Double { radians * 180 / .pi }
}
