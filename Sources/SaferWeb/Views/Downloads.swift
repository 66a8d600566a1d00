import Foundation
import Hummingbird
import NIOCore

/// A file to save: CSV, XLSX, JSON, GeoJSON.
func download(_ data: Data, _ filename: String, _ type: String) -> Response {
    Response(status: .ok, headers: [.contentType: type, .contentDisposition: "attachment; filename=\"\(filename)\""],
             body: .init(byteBuffer: ByteBuffer(bytes: data)))
}

/// The media types of the downloads Safer offers.
enum MediaType {
    static let csv = "text/csv; charset=utf-8"
    static let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    static let json = "application/json; charset=utf-8"
    static let geoJSON = "application/geo+json"
}

/// One choice in a `<select>` or a group of radio buttons or checkboxes.
struct SelectOption {
    let value: String
    let label: String
    let selected: Bool
}

/// A link as a page lists it: its words and where it goes.
struct Link {
    let label: String
    let href: String
}
