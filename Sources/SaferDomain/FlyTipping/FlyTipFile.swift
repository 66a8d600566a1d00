import Foundation

/// Incidents in a CSV file, one per row: the demo data, and a council's own records moved into
/// Safer (`safer import fly-tips FILE.csv`).
///
/// Columns (header row, any order): `reported_at`, `location`, `latitude` and `longitude` or
/// `easting` and `northing`, `land_type`, `waste_types` (Defra labels separated by `;`, the main
/// one first), `size`; optional `client_id`, `source`, `status`, `inspected_at`, `cleared_at`,
/// `cost` (pounds, tipper lorry and multi-loads only), `hazards` (`;`-separated), `notes`,
/// `duplicate_of` (for a duplicate: the client id of the row it repeats, or the reference of an
/// incident already in Safer). Times are UK local (`YYYY-MM-DDTHH:MM`) or ISO 8601.
public enum FlyTipFile {
    /// The columns every file needs.
    public static let required = ["reported_at", "location", "land_type", "waste_types", "size"]
    /// Every column read.
    public static let known = required + ["latitude", "longitude", "easting", "northing", "client_id", "source", "status",
                                          "inspected_at", "cleared_at", "cost", "hazards", "notes", "duplicate_of"]

    /// The rows as inputs, with their line numbers. A wrong header refuses the whole file; a
    /// row whose numbers or times cannot be read is reported with its line and the rest kept.
    public static func parse(_ text: String) throws -> (rows: [(line: Int, input: FlyTipInput)], problems: [String]) {
        let (header, records) = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let missing = required.filter { !header.contains($0) }
        let hasPosition = (header.contains("latitude") && header.contains("longitude")) || (header.contains("easting") && header.contains("northing"))
        if !missing.isEmpty || !hasPosition {
            let names = missing + (hasPosition ? [] : ["latitude and longitude (or easting and northing)"])
            throw ValidationError("The file's header lacks \(names.joined(separator: ", ")): the first row must name the columns \(required.joined(separator: ", ")) and a position.")
        }
        var rows: [(Int, FlyTipInput)] = []
        var problems: [String] = []
        for (line, fields) in records {
            func text(_ name: String) -> String { fields[name]?.trimmingCharacters(in: .whitespaces) ?? "" }
            func list(_ name: String) -> [String] { text(name).split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            var rowProblems: [String] = []
            func number(_ name: String) -> Double? {
                guard !text(name).isEmpty else { return nil }
                guard let value = Double(text(name)), value.isFinite else { rowProblems.append("\(name) '\(text(name))' is not a number"); return nil }
                return value
            }
            func time(_ name: String) -> Date? {
                guard !text(name).isEmpty else { return nil }
                do { return try LocalTime.parse(text(name)) } catch { rowProblems.append("\(name) '\(text(name))' is not a date and time (use YYYY-MM-DDTHH:MM)"); return nil }
            }
            let input = FlyTipInput(clientID: text("client_id").isEmpty ? nil : text("client_id"), latitude: number("latitude"),
                                    longitude: number("longitude"), easting: number("easting"), northing: number("northing"),
                                    location: text("location"), landType: text("land_type"), wasteTypes: list("waste_types"), size: text("size"),
                                    hazards: list("hazards"), source: text("source"), status: text("status"), reportedAt: time("reported_at"),
                                    inspectedAt: time("inspected_at"), clearedAt: time("cleared_at"),
                                    duplicateOf: text("duplicate_of").isEmpty ? nil : text("duplicate_of"), cost: text("cost"), notes: text("notes"))
            if text("reported_at").isEmpty { rowProblems.append("reported_at is empty") }
            if rowProblems.isEmpty { rows.append((line, input)) } else { problems.append("Line \(line): \(rowProblems.joined(separator: "; ")).") }
        }
        return (rows, problems)
    }
}
