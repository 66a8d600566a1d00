import Foundation

/// Gi* for every cell of a grid, in the grid's order (row by row from the south-west).
public struct GiStarResult: Sendable, Hashable {
    /// Cells from west to east.
    public let columns: Int
    /// Cells from south to north.
    public let rows: Int
    /// G*_i: the share of the grid's total within the cell's 3 × 3 neighbourhood (esda's `Gs`).
    public let gStar: [Double]
    /// E[G*_i] = W_i / N (esda's `EGs`).
    public let expected: [Double]
    /// Var[G*_i] (esda's `VGs`); 0 where z is undefined.
    public let variance: [Double]
    /// The z-scores (esda's `Zs`); 0 where esda gives NaN.
    public let zScores: [Double]
    /// One-tailed normal probabilities of |z| (esda's `p_norm`); 0.5 where z is 0.
    public let pValues: [Double]
    /// Whether every cell held the same value, so no cell stands out (esda: all NaN).
    public let isUniform: Bool

    /// The hot/cold class of every cell.
    public var significance: [GiStarSignificance] { zScores.map(GiStarSignificance.init(z:)) }

    /// The z-score of a cell.
    public func zScore(of cell: GridCell) -> Double { zScores[cell.row * columns + cell.column] }
}
