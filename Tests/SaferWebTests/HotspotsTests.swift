import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// Hot spots from the demo year reproduce the seed's "since July 18" table and its CCTV marker,
/// and the clusters join the spellings the names keep apart.
@Suite("Hot spots")
struct HotspotsTests {
    /// The seed pack's table (item 6, 4.3.3), as the ranking's keys and counts.
    static let seedTable: [(String, Int)] = [
        ("Oldbury Road, Hartshill", 5), ("Packington Lane", 5), ("Blindpit Lane", 4), ("Arnolds Lane, Maxstoke", 3), ("Breach Oak Lane", 3),
        ("Nuneaton Road", 3), ("Burrow Hill Lane, Corley", 2), ("Folly Lane", 2), ("Marsh Lane, Curdworth", 2), ("Maxstoke Lane", 2),
        ("Windmill Lane, Astley", 2),
    ]

    @Test func theRankingSinceJuly2018IsTheSeedsTableWithItsCCTVMarker() async throws {
        try await PerformanceTests.withDemo { harness, client, token in
            let browser = try await harness.session(.councillor)
            let response = try await client.execute(uri: "/hotspots/ranking?from=2018-07-01&to=2019-02-28&limit=11&format=json", method: .get, headers: browser.headers)
            #expect(response.status == .ok)
            struct Row: Decodable { let rank: Int; let location: String; let count: Int; let cameras: [String] }
            let rows = try JSONDecoder().decode([Row].self, from: Data(buffer: response.body))
            #expect(rows.map(\.count) == Self.seedTable.map(\.1))
            for (row, expected) in zip(rows, Self.seedTable) {
                #expect(row.location.hasPrefix(expected.0.components(separatedBy: ",")[0]), "\(row.location) for \(expected.0)")
            }
            #expect(rows.first { $0.location.hasPrefix("Nuneaton Road") }?.cameras.isEmpty == false, "the table's * on Nuneaton Road")
            let page = try await client.execute(uri: "/hotspots?from=2018-07-01&to=2019-02-28", method: .get, headers: browser.headers)
            #expect(page.status == .ok && page.text.contains("CCTV deployed"))
        }
    }

    @Test func clustersJoinTheSpellingsTheNamesKeepApart() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let report = try await HotspotService(services: harness.services).clusters(.allFlyTips, range: DayRange.parse(from: "2018-07-01", to: "2019-02-28"),
                                                                                       eps: 150, minPoints: 3)
            #expect(report.clusters.count == 6)
            let blindpit = report.clusters.first { $0.road.hasPrefix("Blindpit") }
            #expect(blindpit?.count == 5, "four Blindpit Lane and one Blind Pitt Lane")
            let incidents = try await harness.services.storage.flyTips.list(FlyTipFilter(range: DayRange.parse(from: "2018-07-01", to: "2019-02-28")))
                .filter(\.status.countsAsIncident).count
            #expect(report.clusters.reduce(0) { $0 + $1.count } + report.noise.count == incidents, "every point is in one cluster or in the noise")
            let browser = try await harness.session(.partner)
            let gi = try await client.execute(uri: "/hotspots/gi?from=2018-07-01&to=2019-02-28&cell=500&format=csv", method: .get, headers: browser.headers)
            let lines = gi.text.split(separator: "\r\n")
            #expect(lines.first == "column,row,easting,northing,latitude,longitude,count,z,p,significance")
            let total = lines.dropFirst().compactMap { Int($0.split(separator: ",")[6]) }.reduce(0, +)
            #expect(total == incidents)
            let bad = try await client.execute(uri: "/hotspots/clusters?from=2018-07-01&to=2019-02-28&source=crime&format=json", method: .get, headers: browser.headers)
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test func anEmptyDatabaseShowsAnEmptyPageNotAnError() async throws {
        try await WebHarness.run { harness, client in
            let page = try await client.execute(uri: "/hotspots", method: .get, headers: try await harness.session(.field).headers)
            #expect(page.status == .ok && page.text.contains("Nothing to map in this period"))
        }
    }

    @Test func theAPIGivesTheSameRankingAndAGeoJSONMap() async throws {
        try await PerformanceTests.withDemo { harness, client, token in
            let headers: HTTPFields = [.authorization: "Bearer \(token)"]
            let ranking = try await client.execute(uri: "/api/v1/hotspots/ranking?from=2018-07-01&to=2019-02-28&limit=11", method: .get, headers: headers)
            #expect(ranking.status == .ok)
            let rows = try JSONSerialization.jsonObject(with: Data(buffer: ranking.body)) as? [[String: Any]] ?? []
            #expect(rows.compactMap { $0["count"] as? Int } == Self.seedTable.map(\.1))
            let map = try await client.execute(uri: "/api/v1/hotspots/map?from=2018-07-01&to=2019-02-28", method: .get, headers: headers)
            let geo = try JSONSerialization.jsonObject(with: Data(buffer: map.body)) as? [String: Any]
            #expect(geo?["type"] as? String == "FeatureCollection")
            let layers = Set((geo?["features"] as? [[String: Any]] ?? []).compactMap { ($0["properties"] as? [String: Any])?["layer"] as? String })
            #expect(layers == ["incident", "cluster", "gi", "camera", "pspo"])
            let clusters = try await client.execute(uri: "/api/v1/hotspots/clusters?from=2018-07-01&to=2019-02-28&eps=150&minPoints=3", method: .get, headers: headers)
            #expect((try JSONSerialization.jsonObject(with: Data(buffer: clusters.body)) as? [String: Any])?["clusters"] as? [Any] != nil)
            let bad = try await client.execute(uri: "/api/v1/hotspots/gi?from=2018-07-01&to=2019-02-28&source=crime", method: .get, headers: headers)
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test func aWasteTypeNarrowsTheRankingAndTheClusters() async throws {
        try await PerformanceTests.withDemo { harness, _, _ in
            let service = HotspotService(services: harness.services)
            let range = try DayRange.parse(from: "2018-04-01", to: "2019-02-28")
            let asbestos = try HotspotService.Source(parsing: "fly-tips:asbestos")
            #expect(asbestos == .flyTips(.asbestos) && asbestos.label == "fly-tips with Asbestos")
            let all = try await service.points(.allFlyTips, in: range)
            let some = try await service.points(asbestos, in: range)
            let expected = try await harness.services.storage.flyTips.list(FlyTipFilter(range: range))
                .filter { $0.status.countsAsIncident && $0.wasteTypes.contains(.asbestos) }.count
            #expect(some.count == expected && some.count > 0 && some.count < all.count)
            let ranking = try await service.ranking(range, limit: nil, waste: .asbestos)
            #expect(ranking.rows.reduce(0) { $0 + $1.count } == expected)
            #expect(throws: ValidationError.self) { try HotspotService.Source(parsing: "fly-tips:fridges") }
        }
    }

    @Test func uploadedBeatOutlinesAppearOnTheMaps() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let admin = try await harness.session(.admin)
            let geojson = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Curdworth"},"geometry":{"type":"Polygon","coordinates":[[[-1.75,52.52],[-1.72,52.52],[-1.72,52.54],[-1.75,52.52]]]}}]}"#
            let body = FlyTippingTests.multipart([("_csrf", admin.csrf)], file: ("file", Data(geojson.utf8)))
            let upload = try await client.execute(uri: "/admin/areas/boundaries", method: .post,
                                                  headers: [.cookie: admin.cookie, .contentType: "multipart/form-data; boundary=SaferTestBoundary"], body: body)
            #expect(upload.status == .seeOther)
            let svg = try await client.execute(uri: "/hotspots/map/svg?from=2018-07-01&to=2019-02-28", method: .get, headers: admin.headers)
            #expect(svg.text.contains("<title>Beat: Curdworth</title>"))
            let entry = try await harness.services.storage.auditLog.list(AuditFilter(entity: "beat-boundaries")).first
            #expect(entry?.changes.first?.field == "curdworth")
        }
    }
}

@Suite("Hot spots of police.uk crimes")
struct CrimeHotspotTests {
    @Test func aCrimeTypeWithSpacesIsReadFromTheFormAndOfferedBeforeTheFirstShow() async throws {
        try await WebHarness.run { harness, client in
            // Three anti-social behaviour rows at one snapped point, in May 2018.
            let row = ",2018-05,Warwickshire Police,Warwickshire Police,-1.55,52.6,On or near Long Street,E01031035,North Warwickshire 001A,Anti-social behaviour,,"
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("safer-\(UUID().uuidString)-2018-05-street.csv")
            try Data(([PoliceUKColumn.headerLine] + Array(repeating: row, count: 3)).joined(separator: "\n").utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            _ = try await PoliceUKImportService(services: harness.services).importFiles([file.path], area: .all, by: .cli())
            let browser = try await harness.session(.officer)

            let first = try await client.execute(uri: "/hotspots", method: .get, headers: browser.headers)
            #expect(first.text.contains(#"<option value="crime:Anti-social behaviour">"#), "offered on the first visit, whatever period is shown")
            // As a browser sends the form: spaces as +.
            let shown = try await client.execute(uri: "/hotspots?from=2018-05-01&to=2018-05-31&source=crime%3AAnti-social+behaviour&minPoints=3",
                                                 method: .get, headers: browser.headers)
            #expect(shown.status == .ok)
            #expect(shown.text.contains(#"<option value="crime:Anti-social behaviour" selected>"#))
            #expect(!shown.text.contains("Nothing to map"))
            #expect(shown.text.contains("ranks fly-tips by the place"), "the fly-tip ranking gives way to a note for crimes")
        }
    }

    /// Issue 13.10: without Leaflet the page says what the interactive map needs, and the
    /// printable map names the clusters' roads.
    @Test func withoutLeafletTheMapPageSaysWhatToInstall() async throws {
        try await WebHarness.run(configure: { $0.maps.leafletDirectory = "/nonexistent"; $0.maps.leafletURL = nil }) { harness, client in
            _ = try await DemoLoader(services: harness.services).load()
            let page = try await client.execute(uri: "/hotspots/map?from=2018-07-01&to=2019-02-28", method: .get,
                                                headers: try await harness.session(.councillor).headers).text
            #expect(page.contains("install Debian's <code>libjs-leaflet</code> package") && page.contains("<code>SAFER_LEAFLET_URL</code>"))
            #expect(!page.contains(#"id="hotspot-map""#))
            #expect(page.contains(#"class="road-name""#), "the printable map names roads")
        }
        try await WebHarness.run { harness, client in
            guard harness.services.configuration.maps.assets != nil else { return }
            let page = try await client.execute(uri: "/hotspots/map", method: .get, headers: try await harness.session(.councillor).headers).text
            #expect(!page.contains("libjs-leaflet</code> package"), "no notice when the interactive map is there")
        }
    }
}
