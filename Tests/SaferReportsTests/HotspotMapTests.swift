import Foundation
import Testing
import SaferDomain
@testable import SaferReports

/// The server-rendered map against a stored snapshot, and its GeoJSON twin.
@Suite("Hot spot map")
struct HotspotMapTests {
    static let map = HotspotMap(
        title: "Hot spots: fly-tips, 1 July 2018 to 28 February 2019",
        incidents: [.init(id: "FT-1", point: .init(easting: 431_700, northing: 295_450), open: false, label: "Oldbury Road, Hartshill"),
                    .init(id: "FT-2", point: .init(easting: 431_760, northing: 295_500), open: true, label: "Oldbury Rd & <Quarry>"),
                    .init(id: "FT-3", point: .init(easting: 425_000, northing: 289_000), open: false, label: "Arnolds Lane, Maxstoke")],
        clusters: [.init(id: 0, centroid: .init(easting: 431_730, northing: 295_475), count: 2, radius: 120, road: "Oldbury Road, Hartshill")],
        cells: [.init(extent: .init(minEasting: 431_500, minNorthing: 295_250, maxEasting: 432_000, maxNorthing: 295_750), level: 3, label: "Hot spot, 99% confidence"),
                .init(extent: .init(minEasting: 424_500, minNorthing: 288_500, maxEasting: 425_000, maxNorthing: 289_000), level: -1, label: "Cold spot, 90% confidence")],
        cameras: [.init(asset: "NWBC-CCTV-05", point: .init(easting: 431_720, northing: 295_460), location: "Oldbury Road")],
        areas: [.init(name: "Fillongley PSPO", outline: [.init(easting: 427_000, northing: 287_000), .init(easting: 427_800, northing: 287_100), .init(easting: 427_500, northing: 287_700)])])

    @Test func theSVGMapMatchesItsSnapshot() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots/hotspot-map.svg")
        let svg = Self.map.svg()
        guard let stored = try? String(contentsOf: url, encoding: .utf8) else {
            try svg.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("No snapshot yet: wrote \(url.path); check it by eye and commit it.")
            return
        }
        #expect(svg == stored, "the map differs from Snapshots/hotspot-map.svg; if the change is intended, delete the file, run again and review")
    }

    /// The map says where its grid is, so a click on it can be turned into an easting and
    /// northing (place-picker.js): the top-left corner and the metres per drawing unit.
    @Test func theSVGCarriesItsGridForPlacingAPoint() throws {
        let svg = Self.map.svg(width: 800)
        func attribute(_ name: String) throws -> Double {
            let start = try #require(svg.range(of: "\(name)=\"")).upperBound
            return try #require(Double(svg[start...].prefix { $0 != "\"" }))
        }
        let extent = try #require(Self.map.extent)
        let minEasting = try attribute("data-min-easting"), maxNorthing = try attribute("data-max-northing")
        let perUnit = try attribute("data-metres-per-unit")
        #expect(minEasting == extent.minEasting && maxNorthing == extent.maxNorthing)
        #expect(abs(perUnit * 800 - extent.width) < 0.01)
        // The camera's square is drawn where its grid point falls.
        let x = (431_720 - extent.minEasting) / perUnit - 5
        #expect(svg.contains("class=\"camera\" x=\"\(String(format: "%.1f", x))\""))
    }

    @Test func theSVGNamesWhatItShowsAndEscapesText() {
        let svg = Self.map.svg()
        #expect(svg.contains("<title id=\"map-title\">Hot spots: fly-tips"))
        #expect(svg.contains("3 incidents (1 open), 1 clusters, 1 hot and 1 cold Gi* cells, 1 camera deployments, 1 PSPO areas"))
        #expect(svg.contains("Oldbury Rd &amp; &lt;Quarry&gt;") && !svg.contains("<Quarry>"))
        #expect(svg.contains(">CCTV camera deployed</text>") && svg.contains(">Open incident</text>"), "the legend is in words")
        #expect(svg.filter { $0 == "\n" }.count > 10)
    }

    /// Issue 13.10: roads' names where the data has them, so the map reads without tiles.
    @Test func theSVGNamesTheRoadsOfTheLargestClustersAndTheBeats() {
        let beat = HotspotMap.Area(name: "Hartshill & Ansley", outline: [.init(easting: 430_000, northing: 294_000), .init(easting: 433_000, northing: 294_000),
                                                                   .init(easting: 433_000, northing: 297_000), .init(easting: 430_000, northing: 297_000)])
        let clusters = (0..<15).map { HotspotMap.Cluster(id: $0, centroid: .init(easting: 430_000 + Double($0) * 100, northing: 295_000), count: $0 + 1,
                                                          radius: 50, road: "Road \($0), Hartshill") }
        let map = HotspotMap(title: "t", incidents: Self.map.incidents, clusters: clusters, cells: [], cameras: [], areas: [], beats: [beat])
        let svg = map.svg()
        #expect(svg.contains(#"class="beat-name""#) && svg.contains(">Hartshill &amp; Ansley</text>"))
        let labelled = clusters.filter { svg.contains(">\($0.road.split(separator: ",")[0])</text>") }.map(\.id)
        #expect(labelled == Array(3..<15), "the 12 largest clusters are named, by road without the locality")
    }

    @Test func theGeoJSONHasOneLayerPropertyPerKindInLongitudeLatitudeOrder() throws {
        let object = try JSONSerialization.jsonObject(with: try Self.map.geoJSON()) as? [String: Any]
        let features = object?["features"] as? [[String: Any]] ?? []
        let layers = features.compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String }
        #expect(Dictionary(grouping: layers, by: { $0 }).mapValues(\.count) == ["incident": 3, "cluster": 1, "gi": 2, "camera": 1, "pspo": 1])
        let first = features.first { ($0["properties"] as? [String: Any])?["id"] as? String == "FT-1" }
        let coordinates = (first?["geometry"] as? [String: Any])?["coordinates"] as? [Double] ?? []
        #expect(coordinates.count == 2 && (-1.6 ... -1.5).contains(coordinates[0]) && (52.5...52.6).contains(coordinates[1]))
        let polygon = features.first { ($0["properties"] as? [String: Any])?["layer"] as? String == "pspo" }
        let ring = ((polygon?["geometry"] as? [String: Any])?["coordinates"] as? [[[Double]]])?.first ?? []
        #expect(ring.count == 4 && ring.first == ring.last, "a closed ring")
    }

    @Test func anEmptyMapSaysSo() {
        let empty = HotspotMap(title: "Nothing", incidents: [], clusters: [], cells: [], cameras: [], areas: [])
        #expect(empty.svg().contains("Nothing to map in this period."))
    }

    /// The page lists only the most significant Gi* cells (it weighed 158 KB with every one); the
    /// table says how many more the downloads hold, and keeps hot before cold.
    @Test func theGiTableCanListOnlyTheMostSignificantCells() throws {
        // Two dense clumps on a sparse background: hot cells round each clump, cold cells elsewhere.
        var points: [HotspotPoint] = []
        for (index, (e, n)) in [(431_000.0, 295_000.0), (436_000.0, 300_000.0)].enumerated() {
            for k in 0..<40 { points.append(HotspotPoint(id: "C\(index)-\(k)", gridPoint: .init(easting: e + Double(k % 5) * 40, northing: n + Double(k / 5) * 40), date: Date(timeIntervalSince1970: 0), location: "")) }
        }
        for k in 0..<100 { points.append(HotspotPoint(id: "S\(k)", gridPoint: .init(easting: 428_000 + Double(k % 10) * 1_000, northing: 292_000 + Double(k / 10) * 1_000), date: Date(timeIntervalSince1970: 0), location: "")) }
        let range = try DayRange(first: CalendarDay(year: 2018, month: 4, day: 1), last: CalendarDay(year: 2019, month: 3, day: 31))
        let report = try GiReport(source: "fly-tips", range: range, points: points, cellSize: 500)
        let significant = report.cells.filter { $0.level != 0 }
        try #require(significant.count > 3, "the fixture should give more significant cells than the limit")
        let all = report.table(), cut = report.table(limit: 3)
        #expect(all.rows.count == significant.count)
        #expect(cut.rows.count == 3)
        let largest = significant.map { abs($0.z ?? 0) }.sorted(by: >).prefix(3)
        #expect(Set(cut.rows.compactMap { $0.cells[3].number.map(abs) }) == Set(largest))
        #expect(cut.rows.map { $0.cells[3].number ?? 0 } == cut.rows.map { $0.cells[3].number ?? 0 }.sorted(by: >))
        #expect(cut.notes.contains { $0.contains("The 3 most significant of \(significant.count)") })
        #expect(!all.notes.contains { $0.contains("most significant of") })
    }
}
