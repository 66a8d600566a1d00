import Foundation
import SaferDomain

extension HotspotMap {
    /// The map as a standalone SVG in National Grid metres (north up), with a title, a legend in
    /// words, a scale bar and a north arrow: no tiles, no script, no network.
    public func svg(width: Int = 800) -> String {
        guard let extent else {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(width)\" height=\"80\" viewBox=\"0 0 \(width) 80\"><title>\(Self.escape(title))</title><text x=\"10\" y=\"40\">Nothing to map in this period.</text></svg>"
        }
        let mapHeight = Int((Double(width) * extent.height / extent.width).rounded())
        let legendHeight = 130
        let scale = Double(width) / extent.width
        func x(_ e: Double) -> String { Self.f((e - extent.minEasting) * scale) }
        func y(_ n: Double) -> String { Self.f((extent.maxNorthing - n) * scale) }
        var out: [String] = []
        // The grid behind the drawing, so a page can turn a click into an easting and northing.
        let grid = "data-min-easting=\"\(Self.f(extent.minEasting))\" data-max-northing=\"\(Self.f(extent.maxNorthing))\" data-metres-per-unit=\"\(String(format: "%.6f", 1 / scale))\" data-map-height=\"\(mapHeight)\""
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"map-title map-desc\" width=\"\(width)\" height=\"\(mapHeight + legendHeight)\" viewBox=\"0 0 \(width) \(mapHeight + legendHeight)\" font-family=\"Arial, sans-serif\" font-size=\"12\" \(grid)>")
        out.append("<title id=\"map-title\">\(Self.escape(title))</title>")
        out.append("<desc id=\"map-desc\">\(incidents.count) incidents (\(incidents.filter(\.open).count) open), \(clusters.count) clusters, \(cells.filter { $0.level > 0 }.count) hot and \(cells.filter { $0.level < 0 }.count) cold Gi* cells, \(cameras.count) camera deployments, \(areas.count) PSPO areas. Easting \(extent.minEasting.wholeNumberText)–\(extent.maxEasting.wholeNumberText), northing \(extent.minNorthing.wholeNumberText)–\(extent.maxNorthing.wholeNumberText).</desc>")
        out.append("<rect x=\"0\" y=\"0\" width=\"\(width)\" height=\"\(mapHeight)\" fill=\"#f8f8f5\" stroke=\"#0b0c0c\"/>")
        for beat in beats where beat.outline.count >= 3 {
            let points = beat.outline.map { "\(x($0.easting)),\(y($0.northing))" }.joined(separator: " ")
            out.append("<polygon class=\"beat\" points=\"\(points)\" fill=\"none\" stroke=\"#6f777b\" stroke-width=\"1\"><title>Beat: \(Self.escape(beat.name))</title></polygon>")
        }
        for cell in cells {
            let colour = cell.level > 0 ? "#d4351c" : "#1d70b8"
            out.append("<rect class=\"gi\" x=\"\(x(cell.extent.minEasting))\" y=\"\(y(cell.extent.maxNorthing))\" width=\"\(Self.f(cell.extent.width * scale))\" height=\"\(Self.f(cell.extent.height * scale))\" fill=\"\(colour)\" fill-opacity=\"\(Self.f(0.15 * Double(abs(cell.level))))\"><title>\(Self.escape(cell.label))</title></rect>")
        }
        for area in areas where area.outline.count >= 3 {
            let points = area.outline.map { "\(x($0.easting)),\(y($0.northing))" }.joined(separator: " ")
            out.append("<polygon class=\"pspo\" points=\"\(points)\" fill=\"#912b88\" fill-opacity=\"0.2\" stroke=\"#912b88\" stroke-width=\"2\" stroke-dasharray=\"6 3\"><title>\(Self.escape(area.name))</title></polygon>")
        }
        for cluster in clusters {
            out.append("<circle class=\"cluster\" cx=\"\(x(cluster.centroid.easting))\" cy=\"\(y(cluster.centroid.northing))\" r=\"\(Self.f(max(8, cluster.radius * scale)))\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\"><title>Cluster \(cluster.id): \(Self.escape(cluster.road)), \(cluster.count) incidents</title></circle>")
        }
        for incident in incidents {
            out.append("<circle class=\"incident\" cx=\"\(x(incident.point.easting))\" cy=\"\(y(incident.point.northing))\" r=\"3\" fill=\"\(incident.open ? "#f47738" : "#505a5f")\"><title>\(Self.escape(incident.id)) \(Self.escape(incident.label))\(incident.open ? " (open)" : "")</title></circle>")
        }
        // Names where the data has them: each beat's at the middle of its outline, and the road of
        // each of the largest clusters beside it (white-haloed, so they read over the dots).
        for beat in beats where beat.outline.count >= 3 {
            let middle = NationalGridPoint(easting: beat.outline.map(\.easting).reduce(0, +) / Double(beat.outline.count),
                                           northing: beat.outline.map(\.northing).reduce(0, +) / Double(beat.outline.count))
            out.append("<text class=\"beat-name\" x=\"\(x(middle.easting))\" y=\"\(y(middle.northing))\" text-anchor=\"middle\" fill=\"#505a5f\" font-style=\"italic\">\(Self.escape(beat.name))</text>")
        }
        for cluster in clusters.sorted(by: { ($1.count, $0.id) < ($0.count, $1.id) }).prefix(Self.roadLabels) where !cluster.road.isEmpty {
            let road = cluster.road.split(separator: ",").first.map(String.init) ?? cluster.road
            // Right of the circle, or left of it near the right edge, so the name stays on the map.
            let centre = (cluster.centroid.easting - extent.minEasting) * scale, gap = max(8, cluster.radius * scale) + 3
            let onLeft = centre > Double(width) * 0.75
            out.append("<text class=\"road-name\" x=\"\(Self.f(onLeft ? centre - gap : centre + gap))\" y=\"\(y(cluster.centroid.northing))\" text-anchor=\"\(onLeft ? "end" : "start")\" stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\" fill=\"#0b0c0c\">\(Self.escape(road))</text>")
        }
        for camera in cameras {
            out.append("<rect class=\"camera\" x=\"\(Self.f((camera.point.easting - extent.minEasting) * scale - 5))\" y=\"\(Self.f((extent.maxNorthing - camera.point.northing) * scale - 5))\" width=\"10\" height=\"10\" fill=\"#00703c\" stroke=\"#fff\"><title>CCTV \(Self.escape(camera.asset)): \(Self.escape(camera.location))</title></rect>")
        }
        // North arrow and scale bar.
        out.append("<g aria-hidden=\"true\"><path d=\"M \(width - 30) 40 L \(width - 22) 18 L \(width - 14) 40 Z\" fill=\"#0b0c0c\"/><text x=\"\(width - 26)\" y=\"54\">N</text></g>")
        let barMetres = Self.niceLength(extent.width / 5)
        let barPixels = barMetres * scale
        out.append("<g aria-hidden=\"true\"><rect x=\"10\" y=\"\(mapHeight - 20)\" width=\"\(Self.f(barPixels))\" height=\"6\" fill=\"#0b0c0c\"/><text x=\"10\" y=\"\(mapHeight - 26)\">\(barMetres >= 1000 ? "\(Int(barMetres / 1000)) km" : "\(Int(barMetres)) m")</text></g>")
        // Legend in words: colour is never the only signal.
        let legend = [("<circle cx=\"8\" cy=\"0\" r=\"4\" fill=\"#f47738\"/>", "Open incident"), ("<circle cx=\"8\" cy=\"0\" r=\"4\" fill=\"#505a5f\"/>", "Cleared or closed incident"),
                      ("<circle cx=\"8\" cy=\"0\" r=\"7\" fill=\"none\" stroke=\"#0b0c0c\" stroke-width=\"2\"/>", "Cluster (DBSCAN)"),
                      ("<rect x=\"3\" y=\"-5\" width=\"10\" height=\"10\" fill=\"#00703c\"/>", "CCTV camera deployed"),
                      ("<rect x=\"0\" y=\"-6\" width=\"16\" height=\"12\" fill=\"#d4351c\" fill-opacity=\"0.45\"/>", "Gi* hot spot (darker: more confident)"),
                      ("<rect x=\"0\" y=\"-6\" width=\"16\" height=\"12\" fill=\"#1d70b8\" fill-opacity=\"0.45\"/>", "Gi* cold spot"),
                      ("<rect x=\"0\" y=\"-6\" width=\"16\" height=\"12\" fill=\"#912b88\" fill-opacity=\"0.3\" stroke=\"#912b88\" stroke-dasharray=\"4 2\"/>", "PSPO area")]
        for (index, item) in legend.enumerated() {
            let column = index / 4, row = index % 4
            out.append("<g transform=\"translate(\(10 + column * 300), \(mapHeight + 22 + row * 24))\">\(item.0)<text x=\"24\" y=\"4\">\(item.1)</text></g>")
        }
        out.append("</svg>")
        return out.joined(separator: "\n") + "\n"
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// How many of the largest clusters have their road named on the printable map.
    static let roadLabels = 12

    /// 1, 2 or 5 times a power of ten, at most the given length.
    static func niceLength(_ metres: Double) -> Double {
        guard metres > 0 else { return 100 }
        let power = pow(10, (log10(metres)).rounded(.down))
        return [5, 2, 1].map { $0 * power }.first { $0 <= metres } ?? power
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
