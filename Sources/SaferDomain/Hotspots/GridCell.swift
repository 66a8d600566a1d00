import Foundation

/// A cell of a `CountGrid`: its column (counted east from 0) and row (counted north from 0).
public struct GridCell: Sendable, Hashable, Codable, Comparable {
    /// Column, 0 at the western edge.
    public var column: Int
    /// Row, 0 at the southern edge.
    public var row: Int

    /// Makes a cell from its column and row.
    public init(column: Int, row: Int) {
        self.column = column
        self.row = row
    }

    /// Row-major order: south to north, then west to east, the order of `CountGrid.counts`.
    public static func < (lhs: GridCell, rhs: GridCell) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}
