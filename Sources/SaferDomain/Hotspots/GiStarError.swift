import Foundation

/// Why a grid for Gi* could not be made.
public enum GiStarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The cell size must be a finite number of metres above zero.
    case cellSizeNotPositive(Double)
    /// A grid needs at least one column and one row.
    case emptyGrid(columns: Int, rows: Int)
    /// There must be one value per cell.
    case valueCountMismatch(expected: Int, got: Int)
    /// A value (or the grid's origin, or a point) is not a finite number.
    case nonFiniteValue(index: Int)
    /// The grid's origin is not a finite easting and northing.
    case originNotFinite
    /// A point lies west or south of the origin given for binning, so no cell could hold it.
    case pointOutsideGrid(index: Int)
    /// Binning needs at least one point to know where the grid goes.
    case noPoints
    /// The grid would have more cells than is sensible to hold (above 100,000,000).
    case tooManyCells(columns: Int, rows: Int)

    public var description: String {
        switch self {
        case .cellSizeNotPositive(let size):
            "cell size \(size) is not a distance: use a number of metres above 0, e.g. 250"
        case .emptyGrid(let columns, let rows):
            "a \(columns) × \(rows) grid has no cells: use at least 1 column and 1 row"
        case .valueCountMismatch(let expected, let got):
            "\(got) values for a grid of \(expected) cells: give one value per cell, row by row from the south-west"
        case .nonFiniteValue(let index):
            "value \(index) is not a number: give a finite count or amount for every cell"
        case .originNotFinite:
            "the grid's origin is not a number: give its south-west corner in National Grid metres"
        case .pointOutsideGrid(let index):
            "point \(index) lies west or south of the grid's origin: move the origin south-west of every point, or leave it out"
        case .noPoints:
            "there are no points to place a grid over: choose a period or area with incidents"
        case .tooManyCells(let columns, let rows):
            "a \(columns) × \(rows) grid has too many cells: use a larger cell size"
        }
    }
}
