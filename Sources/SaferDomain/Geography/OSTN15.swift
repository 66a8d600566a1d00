import Foundation

/// OSTN15, Ordnance Survey's definitive transformation between ETRS89 (GPS) and the National
/// Grid: project the position onto the grid with GRS80 in place of Airy 1830, then add the east
/// and north shifts interpolated from a 1 km grid of nodes (OS, "Transformations and OSGM15 user
/// guide", section 3). The shifts ship as `Resources/OSTN15/ostn15.bin` (see its README).
///
/// The grid covers eastings 0–700 km and northings 0–1,250 km; outside it there is nothing to
/// interpolate and the answer is nil, so `NationalGrid` falls back on the Helmert transformation.
enum OSTN15 {
    /// The shift grid, read once on first use; nil only if the resource is missing or damaged,
    /// which a test makes sure it is not.
    static let grid: ShiftGrid? = {
        guard let url = Bundle.module.url(forResource: "ostn15", withExtension: "bin", subdirectory: "OSTN15")
                ?? Bundle.module.url(forResource: "ostn15", withExtension: "bin"),
              let data = try? Data(contentsOf: url) else { return nil }
        return ShiftGrid(decoding: data)
    }()

    /// The National Grid's projection with GRS80 in place of Airy 1830: ETRS89 positions to the
    /// "pseudo-grid" the shifts are added to.
    static let projection = TransverseMercator(
        ellipsoid: .grs80, scaleFactor: TransverseMercator.nationalGrid.scaleFactor,
        originLatitude: TransverseMercator.nationalGrid.originLatitude, originLongitude: TransverseMercator.nationalGrid.originLongitude,
        falseEasting: TransverseMercator.nationalGrid.falseEasting, falseNorthing: TransverseMercator.nationalGrid.falseNorthing)

    /// The National Grid point of an ETRS89 position (radians), or nil outside the grid.
    static func gridPoint(latitude: Double, longitude: Double) -> NationalGridPoint? {
        guard let grid else { return nil }
        let pseudo = projection.project(latitude: latitude, longitude: longitude)
        guard let shift = grid.shift(easting: pseudo.easting, northing: pseudo.northing) else { return nil }
        return NationalGridPoint(easting: pseudo.easting + shift.east, northing: pseudo.northing + shift.north)
    }

    /// The ETRS89 latitude and longitude (radians) of a National Grid point, or nil outside the
    /// grid: the pseudo-grid point whose shifts land on it is found by iteration (the guide's
    /// section 3.3; the shifts change by millimetres per kilometre, so a few steps reach 0.1 mm).
    static func position(of point: NationalGridPoint) -> (latitude: Double, longitude: Double)? {
        guard let grid, var shift = grid.shift(easting: point.easting, northing: point.northing) else { return nil }
        for _ in 0..<20 {
            guard let next = grid.shift(easting: point.easting - shift.east, northing: point.northing - shift.north) else { return nil }
            let moved = max(abs(next.east - shift.east), abs(next.north - shift.north))
            shift = next
            if moved < 0.000_1 { break }
        }
        return projection.unproject(easting: point.easting - shift.east, northing: point.northing - shift.north)
    }

    /// The east and north shifts at every node, in millimetres above a base.
    struct ShiftGrid: Sendable {
        static let columns = 701, rows = 1_251
        let eastBase: Int32, northBase: Int32
        let east: [UInt16], north: [UInt16]

        /// The shifts in metres at a pseudo-grid point, bilinear between the four nodes around
        /// it; nil outside the grid (NaN included).
        func shift(easting: Double, northing: Double) -> (east: Double, north: Double)? {
            guard easting >= 0, easting < 700_000, northing >= 0, northing < 1_250_000 else { return nil }
            let x = easting / 1_000, y = northing / 1_000
            let column = Int(x), row = Int(y)   // safe: both are finite and in range after the guard
            let t = x - Double(column), u = y - Double(row)
            let sw = row * Self.columns + column, se = sw + 1, nw = sw + Self.columns, ne = nw + 1
            func at(_ values: [UInt16], _ base: Int32) -> Double {
                let w = (1 - t) * (1 - u), x = t * (1 - u), y = (1 - t) * u, z = t * u
                let millimetres = w * Double(values[sw]) + x * Double(values[se]) + y * Double(values[nw]) + z * Double(values[ne])
                return (millimetres + Double(base)) / 1_000
            }
            return (at(east, eastBase), at(north, northBase))
        }

        /// Reads `ostn15.bin` (format in `scripts/make-ostn15.py`), or nil if it is not that.
        init?(decoding data: Data) {
            let bytes = [UInt8](data)
            guard bytes.count > 8, bytes[0..<8].elementsEqual(Array("OSTN15".utf8) + [1, 0]) else { return nil }
            var offset = 8
            func grid() -> (Int32, [UInt16])? {
                guard offset + 4 <= bytes.count else { return nil }
                let base = Int32(bitPattern: UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24)
                offset += 4
                let count = Self.columns * Self.rows
                var values = [UInt16](repeating: 0, count: count)
                for index in 0..<count {
                    guard offset < bytes.count else { return nil }
                    if bytes[offset] == 0x80 {
                        guard offset + 2 < bytes.count else { return nil }
                        values[index] = UInt16(bytes[offset + 1]) | UInt16(bytes[offset + 2]) << 8
                        offset += 3
                    } else {
                        let before = index % Self.columns != 0 ? values[index - 1] : index >= Self.columns ? values[index - Self.columns] : 0
                        values[index] = UInt16(truncatingIfNeeded: Int(before) + Int(Int8(bitPattern: bytes[offset])))
                        offset += 1
                    }
                }
                return (base, values)
            }
            guard let (eastBase, east) = grid(), let (northBase, north) = grid(), offset == bytes.count else { return nil }
            self.eastBase = eastBase
            self.northBase = northBase
            self.east = east
            self.north = north
        }
    }
}
