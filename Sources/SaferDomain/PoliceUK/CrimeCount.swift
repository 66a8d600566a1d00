import Foundation

/// What police.uk crime counts can be broken down by.
public enum CrimeCountGrouping: String, CaseIterable, Sendable, Hashable, Codable {
    /// The calendar month (`YYYY-MM`).
    case month
    /// The police.uk crime type label, e.g. "Vehicle crime".
    case crimeType = "crime-type"
    /// The police beat the row's LSOA maps to through the council's LSOA lookup.
    case beat
    /// The LSOA (2011 code and name).
    case lsoa

    /// Reads a comma-separated list such as `month,crime-type`; throws a message naming
    /// the bad items and the choices.
    public static func parseList(_ text: String) throws -> [CrimeCountGrouping] {
        var groupings: [CrimeCountGrouping] = []
        var unknown: [String] = []
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !item.isEmpty {
            let normalised = item.replacingOccurrences(of: "_", with: "-")
            if let grouping = CrimeCountGrouping(rawValue: normalised == "crimetype" ? "crime-type" : normalised) {
                if !groupings.contains(grouping) { groupings.append(grouping) }
            } else {
                unknown.append("'\(item)'")
            }
        }
        if !unknown.isEmpty {
            throw ValidationError("\(unknown.joined(separator: ", ")) \(unknown.count == 1 ? "is not a grouping" : "are not groupings"): use a comma-separated list of \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return groupings
    }
}

/// One row of a crime count: the values of the groupings asked for (nil for the others) and
/// the number of police.uk rows.
public struct CrimeCount: Sendable, Hashable, Codable {
    /// The beat name shown for rows whose LSOA is not in the lookup (or that have no LSOA).
    public static let unmappedBeat = "(unmapped)"

    /// The month, when grouped by month.
    public var month: Month?
    /// The police.uk crime type label, when grouped by crime type.
    public var crimeType: String?
    /// The beat's key; nil when not grouped by beat or when the row is unmapped.
    public var beatKey: String?
    /// The beat's name, or "(unmapped)", when grouped by beat.
    public var beatName: String?
    /// The LSOA code; nil when not grouped by LSOA or when the row has no LSOA.
    public var lsoaCode: String?
    /// The LSOA name, when grouped by LSOA and known.
    public var lsoaName: String?
    /// The number of rows.
    public var count: Int

    public init(month: Month? = nil, crimeType: String? = nil, beatKey: String? = nil, beatName: String? = nil,
                lsoaCode: String? = nil, lsoaName: String? = nil, count: Int) {
        self.month = month
        self.crimeType = crimeType
        self.beatKey = beatKey
        self.beatName = beatName
        self.lsoaCode = lsoaCode
        self.lsoaName = lsoaName
        self.count = count
    }

    /// Orders rows by the groupings in the order given (then by any others, in the canonical
    /// order month, crime type, beat, LSOA): months earliest first, texts in Swift's (locale-free) order, unmapped
    /// beats and rows without an LSOA last. Sorting here rather than in SQL gives both database
    /// engines the same order whatever their collation.
    public static func sorted(_ rows: [CrimeCount], by groupings: [CrimeCountGrouping]) -> [CrimeCount] {
        let order = groupings + CrimeCountGrouping.allCases.filter { !groupings.contains($0) }
        return rows.sorted { a, b in
            for grouping in order {
                if let ascending = compare(a, b, on: grouping) { return ascending }
            }
            return false
        }
    }

    /// Whether `a` comes before `b` on one grouping, or nil when they are equal on it.
    private static func compare(_ a: CrimeCount, _ b: CrimeCount, on grouping: CrimeCountGrouping) -> Bool? {
        switch grouping {
        case .month:
            guard a.month != b.month else { return nil }
            guard let x = a.month else { return true }
            guard let y = b.month else { return false }
            return x < y
        case .crimeType:
            return optionalOrder(a.crimeType, b.crimeType)
        case .beat:
            guard a.beatKey != b.beatKey || a.beatName != b.beatName else { return nil }
            if (a.beatKey == nil) != (b.beatKey == nil) { return b.beatKey == nil }     // unmapped last
            return optionalOrder(a.beatName, b.beatName) ?? optionalOrder(a.beatKey, b.beatKey)
        case .lsoa:
            return optionalOrder(a.lsoaCode, b.lsoaCode)
        }
    }

    /// Nil last; nil when equal.
    private static func optionalOrder(_ a: String?, _ b: String?) -> Bool? {
        guard a != b else { return nil }
        guard let x = a else { return false }
        guard let y = b else { return true }
        return x < y
    }
}

/// Counts of imported police.uk rows.
public protocol PoliceCrimeRepository: Sendable {
    /// Rows from `from` to `to` (both included), grouped by `groupings` (none: one total row).
    func counts(from: Month, to: Month, by groupings: [CrimeCountGrouping]) async throws -> [CrimeCount]
    /// Each month imported, earliest first.
    func importedMonths() async throws -> [PoliceUKImportRecord]
    /// The located crimes of a type (a police.uk label) from `from` to `to`, for hot spots.
    func points(from: Month, to: Month, crimeType: String) async throws -> [CrimePoint]
}

/// One imported crime with a position: police.uk's point, snapped to the nearest of a set of
/// anonymised map points, and its "On or near …" name.
public struct CrimePoint: Sendable, Hashable {
    public let id: Int64
    public let month: Month
    public let position: WGS84Point
    public let location: String

    public init(id: Int64, month: Month, position: WGS84Point, location: String) {
        self.id = id
        self.month = month
        self.position = position
        self.location = location
    }
}

/// The record of one imported month.
public struct PoliceUKImportRecord: Sendable, Hashable, Codable {
    /// The month.
    public let month: Month
    /// The files its rows came from (names without folders).
    public let files: [String]
    /// The LSOA name prefix used, "the 38 LSOAs of the lookup", or nil for all areas.
    public let areaPrefix: String?
    /// Rows stored.
    public let rowsKept: Int
    /// Rows left out by the area filter.
    public let rowsSkipped: Int
    /// Rows that could not be read.
    public let rowsBad: Int
    /// When the import finished.
    public let importedAt: Date

    public init(month: Month, files: [String], areaPrefix: String?, rowsKept: Int, rowsSkipped: Int, rowsBad: Int, importedAt: Date) {
        self.month = month
        self.files = files
        self.areaPrefix = areaPrefix
        self.rowsKept = rowsKept
        self.rowsSkipped = rowsSkipped
        self.rowsBad = rowsBad
        self.importedAt = importedAt
    }
}
