import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// Getting figures in through pages: the grid, CSV uploads and the police.uk upload.
@Suite("Data entry pages")
struct DataEntryTests {
    static func multipart(_ browser: Browser, fields: [(String, String)], file: (name: String, filename: String, text: String)) -> (HTTPFields, ByteBuffer) {
        multipart(browser, fields: fields, files: [file])
    }

    /// A multipart form with several files (an `<input type="file" multiple>` sends each under one name).
    static func multipart(_ browser: Browser, fields: [(String, String)], files: [(name: String, filename: String, text: String)]) -> (HTTPFields, ByteBuffer) {
        let boundary = "----safer-test-\(UUID().uuidString)"
        var body = ""
        for (name, value) in fields + [("_csrf", browser.csrf)] {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n"
        }
        for file in files {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"\(file.filename)\"\r\nContent-Type: text/csv\r\n\r\n\(file.text)\r\n"
        }
        body += "--\(boundary)--\r\n"
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

    @Test func aGoodCSVIsPreviewedThenStoredAndTheTemplateListsEveryMonth() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let officer = try await harness.session(.officer)
            let template = try await client.execute(uri: "/performance/figures/template.csv?fy=2019/20", method: .get, headers: officer.headers)
            #expect(template.text.hasPrefix("indicator,area,month,value\r\n"))
            #expect(template.text.contains("theft-from-vehicle,north-warwickshire,2020-03,"))
            let csv = "indicator,month,value\ntheft-from-vehicle,2019-01,31\ntheft-of-vehicle,2019-01,TBC\n"
            let (headers, body) = Self.multipart(officer, fields: [("fy", "2018/19")], file: ("file", "figures.csv", csv))
            let preview = try await client.execute(uri: "/performance/figures/upload", method: .post, headers: headers, body: body)
            #expect(preview.status == .ok)
            #expect(preview.text.contains("2 added, 0 changed, 0 removed"))
            #expect(try await Self.stored(harness, "theft-from-vehicle", "2019-01") == .notReported, "nothing is stored before the confirmation")
            let confirmed = try await client.execute(uri: "/performance/figures/upload/confirm", method: .post, headers: officer.formHeaders(),
                                                     body: formBody(try Self.confirmation(preview.text, officer)))
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.location?.contains("uploaded=2") == true)
            #expect(try await Self.stored(harness, "theft-from-vehicle", "2019-01") == .count(31))
        }
    }

    static func stored(_ harness: WebHarness, _ key: String, _ month: String) async throws -> FigureValue {
        try await harness.services.storage.figures.figures(indicatorKeys: [key], areaKey: "north-warwickshire")[key]?.months[Month(month)!] ?? .notReported
    }

    /// The hidden fields of a preview page's confirmation form, as a browser would send them.
    static func confirmation(_ html: String, _ browser: Browser, confirmRemovals: Bool = false) throws -> [(String, String)] {
        func hidden(_ name: String) throws -> String {
            let range = try #require(html.range(of: "name=\"\(name)\" value=\"([^\"]*)\"", options: .regularExpression))
            return String(html[range]).components(separatedBy: "value=\"").last!.dropLast().description
                .replacingOccurrences(of: "&#43;", with: "+").replacingOccurrences(of: "&#x2B;", with: "+").replacingOccurrences(of: "&#61;", with: "=")
                .replacingOccurrences(of: "&#x3D;", with: "=").replacingOccurrences(of: "&#47;", with: "/").replacingOccurrences(of: "&#x2F;", with: "/")
        }
        return [("_csrf", browser.csrf), ("fy", try hidden("fy")), ("fileName", try hidden("fileName")), ("content", try hidden("content")),
                ("fingerprint", try hidden("fingerprint"))] + (confirmRemovals ? [("confirmRemovals", "on")] : [])
    }

    /// The trap this closes: a template downloaded blank, one month filled in and uploaded,
    /// deleted every other month in the file.
    @Test(arguments: TestEngine.available)
    func theTemplateCarriesStoredFiguresAndBlanksNeverRemoveThem(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let officer = try await harness.session(.officer)
            let before = try await harness.services.storage.figures.figures(indicatorKeys: ["violence-with-injury"], areaKey: "north-warwickshire")
            let storedMonths = try #require(before["violence-with-injury"]).months.reportedMonths.filter { FinancialYear(containing: $0).startYear == 2018 }
            #expect(storedMonths.count >= 9)
            let template = try await client.execute(uri: "/performance/figures/template.csv?fy=2018/19", method: .get, headers: officer.headers).text
            for month in storedMonths {
                let value = try await Self.stored(harness, "violence-with-injury", month.description)
                #expect(template.contains("violence-with-injury,north-warwickshire,\(month),\(value.storedText)\r\n"), "\(month) carries \(value)")
            }
            // One new month typed into the template; another month's value removed by hand: still only one change.
            var lines = template.components(separatedBy: "\r\n")
            let march = try #require(lines.firstIndex { $0.hasPrefix("violence-with-injury,north-warwickshire,2019-03,") })
            lines[march] = "violence-with-injury,north-warwickshire,2019-03,61"
            let april = try #require(lines.firstIndex { $0.hasPrefix("violence-with-injury,north-warwickshire,2018-04,") })
            lines[april] = "violence-with-injury,north-warwickshire,2018-04,"
            let (headers, body) = Self.multipart(officer, fields: [("fy", "2018/19")], file: ("file", "figures-2018.csv", lines.joined(separator: "\r\n")))
            let preview = try await client.execute(uri: "/performance/figures/upload", method: .post, headers: headers, body: body)
            let expected = try await Self.stored(harness, "violence-with-injury", "2019-03") == .notReported ? "1 added, 0 changed, 0 removed" : "0 added, 1 changed, 0 removed"
            #expect(preview.status == .ok && preview.text.contains(expected), "\(preview.text)")
            let saved = try await client.execute(uri: "/performance/figures/upload/confirm", method: .post, headers: officer.formHeaders(),
                                                 body: formBody(try Self.confirmation(preview.text, officer)))
            #expect(saved.status == .seeOther)
            let after = try await harness.services.storage.figures.figures(indicatorKeys: ["violence-with-injury"], areaKey: "north-warwickshire")
            #expect(after["violence-with-injury"]?.months[Month("2019-03")!] == .count(61))
            for month in storedMonths where month != Month("2019-03")! {
                #expect(after["violence-with-injury"]?.months[month] == before["violence-with-injury"]?.months[month], "\(month) kept")
            }
        }
    }

    @Test func removingAFigureNeedsTheWordAndAConfirmation() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let officer = try await harness.session(.officer)
            let april = try await Self.stored(harness, "violence-with-injury", "2018-04")
            #expect(april != .notReported)
            let csv = "indicator,month,value\nviolence-with-injury,2018-04,clear\nviolence-with-injury,2018-05,\n"
            let (headers, body) = Self.multipart(officer, fields: [("fy", "2018/19")], file: ("file", "clear.csv", csv))
            let preview = try await client.execute(uri: "/performance/figures/upload", method: .post, headers: headers, body: body)
            #expect(preview.text.contains("0 added, 0 changed, 1 removed") && preview.text.contains(#"name="confirmRemovals""#))
            let unconfirmed = try await client.execute(uri: "/performance/figures/upload/confirm", method: .post, headers: officer.formHeaders(),
                                                       body: formBody(try Self.confirmation(preview.text, officer)))
            #expect(unconfirmed.status == .unprocessableContent && unconfirmed.text.contains("would be removed: confirm the removal"))
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-04") == april, "nothing removed without the confirmation")
            // Someone else changes the month meanwhile: the preview no longer applies.
            _ = try await harness.services.storage.figures.set([MonthlyFigure(indicatorKey: "violence-with-injury", areaKey: "north-warwickshire",
                                                                              month: Month("2018-04")!, value: .count(1))], by: .system)
            let stale = try await client.execute(uri: "/performance/figures/upload/confirm", method: .post, headers: officer.formHeaders(),
                                                 body: formBody(try Self.confirmation(preview.text, officer, confirmRemovals: true)))
            #expect(stale.status == .unprocessableContent && stale.text.contains("changed after this preview"))
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-04") == .count(1))
            let confirmed = try await client.execute(uri: "/performance/figures/upload/confirm", method: .post, headers: officer.formHeaders(),
                                                     body: formBody(try Self.confirmation(stale.text, officer, confirmRemovals: true)))
            #expect(confirmed.status == .seeOther)
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-04") == .notReported)
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-05") != .notReported, "the blank month is untouched")
        }
    }

    /// The other trap: one bad cell sent the grid back empty.
    @Test func aBadCellKeepsEveryTypedValueAndIsMarked() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let officer = try await harness.session(.officer)
            let april = try await Self.stored(harness, "violence-with-injury", "2018-04")
            let response = try await client.execute(uri: "/performance/figures", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("fy", "2018/19"), ("theme", "violent-crime"),
                ("v:violence-with-injury:2019-01", "52"), ("v:violence-with-injury:2019-02", "abc"), ("v:violence-with-injury:2018-04", ""),
            ]))
            #expect(response.status == .unprocessableContent)
            let html = response.text
            #expect(html.contains(#"id="cell-violence-with-injury-2019-01" name="v:violence-with-injury:2019-01" value="52""#), "typed value kept")
            #expect(html.contains(#"id="cell-violence-with-injury-2019-02" name="v:violence-with-injury:2019-02" value="abc""#), "bad value kept")
            #expect(html.contains(#"aria-invalid="true" aria-describedby="cell-violence-with-injury-2019-02-error""#))
            #expect(html.contains(##"<a href="#cell-violence-with-injury-2019-02">Violence with injury, Feb 2019: "##), "the summary links to the cell and names the indicator")
            #expect(!html.contains("violence-with-injury February"), "no indicator keys in messages")
            #expect(try await Self.stored(harness, "violence-with-injury", "2019-01") != .count(52), "nothing stored while a cell is wrong")
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-04") == april, "a blank cell leaves the month alone")
            let cleared = try await client.execute(uri: "/performance/figures", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("fy", "2018/19"), ("theme", "violent-crime"), ("v:violence-with-injury:2018-04", "clear"),
            ]))
            #expect(cleared.status == .seeOther)
            #expect(try await Self.stored(harness, "violence-with-injury", "2018-04") == .notReported)
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

    /// The command line and the upload page go through one import service, so both leave the same audit trail.
    @Test(.enabled(if: RealDataTests.folder != nil || RealDataTests.isCI, "Skipped: ../shared/data/police-uk is absent (CI=true makes this a failure)."))
    func theCommandLineImportIsAuditedLikeTheUpload() async throws {
        let folder = try #require(RealDataTests.folder)
        try await WebHarness.run { harness, _ in
            let path = folder.appendingPathComponent("2018-09-street.csv").path
            let (summary, _) = try await PoliceUKImportService(services: harness.services).importFiles([path], area: .northWarwickshire, by: .cli("officer"))
            let audit = try await harness.services.storage.auditLog.list(AuditFilter(entity: "police-uk-month"))
            #expect(audit.count == 1 && audit[0].entityID == "2018-09" && audit[0].actor.channel == .cli)
            #expect(audit[0].changes.first?.after == String(summary.months[0].rowsKept))
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
            let notCSV = Self.multipart(officer, fields: [("area", "North Warwickshire")], file: ("file", "notes.csv", "hello,world\n1,2\n"))
            let rejected = try await client.execute(uri: "/performance/police-uk", method: .post, headers: notCSV.0, body: notCSV.1)
            #expect(rejected.status == .unprocessableContent)
            #expect(rejected.text.contains("Crime ID") || rejected.text.contains("missing"))
        }
    }

    /// Issue 13.8: several police.uk files in one upload, imported together.
    @Test(.enabled(if: RealDataTests.folder != nil || RealDataTests.isCI, "Skipped: ../shared/data/police-uk is absent (CI=true makes this a failure)."))
    func anOfficerUploadsSeveralPoliceUKMonthsAtOnce() async throws {
        let folder = try #require(RealDataTests.folder)
        let files = try ["2018-08", "2018-09"].map { month in
            (name: "file", filename: "\(month)-street.csv", text: try String(contentsOf: folder.appendingPathComponent("\(month)-street.csv"), encoding: .utf8))
        }
        try await WebHarness.run { harness, client in
            let officer = try await harness.session(.officer)
            let (headers, body) = Self.multipart(officer, fields: [("area", "North Warwickshire")], files: files)
            let response = try await client.execute(uri: "/performance/police-uk", method: .post, headers: headers, body: body)
            #expect(response.status == .ok)
            #expect(response.text.contains("for 2 months (2018-08 to 2018-09)"), "\(response.text)")
            #expect(try await harness.services.storage.auditLog.list(AuditFilter(entity: "police-uk-month")).map(\.entityID).sorted() == ["2018-08", "2018-09"])
            #expect(!response.text.contains("safer-upload-"), "no server folders in the page")
        }
    }
}
