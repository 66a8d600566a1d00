import Foundation
import ZIPFoundation

/// Excel workbooks (Office Open XML), written from scratch: numbers as numbers (percentages
/// formatted as %), text as inline strings, every string XML-escaped and formula-like text stored
/// as text. A sheet may be defined as an Excel table over its rows.
public enum XLSXWriter {
    /// A cell: text (bold or not) or a number in a style.
    public enum Cell: Sendable, Hashable {
        case text(String, bold: Bool = false)
        case number(Double, percent: Bool = false)
        case empty
    }

    /// A worksheet: its rows from A1 (an empty row is left blank), and whether the rows are an Excel
    /// table whose first row is the header.
    public struct Sheet: Sendable {
        public let name: String
        public let rows: [[Cell]]
        public let isTable: Bool
        public init(name: String, rows: [[Cell]], isTable: Bool = false) { self.name = name; self.rows = rows; self.isTable = isTable }
    }

    /// A workbook with one sheet.
    public static func render(_ table: ReportTable) throws -> Data { try render([table]) }

    /// A workbook with one sheet per table, in order (sheet names are the titles, made unique):
    /// title, subtitle, a bold header row, the rows, then the notes after a blank row.
    public static func render(_ tables: [ReportTable]) throws -> Data {
        let names = uniqueSheetNames(tables.map(\.title))
        return try write(zip(names, tables).map { name, table in
            var rows: [[Cell]] = [[.text(table.title, bold: true)]]
            if let subtitle = table.subtitle { rows.append([.text(subtitle)]) }
            rows.append(table.columns.map { .text($0.header, bold: true) })
            for row in table.rows {
                if let heading = row.heading { rows.append([.text(heading, bold: true)]) } else { rows.append(cells(row.cells, table.columns)) }
            }
            if !table.notes.isEmpty { rows.append([]) }
            rows += table.notes.map { [.text($0)] }
            return Sheet(name: name, rows: rows)
        })
    }

    /// A table's data cells: numbers as numbers (percentages as ratios), text otherwise.
    public static func cells(_ cells: [ReportTable.Cell], _ columns: [ReportTable.Column]) -> [Cell] {
        cells.enumerated().map { index, cell in
            let kind = index < columns.count ? columns[index].kind : .text
            if let number = cell.number, number.isFinite { return .number(number, percent: kind == .percent) }
            if let share = percentage(cell.text) { return .number(share, percent: true) }
            return cell.text.isEmpty ? .empty : .text(cell.text)
        }
    }

    /// A share written "40%" or "-7.5%" as a ratio (0.4), so a spreadsheet holds a number, not text.
    static func percentage(_ text: String) -> Double? {
        guard text.hasSuffix("%"), text.count <= 12 else { return nil }
        let digits = text.dropLast()
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "-" || $0 == "+") }),
              let value = Double(digits), value.isFinite else { return nil }
        return value / 100
    }

    /// Writes sheets as a workbook.
    public static func write(_ sheets: [Sheet]) throws -> Data {
        precondition(!sheets.isEmpty, "A workbook needs at least one sheet")
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        // The n-th table sheet gets table part n.
        var tableNumbers: [Int: Int] = [:]
        for (index, sheet) in sheets.enumerated() where sheet.isTable && !sheet.rows.isEmpty { tableNumbers[index] = tableNumbers.count + 1 }
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheets.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
            \(tableNumbers.values.sorted().map { "<Override PartName=\"/xl/tables/table\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml\"/>" }.joined())\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        try add("_rels/.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/_rels/workbook.xml.rels", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            \(sheets.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            </Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(sheets.enumerated().map { "<sheet name=\"\(escape($0.element.name))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets></workbook>
            """)
        // Styles: 0 default, 1 bold, 2 percentage with one decimal, 3 whole number with separators, 4 number.
        try add("xl/styles.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <numFmts count="1"><numFmt numFmtId="164" formatCode="+0.0%;-0.0%;0.0%"/></numFmts>\
            <fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border/></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>\
            <xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>\
            <xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>\
            <xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
            <cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>\
            </styleSheet>
            """)
        for (index, sheet) in sheets.enumerated() {
            var rows = sheet.rows
            // An Excel table's header cells must be its column names: text, none empty, none the same.
            if tableNumbers[index] != nil, let header = rows.first {
                let width = rows.map(\.count).max() ?? header.count
                rows[0] = uniqueColumnNames((0..<width).map { column in
                    if column < header.count, case .text(let text, _) = header[column] { return text }
                    return ""
                }).map { .text($0, bold: true) }
            }
            var xml: [String] = []
            for (offset, row) in rows.enumerated() where !row.isEmpty {
                let rowNumber = offset + 1
                let cells = row.enumerated().map { column, cell -> String in
                    let ref = reference(column, rowNumber)
                    switch cell {
                    case .empty: return ""
                    case .text(let text, let bold):
                        return "<c r=\"\(ref)\" t=\"inlineStr\"\(bold ? " s=\"1\"" : "")><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
                    case .number(let number, let percent):
                        let style = percent ? 2 : (number.rounded() == number ? 3 : 4)
                        return "<c r=\"\(ref)\" s=\"\(style)\"><v>\(CSVRenderer.plain(number))</v></c>"
                    }
                }
                xml.append("<row r=\"\(rowNumber)\">" + cells.joined() + "</row>")
            }
            var tablePart = ""
            if let number = tableNumbers[index], let header = rows.first {
                let names = header.map { cell in if case .text(let text, _) = cell { text } else { "" } }
                let range = "A1:\(reference(names.count - 1, rows.count))"
                try add("xl/tables/table\(number).xml", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="\(number)" name="Table\(number)" displayName="Table\(number)" ref="\(range)" totalsRowShown="0">\
                    <autoFilter ref="\(range)"/><tableColumns count="\(names.count)">\(names.enumerated().map { "<tableColumn id=\"\($0.offset + 1)\" name=\"\(escape($0.element))\"/>" }.joined())</tableColumns>\
                    <tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>
                    """)
                try add("xl/worksheets/_rels/sheet\(index + 1).xml.rels", """
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rTable" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table\(number).xml"/>\
                    </Relationships>
                    """)
                tablePart = "<tableParts count=\"1\"><tablePart r:id=\"rTable\"/></tableParts>"
            }
            try add("xl/worksheets/sheet\(index + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>\(xml.joined())</sheetData>\(tablePart)</worksheet>
                """)
        }
        guard let data = archive.data else { throw XLSXError() }
        return data
    }

    /// Every part carries this date, so the same sheets always make the same bytes.
    public static let fixedDate = Date(timeIntervalSince1970: 1_546_300_800)

    /// Escapes text for XML, dropping characters XML 1.0 cannot hold.
    public static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20 && !(0xFFFE...0xFFFF).contains(scalar.value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// A cell reference such as B7.
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 { let r = (n - 1) % 26; letters = String(Character(UnicodeScalar(UInt8(65 + r)))) + letters; n = (n - 1) / 26 }
        return "\(letters)\(row)"
    }

    /// Sheet names from titles, numbered where two would be the same.
    public static func uniqueSheetNames(_ titles: [String]) -> [String] {
        var used = Set<String>()
        return titles.enumerated().map { index, title in
            var name = sheetName(title)
            if name.isEmpty || used.contains(name.lowercased()) { name = String(name.prefix(26)) + " (\(index + 1))" }
            used.insert(name.lowercased())
            return name
        }
    }

    /// An Excel table's column names: none empty, none the same (ignoring case).
    static func uniqueColumnNames(_ headers: [String]) -> [String] {
        var used = Set<String>()
        return headers.enumerated().map { index, header in
            var name = header.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\n", with: " ")
            if name.isEmpty { name = "Column \(index + 1)" }
            let base = name
            var suffix = 2
            while used.contains(name.lowercased()) { name = "\(base) \(suffix)"; suffix += 1 }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Sheet names as Excel allows them and people read them: none of []:*?/\ (a year's slash
    /// becomes a hyphen, 2018/19 → 2018-19), no apostrophe at either end, and at most 31
    /// characters, cut at a word with an ellipsis rather than in the middle of a number.
    static func sheetName(_ title: String) -> String {
        var name = ""
        for character in title {
            switch character {
            case "/", "\\", ":": name.append("-")
            case "[", "]", "*", "?": continue
            default: name.append(character.isNewline ? " " : character)
            }
        }
        name = name.split(separator: " ").joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: "' "))
        guard name.count > 31 else { return name }
        var cut = ""
        for word in name.split(separator: " ") {
            let longer = cut.isEmpty ? String(word) : cut + " " + word
            if longer.count > 30 { break }
            cut = longer
        }
        return (cut.isEmpty ? String(name.prefix(30)) : cut) + "…"
    }
}

/// The workbook could not be assembled.
public struct XLSXError: Error, CustomStringConvertible {
    public var description: String { "The spreadsheet could not be written." }
}
