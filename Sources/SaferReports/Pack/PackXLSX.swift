import Foundation
import SaferDomain

/// The pack's tables as a workbook: a cover sheet (title in A1, then the contents), and one sheet
/// per table defined as an Excel table with one header row, numbers stored as numbers, no merged
/// cells and no blank rows. A table's group headings become a first "Group" column.
public enum PackXLSX {
    public static func render(_ pack: Pack) throws -> Data {
        let tables = pack.tables
        let names = XLSXWriter.uniqueSheetNames(tables.enumerated().map { "\($0.offset + 1) \($0.element.table.title)" })
        var cover: [[XLSXWriter.Cell]] = [
            [.text(pack.title, bold: true)],
            [.text("Tables of the committee pack (\(pack.status)); data to \(pack.cutOff.label).")],
        ]
        if pack.isRestricted { cover.append([.text(Pack.restrictedNotice, bold: true)]) }
        cover += [
            [.text("Sheet", bold: true), .text("Table", bold: true), .text("Where it appears", bold: true), .text("Period", bold: true)],
        ]
        var sheets: [XLSXWriter.Sheet] = []
        for ((place, table, period), name) in zip(tables, names) {
            cover.append([.text(name), .text(table.title), .text(place), .text(period)])
            sheets.append(XLSXWriter.Sheet(name: name, rows: rows(table), isTable: true))
        }
        if tables.isEmpty { cover.append([.text("This pack has no tables yet.")]) }
        for (place, table, _) in tables { cover += table.notes.map { [.text("Note to \(table.title) (\(place)): \($0)")] } }
        return try XLSXWriter.write([XLSXWriter.Sheet(name: "Contents", rows: cover)] + sheets)
    }

    /// A table as header and data rows; group headings become the first column's value.
    static func rows(_ table: ReportTable) -> [[XLSXWriter.Cell]] {
        let grouped = table.rows.contains { $0.heading != nil }
        var rows: [[XLSXWriter.Cell]] = [(grouped ? [.text("Group", bold: true)] : []) + table.columns.map { .text($0.header, bold: true) }]
        var group = ""
        for row in table.rows {
            if let heading = row.heading { group = heading; continue }
            rows.append((grouped ? [.text(group)] : []) + XLSXWriter.cells(row.cells, table.columns))
        }
        return rows
    }
}
