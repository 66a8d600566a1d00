import Foundation
import SaferDomain

/// Incidents as a table (for CSV and XLSX) and as GeoJSON (for QGIS and web maps). No
/// personal data: incidents hold none, and who recorded them is left to the audit log.
public struct FlyTipListing: Sendable {
    public let flyTips: [FlyTip]
    public let costs: ClearanceCosts

    public init(_ flyTips: [FlyTip], costs: ClearanceCosts) {
        self.flyTips = flyTips
        self.costs = costs
    }

    /// Times as ISO 8601 in UTC, which spreadsheets and GIS read alike.
    static func time(_ date: Date?) -> String { date.map { $0.ISO8601Format() } ?? "" }

    /// One row per incident.
    public var table: ReportTable {
        let columns: [ReportTable.Column] = [
            .init("reference"), .init("reported_at"), .init("location"), .init("latitude", .number), .init("longitude", .number),
            .init("easting", .number), .init("northing", .number), .init("land_type"), .init("waste_types"), .init("size"),
            .init("hazards"), .init("source"), .init("status"), .init("inspected_at"), .init("cleared_at"),
            .init("clearance_cost", .number), .init("notes"),
        ]
        let rows = flyTips.map { tip -> ReportTable.Row in
            let cost = tip.clearanceCost(using: costs)
            return ReportTable.Row(cells: [
                .init(tip.reference), .init(Self.time(tip.reportedAt)), .init(tip.location),
                .init(String(format: "%.6f", tip.position.latitude), number: (tip.position.latitude * 1e6).rounded() / 1e6),
                .init(String(format: "%.6f", tip.position.longitude), number: (tip.position.longitude * 1e6).rounded() / 1e6),
                .init(String(format: "%.0f", tip.gridPoint.easting), number: tip.gridPoint.easting.rounded()),
                .init(String(format: "%.0f", tip.gridPoint.northing), number: tip.gridPoint.northing.rounded()),
                .init(tip.landType.label), .init(tip.wasteTypes.map(\.label).joined(separator: "; ")), .init(tip.size.label),
                .init(tip.hazards.map(\.rawValue).joined(separator: "; ")), .init(tip.source.rawValue), .init(tip.status.rawValue),
                .init(Self.time(tip.inspectedAt)), .init(Self.time(tip.clearedAt)),
                .init(cost?.plain ?? "", number: cost?.pounds), .init(tip.notes),
            ])
        }
        return ReportTable(title: "Fly-tipping incidents", columns: columns, rows: rows)
    }

    /// The rows as CSV with a plain header (no title line), for spreadsheets and scripts. Text
    /// that a spreadsheet would run as a formula is neutralised; numbers (a longitude is
    /// negative) are written as they are.
    public var csv: String {
        let table = self.table
        var lines = [table.columns.map { CSVRenderer.field($0.header) }.joined(separator: ",")]
        for row in table.rows { lines.append(row.cells.map { $0.number != nil ? $0.text : CSVRenderer.field($0.text) }.joined(separator: ",")) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A GeoJSON FeatureCollection of points (longitude, latitude: RFC 7946 order) with the
    /// National Grid coordinates among the properties.
    public func geoJSON() throws -> Data {
        struct Geometry: Encodable { let type = "Point"; let coordinates: [Double] }
        struct Properties: Encodable {
            let reference: String, reportedAt: String, location: String, easting: Double, northing: Double
            let landType: String, wasteTypes: [String], size: String, hazards: [String], source: String, status: String
            let clearedAt: String?
        }
        struct Feature: Encodable { let type = "Feature"; let id: String; let geometry: Geometry; let properties: Properties }
        struct Collection: Encodable { let type = "FeatureCollection"; let features: [Feature] }
        let features = flyTips.map { tip in
            Feature(id: tip.reference,
                    geometry: Geometry(coordinates: [(tip.position.longitude * 1e7).rounded() / 1e7, (tip.position.latitude * 1e7).rounded() / 1e7]),
                    properties: Properties(reference: tip.reference, reportedAt: Self.time(tip.reportedAt), location: tip.location,
                                           easting: (tip.gridPoint.easting * 10).rounded() / 10, northing: (tip.gridPoint.northing * 10).rounded() / 10,
                                           landType: tip.landType.label, wasteTypes: tip.wasteTypes.map(\.label), size: tip.size.label,
                                           hazards: tip.hazards.map(\.rawValue), source: tip.source.rawValue, status: tip.status.rawValue,
                                           clearedAt: tip.clearedAt.map { Self.time($0) }))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(Collection(features: features))
    }
}
