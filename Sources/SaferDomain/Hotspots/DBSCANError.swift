import Foundation

/// Why DBSCAN could not run: a bad setting or a point it cannot place.
public enum DBSCANError: Error, Sendable, Hashable, CustomStringConvertible {
    /// `eps` must be a finite distance above zero.
    case epsNotPositive(Double)
    /// The minimum number of points must be at least 1 (it counts the point itself).
    case minPointsBelowOne(Int)
    /// A point has an easting or northing that is not a finite number.
    case nonFiniteCoordinate(index: Int)
    /// More points than the index can hold (2,147,483,647).
    case tooManyPoints(Int)
    /// `eps` is so small against the coordinates or their spread that a grid of `eps`-sized
    /// cells cannot be indexed (about a millionth of a millimetre at National Grid scale).
    case epsTooSmallForExtent(eps: Double, width: Double, height: Double)

    public var description: String {
        switch self {
        case .epsNotPositive(let eps):
            "eps \(eps) is not a distance: use a number of metres above 0, e.g. 150"
        case .minPointsBelowOne(let minPoints):
            "minimum points \(minPoints) is below 1: it counts the point itself, so use 1 or more, e.g. 5"
        case .nonFiniteCoordinate(let index):
            "point \(index) has an easting or northing that is not a number: give National Grid metres"
        case .tooManyPoints(let count):
            "\(count) points are more than DBSCAN can index (2,147,483,647): cluster a shorter period or a smaller area"
        case .epsTooSmallForExtent(let eps, let width, let height):
            "eps \(eps) m is too small for points spread over \(width) m × \(height) m: use a larger eps or fewer, closer points"
        }
    }
}
