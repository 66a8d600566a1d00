import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferWeb

/// Getting figures in through pages: the grid, CSV uploads and the police.uk upload.
@Suite("Data entry pages")
struct DataEntryTests {
    static func multipart(_ browser: Browser, fields: [(String, String)], file: (name: String, filename: String, text: String)) -> (HTTPFields, ByteBuffer) {
        let boundary = "----safer-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields + [("_csrf", browser.csrf)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file.text)\r\n--\(boundary)--\r\n"
        return ([.cookie: browser.cookie, .contentType: "multipart/form-data; boundary=\(boundary)"], ByteBuffer(string: body))
    }

    @Test(arguments: TestEngine.available)
    func anOfficerSavesTheGridAndOnlyChangesAreAudited(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let officer = try await harness.session(.officer)
            let page = try await client.execute(uri: "/performance/figures?fy=2018/19&theme=violent-crime", method: .get, headers: officer.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains(#"name="v:violence-with-injury:2018-04" value="46""#) || page.text.contains(#"name="v:violence-with-injury:2018-04""#))
            let before = try await harness.services.storage.auditLog.count(AuditFilter(entity: "figure"))
            let response = try await client.execute(uri: "/performance/figures", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("fy", "2018/19"), ("theme", "violent-crime"),
                ("v:violence-with-injury:2019-01", "52"), ("v:violence-with-injury:2019-02", "TBC"), ("v:violence-with-injury:2019-03", ""),
            ]))
            #expect(response.status == .seeOther)
            #expect(response.location?.contains("saved=2") == true)
            #expect(try await harness.services.storage.auditLog.count(AuditFilter(entity: "figure")) == before + 2)
            let figures = try await harness.services.storage.figures.figures(indicatorKeys: ["violence-with-injury"], areaKey: "north-warwickshire")
            #expect(figures["violence-with-injury"]?.months[Month("2019-01")!] == .count(52))
            #expect(figures["violence-with-injury"]?.months[Month("2019-02")!] == .tbc)
        }
    }

    @Test func aCSVWithABadLineIsRefusedWholeNamingTheLine() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let officer = try await harness.session(.officer)
            let csv = "indicator,area,month,value\ntheft-from-vehicle,,2019-01,31\ntheft-from-vehicle,,2019-13,5\nrape,,2019-01,lots\n"
            let (headers, body) = Self.multipart(officer, fields: [("fy", "2018/19")], file: ("file", "figures.csv", csv))
            let response = try await client.execute(uri: "/performance/figures/upload", method: .post, headers: headers, body: body)
            #expect(response.status == .unprocessableContent)
            #expect(response.text.contains("Line 3: &#39;2019-13&#39; is not a month") || response.text.contains("Line 3: '2019-13' is not a month"))
            #expect(response.text.contains("Line 4"))
            let figures = try await harness.services.storage.figures.figures(indicatorKeys: ["theft-from-vehicle"], areaKey: "north-warwickshire")
            #expect(figures["theft-from-vehicle"]?.months[Month("2019-01")!] == .notReported, "nothing from the file was stored")
        }
    }

    @Test func aGoodCSVIsStoredAndTheTemplateListsEveryMonth() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let officer = try await harness.session(.officer)
            let template = try await client.execute(uri: "/performance/figures/template.csv?fy=2019/20", method: .get, headers: officer.headers)
            #expect(template.text.hasPrefix("indicator,area,month,value\r\n"))
            #expect(template.text.contains("theft-from-vehicle,north-warwickshire,2020-03,"))
            let csv = "indicator,month,value\ntheft-from-vehicle,2019-01,31\ntheft-of-vehicle,2019-01,TBC\n"
            let (headers, body) = Self.multipart(officer, fields: [("fy", "2018/19")], file: ("file", "figures.csv", csv))
            let response = try await client.execute(uri: "/performance/figures/upload", method: .post, headers: headers, body: body)
            #expect(response.status == .seeOther)
            #expect(response.location?.contains("uploaded=2") == true)
        }
    }

    @Test func theLSOALookupIsReplacedWholeAndUnknownBeatsAreNamed() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let admin = try await harness.session(.admin)
            let bad = "lsoa_code,lsoa_name,beat\nE01031074,North Warwickshire 001A,hartshill\nE01031075,North Warwickshire 001B,atlantis\n"
            let (headers, body) = Self.multipart(admin, fields: [], file: ("file", "lookup.csv", bad))
            let refused = try await client.execute(uri: "/admin/areas/lookup", method: .post, headers: headers, body: body)
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("atlantis"))
            #expect(try await harness.services.storage.areas.lookup().isEmpty)
            let good = "lsoa_code,lsoa_name,beat\nE01031074,North Warwickshire 001A,hartshill\n"
            let (headers2, body2) = Self.multipart(admin, fields: [], file: ("file", "lookup.csv", good))
            let accepted = try await client.execute(uri: "/admin/areas/lookup", method: .post, headers: headers2, body: body2)
            #expect(accepted.status == .seeOther)
            #expect(try await harness.services.storage.areas.lookup().map(\.beatKey) == ["hartshill"])
        }
    }

    @Test(.enabled(if: RealDataTests.folder != nil || RealDataTests.isCI, "Skipped: ../shared/data/police-uk is absent (CI=true makes this a failure)."))
    func anOfficerUploadsAPoliceUKMonth() async throws {
        let folder = try #require(RealDataTests.folder)
        let text = try String(contentsOf: folder.appendingPathComponent("2018-09-street.csv"), encoding: .utf8)
        try await WebHarness.run { harness, client in
            let officer = try await harness.session(.officer)
            let (headers, body) = Self.multipart(officer, fields: [("area", "North Warwickshire")], file: ("file", "2018-09-street.csv", text))
            let response = try await client.execute(uri: "/performance/police-uk", method: .post, headers: headers, body: body)
            #expect(response.status == .ok)
            #expect(response.text.contains("Imported"))
            #expect(response.text.contains("September 2018") || response.text.contains("Sep 2018"))
            let audit = try await harness.services.storage.auditLog.list(AuditFilter(entity: "police-uk-month"))
            #expect(audit.first?.entityID == "2018-09")
            let notCSV = Self.multipart(officer, fields: [], file: ("file", "notes.csv", "hello,world\n1,2\n"))
            let rejected = try await client.execute(uri: "/performance/police-uk", method: .post, headers: notCSV.0, body: notCSV.1)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("Crime ID") || rejected.text.contains("missing"))
        }
    }
}
