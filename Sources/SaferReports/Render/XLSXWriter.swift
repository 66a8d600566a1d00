import Foundation
import ZIPFoundation

/// A report as an Excel workbook (Office Open XML), written from scratch: one sheet per table, a bold
/// header row, numbers as numbers (percentages formatted as %), text as inline strings, every
/// string XML-escaped and formula-like text stored as text.
public enum XLSXWriter {
    /// A workbook with one sheet.
    public static func render(_ table: ReportTable) throws -> Data { try render([table]) }

    /// A workbook with one sheet per table, in order (sheet names are the titles, made unique).
    public static func render(_ tables: [ReportTable]) throws -> Data {
        precondition(!tables.isEmpty, "A workbook needs at least one sheet")
        let archive = try Archive(accessMode: .create)
        func add(_ path: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        try add("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(tables.indices.map { "<Override PartName=\"/xl/worksheets/sheet\($0 + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>" }.joined())\
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
            \(tables.indices.map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined())\
            </Relationships>
            """)
        try add("xl/workbook.xml", """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(sheetNames(tables).enumerated().map { "<sheet name=\"\(escape($0.element))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined())</sheets></workbook>
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
        for (sheet, table) in tables.enumerated() {
            var rows: [String] = []
            var rowNumber = 1
            func textCell(_ column: Int, _ text: String, style: Int = 0) -> String {
                "<c r=\"\(reference(column, rowNumber))\" t=\"inlineStr\"\(style > 0 ? " s=\"\(style)\"" : "")><is><t xml:space=\"preserve\">\(escape(text))</t></is></c>"
            }
            rows.append("<row r=\"1\">" + [textCell(0, table.title, style: 1)].joined() + "</row>")
            rowNumber += 1
            if let subtitle = table.subtitle { rows.append("<row r=\"\(rowNumber)\">\(textCell(0, subtitle))</row>"); rowNumber += 1 }
            rows.append("<row r=\"\(rowNumber)\">" + table.columns.enumerated().map { textCell($0.offset, $0.element.header, style: 1) }.joined() + "</row>")
            rowNumber += 1
            for row in table.rows {
                if let heading = row.heading {
                    rows.append("<row r=\"\(rowNumber)\">\(textCell(0, heading, style: 1))</row>")
                } else {
                    let cells = row.cells.enumerated().map { index, cell -> String in
                        let kind = index < table.columns.count ? table.columns[index].kind : .text
                        if let number = cell.number, number.isFinite {
                            let style = kind == .percent ? 2 : (number.rounded() == number ? 3 : 4)
                            return "<c r=\"\(reference(index, rowNumber))\" s=\"\(style)\"><v>\(CSVRenderer.plain(number))</v></c>"
                        }
                        return cell.text.isEmpty ? "" : textCell(index, cell.text)
                    }
                    rows.append("<row r=\"\(rowNumber)\">" + cells.joined() + "</row>")
                }
                rowNumber += 1
            }
            for note in table.notes { rowNumber += 1; rows.append("<row r=\"\(rowNumber)\">\(textCell(0, note))</row>") }
            try add("xl/worksheets/sheet\(sheet + 1).xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>\(rows.joined())</sheetData></worksheet>
                """)
        }
        guard let data = archive.data else { throw XLSXError() }
        return data
    }

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

    /// The tables' sheet names, numbered where two would be the same.
    static func sheetNames(_ tables: [ReportTable]) -> [String] {
        var used = Set<String>()
        return tables.enumerated().map { index, table in
            var name = sheetName(table.title)
            if name.isEmpty || used.contains(name.lowercased()) { name = String(name.prefix(26)) + " (\(index + 1))" }
            used.insert(name.lowercased())
            return name
        }
    }

    /// Sheet names: at most 31 characters, none of []:*?/\.
    static func sheetName(_ title: String) -> String {
        let cleaned = title.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) }
        return String(String.UnicodeScalarView(cleaned).prefix(31))
    }
}

/// The workbook could not be assembled.
public struct XLSXError: Error, CustomStringConvertible {
    public var description: String { "The spreadsheet could not be written." }
}
