import Foundation

/// An Ordnance Survey grid reference as council staff type it: two letters for the 100 km
/// square, then an even number of digits (0 to 10), half easting and half northing, with or
/// without spaces: "SP 2856 9637", "SP28569637", "sp 28 96".
///
/// A reference names a square, not a point: "SP 2856 9637" is the 10 m square whose south-west
/// corner is 428560 E, 296370 N. Safer places it at the square's centre (428565, 296375), so
/// the position is never more than half the square's side from the truth.
public enum GridReference {
    /// The letters in the OS grid: A to Z without I, five to a row.
    private static let letters = Array("ABCDEFGHJKLMNOPQRSTUVWXYZ")

    /// The centre of the square a reference names, or a message saying what to type.
    public static func parse(_ text: String) throws -> NationalGridPoint {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let example = "Type two letters and an even number of digits, e.g. SP 2856 9637."
        guard compact.count >= 2, compact.count <= 12 else {
            throw ValidationError("'\(text.prefix(40))' is not a grid reference. \(example)", field: "gridReference")
        }
        let squares = compact.prefix(2).compactMap { letters.firstIndex(of: $0) }
        let digits = compact.dropFirst(2)
        guard squares.count == 2, digits.allSatisfy(\.isASCIIDigit), digits.count.isMultiple(of: 2) else {
            throw ValidationError("'\(text.prefix(40))' is not a grid reference. \(example)", field: "gridReference")
        }
        let (first, second) = (squares[0], squares[1])
        // The 500 km square of the first letter (S is 0 E, 0 N) and the 100 km square of the second within it.
        let squareEast = ((first - 2) % 5) * 5 + second % 5
        let squareNorth = (19 - (first / 5) * 5) - second / 5
        let half = digits.count / 2
        // At most 5 digits each, so these fit easily and the scale is a whole number of metres.
        let scale = [100_000, 10_000, 1_000, 100, 10, 1][half]
        let east = Int(String(digits.prefix(half))) ?? 0, north = Int(String(digits.suffix(half))) ?? 0
        let point = NationalGridPoint(easting: Double(squareEast * 100_000 + east * scale) + Double(scale) / 2,
                                      northing: Double(squareNorth * 100_000 + north * scale) + Double(scale) / 2)
        guard NationalGrid.contains(point) else {
            throw ValidationError("\(compact.prefix(2)) is not a 100 km square of the National Grid (Great Britain's run from SV to HP). \(example)", field: "gridReference")
        }
        return point
    }

    /// "SP 28565 96375": a point as a 1 m reference (10 digits), the way it is read back.
    public static func text(_ point: NationalGridPoint) -> String? {
        guard NationalGrid.contains(point) else { return nil }
        let east = Int(point.easting.rounded(.down)), north = Int(point.northing.rounded(.down))
        let squareEast = east / 100_000, squareNorth = north / 100_000
        guard squareNorth <= 12 else { return nil }
        let first = (19 - squareNorth) / 5 * 5 + (squareEast + 10) / 5
        let second = (19 - squareNorth) * 5 % 25 + squareEast % 5
        guard letters.indices.contains(first), letters.indices.contains(second) else { return nil }
        return "\(letters[first])\(letters[second]) " + String(format: "%05d %05d", east % 100_000, north % 100_000)
    }
}
