import Foundation

/// Which rows of a police.uk file an import keeps.
public enum PoliceUKAreaFilter: Sendable, Hashable, CustomStringConvertible {
    /// Every row, wherever it is.
    case all
    /// Rows whose LSOA name starts with this text (ASCII letters compared without case), e.g.
    /// "North Warwickshire" keeps "North Warwickshire 001A". A row without an LSOA cannot be
    /// placed in an area, so this filter leaves it out.
    case lsoaNamePrefix(String)
    /// Rows whose LSOA code is one of these (the council's LSOA lookup). A row without an LSOA
    /// is left out, as with a prefix.
    case lsoaCodes(Set<String>)

    /// The demo's district, North Warwickshire.
    public static let northWarwickshire = PoliceUKAreaFilter.lsoaNamePrefix("North Warwickshire")

    /// "all areas", "LSOA names starting 'North Warwickshire'" or "the 38 LSOAs of the lookup".
    public var description: String {
        switch self {
        case .all: "all areas"
        case .lsoaNamePrefix(let prefix): "LSOA names starting '\(prefix)'"
        case .lsoaCodes(let codes): "the \(DisplayFormat.count(codes.count)) LSOAs of the lookup"
        }
    }

    /// What an import record keeps of the filter: the prefix, "the 38 LSOAs of the lookup", or
    /// nil for every row.
    public var storedLabel: String? {
        switch self {
        case .all: nil
        case .lsoaNamePrefix(let prefix): prefix
        case .lsoaCodes: description
        }
    }

    /// Whether the filter keeps only some rows (rows without an LSOA are then left out).
    public var isArea: Bool {
        if case .all = self { return false }
        return true
    }

    /// The prefix, or nil for `.all`.
    public var prefix: String? {
        if case .lsoaNamePrefix(let prefix) = self { return prefix }
        return nil
    }
}

/// How far an import has got, for a progress bar.
public struct PoliceUKImportProgress: Sendable, Equatable {
    /// Bytes read so far, over all files.
    public var bytesRead: Int64
    /// The size of all files together.
    public var totalBytes: Int64
    /// Data rows read so far (header lines not counted).
    public var rowsRead: Int
    /// Rows kept so far.
    public var rowsKept: Int
    /// The file being read (its name, without folders).
    public var file: String

    public init(bytesRead: Int64, totalBytes: Int64, rowsRead: Int, rowsKept: Int, file: String) {
        self.bytesRead = bytesRead
        self.totalBytes = totalBytes
        self.rowsRead = rowsRead
        self.rowsKept = rowsKept
        self.file = file
    }

    /// Share done, 0 to 1 (1 for empty input).
    public var fraction: Double { totalBytes > 0 ? min(1, Double(bytesRead) / Double(totalBytes)) : 1 }
}

/// A row that could not be imported; the rest of its file was.
public struct PoliceUKBadRow: Sendable, Hashable, CustomStringConvertible {
    /// The file's name, without folders.
    public let file: String
    /// The 1-based line the row starts on (the header is line 1).
    public let line: Int
    /// What was wrong, e.g. "Month '2018-13' is not a month: use YYYY-MM".
    public let problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// "2018-05-street.csv line 1,204: Month '2018-13' is not a month: use YYYY-MM".
    public var description: String { "\(file) line \(PoliceUKBadRow.grouped(line)): \(problem)" }

    /// A whole number with thousands separators, as line numbers are shown ("1,204").
    public static func grouped(_ number: Int) -> String {
        let digits = String(number.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return number < 0 ? "-" + out : out
    }
}

/// What an import did to one month.
public struct PoliceUKMonthImport: Sendable, Hashable {
    /// The month.
    public let month: Month
    /// Rows stored for the month by this import.
    public var rowsKept: Int
    /// Rows of the month left out because they are outside the area.
    public var rowsOutsideArea: Int
    /// Rows of the month that could not be read (their month could be).
    public var rowsBad: Int
    /// Rows the month held before, now replaced (0 for a month new to the database).
    public var rowsReplaced: Int
    /// Whether the month had been imported before (even with no rows kept).
    public var wasImportedBefore: Bool
    /// The files that held rows of this month (names without folders).
    public var files: [String]

    public init(month: Month, rowsKept: Int = 0, rowsOutsideArea: Int = 0, rowsBad: Int = 0, rowsReplaced: Int = 0,
                wasImportedBefore: Bool = false, files: [String] = []) {
        self.month = month
        self.rowsKept = rowsKept
        self.rowsOutsideArea = rowsOutsideArea
        self.rowsBad = rowsBad
        self.rowsReplaced = rowsReplaced
        self.wasImportedBefore = wasImportedBefore
        self.files = files
    }
}

/// What a police.uk import read, kept, left out and replaced.
public struct PoliceUKImportSummary: Sendable {
    /// The most bad rows listed one by one; the rest are only counted.
    public static let badRowListLimit = 1_000

    /// The files read (names without folders), in order.
    public var files: [String] = []
    /// The filter applied.
    public var area: PoliceUKAreaFilter = .all
    /// Data rows read (header lines and blank lines not counted).
    public var rowsRead = 0
    /// Rows stored.
    public var rowsKept = 0
    /// Rows left out by the area filter (including rows without an LSOA, when filtering).
    public var rowsOutsideArea = 0
    /// Of `rowsOutsideArea`, the rows left out only because they have no LSOA.
    public var rowsOutsideAreaWithoutLSOA = 0
    /// Rows that could not be read; see `badRows`.
    public var badRowCount = 0
    /// The first `badRowListLimit` bad rows, each with file, line and problem.
    public var badRows: [PoliceUKBadRow] = []
    /// Stored rows without a location (no coordinates or no location text): kept, with NULLs.
    public var keptWithoutLocation = 0
    /// Stored rows without an LSOA: kept with NULLs, counted as beat "(unmapped)".
    public var keptWithoutLSOA = 0
    /// Each month the files held, earliest first.
    public var months: [PoliceUKMonthImport] = []
    /// Fields that were not UTF-8 and were read as Windows-1252.
    public var notUTF8 = NotUTF8()
    /// Things that are not errors but may be mistakes, e.g. a file named for another month.
    public var warnings: [String] = []

    /// Text fields read as Windows-1252 because they were not UTF-8: how many, and the first.
    public struct NotUTF8: Sendable, Equatable {
        public var count = 0
        public var firstFile = ""
        public var firstLine = 0

        public init(count: Int = 0, firstFile: String = "", firstLine: Int = 0) {
            self.count = count
            self.firstFile = firstFile
            self.firstLine = firstLine
        }
    }

    /// Every warning, the text-encoding one included.
    public var allWarnings: [String] {
        let encoding = notUTF8.count == 0 ? [] : [
            "\(PoliceUKBadRow.grouped(notUTF8.count)) text field\(notUTF8.count == 1 ? " was" : "s were") not UTF-8 (the first in \(notUTF8.firstFile) line \(PoliceUKBadRow.grouped(notUTF8.firstLine))) "
                + "and \(notUTF8.count == 1 ? "was" : "were") read as Windows-1252, as spreadsheets save it; check the accented letters, or save the file as CSV UTF-8",
        ]
        return encoding + warnings
    }

    public init() {}

    /// The months whose earlier import was replaced.
    public var monthsReplaced: [Month] { months.filter { $0.wasImportedBefore || $0.rowsReplaced > 0 }.map(\.month) }

    /// One line: "Imported 6,000 rows for 12 months (2017-10 to 2018-09) ...".
    public var oneLine: String {
        let g = PoliceUKBadRow.grouped
        var parts = ["Imported \(g(rowsKept)) of \(g(rowsRead)) rows"]
        if let first = months.first?.month, let last = months.last?.month {
            parts[0] += " for \(months.count) month\(months.count == 1 ? "" : "s") (\(first == last ? "\(first)" : "\(first) to \(last)"))"
        } else {
            parts[0] += " (no months)"
        }
        switch area {
        case .all: break
        case .lsoaNamePrefix(let prefix): parts.append("\(g(rowsOutsideArea)) outside the area (LSOA name not starting '\(prefix)')")
        case .lsoaCodes: parts.append("\(g(rowsOutsideArea)) outside the area (LSOA not in the lookup)")
        }
        parts.append("\(g(badRowCount)) bad")
        parts.append("\(g(keptWithoutLocation)) without location")
        parts.append("\(g(keptWithoutLSOA)) without LSOA")
        let replaced = monthsReplaced
        parts.append(replaced.isEmpty ? "no month replaced" : "\(replaced.count) month\(replaced.count == 1 ? "" : "s") replaced")
        return parts.joined(separator: "; ") + "."
    }
}

/// Why an import stored nothing.
public enum PoliceUKImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One or more files are not police.uk street-level files (or cannot be read). Nothing was
    /// imported: a rejected file's months are unknown, so importing the others could leave a month
    /// with only part of its rows.
    case filesRejected([PoliceUKRejectedFile])
    /// A file broke off in a way that makes the rest unreadable (e.g. a quote never closed).
    case unreadable(file: String, line: Int, problem: String)
    /// The import was stopped before it finished; nothing was changed.
    case cancelled

    public var description: String {
        switch self {
        case .filesRejected(let files):
            return files.map(\.description).joined(separator: "\n")
                + "\nNothing was imported: fix or leave out the rejected file\(files.count == 1 ? "" : "s") and run the import again."
        case .unreadable(let file, let line, let problem):
            return "\(file) line \(PoliceUKBadRow.grouped(line)): \(problem). Nothing was imported: the database is as it was."
        case .cancelled:
            return "The import was stopped before it finished. Nothing was imported: the database is as it was."
        }
    }
}

/// A file refused whole, and why.
public struct PoliceUKRejectedFile: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as given.
    public let path: String
    /// What is wrong with it.
    public let reason: String
    /// The police.uk columns its header lacks (empty when the file was rejected for another reason).
    public let missingColumns: [PoliceUKColumn]

    public init(path: String, reason: String, missingColumns: [PoliceUKColumn] = []) {
        self.path = path
        self.reason = reason
        self.missingColumns = missingColumns
    }

    public var description: String { "\(path) was rejected: \(reason)" }
}
