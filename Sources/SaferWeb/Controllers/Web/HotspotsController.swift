import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferReports

/// Hot spots: the named-location ranking, spatial clusters and the Gi* grid for a period, with
/// the same numbers as downloads (`/hotspots/ranking`, `/hotspots/clusters`, `/hotspots/gi`
/// with `format=`) and on the command line. Everyone signed in may read them.
struct HotspotsController {
    let services: AppServices
    let views: Views
    var hotspots: HotspotService { HotspotService(services: services) }

    struct Page {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let from: String, to: String, limit: String, eps: String, minPoints: String, cell: String
        let sources: [SelectOption]
        /// The fly-tip ranking; nil for a police.uk source (crimes have no named locations).
        let ranking: TableView?
        let clusters: TableView
        let gi: TableView
        let query: String
        let isCrime: Bool
    }

    /// How many Gi* cells the page lists (the most significant); the downloads hold every cell.
    static let giRowsOnPage = 25

    /// The period and settings asked for, with the defaults: the "since July 18" table's period
    /// when the demo's dates are in use is not assumed; the fly-tip dashboard's period is.
    struct Settings {
        let range: DayRange
        let limit: Int
        let eps: Double
        let minPoints: Int
        let cell: Double
        let sourceText: String
        let source: HotspotService.Source
    }

    func settings(_ request: Request) async throws -> Settings {
        let query = request.query
        let range = try await FlyTipService(services: services).range(from: query.get("from"), to: query.get("to"))
        func number(_ name: String, _ fallback: Double) throws -> Double {
            guard let text = query.get(name), !text.isEmpty else { return fallback }
            guard let value = Double(text), value.isFinite else {
                throw ValidationError("'\(text)' is not a valid \(name): give a number.", field: name)
            }
            return value
        }
        func whole(_ name: String, _ fallback: Int) throws -> Int {
            guard let text = query.get(name), !text.isEmpty else { return fallback }
            guard let value = Int(text) else { throw ValidationError("'\(text)' is not a valid \(name): give a whole number.", field: name) }
            return value
        }
        let sourceText = query.get("source") ?? "fly-tips"
        // Ranges are checked by HotspotService, for the pages, the API and the CLI alike.
        return Settings(range: range, limit: try whole("limit", 10), eps: try number("eps", HotspotService.defaultEps),
                        minPoints: try whole("minPoints", HotspotService.defaultMinPoints),
                        cell: try number("cell", HotspotService.defaultCellSize), sourceText: sourceText,
                        source: try HotspotService.Source(parsing: sourceText))
    }

    func register(on routes: SecureRoutes) {
        routes.page("/hotspots", .signedInAny) { request, context in
            let s = try await settings(request)
            let ranking = try await hotspots.ranking(s.range, limit: s.limit, waste: s.source.waste)
            let analysis = try await hotspots.analysis(s.source, range: s.range, eps: s.eps, minPoints: s.minPoints, cellSize: s.cell)
            // Gi* needs at least one point; with none, the section says so instead of failing the page.
            let gi = analysis.gi?.table(limit: Self.giRowsOnPage) ?? ReportTable(title: "Getis-Ord Gi*", subtitle: s.range.label, columns: [.init("Class")], rows: [],
                                                       notes: ["Nothing to map in this period: no \(s.source.label) with a position."])
            // Every crime type imported, whatever period is shown, so the list is there before the first Show.
            let imported = try await services.storage.policeCrimes.importedMonths().map(\.month)
            var types: [String] = []
            if let first = imported.min(), let last = imported.max() {
                types = try await services.storage.policeCrimes.counts(from: first, to: last, by: [.crimeType]).compactMap(\.crimeType).sorted()
            }
            let query = Self.query(s)
            let isCrime = if case .crime = s.source { true } else { false }
            let page = Page(
                chrome: PageChrome(title: "Hot spots", context: context, current: "/hotspots"), errors: nil,
                from: s.range.first.description, to: s.range.last.description, limit: String(s.limit), eps: s.eps.wholeNumberText,
                minPoints: String(s.minPoints), cell: s.cell.wholeNumberText,
                sources: [SelectOption(value: "fly-tips", label: "All fly-tips", selected: s.sourceText == "fly-tips")]
                    + WasteType.allCases.map { SelectOption(value: "fly-tips:\($0.rawValue)", label: "Fly-tips with \($0.label)", selected: s.source == .flyTips($0)) }
                    + types.map { SelectOption(value: "crime:\($0)", label: "police.uk: \($0)", selected: s.sourceText == "crime:\($0)") },
                ranking: isCrime ? nil : TableView(ranking.table), clusters: TableView(analysis.clusters.table), gi: TableView(gi), query: query,
                isCrime: isCrime)
            return views.response("hotspots", page)
        }
        routes.page("/hotspots/map", .signedInAny) { request, context in
            let s = try await settings(request)
            let map = try await hotspots.map(s.source, range: s.range, eps: s.eps, minPoints: s.minPoints, cellSize: s.cell)
            let query = Self.query(s)
            let page = MapPage(chrome: PageChrome(title: "Hot spot map", context: context, current: "/hotspots"), title: map.title,
                               query: query, maps: MapAssets.list(services.configuration.maps), svg: map.svg(),
                               hasLeaflet: services.configuration.maps.assets != nil)
            return views.response("hotspot-map", page)
        }
        routes.page("/hotspots/map/geojson", .signedInAny) { request, _ in
            let s = try await settings(request)
            let map = try await hotspots.map(s.source, range: s.range, eps: s.eps, minPoints: s.minPoints, cellSize: s.cell)
            return SaferWeb.download(try map.geoJSON(), "hotspots-\(s.range.first)-to-\(s.range.last).geojson", MediaType.geoJSON)
        }
        routes.page("/hotspots/map/svg", .signedInAny) { request, _ in
            let s = try await settings(request)
            let map = try await hotspots.map(s.source, range: s.range, eps: s.eps, minPoints: s.minPoints, cellSize: s.cell)
            return Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8", .contentDisposition: "inline; filename=\"hotspots-\(s.range.first)-to-\(s.range.last).svg\""],
                            body: .init(byteBuffer: ByteBuffer(string: map.svg())))
        }
        routes.page("/hotspots/ranking", .signedInAny) { request, _ in
            let s = try await settings(request)
            let ranking = try await hotspots.ranking(s.range, limit: s.limit, waste: s.source.waste)
            return try Self.download(request, table: ranking.table, json: ranking.rows, csv: nil, name: "hotspots-\(s.range.first)-to-\(s.range.last)")
        }
        routes.page("/hotspots/clusters", .signedInAny) { request, _ in
            let s = try await settings(request)
            let report = try await hotspots.clusters(s.source, range: s.range, eps: s.eps, minPoints: s.minPoints)
            return try Self.download(request, table: report.table, json: report, csv: nil, name: "clusters-\(s.range.first)-to-\(s.range.last)")
        }
        routes.page("/hotspots/gi", .signedInAny) { request, _ in
            let s = try await settings(request)
            let report = try await hotspots.giStar(s.source, range: s.range, cellSize: s.cell)
            return try Self.download(request, table: report.table(), json: report.document, csv: report.csv, name: "gi-\(s.cell.wholeNumberText)m-\(s.range.first)-to-\(s.range.last)")
        }
    }

    struct MapPage {
        let chrome: PageChrome
        let title: String
        let query: String
        let maps: [MapAssets]
        let svg: String
        let hasLeaflet: Bool
    }

    /// The settings as a query string, for links and downloads.
    static func query(_ s: Settings) -> String {
        let source = s.sourceText.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "-:"))) ?? "fly-tips"
        return "from=\(s.range.first)&to=\(s.range.last)&limit=\(s.limit)&eps=\(s.eps.wholeNumberText)&minPoints=\(s.minPoints)&cell=\(s.cell.wholeNumberText)&source=\(source)"
    }

    static func download<J: Encodable>(_ request: Request, table: ReportTable, json: J, csv: String?, name: String) throws -> Response {
        switch request.query.get("format") ?? "" {
        case "csv": return SaferWeb.download(Data((csv ?? CSVRenderer.render(table)).utf8), "\(name).csv", MediaType.csv)
        case "xlsx": return SaferWeb.download(try XLSXWriter.render(table), "\(name).xlsx", MediaType.xlsx)
        case "json": return SaferWeb.download(try JSONEncoder.safer.encode(json), "\(name).json", MediaType.json)
        case let other: throw ValidationError("'\(other)' is not a download format: use csv, xlsx or json.")
        }
    }
}
