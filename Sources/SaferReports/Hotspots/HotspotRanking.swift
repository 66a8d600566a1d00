import Foundation
import SaferDomain

/// The named-location hot spots over a period ("since July 18"): top locations with their
/// counts, the change on the period before, and a marker where a CCTV camera was deployed.
public struct HotspotRanking: Sendable {
    public struct Row: Sendable, Hashable, Encodable {
        public let rank: Int
        public let location: String
        public let count: Int
        public let previousCount: Int
        public let change: Int
        /// Other spellings merged into this location.
        public let spellings: [String]
        /// Asset numbers of cameras deployed at this location during the period.
        public let cameras: [String]
    }

    public let range: DayRange
    public let rows: [Row]

    /// Ranks the fly-tips reported in the range (duplicates and "no trace" left out). A camera
    /// marks a location when one of its deployments overlapping the range was named as the same
    /// location, or stood within `cameraMetres` of one of the location's incidents.
    public init(range: DayRange, flyTips: [FlyTip], deployments: [(asset: String, deployment: Deployment)], limit: Int?,
                cameraMetres: Double = 150, normaliser: LocationNameNormaliser = .northWarwickshire) {
        self.range = range
        let counted = flyTips.filter(\.status.countsAsIncident)
        let ranked = LocationRanking.top(limit, of: counted.map { (name: $0.location, date: $0.reportedAt) },
                                         from: range.start, to: range.last.start(), calendar: Self.ukCalendar, normaliser: normaliser)
        let inRange = counted.filter { range.contains($0.reportedAt) }
        let byKey = Dictionary(grouping: inRange) { normaliser.normalise($0.location).matchKey }
        let active = deployments.filter { $0.deployment.overlaps(range) }
        rows = ranked.map { row in
            let matchKey = row.key.replacingOccurrences(of: " ", with: "")
            let points = (byKey[matchKey] ?? []).map(\.gridPoint)
            let cameras = active.filter { item in
                normaliser.normalise(item.deployment.location).matchKey == matchKey
                    || points.contains { $0.distance(to: item.deployment.gridPoint) <= cameraMetres }
            }.map(\.asset)
            return Row(rank: row.rank, location: row.name, count: row.count, previousCount: row.previousCount, change: row.change,
                       spellings: row.spellings.filter { $0 != row.name }, cameras: Array(Set(cameras)).sorted())
        }
    }

    static let ukCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .unitedKingdom
        return calendar
    }()

    /// The ranking as a table: the camera column says "CCTV deployed" in words, not just a mark.
    public var table: ReportTable {
        ReportTable(
            title: "Fly-tipping hot spots", subtitle: "\(range.label), compared with the \(range.count) days before",
            columns: [.init("Rank", .number), .init("Location"), .init("Incidents", .number), .init("Period before", .number),
                      .init("Change", .number), .init("CCTV")],
            rows: rows.map { row in
                ReportTable.Row(cells: [.count(Double(row.rank)), .init(row.location), .count(Double(row.count)), .count(Double(row.previousCount)),
                                        .init(row.change > 0 ? "+\(row.change)" : "\(row.change)", number: Double(row.change),
                                              tone: row.change > 0 ? "red" : (row.change < 0 ? "green" : nil)),
                                        .init(row.cameras.isEmpty ? "" : "CCTV deployed (\(row.cameras.joined(separator: ", ")))")])
            },
            notes: ["Locations are merged when their names differ only in case, punctuation, abbreviations (Rd, Ln) or a trailing locality; spatial clusters find the same lane spelt differently.",
                    "CCTV: a camera deployed during the period at the location, or within 150 m of one of its fly-tips."])
    }
}
