import Foundation
import SaferDomain

/// Where the interactive maps get Leaflet and their tiles. Leaflet is served from Debian's
/// `libjs-leaflet` when it is installed (no network needed for the script), otherwise from a
/// configured URL, otherwise pages fall back to forms without a map.
public struct MapSettings: Sendable, Hashable {
    /// Debian's Leaflet directory.
    public var leafletDirectory = "/usr/share/javascript/leaflet"
    /// A base URL holding `leaflet.js` and `leaflet.css`, used when the directory is missing.
    public var leafletURL: String? = nil
    /// The tile URL template.
    public var tileURL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
    /// The tiles' attribution, shown on the map.
    public var attribution = "© OpenStreetMap contributors"
    /// Where maps open: North Warwickshire.
    public var centre = WGS84Point(latitude: 52.575, longitude: -1.62)

    public init() {}

    /// Whether Debian's Leaflet is installed here.
    public var hasLocalLeaflet: Bool { FileManager.default.fileExists(atPath: leafletDirectory + "/leaflet.js") }

    /// The script and style sheet to load, or nil when there is no Leaflet.
    public var assets: (js: String, css: String)? {
        if hasLocalLeaflet { return ("/vendor/leaflet/leaflet.js", "/vendor/leaflet/leaflet.css") }
        if let leafletURL {
            let base = leafletURL.hasSuffix("/") ? String(leafletURL.dropLast()) : leafletURL
            return (base + "/leaflet.js", base + "/leaflet.css")
        }
        return nil
    }
}
