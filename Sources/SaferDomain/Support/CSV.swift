import Foundation

/// RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks.
public enum CSV {
    /// Parses a whole text into rows of fields. Empty lines are skipped.
    public static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var parser = LineParser()
        for scalar in text.unicodeScalars {
            if let row = parser.feed(scalar) { rows.append(row) }
        }
        if let row = parser.finish() { rows.append(row) }
        return rows.filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    /// Parses a text whose first row is a header into dictionaries keyed by column name;
    /// `line` is the 1-based line of the row in the file (the header is line 1).
    public static func records(_ text: String) -> (header: [String], rows: [(line: Int, fields: [String: String])]) {
        let rows = parse(text)
        guard let header = rows.first?.map({ $0.trimmingCharacters(in: .whitespaces) }) else { return ([], []) }
        let records = rows.dropFirst().enumerated().map { index, row in
            (line: index + 2, fields: Dictionary(zip(header, row + Array(repeating: "", count: max(0, header.count - row.count))),
                                                 uniquingKeysWith: { first, _ in first }))
        }
        return (header, records)
    }

    /// Quotes a field when it needs it.
    public static func field(_ value: String) -> String {
        if value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return value
    }

    /// A state machine fed one character at a time, so files of any size can be streamed.
    public struct LineParser: Sendable {
        private var field = String.UnicodeScalarView()
        private var row: [String] = []
        private var inQuotes = false
        private var quoteSeen = false
        private var pendingCR = false

        public init() {}

        /// Feeds one character; returns a row when one ends.
        public mutating func feed(_ c: Unicode.Scalar) -> [String]? {
            if pendingCR {
                pendingCR = false
                if c == "\n" { return nil }
            }
            if inQuotes {
                if c == "\"" { inQuotes = false; quoteSeen = true } else { field.append(c) }
                return nil
            }
            switch c {
            case "\"":
                if quoteSeen { field.append("\"") }
                inQuotes = true
                quoteSeen = false
            case ",":
                endField()
            case "\n", "\r":
                pendingCR = c == "\r"
                endField()
                defer { row = [] }
                return row
            default:
                quoteSeen = false
                field.append(c)
            }
            return nil
        }

        /// Ends the input; returns the last row if it had no line break.
        public mutating func finish() -> [String]? {
            guard !field.isEmpty || !row.isEmpty || quoteSeen else { return nil }
            endField()
            defer { row = [] }
            return row
        }

        private mutating func endField() {
            row.append(String(field))
            field = String.UnicodeScalarView()
            quoteSeen = false
        }
    }
}
