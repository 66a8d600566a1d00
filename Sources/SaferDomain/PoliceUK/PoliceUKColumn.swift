import Foundation

/// The columns of a police.uk street-level crime file, in the order police.uk writes them.
///
/// A file is matched by header name, not position, so a file with its columns in another
/// order, or with extra columns, is still read; a file missing any of these is rejected.
public enum PoliceUKColumn: Int, CaseIterable, Sendable {
    case crimeID, month, reportedBy, fallsWithin, longitude, latitude, location
    case lsoaCode, lsoaName, crimeType, lastOutcome, context

    /// The header label, exactly as police.uk writes it.
    public var label: String {
        switch self {
        case .crimeID: "Crime ID"
        case .month: "Month"
        case .reportedBy: "Reported by"
        case .fallsWithin: "Falls within"
        case .longitude: "Longitude"
        case .latitude: "Latitude"
        case .location: "Location"
        case .lsoaCode: "LSOA code"
        case .lsoaName: "LSOA name"
        case .crimeType: "Crime type"
        case .lastOutcome: "Last outcome category"
        case .context: "Context"
        }
    }

    /// The whole header line police.uk writes.
    public static let headerLine = allCases.map(\.label).joined(separator: ",")

    /// Where each column is in a file with this `header` (names compared after trimming spaces),
    /// or the labels of the columns it lacks, in police.uk's order.
    public static func positions(in header: [String]) -> Result<[PoliceUKColumn: Int], PoliceUKMissingColumns> {
        var positions: [PoliceUKColumn: Int] = [:]
        let byLabel = Dictionary(allCases.map { ($0.label, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, name) in header.enumerated() {
            if let column = byLabel[name.trimmingCharacters(in: .whitespaces)], positions[column] == nil {
                positions[column] = index
            }
        }
        let missing = allCases.filter { positions[$0] == nil }
        return missing.isEmpty ? .success(positions) : .failure(PoliceUKMissingColumns(columns: missing))
    }
}

/// The police.uk columns a header lacks.
public struct PoliceUKMissingColumns: Error, Sendable, Equatable {
    /// The missing columns, in police.uk's order.
    public let columns: [PoliceUKColumn]
}
