import Foundation

/// A report as aligned plain text, for the terminal.
public enum TextTableRenderer {
    public static func render(_ table: ReportTable) -> String {
        let headers = table.columns.map(\.header)
        var widths = headers.map(\.count)
        for row in table.dataRows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.text.count) }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, text in
                let pad = String(repeating: " ", count: max(0, widths[index] - text.count))
                return [.number, .percent].contains(table.columns[index].kind) ? pad + text : text + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out = [table.title]
        if let subtitle = table.subtitle { out.append(subtitle) }
        out.append("")
        out.append(line(headers))
        out.append(widths.map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for row in table.rows {
            if let heading = row.heading { out.append(heading.uppercased()) } else { out.append(line(row.cells.map(\.text))) }
        }
        if !table.notes.isEmpty { out.append(""); out.append(contentsOf: table.notes) }
        return out.joined(separator: "\n") + "\n"
    }
}
