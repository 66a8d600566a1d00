import Foundation
import SaferApp

/// What a page needs to show a Leaflet map: the script, the style sheet and the settings as JSON
/// (for a `data-settings` attribute, which the template escapes and the browser decodes).
struct MapAssets {
    let js: String
    let css: String
    let settings: String

    /// The assets, as a list of none or one (Mustache sections need no optional).
    static func list(_ settings: MapSettings) -> [MapAssets] {
        guard let assets = settings.assets else { return [] }
        struct Settings: Encodable { let tiles: String; let attribution: String; let centre: [Double]; let zoom: Int }
        let json = (try? JSONEncoder().encode(Settings(tiles: settings.tileURL, attribution: settings.attribution,
                                                        centre: [settings.centre.latitude, settings.centre.longitude], zoom: 11)))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return [MapAssets(js: assets.js, css: assets.css, settings: json)]
    }
}
