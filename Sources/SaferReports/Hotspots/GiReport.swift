import Foundation
import SaferDomain

/// Getis-Ord Gi* on a square grid of counts, as PySAL esda's `G_Local(y, w, transform='B',
/// star=True)` with binary queen contiguity: each cell's z-score and its class.
public struct GiReport: Sendable {
    public struct Cell: Sendable, Hashable, Encodable {
        public let column: Int
        public let row: Int
        public let easting: Double
        public let northing: Double
        public let latitude: Double
        public let longitude: Double
        public let count: Int
        public let z: Double?
        public let p: Double?
        /// E.g. "Hot spot, 99% confidence".
        public let significance: String
        public let level: Int
    }

    public let source: String
    public let range: DayRange
    public let cellSize: Double
    public let columns: Int
    public let rows: Int
    public let cells: [Cell]

    /// Bins the points of the range (chosen by the caller) into cells of `cellSize` metres and computes Gi*.
    public init(source: String, range: DayRange, points: [HotspotPoint], cellSize: Double) throws {
        let grid = try CountGrid(binning: points.map(\.gridPoint), cellSize: cellSize)
        let result = GiStar.compute(grid)
        self.source = source
        self.range = range
        self.cellSize = cellSize
        columns = grid.columns
        rows = grid.rows
        cells = (0..<grid.counts.count).map { index in
            let cell = grid.cell(at: index)
            let centre = grid.centre(of: cell)
            let position = NationalGrid.wgs84(from: centre)
            let z = result.zScores[index], p = result.pValues[index]
            let significance = GiStarSignificance(z: z)
            return Cell(column: cell.column, row: cell.row, easting: centre.easting, northing: centre.northing,
                        latitude: (position.latitude * 1e6).rounded() / 1e6, longitude: (position.longitude * 1e6).rounded() / 1e6,
                        count: Int(grid.counts[index]), z: z.isFinite ? z : nil, p: p.isFinite ? p : nil,
                        significance: significance.label, level: significance.rawValue)
        }
    }

    /// One line per cell: `column,row,easting,northing,latitude,longitude,count,z,p,significance`.
    public var csv: String {
        var lines = ["column,row,easting,northing,latitude,longitude,count,z,p,significance"]
        for c in cells {
            lines.append([String(c.column), String(c.row), CSVRenderer.plain(c.easting), CSVRenderer.plain(c.northing),
                          CSVRenderer.plain(c.latitude), CSVRenderer.plain(c.longitude), String(c.count),
                          c.z.map { String(format: "%.6f", $0) } ?? "", c.p.map { String(format: "%.6f", $0) } ?? "",
                          CSVRenderer.field(c.significance)].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The hot and cold cells, hottest first, as a table. With a `limit`, only that many of the most
    /// significant (largest |z|) are listed, and a note says how many more the downloads hold.
    public func table(limit: Int? = nil) -> ReportTable {
        let significant = cells.filter { $0.level != 0 }
        let shown = limit.map { limit in Array(significant.sorted { abs($0.z ?? 0) > abs($1.z ?? 0) }.prefix(max(0, limit))) } ?? significant
        var notes = ["Binary queen contiguity, each cell its own neighbour (Gi*); classes from a two-sided test: |z| ≥ 1.645 (90%), 1.960 (95%), 2.576 (99%).",
                     "\(cells.count - significant.count) cells are not significant."]
        if shown.count < significant.count {
            notes.append("The \(shown.count) most significant of \(significant.count) hot and cold cells are listed; the CSV and JSON downloads hold every cell.")
        }
        return ReportTable(
            title: "Getis-Ord Gi* of \(source)", subtitle: "\(range.label); \(cellSize.wholeNumberText) m cells, \(columns) × \(rows)",
            columns: [.init("Easting", .number), .init("Northing", .number), .init("Count", .number), .init("z", .number), .init("Class")],
            rows: shown.sorted { ($0.z ?? 0) > ($1.z ?? 0) }.map { c in
                ReportTable.Row(cells: [.count(c.easting), .count(c.northing), .count(Double(c.count)),
                                        .init(c.z.map { String(format: "%.2f", $0) } ?? "", number: c.z), .init(c.significance)])
            },
            notes: notes)
    }

    /// The JSON document.
    public struct Document: Encodable, Sendable {
        public let source: String, from: String, to: String, cellSize: Double, columns: Int, rows: Int, cells: [Cell]
    }

    public var document: Document {
        Document(source: source, from: range.first.description, to: range.last.description, cellSize: cellSize, columns: columns, rows: rows, cells: cells)
    }
}
