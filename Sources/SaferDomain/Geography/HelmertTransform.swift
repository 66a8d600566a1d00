import Foundation

/// A seven-parameter (position-vector) Helmert transformation between two earth-centred
/// cartesian frames, in the small-angle form the OS guide gives (section 6.2).
struct HelmertTransform: Sendable, Hashable {
    /// Translation in metres.
    let translation: SIMD3<Double>
    /// Scale change in parts per million.
    let scalePPM: Double
    /// Rotations about X, Y and Z in arc-seconds.
    let rotationArcSeconds: SIMD3<Double>

    /// ETRS89 (which GPS/WGS84 positions are taken as) to OSGB36, as the OS publishes it: good to
    /// a few metres across Great Britain, where OSTN15 is good to about 10 cm.
    static let etrs89ToOSGB36 = HelmertTransform(
        translation: SIMD3(-446.448, 125.157, -542.060),
        scalePPM: 20.4894,
        rotationArcSeconds: SIMD3(-0.1502, -0.2470, -0.8421)
    )

    /// The same transformation with every parameter negated: the OS's inverse. It undoes
    /// `self` only to first order (up to about a centimetre out across the grid), so callers
    /// that need an exact inverse refine its result against `self`.
    var negated: HelmertTransform {
        HelmertTransform(translation: -translation, scalePPM: -scalePPM, rotationArcSeconds: -rotationArcSeconds)
    }

    /// The point expressed in the target frame.
    func apply(_ point: SIMD3<Double>) -> SIMD3<Double> {
        let s = scalePPM * 1e-6
        let r = rotationArcSeconds * (Double.pi / (180 * 3600))
        return SIMD3(
            translation.x + (1 + s) * point.x - r.z * point.y + r.y * point.z,
            translation.y + r.z * point.x + (1 + s) * point.y - r.x * point.z,
            translation.z - r.y * point.x + r.x * point.y + (1 + s) * point.z
        )
    }
}
