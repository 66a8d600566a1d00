import Foundation

/// The Transverse Mercator projection in the series form of the OS guide (annex C), which is
/// good to about a millimetre across the National Grid's extent.
struct TransverseMercator: Sendable, Hashable {
    /// The ellipsoid the latitudes and longitudes are on.
    let ellipsoid: Ellipsoid
    /// Scale factor on the central meridian.
    let scaleFactor: Double
    /// Latitude of the true origin, radians.
    let originLatitude: Double
    /// Longitude of the true origin (the central meridian), radians.
    let originLongitude: Double
    /// Easting of the true origin, metres.
    let falseEasting: Double
    /// Northing of the true origin, metres.
    let falseNorthing: Double

    /// The National Grid: Airy 1830, true origin 49°N 2°W at 400 km east and 100 km south of the
    /// false origin, scale 0.9996012717 on the central meridian.
    static let nationalGrid = TransverseMercator(
        ellipsoid: .airy1830,
        scaleFactor: 0.999_601_271_7,
        originLatitude: 49 * .pi / 180,
        originLongitude: -2 * .pi / 180,
        falseEasting: 400_000,
        falseNorthing: -100_000
    )

    /// Easting and northing in metres for an OSGB36 latitude and longitude in radians.
    func project(latitude φ: Double, longitude λ: Double) -> (easting: Double, northing: Double) {
        let r = radii(at: φ)
        let sinφ = sin(φ), cosφ = cos(φ), tanφ = tan(φ)
        let tan2 = tanφ * tanφ, tan4 = tan2 * tan2
        let cos3 = cosφ * cosφ * cosφ, cos5 = cos3 * cosφ * cosφ

        let i = meridionalArc(to: φ) + falseNorthing
        let ii = r.ν / 2 * sinφ * cosφ
        let iii = r.ν / 24 * sinφ * cos3 * (5 - tan2 + 9 * r.η2)
        let iiiA = r.ν / 720 * sinφ * cos5 * (61 - 58 * tan2 + tan4)
        let iv = r.ν * cosφ
        let v = r.ν / 6 * cos3 * (r.ν / r.ρ - tan2)
        let vi = r.ν / 120 * cos5 * (5 - 18 * tan2 + tan4 + 14 * r.η2 - 58 * tan2 * r.η2)

        let dλ = λ - originLongitude
        let dλ2 = dλ * dλ
        let northing = i + dλ2 * (ii + dλ2 * (iii + dλ2 * iiiA))
        let easting = falseEasting + dλ * (iv + dλ2 * (v + dλ2 * vi))
        return (easting, northing)
    }

    /// OSGB36 latitude and longitude in radians for an easting and northing in metres.
    func unproject(easting: Double, northing: Double) -> (latitude: Double, longitude: Double) {
        let aF0 = ellipsoid.a * scaleFactor
        // The guide's iteration for the latitude whose meridional arc reaches the northing;
        // 0.01 mm is its stopping rule, and the cap only guards non-finite input.
        var φʹ = (northing - falseNorthing) / aF0 + originLatitude
        var arc = meridionalArc(to: φʹ)
        var steps = 0
        while abs(northing - falseNorthing - arc) >= 0.000_01, steps < 50 {
            φʹ += (northing - falseNorthing - arc) / aF0
            arc = meridionalArc(to: φʹ)
            steps += 1
        }

        let r = radii(at: φʹ)
        let tanφ = tan(φʹ), secφ = 1 / cos(φʹ)
        let tan2 = tanφ * tanφ, tan4 = tan2 * tan2, tan6 = tan4 * tan2
        let ν3 = r.ν * r.ν * r.ν, ν5 = ν3 * r.ν * r.ν, ν7 = ν5 * r.ν * r.ν

        let vii = tanφ / (2 * r.ρ * r.ν)
        let viii = tanφ / (24 * r.ρ * ν3) * (5 + 3 * tan2 + r.η2 - 9 * tan2 * r.η2)
        let ix = tanφ / (720 * r.ρ * ν5) * (61 + 90 * tan2 + 45 * tan4)
        let x = secφ / r.ν
        let xi = secφ / (6 * ν3) * (r.ν / r.ρ + 2 * tan2)
        let xii = secφ / (120 * ν5) * (5 + 28 * tan2 + 24 * tan4)
        let xiiA = secφ / (5040 * ν7) * (61 + 662 * tan2 + 1320 * tan4 + 720 * tan6)

        let dE = easting - falseEasting
        let dE2 = dE * dE
        let latitude = φʹ - dE2 * (vii - dE2 * (viii - dE2 * ix))
        let longitude = originLongitude + dE * (x - dE2 * (xi - dE2 * (xii - dE2 * xiiA)))
        return (latitude, longitude)
    }

    // MARK: - Annex C's intermediate quantities

    /// Transverse (ν) and meridional (ρ) radii of curvature scaled by F0, and η² = ν/ρ − 1.
    private func radii(at φ: Double) -> (ν: Double, ρ: Double, η2: Double) {
        let e2 = ellipsoid.eccentricitySquared
        let w = 1 - e2 * sin(φ) * sin(φ)
        let ν = ellipsoid.a * scaleFactor / w.squareRoot()
        let ρ = ellipsoid.a * scaleFactor * (1 - e2) / (w * w.squareRoot())
        return (ν, ρ, ν / ρ - 1)
    }

    /// The meridional arc M from the true origin's latitude to φ, scaled by F0.
    private func meridionalArc(to φ: Double) -> Double {
        let a = ellipsoid.a, b = ellipsoid.b
        let n = (a - b) / (a + b)
        let n2 = n * n, n3 = n2 * n
        let dφ = φ - originLatitude, sφ = φ + originLatitude
        let m1 = (1 + n + 5.0 / 4 * n2 + 5.0 / 4 * n3) * dφ
        let m2 = (3 * n + 3 * n2 + 21.0 / 8 * n3) * sin(dφ) * cos(sφ)
        let m3 = (15.0 / 8 * n2 + 15.0 / 8 * n3) * sin(2 * dφ) * cos(2 * sφ)
        let m4 = 35.0 / 24 * n3 * sin(3 * dφ) * cos(3 * sφ)
        return b * scaleFactor * (m1 - m2 + m3 - m4)
    }
}
