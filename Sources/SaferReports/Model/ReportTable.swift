import Foundation
import SaferDomain

/// A report as a table: what every format (page, text, CSV, XLSX, DOCX) renders. Cells carry
/// the text people read and, where there is one, the number behind it and a status.
public struct ReportTable: Sendable, Hashable, Codable {
    /// How a column's cells are shown and aligned.
    public enum ColumnKind: String, Sendable, Hashable, Codable { case text, number, percent, status }

    public struct Column: Sendable, Hashable, Codable {
        public let header: String
        public let kind: ColumnKind
        public init(_ header: String, _ kind: ColumnKind = .text) { self.header = header; self.kind = kind }
    }

    public struct Cell: Sendable, Hashable, Codable {
        /// What people read: "1,417", "+4.6%", "TBC", "Amber", or blank for not reported.
        public let text: String
        /// The value for spreadsheets and machines (a percentage as a ratio, e.g. 0.046).
        public let number: Double?
        /// A status shown in words and colour.
        public let status: RAGStatus?
        /// A direction of change shown as colour (red increase, green reduction).
        public let tone: String?

        public init(_ text: String, number: Double? = nil, status: RAGStatus? = nil, tone: String? = nil) {
            self.text = text
            self.number = number
            self.status = status
            self.tone = tone
        }

        /// A count or other number, formatted with thousands separators.
        public static func count(_ value: Double) -> Cell { Cell(DisplayFormat.number(value), number: value) }

        /// A total: the number when complete, its coverage when not, TBC or blank.
        public static func total(_ total: Total) -> Cell {
            Cell(total.displayText, number: total.isComplete ? total.value : nil)
        }

        /// A comparison: "+12.8%", or why it cannot be computed.
        public static func comparison(_ comparison: Comparison) -> Cell {
            Cell(comparison.displayText(), number: comparison.change)
        }

        /// A figure for one month.
        public static func figure(_ value: FigureValue) -> Cell {
            Cell(value.displayText, number: value.number)
        }

        /// A Red/Amber/Green status, in words.
        public static func status(_ status: RAGStatus?) -> Cell {
            Cell(status?.displayName ?? "", status: status)
        }
    }

    /// A group heading inside the table, e.g. a theme.
    public struct Row: Sendable, Hashable, Codable {
        public let cells: [Cell]
        /// When set, the row is a section heading spanning the table.
        public let heading: String?
        public init(cells: [Cell]) { self.cells = cells; self.heading = nil }
        public init(heading: String) { self.cells = []; self.heading = heading }
    }

    public let title: String
    public let subtitle: String?
    public let columns: [Column]
    public let rows: [Row]
    /// Sentences under the table: sources, legends, what a blank means.
    public let notes: [String]

    public init(title: String, subtitle: String? = nil, columns: [Column], rows: [Row], notes: [String] = []) {
        self.title = title
        self.subtitle = subtitle
        self.columns = columns
        self.rows = rows
        self.notes = notes
    }

    /// The data rows, without headings.
    public var dataRows: [[Cell]] { rows.filter { $0.heading == nil }.map(\.cells) }
}
