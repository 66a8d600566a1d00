import Foundation
import SaferDomain

/// A report as CSV for spreadsheets. Numbers are written plainly (a percentage as a ratio) so
/// they sum; text that a spreadsheet would run as a formula is neutralised.
public enum CSVRenderer {
    public static func render(_ table: ReportTable) -> String {
        var lines = [table.columns.map { field($0.header) }.joined(separator: ",")]
        for row in table.dataRows {
            lines.append(row.map { cell in
                if let number = cell.number { return plain(number) }
                return field(cell.text)
            }.joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A text field, quoted when needed, with formula triggers (= + - @ tab CR) prefixed by
    /// an apostrophe so a spreadsheet shows the text instead of running it.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { value = "'" + value }
        return CSV.field(value)
    }

    /// A number without grouping, at most 6 decimal places, no trailing zeros.
    public static func plain(_ number: Double) -> String {
        if number.rounded() == number && abs(number) < 1e15 { return String(Int64(number)) }
        var text = String(format: "%.6f", number)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
