import Foundation

/// Getis-Ord Gi* hot-spot statistics on a square grid, defined exactly as PySAL esda's
/// `G_Local(y, w, transform='B', star=True)` with `w = lat2W(rows, columns, rook=False)`:
/// binary queen-contiguity weights with each cell its own neighbour (w_ii = 1).
///
/// For cell i with values y over all N cells of the grid (empty cells count, as 0):
/// - W_i = Σ_j w_ij: 9 inside the grid, 6 on an edge, 4 in a corner (fewer on a 1-wide grid);
/// - G*_i = Σ_j w_ij y_j / Σ_j y_j, E[G*_i] = W_i / N;
/// - ȳ = Σy / N, s² = Σy² / N − ȳ²;
/// - Var[G*_i] = W_i (N − W_i) / (N − 1) · s² / (N² ȳ²), computed in esda's order;
/// - z_i = (G*_i − E[G*_i]) / √Var[G*_i] (esda's `Zs`), p_i = 1 − Φ(|z_i|) (esda's `p_norm`,
///   a one-tailed normal probability).
///
/// Where esda's z is 0/0 (NaN) — all cells equal (including all empty, and a 1 × 1 grid), or a
/// cell whose neighbourhood is the whole grid (W_i = N, e.g. every cell of a 2 × 2 grid) — Safer
/// gives z = 0, p = 0.5 and no class: there is nothing to tell that cell apart from the rest.
/// No permutation test is run (esda's `p_sim`): the classes use the normal approximation.
public enum GiStar {
    /// Gi* for every cell of a grid.
    public static func compute(_ grid: CountGrid) -> GiStarResult {
        compute(values: grid.counts, columns: grid.columns, rows: grid.rows)
    }

    /// Gi* for values laid out row by row (`row * columns + column`); values must be finite.
    public static func compute(values: [Double], columns: Int, rows: Int) -> GiStarResult {
        precondition(columns >= 1 && rows >= 1 && values.count == columns * rows, "one value per cell of a grid of at least 1 × 1")
        let n = values.count
        let cells = Double(n)
        // Totals as esda takes them: Σy, and the mean square for s².
        var sum = 0.0, sumOfSquares = 0.0, isUniform = true
        let first = values[0]
        for value in values {
            sum += value
            sumOfSquares += value * value
            if value != first { isUniform = false }
        }
        let mean = sum / cells
        let variance = sumOfSquares / cells - mean * mean
        let varianceFactor = variance / (mean * mean)
        let inverseCellsSquared = 1 / (cells * cells)

        var gStar = [Double](repeating: 0, count: n)
        var expected = [Double](repeating: 0, count: n)
        var variances = [Double](repeating: 0, count: n)
        var zScores = [Double](repeating: 0, count: n)
        var pValues = [Double](repeating: 0.5, count: n)
        values.withUnsafeBufferPointer { y in
            for row in 0..<rows {
                let rowLow = max(row - 1, 0), rowHigh = min(row + 1, rows - 1)
                for column in 0..<columns {
                    let columnLow = max(column - 1, 0), columnHigh = min(column + 1, columns - 1)
                    // Neighbours in ascending id order, self included, as esda's sparse product sums them.
                    var local = 0.0
                    for r in rowLow...rowHigh {
                        for c in columnLow...columnHigh { local += y[r * columns + c] }
                    }
                    let weight = Double((rowHigh - rowLow + 1) * (columnHigh - columnLow + 1))
                    let i = row * columns + column
                    let e = weight / cells
                    expected[i] = e
                    if isUniform || weight == cells {
                        gStar[i] = isUniform && sum == 0 ? e : local / sum
                        continue
                    }
                    let g = local / sum
                    var v = weight * (cells - weight)
                    v /= cells - 1
                    v *= inverseCellsSquared
                    v *= varianceFactor
                    let z = (g - e) / v.squareRoot()
                    gStar[i] = g
                    variances[i] = v
                    zScores[i] = z
                    pValues[i] = 0.5 * erfc(abs(z) / 2.0.squareRoot())
                }
            }
        }
        return GiStarResult(columns: columns, rows: rows, gStar: gStar, expected: expected, variance: variances, zScores: zScores, pValues: pValues, isUniform: isUniform)
    }
}
