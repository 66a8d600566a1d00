import Foundation
import SaferDomain
import SaferReports

/// A report table ready for the `report-table` template: display strings and CSS classes.
struct TableView {
    struct Header { let text: String; let numeric: Bool }
    struct Cell {
        let text: String
        let numeric: Bool
        /// A status badge's class, e.g. `rag rag-amber`; its words are the text.
        let badge: String?
        /// A change's colour, e.g. `tone-red`; the sign in the text carries the meaning too.
        let tone: String?
        let isFirst: Bool
    }
    struct Row { let heading: String?; let cells: [Cell]; let span: Int }

    let caption: String
    let subtitle: String?
    let headers: [Header]
    let rows: [Row]
    let notes: [String]

    init(_ table: ReportTable) {
        caption = table.title
        subtitle = table.subtitle
        headers = table.columns.map { Header(text: $0.header, numeric: $0.kind != .text) }
        rows = table.rows.map { row in
            Row(heading: row.heading, cells: row.cells.enumerated().map { index, cell in
                let kind = index < table.columns.count ? table.columns[index].kind : .text
                return Cell(text: cell.text, numeric: kind != .text && kind != .status,
                            badge: cell.status.map { "rag rag-\($0.rawValue)" }, tone: cell.tone.map { "tone-\($0)" }, isFirst: index == 0)
            }, span: table.columns.count)
        }
        notes = table.notes
    }
}
