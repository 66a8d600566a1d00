import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SaferDomain
import SaferReports
import SaferTestSupport
import Testing
import ZIPFoundation
@testable import SaferApp
@testable import SaferWeb

/// Issue 16.5: a council other than North Warwickshire, from an empty database, through what
/// `safer setup` runs and the admin pages: a made-up Anytown with its own LSOAs, beats,
/// population and boundary imports a police.uk zip holding three districts.
@Suite("Any council")
struct AnyCouncilTests {
    /// Anytown's LSOAs and beats; Othertown and a North Warwickshire LSOA share the archive.
    static let lookup = """
        lsoa_code,lsoa_name,beat,ward
        E01099001,Anytown 001A,anytown-north,
        E01099002,Anytown 001B,anytown-north,
        E01099003,Anytown 002A,anytown-south,
        """

    /// One month's street-level file: Anytown North `north` vehicle crimes, Anytown South `south`,
    /// and rows from two other districts in every month.
    static func month(_ month: String, north: Int, south: Int) -> String {
        var rows = ["Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context"]
        func add(_ count: Int, _ code: String, _ name: String) {
            for _ in 0..<count { rows.append(",\(month),Test Police,Test Police,-1.60,52.60,On or near High Street,\(code),\(name),Vehicle crime,,") }
        }
        add(north / 2, "E01099001", "Anytown 001A")
        add(north - north / 2, "E01099002", "Anytown 001B")
        add(south, "E01099003", "Anytown 002A")
        add(3, "E01099100", "Othertown 001A")
        add(1, "E01031035", "North Warwickshire 001A")
        return rows.joined(separator: "\n") + "\n"
    }

    /// The zip police.uk's download page makes: `YYYY-MM/YYYY-MM-<force>-street.csv`, January
    /// 2018 to March 2019. In the quarters compared, Anytown North has 1 a month in 2018 and 2 in
    /// 2019, Anytown South 2 then 1; April 2018 to March 2019 holds 3 a month.
    static func archive() throws -> Data {
        let archive = try Archive(accessMode: .create)
        var month = try Month(parsing: "2018-01")
        while month <= (try Month(parsing: "2019-03")) {
            let early = month < (try Month(parsing: "2018-04"))
            let data = Data(Self.month(month.description, north: early ? 1 : 2, south: early ? 2 : 1).utf8)
            try archive.addEntry(with: "\(month)/\(month)-test-street.csv", type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
            month = month.next
        }
        return try #require(archive.data)
    }

    /// A square beat outline, GeoJSON (longitude, latitude).
    static let boundaries = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"name":"Anytown North"},"geometry":{"type":"Polygon","coordinates":[[[-1.7,52.6],[-1.5,52.6],[-1.5,52.7],[-1.7,52.7],[-1.7,52.6]]]}},
        {"type":"Feature","properties":{"name":"Anytown South"},"geometry":{"type":"Polygon","coordinates":[[[-1.7,52.5],[-1.5,52.5],[-1.5,52.6],[-1.7,52.6],[-1.7,52.5]]]}}]}
        """

    @Test(arguments: TestEngine.available)
    func anytownSetsItselfUpFromNothingAndSeesOnlyItsOwnRows(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let admin = try await harness.session(.admin)
            func post(_ path: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: admin.formHeaders(), body: formBody(fields + [("_csrf", admin.csrf)]))
            }
            func upload(_ path: String, _ file: (name: String, filename: String, text: String), _ fields: [(String, String)] = []) async throws -> TestResponse {
                let (headers, body) = DataEntryTests.multipart(admin, fields: fields, file: file)
                return try await client.execute(uri: path, method: .post, headers: headers, body: body)
            }

            // `safer setup`, then the admin pages: beats, lookup, boundaries, an indicator with a rate.
            _ = try await SetUpService(services: harness.services).setUp(
                CouncilSetUp(name: "Anytown", onsCode: "E07000999", population: "40,000", populationYear: "2018", households: "16000",
                             policeForce: "test", lsoaPrefix: "Anytown"), by: .cli())
            for (key, name, population) in [("anytown-north", "Anytown North", "25000"), ("anytown-south", "Anytown South", "15000")] {
                #expect(try await post("/admin/areas", [("kind", "beat"), ("key", key), ("name", name), ("population", population)]).status == .seeOther)
            }
            #expect(try await upload("/admin/areas/lookup", ("file", "lookup.csv", Self.lookup)).status == .seeOther)
            #expect(try await upload("/admin/areas/boundaries", ("file", "beats.geojson", Self.boundaries)).status == .seeOther)
            #expect(try await post("/admin/indicators", [("name", "Vehicle crime"), ("key", "vehicle-crime"), ("polarity", "fewer-is-better"),
                                                         ("threshold", "5"), ("crimeTypes", "Vehicle crime"), ("rateBase", "population")]).status == .seeOther)
            let badRate = try await post("/admin/indicators", [("name", "Burglary"), ("key", "burglary"), ("polarity", "fewer-is-better"), ("rateBase", "per-acre")])
            #expect(badRate.status == .unprocessableContent && badRate.text.contains("is not a rate"))
            // An edit form without the field (sent before it existed) leaves the rate alone.
            #expect(try await post("/admin/indicators/vehicle-crime", [("name", "Vehicle crime"), ("polarity", "fewer-is-better"), ("threshold", "5"),
                                                                      ("crimeTypes", "Vehicle crime")]).status == .seeOther)
            #expect(try await harness.services.storage.indicators.find(key: "vehicle-crime")?.rateBase == .population)

            // The police.uk zip, uploaded with the prefix left empty: the council's rule applies.
            let zip = try Self.archive()
            let boundary = "----anytown"
            var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(admin.csrf)\r\n".utf8)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"area\"\r\n\r\n\r\n".utf8)
            body += Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"police-uk.zip\"\r\nContent-Type: application/zip\r\n\r\n".utf8)
            body += zip + Data("\r\n--\(boundary)--\r\n".utf8)
            let imported = try await client.execute(uri: "/performance/police-uk", method: .post,
                                                    headers: [.cookie: admin.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"],
                                                    body: ByteBuffer(data: body))
            #expect(imported.status == .ok && imported.text.contains("Imported 45 of 105 rows for 15 months"), "\(imported.text.prefix(3_000))")

            // Only Anytown's rows are stored.
            let months = try await harness.services.storage.policeCrimes.importedMonths()
            #expect(months.count == 15 && months.map(\.rowsKept).reduce(0, +) == 45 && months.allSatisfy { $0.rowsSkipped == 4 })
            let byLSOA = try await harness.services.storage.policeCrimes.counts(from: try Month(parsing: "2018-01"), to: try Month(parsing: "2019-03"), by: [.lsoa])
            #expect(Set(byLSOA.map(\.lsoaCode)) == ["E01099001", "E01099002", "E01099003"])

            // The borough table and its rate use Anytown's figures and population.
            let performance = PerformanceService(services: harness.services)
            let borough = try await performance.borough(year: try FinancialYear(parsing: "2018/19"))
            #expect(borough.area.key == "anytown")
            let vehicle = try #require(borough.rows.first { $0.indicator.key == "vehicle-crime" })
            #expect(vehicle.months[try Month(parsing: "2019-03")] == .count(3) && vehicle.toDate?.value == 36)
            let baseline = try await performance.baseline(through: try Month(parsing: "2019-03"))
            let rate = try #require(baseline.table.rows.first { $0.cells.first?.text == "Vehicle crime" }?.cells.last)
            #expect(rate.text == "0.9 per 1,000 people (2018 figure)", "36 in 12 months for 40,000 people, the figure set up for 2018")
            // A 2019 estimate added later does not change the rate for April 2018 to March 2019.
            try await harness.services.storage.areas.save(AreaPopulation(areaKey: "anytown", year: 2019, population: 90_000, households: nil), by: .cli())
            let again = try await performance.baseline(through: try Month(parsing: "2019-03"))
            #expect(again.table.rows.first { $0.cells.first?.text == "Vehicle crime" }?.cells.last?.text == "0.9 per 1,000 people (2018 figure)")

            // The beat comparison uses Anytown's lookup: January–March 2019 against 2018.
            let beats = try await performance.beats(quarter: try Quarter(parsing: "2018/19-Q4"))
            let cells = beats.comparison.cells.filter { $0.category == .vehicleCrime }
            #expect(cells.map { "\($0.beat) \($0.lastYear)→\($0.thisYear)" }.sorted() == ["Anytown North 3→6", "Anytown South 6→3"], "\(cells)")

            // Nothing from the demo appears on the pages a councillor reads.
            let councillor = try await harness.session(.councillor)
            for path in ["/", "/performance", "/performance/quarterly", "/performance/beats?quarter=2018/19-Q4", "/committee", "/fly-tipping"] {
                let page = try await client.execute(uri: path, method: .get, headers: councillor.headers)
                #expect(page.status == .ok, "\(path)")
                #expect(!page.text.contains("North Warwickshire") && !page.text.contains("Warwickshire"), "\(path) names the demo's council")
            }
            let home = try await client.execute(uri: "/", method: .get, headers: councillor.headers)
            #expect(home.text.contains("Anytown"))
        }
    }

    /// Issue 16.1: the community-safety catalogue is a template a council applies, not built in:
    /// applied from the admin page it adds 13 themes and 37 indicators; applied again it adds
    /// nothing and keeps the council's edits; an unknown template is refused.
    @Test(arguments: TestEngine.available)
    func theStarterCatalogueIsATemplateTheCouncilApplies(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            #expect(try await harness.services.storage.indicators.list().isEmpty, "nothing built in")
            let admin = try await harness.session(.admin)
            func apply(_ key: String) async throws -> TestResponse {
                try await client.execute(uri: "/admin/indicators/template", method: .post, headers: admin.formHeaders(),
                                         body: formBody([("template", key), ("_csrf", admin.csrf)]))
            }
            let page = try await client.execute(uri: "/admin/indicators", method: .get, headers: admin.headers)
            #expect(page.text.contains("community-safety: 37 indicators in 13 themes"))
            let first = try await apply("community-safety")
            #expect(first.status == .ok && first.text.contains("Added 13 themes and 37 indicators."))
            let indicators = harness.services.storage.indicators
            let (listed, themes) = (try await indicators.list(), try await indicators.themes())
            #expect(listed.count == 37 && themes.count == 13)
            let burglary = try #require(try await indicators.find(key: "burglary-residential-dwelling"))
            #expect(burglary.rateBase == .residentialProperties && burglary.source == .partner)
            let asb = try #require(try await indicators.find(key: "anti-social-behaviour"))
            #expect(asb.source == .policeUK && asb.crimeTypes == ["Anti-social behaviour"] && asb.rateBase == .population)

            var renamed = burglary
            renamed.name = "Burglary of homes"
            try await indicators.update(renamed, by: .system)
            let again = try await apply("community-safety")
            #expect(again.text.contains("Added 0 themes and 0 indicators; 50 already in the catalogue were left as they are."))
            #expect(try await indicators.find(key: "burglary-residential-dwelling")?.name == "Burglary of homes")

            let unknown = try await apply("<script>x</script>")
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("is not a template: use community-safety"))
            #expect(!unknown.text.contains("<script>x"))
        }
    }
}
