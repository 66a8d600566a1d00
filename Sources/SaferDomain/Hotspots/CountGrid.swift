import Foundation

/// A square grid over the National Grid with a count (or any amount) per cell: what Gi* reads.
///
/// Cell (column, row) covers eastings `origin.easting + column * cellSize ..< + cellSize` and
/// northings likewise: a point on a shared edge belongs to the cell east or north of it.
/// Counts are stored row by row from the south-west corner (`row * columns + column`), the
/// order of `libpysal.weights.lat2W(rows, columns)` ids, so the grid can be handed to esda as is.
/// Every cell of the rectangle is part of the grid, empty ones included (count 0), as esda's
/// lattice includes every cell: empty cells are part of "the whole area" Gi* compares against.
public struct CountGrid: Sendable, Hashable {
    /// The south-west corner of cell (0, 0).
    public let origin: NationalGridPoint
    /// The side of a cell in metres.
    public let cellSize: Double
    /// Cells from west to east.
    public let columns: Int
    /// Cells from south to north.
    public let rows: Int
    /// One value per cell, row by row from the south-west.
    public private(set) var counts: [Double]

    /// An empty grid (all counts 0).
    public init(origin: NationalGridPoint, cellSize: Double, columns: Int, rows: Int) throws(GiStarError) {
        guard cellSize.isFinite, cellSize > 0 else { throw .cellSizeNotPositive(cellSize) }
        guard columns >= 1, rows >= 1 else { throw .emptyGrid(columns: columns, rows: rows) }
        guard origin.easting.isFinite, origin.northing.isFinite else { throw .originNotFinite }
        guard columns <= 100_000_000 / rows else { throw .tooManyCells(columns: columns, rows: rows) }
        self.origin = origin
        self.cellSize = cellSize
        self.columns = columns
        self.rows = rows
        counts = [Double](repeating: 0, count: columns * rows)
    }

    /// Counts points into the smallest grid that covers them all. The origin defaults to the
    /// points' south-west corner rounded down to a multiple of `cellSize` (so 250 m cells line up
    /// with the National Grid's own 250 m squares); give one to line several grids up.
    public init(binning points: [NationalGridPoint], cellSize: Double, origin: NationalGridPoint? = nil) throws(GiStarError) {
        guard cellSize.isFinite, cellSize > 0 else { throw .cellSizeNotPositive(cellSize) }
        guard let extent = NationalGridExtent(of: points) else { throw .noPoints }
        guard extent.minEasting.isFinite, extent.maxEasting.isFinite, extent.minNorthing.isFinite, extent.maxNorthing.isFinite else {
            throw .nonFiniteValue(index: points.firstIndex { !$0.easting.isFinite || !$0.northing.isFinite } ?? -1)
        }
        var corner = origin ?? NationalGridPoint(
            easting: (extent.minEasting / cellSize).rounded(.down) * cellSize,
            northing: (extent.minNorthing / cellSize).rounded(.down) * cellSize
        )
        if origin == nil {
            // The division may round up to a whole number the true quotient is just below.
            if corner.easting > extent.minEasting { corner.easting -= cellSize }
            if corner.northing > extent.minNorthing { corner.northing -= cellSize }
        }
        let lastColumn = ((extent.maxEasting - corner.easting) / cellSize).rounded(.down)
        let lastRow = ((extent.maxNorthing - corner.northing) / cellSize).rounded(.down)
        let firstColumn = ((extent.minEasting - corner.easting) / cellSize).rounded(.down)
        let firstRow = ((extent.minNorthing - corner.northing) / cellSize).rounded(.down)
        guard firstColumn >= 0, firstRow >= 0 else {
            throw .pointOutsideGrid(index: points.firstIndex { $0.easting < corner.easting || $0.northing < corner.northing } ?? -1)
        }
        guard lastColumn < 1e8, lastRow < 1e8 else { throw .tooManyCells(columns: Int.max, rows: Int.max) }
        try self.init(origin: corner, cellSize: cellSize, columns: Int(lastColumn) + 1, rows: Int(lastRow) + 1)
        for point in points { _ = add(point) }
    }

    /// Makes a grid from values already laid out row by row from the south-west.
    public init(origin: NationalGridPoint, cellSize: Double, columns: Int, rows: Int, counts: [Double]) throws(GiStarError) {
        try self.init(origin: origin, cellSize: cellSize, columns: columns, rows: rows)
        guard counts.count == columns * rows else { throw .valueCountMismatch(expected: columns * rows, got: counts.count) }
        if let bad = counts.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteValue(index: bad) }
        self.counts = counts
    }

    /// The cell holding the point, or nil when it falls outside the grid.
    public func cell(containing point: NationalGridPoint) -> GridCell? {
        let column = ((point.easting - origin.easting) / cellSize).rounded(.down)
        let row = ((point.northing - origin.northing) / cellSize).rounded(.down)
        guard column >= 0, row >= 0, column < Double(columns), row < Double(rows) else { return nil }
        return GridCell(column: Int(column), row: Int(row))
    }

    /// Adds one to the cell holding the point; false (and nothing added) when it is outside.
    @discardableResult
    public mutating func add(_ point: NationalGridPoint, amount: Double = 1) -> Bool {
        guard let cell = cell(containing: point) else { return false }
        counts[index(of: cell)] += amount
        return true
    }

    /// The position of a cell in `counts`.
    public func index(of cell: GridCell) -> Int { cell.row * columns + cell.column }

    /// The cell at a position in `counts`.
    public func cell(at index: Int) -> GridCell { GridCell(column: index % columns, row: index / columns) }

    /// The value of a cell.
    public subscript(cell: GridCell) -> Double { counts[index(of: cell)] }

    /// The area a cell covers.
    public func extent(of cell: GridCell) -> NationalGridExtent {
        let west = origin.easting + Double(cell.column) * cellSize
        let south = origin.northing + Double(cell.row) * cellSize
        return NationalGridExtent(minEasting: west, minNorthing: south, maxEasting: west + cellSize, maxNorthing: south + cellSize)
    }

    /// The centre of a cell.
    public func centre(of cell: GridCell) -> NationalGridPoint {
        NationalGridPoint(
            easting: origin.easting + (Double(cell.column) + 0.5) * cellSize,
            northing: origin.northing + (Double(cell.row) + 0.5) * cellSize
        )
    }
}
