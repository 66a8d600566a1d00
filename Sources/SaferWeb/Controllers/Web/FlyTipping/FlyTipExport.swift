import Foundation
import Hummingbird
import SaferDomain
import SaferReports

/// Incident downloads: CSV, XLSX and GeoJSON.
enum FlyTipExport {
    static func response(_ flyTips: [FlyTip], costs: ClearanceCosts, format: String, name: String) throws -> Response {
        let listing = FlyTipListing(flyTips, costs: costs)
        switch format {
        case "csv": return download(Data(listing.csv.utf8), "\(name).csv", MediaType.csv)
        case "xlsx": return download(try XLSXWriter.render(listing.table), "\(name).xlsx", MediaType.xlsx)
        case "geojson": return download(try listing.geoJSON(), "\(name).geojson", MediaType.geoJSON)
        default: throw ValidationError("'\(format)' is not a download format: use csv, xlsx or geojson.")
        }
    }
}
