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

/// Fly-tipping through the API and the pages: idempotent uploads, public reports without an
/// account, the same Defra numbers everywhere, and personal data only for officers.
@Suite("Fly-tipping")
struct FlyTippingTests {
    struct Incident: Decodable {
        let id: String, reference: String, clientId: String?, latitude: Double, longitude: Double, easting: Double, northing: Double
        let location: String, landType: String, wasteTypes: [String], size: String, status: String, source: String, warnings: [String]
    }
    struct Page: Decodable { let items: [Incident]; let total: Int }

    static let newIncident = #"{"clientId":"phone-7f3a","latitude":52.5465,"longitude":-1.5235,"location":"Oldbury Road, Hartshill","landType":"Highway","wasteTypes":["Green","Other Household Waste"],"size":"Small Van Load","reportedAt":"2019-03-11T09:30:00.000Z"}"#

    static func json(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)", .contentType: "application/json"] }

    @Test(arguments: TestEngine.available)
    func aCrewsUploadIsStoredOnceWithBothCoordinatePairs(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let token = try await harness.apiToken(.field)
            let first = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: Self.newIncident))
            #expect(first.status == .created)
            let stored = try JSONDecoder().decode(Incident.self, from: Data(buffer: first.body))
            #expect(first.location == "/api/v1/incidents/\(stored.id)")
            let grid = NationalGrid.gridPoint(from: WGS84Point(latitude: 52.5465, longitude: -1.5235))
            #expect(abs(stored.easting - grid.easting) < 0.001 && abs(stored.northing - grid.northing) < 0.001)
            #expect(stored.latitude == 52.5465 && stored.wasteTypes == ["Green", "Other Household Waste"] && stored.source == "crew")
            #expect(stored.reference.hasPrefix("FT-") && stored.warnings.isEmpty)
            let again = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: Self.newIncident))
            #expect(again.status == .ok)
            #expect(try JSONDecoder().decode(Incident.self, from: Data(buffer: again.body)).id == stored.id)
            #expect(try await harness.services.storage.flyTips.count(FlyTipFilter()) == 1)
            let audit = try await harness.services.storage.auditLog.list(AuditFilter(entity: "fly-tip"))
            #expect(audit.count == 1 && audit[0].actor.channel == .api && audit[0].actor.label == TestData.email(.field))
        }
    }

    @Test func eastingAndNorthingAloneAreEnoughAndBadInputIsNamed() async throws {
        try await WebHarness.run { harness, client in
            let token = try await harness.apiToken(.officer)
            let grid = #"{"easting":433000,"northing":294000,"location":"Coleshill Road, Hartshill","landType":"highway","wasteTypes":["tyres"],"size":"car-boot-or-less"}"#
            let response = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: grid))
            #expect(response.status == .created)
            let stored = try JSONDecoder().decode(Incident.self, from: Data(buffer: response.body))
            #expect((52.5...52.6).contains(stored.latitude) && (-1.6 ... -1.5).contains(stored.longitude))
            #expect(stored.easting == 433000 && stored.landType == "Highway" && stored.size == "Car Boot or Less")
            let bad = #"{"latitude":53.35,"longitude":-6.26,"location":"","landType":"Lay-by","wasteTypes":["Fridge"],"size":"Small Van Load","reportedAt":"2030-01-01T00:00:00Z"}"#
            let refused = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: bad))
            #expect(refused.status == .unprocessableContent)
            let detail = try APITests.problem(refused).detail
            for part in ["not in Great Britain", "'Lay-by' is not a land type", "'Fridge' is not a waste type", "A location is needed"] {
                #expect(detail.contains(part), "\(part) in \(detail)")
            }
            #expect(try await harness.services.storage.flyTips.count(FlyTipFilter()) == 1)
        }
    }

    @Test func aPositionOutsideTheCouncilIsStoredWithAWarning() async throws {
        try await WebHarness.run { harness, client in
            let york = #"{"latitude":53.96,"longitude":-1.08,"location":"Somewhere, York","landType":"Highway","wasteTypes":["Green"],"size":"Single Item"}"#
            let response = try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(try await harness.apiToken(.field)), body: ByteBuffer(string: york))
            #expect(response.status == .created)
            #expect(try JSONDecoder().decode(Incident.self, from: Data(buffer: response.body)).warnings.first?.contains("outside North Warwickshire") == true)
        }
    }

    @Test func listsFilterByPeriodAndStatusAndStatusesMoveOn() async throws {
        try await WebHarness.run { harness, client in
            let token = try await harness.apiToken(.field)
            let created = try JSONDecoder().decode(Incident.self, from: Data(buffer: try await client.execute(
                uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: Self.newIncident)).body))
            let change = try await client.execute(uri: "/api/v1/incidents/\(created.reference)/status", method: .post, headers: Self.json(token),
                                                  body: ByteBuffer(string: #"{"status":"cleared","at":"2019-03-11T15:00"}"#))
            #expect(change.status == .ok)
            let back = try await client.execute(uri: "/api/v1/incidents/\(created.id)/status", method: .post, headers: Self.json(token),
                                                body: ByteBuffer(string: #"{"status":"verified"}"#))
            #expect(back.status == .unprocessableContent)
            #expect(try APITests.problem(back).detail.contains("cannot change status"))
            func list(_ query: String) async throws -> Page {
                try JSONDecoder().decode(Page.self, from: Data(buffer: try await client.execute(uri: "/api/v1/incidents?\(query)", method: .get,
                                                                                                 headers: [.authorization: "Bearer \(token)"]).body))
            }
            #expect(try await list("from=2019-03-01&to=2019-03-31").total == 1)
            #expect(try await list("from=2019-03-01&to=2019-03-31&status=open").total == 0)
            #expect(try await list("from=2019-03-01&to=2019-03-31&status=cleared").items.first?.status == "cleared")
            #expect(try await list("from=2019-02-01&to=2019-02-28").total == 0)
            let wrong = try await client.execute(uri: "/api/v1/incidents?from=2019-03-31&to=2019-03-01", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(wrong.status == .unprocessableContent)
        }
    }

    @Test func thePublicReportWithoutAnAccountAnswersWithAReferenceAndIsRateLimited() async throws {
        try await WebHarness.run { harness, client in
            let body = #"{"latitude":52.5466,"longitude":-1.5236,"what":["bags","fridge"],"amount":"small-van","land":"road","contact":{"name":"Pat","email":"pat@example.org"}}"#
            struct Receipt: Decodable { let reference: String; let status: String }
            for n in 1...FlyTipService.reportsPerHour {
                let response = try await client.execute(uri: "/api/v1/public-reports", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
                #expect(response.status == .created, "report \(n)")
                #expect(try JSONDecoder().decode(Receipt.self, from: Data(buffer: response.body)).reference.range(of: #"^TIP-[0-9A-Z]{6}$"#, options: .regularExpression) != nil)
            }
            let limited = try await client.execute(uri: "/api/v1/public-reports", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(limited.status == .tooManyRequests)
            #expect(try APITests.problem(limited).detail.contains("wait an hour"))
            harness.clock.advance(by: 3601)
            let later = try await client.execute(uri: "/api/v1/public-reports", method: .post, headers: [.contentType: "application/json"], body: ByteBuffer(string: body))
            #expect(later.status == .created)
            let pending = try await harness.services.storage.publicReports.list(status: .pending)
            #expect(pending.count == 6 && pending[0].wasteTypes == [.blackBagsHousehold, .whiteGoods] && pending[0].size == .smallVanLoad)
        }
    }

    @Test func theHoneypotThanksARobotAndStoresNothing() async throws {
        try await WebHarness.run { harness, client in
            let page = try await client.execute(uri: "/report", method: .get)
            let cookie = cookiePair(page.setCookies.first { $0.hasPrefix("safer_csrf=") }!)
            let form = formBody([("_csrf", csrfToken(in: page.text)!), ("place", "Oldbury Road"), ("what", "bags"), ("amount", "bag"), ("website", "http://spam.example")])
            let response = try await client.execute(uri: "/report", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: form)
            #expect(response.status == .seeOther && response.location == "/report/thanks")
            #expect(try await harness.services.storage.publicReports.list(status: nil).isEmpty)
            let real = formBody([("_csrf", csrfToken(in: page.text)!), ("place", "Oldbury Road"), ("what", "bags"), ("amount", "bag"), ("website", "")])
            let stored = try await client.execute(uri: "/report", method: .post, headers: [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"], body: real)
            #expect(stored.location?.hasPrefix("/report/thanks?ref=TIP-") == true)
            let thanks = try await client.execute(uri: stored.location!, method: .get)
            #expect(thanks.text.contains(String(stored.location!.dropFirst("/report/thanks?ref=".count))))
        }
    }

    @Test(arguments: TestEngine.available)
    func contactsAndSuspectsAreForOfficersOnly(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let services = harness.services
            let report = try await FlyTipService(services: services).submitPublicReport(
                PublicReportInput(latitude: 52.5466, longitude: -1.5236, what: ["bags"], amount: "bag",
                                  contact: .init(name: "Pat Resident", email: "pat.resident@example.org", phone: "01827 715341")),
                photo: nil, clientAddress: "203.0.113.9")
            let enforcementCase = EnforcementCase(id: "case-1", reference: "ENF-1", title: "Tipping on Oldbury Road", opened: CalendarDay("2019-01-02")!)
            try await services.storage.enforcement.create(enforcementCase, by: .system)
            try await services.storage.enforcement.addSuspect(Suspect(id: "s-1", caseID: "case-1", name: "Alex Suspectname", address: "9 Hidden Row", vehicle: "AB12 CDE"), by: .system)
            let secrets = ["Pat Resident", "pat.resident@example.org", "01827 715341", "Alex Suspectname", "9 Hidden Row", "AB12 CDE"]
            let pages = ["/fly-tipping/public-reports/\(report.id)", "/fly-tipping/public-reports", "/fly-tipping/enforcement/case-1",
                         "/fly-tipping/enforcement", "/fly-tipping", "/fly-tipping/incidents", "/fly-tipping/incidents?format=csv",
                         "/fly-tipping/defra-return?from=2019-01&to=2019-03&format=csv", "/fly-tipping/enforcement/case-1/export", "/admin/audit"]
            for role in Role.allCases {
                let browser = try await harness.session(role)
                for page in pages {
                    let response = try await client.execute(uri: page, method: .get, headers: browser.headers)
                    let seen = secrets.filter { response.text.contains($0) }
                    if role == .officer && (page.contains("public-reports/") || page.hasSuffix("case-1") || page.hasSuffix("export")) {
                        #expect(response.status == .ok, "\(page) as officer")
                        #expect(!seen.isEmpty, "an officer sees the personal data on \(page)")
                    } else {
                        #expect(seen.isEmpty, "\(role) sees \(seen) on \(page)")
                    }
                }
            }
            let officer = try await harness.session(.officer)
            let export = try await client.execute(uri: "/fly-tipping/enforcement/case-1/export", method: .get, headers: officer.headers)
            #expect(export.headers[.contentDisposition]?.contains("case-ENF-1.json") == true && export.text.contains("Alex Suspectname"))
            let admin = try await harness.session(.admin)
            #expect(try await client.execute(uri: "/fly-tipping/enforcement/case-1/export", method: .get, headers: admin.headers).status == .forbidden)
            #expect(try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)", method: .get, headers: admin.headers).text.contains("shown to officers only"))
        }
    }

    @Test func theDefraReturnIsTheSameOnThePageInTheAPIAndInEveryDownload() async throws {
        try await PerformanceTests.withDemo { harness, client, token in
            let api = try await client.execute(uri: "/api/v1/reports/defra-return?from=2018-10&to=2018-12", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .ok)
            struct Doc: Decodable { let total: Int; let totalCost: Double; let landBySize: [Cell]; struct Cell: Decodable { let landType: String; let size: String; let incidents: Int } }
            let document = try JSONDecoder().decode(Doc.self, from: Data(buffer: api.body))
            let expected = try await FlyTipService(services: harness.services).defraReturn(DayRange.parse(from: "2018-10", to: "2018-12"))
            #expect(document.total == expected.total && document.total > 200)
            #expect(document.landBySize.first { $0.landType == "Highway" && $0.size == "Small Van Load" }?.incidents == expected.count(.highway, .smallVanLoad))
            let browser = try await harness.session(.councillor)
            let csv = try await client.execute(uri: "/fly-tipping/defra-return?from=2018-10&to=2018-12&format=csv", method: .get, headers: browser.headers)
            let lines = csv.text.split(separator: "\r\n").map(String.init)
            #expect(lines.first == "section,category,size,count,cost")
            let landSize = lines.filter { $0.hasPrefix("land-size,") }
            #expect(landSize.count == 70)
            #expect(landSize.compactMap { Int($0.split(separator: ",").dropLast().last ?? "") }.reduce(0, +) == expected.total)
            let page = try await client.execute(uri: "/fly-tipping/defra-return?from=2018-10&to=2018-12", method: .get, headers: browser.headers)
            #expect(page.text.contains("Incidents by land type and size") && page.text.contains(DisplayFormat.number(Double(expected.total))))
            let xlsx = try await client.execute(uri: "/fly-tipping/defra-return?from=2018-10&to=2018-12&format=xlsx", method: .get, headers: browser.headers)
            #expect(xlsx.headers[.contentType] == MediaType.xlsx && xlsx.body.readableBytes > 1000)
        }
    }

    @Test func theDashboardSpeaksTheSeedsWordsForTheWinterPeriod() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let browser = try await harness.session(.councillor)
            let page = try await client.execute(uri: "/fly-tipping?from=2018-12-01&to=2019-02-28", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution."))
            let year = try await client.execute(uri: "/fly-tipping?from=2018-04-01&to=2018-12-31", method: .get, headers: browser.headers)
            let dashboard = try await FlyTipService(services: harness.services).dashboard(DayRange.parse(from: "2018-04", to: "2018-12"))
            #expect(year.text.contains(DisplayFormat.number(Double(dashboard.total))))
            // 910 reported April–December (item 6, 4.3.1): duplicates are reports too, so the count of reports is the file's.
            let reported = try await harness.services.storage.flyTips.count(FlyTipFilter(range: DayRange.parse(from: "2018-04", to: "2018-12")))
            #expect(reported == 910)
        }
    }

    @Test func theRegistersAnswerInTheAPIWithoutPersonalData() async throws {
        try await PerformanceTests.withDemo { harness, client, councillor in
            func get(_ uri: String, _ token: String) async throws -> [String: Any] {
                let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .ok, "\(uri)")
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any] ?? [:]
            }
            let summary = try await get("/api/v1/enforcement/summary?from=2018-12-01&to=2019-02-28", councillor)
            #expect(summary["sentence"] as? String == "3 warning letters, 8 cases under investigation, 2 fixed penalty notices issued and paid, 1 caution")
            let funding = try await get("/api/v1/funding?fy=2018/19", councillor)
            #expect(funding["spent"] as? Double == 2648.52 && funding["allocated"] as? Double == 37710 && funding["balance"] as? Double == 35061.48)
            let pspos = try await get("/api/v1/pspos?from=2018-07-01&to=2019-02-28", councillor)
            let order = (pspos["items"] as? [[String: Any]])?.first
            #expect((order?["incidents"] as? [Any])?.count == 1, "the seed: only one report of fly tipping near to the two lanes")
            let officer = try await harness.apiToken(.officer)
            let register = try await get("/api/v1/cctv?on=2019-03-12", officer)
            let statuses = (register["cameras"] as? [[String: Any]])?.compactMap { $0["status"] as? String } ?? []
            #expect(statuses.filter { $0 == "dummy" }.count == 2 && statuses.contains("stolen"), "two damaged cameras used as dummies, one stolen: \(statuses)")
            let cases = try await client.execute(uri: "/api/v1/enforcement/cases", method: .get, headers: [.authorization: "Bearer \(officer)"])
            #expect(cases.status == .ok && cases.text.contains("ENF-2018-001") && !cases.text.contains("Example Clearances"), "no suspects in the API")
            let refused = try await client.execute(uri: "/api/v1/cctv", method: .get, headers: [.authorization: "Bearer \(councillor)"])
            #expect(refused.status == .forbidden)
        }
    }

    @Test func anAdministratorsUnitCostsAreWhatTheReturnUses() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            var fields = [("_csrf", admin.csrf), ("councilName", "North Warwickshire"), ("minEasting", "415000"), ("maxEasting", "438000"),
                          ("minNorthing", "280000"), ("maxNorthing", "310000")]
            let costs = ["single-black-bag": "10", "single-item": "35.50", "car-boot-or-less": "40", "small-van-load": "80", "transit-van-load": "150"]
            fields += costs.map { ("cost-\($0.key)", $0.value) }
            let saved = try await client.execute(uri: "/admin/fly-tipping", method: .post, headers: admin.formHeaders(), body: formBody(fields))
            #expect(saved.status == .seeOther)
            let settings = try await FlyTipService(services: harness.services).settings()
            #expect(settings.clearanceCosts.unitCost(for: .singleItem) == Money(pence: 3550))
            let entry = try await harness.services.storage.auditLog.list(AuditFilter(entity: "settings")).first
            #expect(entry?.changes.contains { $0.field == "unitCost.single-item" && $0.before == "29.00" && $0.after == "35.50" } == true)
            let bad = fields.map { $0.0 == "maxEasting" ? ($0.0, "400000") : ($0.0 == "cost-single-item" ? ($0.0, "lots") : $0) }
            let refused = try await client.execute(uri: "/admin/fly-tipping", method: .post, headers: admin.formHeaders(), body: formBody(bad))
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Single Item: &#39;lots&#39; is not an amount of money") || refused.text.contains("Single Item: 'lots' is not an amount of money"))
            #expect(try await FlyTipService(services: harness.services).settings().councilArea.maxEasting == 438_000, "nothing changed")
            let officer = try await harness.session(.officer)
            #expect(try await client.execute(uri: "/admin/fly-tipping", method: .get, headers: officer.headers).status == .forbidden)
        }
    }

    @Test func anOfficerRecordsAnOrderAndBadOutlinesAreNamed() async throws {
        try await WebHarness.run { harness, client in
            let officer = try await harness.session(.officer)
            let good = [("_csrf", officer.csrf), ("name", "Test PSPO"), ("roads", "Didgley Lane, Fillongley\nBun Lane, Fillongley"),
                        ("outline", "52.4900, -1.5930\n52.4950, -1.6045\n52.4960, -1.6035"), ("articles", "Article 1: gates"),
                        ("exceptions", ""), ("start", "2017-12-01"), ("expiry", "2020-11-30")]
            let response = try await client.execute(uri: "/fly-tipping/pspo", method: .post, headers: officer.formHeaders(), body: formBody(good))
            #expect(response.status == .seeOther)
            let orders = try await harness.services.storage.pspos.list()
            #expect(orders.count == 1 && orders[0].roads.count == 2 && orders[0].polygon.count == 3)
            let bad = good.map { $0.0 == "outline" ? ($0.0, "52.49 -1.59") : $0 }
            let refused = try await client.execute(uri: "/fly-tipping/pspo", method: .post, headers: officer.formHeaders(), body: formBody(bad))
            #expect(refused.status == .unprocessableContent && refused.text.contains("Outline line 1"))
            #expect(try await harness.services.storage.pspos.list().count == 1)
        }
    }

    /// A multipart body with text fields and one file.
    static func multipart(_ fields: [(String, String)], file: (name: String, data: Data)?, boundary: String = "SaferTestBoundary") -> ByteBuffer {
        var body = Data()
        for (name, value) in fields {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
        }
        if let file {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(file.name)\"; filename=\"photo.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(bytes: body)
    }

    @Test func withoutAFixTheCaptureUsesThePhotosGPSPositionAndKeepsThePhoto() async throws {
        try await WebHarness.run { harness, client in
            let crew = try await harness.session(.field)
            let photo = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../SaferDomainTests/Photos/Fixtures/gps-little-endian.jpg"))
            let fields = [("_csrf", crew.csrf), ("clientId", "phone-exif-1"), ("location", "Long Street, Atherstone"), ("landType", "highway"),
                          ("size", "single-item"), ("wasteTypes", "white-goods"), ("reportedAt", "2019-03-11T09:00:00.000Z")]
            let headers: HTTPFields = [.cookie: crew.cookie, .contentType: "multipart/form-data; boundary=SaferTestBoundary", .accept: "application/json"]
            let response = try await client.execute(uri: "/capture", method: .post, headers: headers, body: Self.multipart(fields, file: ("photo", photo)))
            #expect(response.status == .created, "\(response.text)")
            let tip = try #require(try await harness.services.storage.flyTips.find(clientID: "phone-exif-1"))
            #expect(abs(tip.position.latitude - 52.5787) < 1e-6 && abs(tip.position.longitude - -1.5462) < 1e-6)
            #expect(tip.notes.contains("Position taken from the photo's GPS data."))
            #expect(try await harness.services.storage.flyTips.photos(owner: .flyTip, ownerID: tip.id).first?.data == photo)
            // A photo without GPS and no fix: kept for an officer to place ("position needed"), with its photo; nothing is lost.
            let plain = try Data(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../SaferDomainTests/Photos/Fixtures/no-exif.jpg"))
            let held = try await client.execute(uri: "/capture", method: .post, headers: headers,
                                                body: Self.multipart(fields.map { $0.0 == "clientId" ? ($0.0, "phone-exif-2") : $0 }, file: ("photo", plain)))
            #expect(held.status == .created && held.text.contains(#""positionNeeded":true"#), "\(held.text)")
            let report = try #require(try await harness.services.storage.publicReports.list(status: .pending).first)
            #expect(report.position == nil && report.description.hasPrefix("Position needed"))
            #expect(try await harness.services.storage.flyTips.photos(owner: .publicReport, ownerID: report.id).first?.data == plain)
            // Not a photo at all.
            let text = try await client.execute(uri: "/capture", method: .post, headers: headers,
                                                body: Self.multipart(fields.map { $0.0 == "clientId" ? ($0.0, "phone-exif-3") : $0 }, file: ("photo", Data("hello".utf8))))
            #expect(text.status == .unprocessableContent && text.text.contains("not a JPEG or PNG"))
            // Signed out, a script asking for JSON hears 401, not the sign-in page.
            let signedOut = try await client.execute(uri: "/capture", method: .post, headers: [.accept: "application/json",
                .contentType: "multipart/form-data; boundary=SaferTestBoundary"], body: Self.multipart(fields, file: nil))
            #expect(signedOut.status == .unauthorized)
            #expect(try await harness.services.storage.flyTips.count(FlyTipFilter()) == 1)
        }
    }

    /// Issue 13.4: a crew with no fix and no photo saves anyway; the report waits, marked
    /// "position needed", until an officer places it with a grid reference.
    @Test(arguments: TestEngine.available)
    func aReportWithNoPositionWaitsForAnOfficerToPlaceIt(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let crew = try await harness.session(.field)
            let fields = [("_csrf", crew.csrf), ("clientId", "phone-no-fix-1"), ("location", "Packington Lane, Little Packington"), ("landType", "highway"),
                          ("size", "car-boot-or-less"), ("wasteTypes", "black-bags-household"), ("notes", "By the field gate"), ("reportedAt", "2019-03-11T09:00:00.000Z")]
            let headers: HTTPFields = [.cookie: crew.cookie, .contentType: "multipart/form-data; boundary=SaferTestBoundary", .accept: "application/json"]
            let first = try await client.execute(uri: "/capture", method: .post, headers: headers, body: Self.multipart(fields, file: nil))
            #expect(first.status == .created && first.text.contains(#""positionNeeded":true"#) && !first.text.contains(#""href""#), "\(first.text)")
            // The answer was lost and the phone sends it again: still one report.
            let again = try await client.execute(uri: "/capture", method: .post, headers: headers, body: Self.multipart(fields, file: nil))
            #expect(again.status == .ok && again.text.contains(#""created":false"#))
            let pending = try await harness.services.storage.publicReports.list(status: .pending)
            let report = try #require(pending.first)
            #expect(pending.count == 1 && report.position == nil && report.description.contains("By the field gate"))

            let officer = try await harness.session(.officer)
            let queue = try await client.execute(uri: "/fly-tipping/public-reports", method: .get, headers: officer.headers).text
            #expect(queue.contains("Waiting for triage: position needed"))
            let triage = try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)", method: .get, headers: officer.headers).text
            #expect(triage.contains("This report has no position") && triage.contains(#"name="gridReference""#))
            // A bad grid reference is named and nothing changes.
            var accept = [("_csrf", officer.csrf), ("location", report.place), ("gridReference", "SP 28A6 9637"), ("landType", "highway"),
                          ("wasteTypes", "black-bags-household"), ("size", "car-boot-or-less")]
            let bad = try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)/accept", method: .post, headers: officer.formHeaders(), body: formBody(accept))
            #expect(bad.status == .unprocessableContent && bad.text.contains("is not a grid reference") && bad.text.contains(#"value="SP 28A6 9637""#))
            #expect(try await harness.services.storage.publicReports.find(id: report.id)?.status == .pending)
            accept[2] = ("gridReference", "SP 2856 9637")
            let placed = try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)/accept", method: .post, headers: officer.formHeaders(), body: formBody(accept))
            #expect(placed.status == .seeOther)
            let tip = try #require(try await harness.services.storage.flyTips.list(FlyTipFilter()).first)
            #expect(tip.gridPoint.easting == 428_565 && tip.gridPoint.northing == 296_375, "the centre of the 10 m square")
        }
    }

    /// Issue 13.4: Safer's own gazetteer finds where fly-tips on a road were placed.
    @Test func thePlaceSearchFindsTheLocationsOfIncidents() async throws {
        try await WebHarness.run { harness, client in
            _ = try await DemoLoader(services: harness.services).load()
            let crew = try await harness.session(.field)
            let found = try await client.execute(uri: "/fly-tipping/places?q=packington+lane", method: .get, headers: crew.headers)
            #expect(found.status == .ok)
            struct Place: Decodable { let name: String; let easting: Double; let northing: Double; let incidents: Int; let gridReference: String }
            let places = try JSONDecoder().decode([Place].self, from: Data(buffer: found.body))
            #expect(!places.isEmpty && places.allSatisfy { $0.name.lowercased().contains("packington") && $0.name.lowercased().contains("lane") })
            #expect(places.allSatisfy { $0.gridReference.hasPrefix("SP ") && $0.incidents >= 1 }, "North Warwickshire is in SP")
            #expect(zip(places, places.dropFirst()).allSatisfy { $0.incidents >= $1.incidents }, "most incidents first")
            let none = try await client.execute(uri: "/fly-tipping/places?q=%25", method: .get, headers: crew.headers).text
            #expect(none == "[]", "a wildcard is text, not a pattern")
            let partner = try await harness.session(.partner)
            #expect(try await client.execute(uri: "/fly-tipping/places?q=lane", method: .get, headers: partner.headers).status == .forbidden)
        }
    }

    @Test func downloadsNeutraliseFormulasButKeepNumbers() async throws {
        try await WebHarness.run { harness, client in
            let token = try await harness.apiToken(.officer)
            let body = #"{"latitude":52.5465,"longitude":-1.5235,"location":"=HYPERLINK(\"http://evil.example\",\"click\")","landType":"Highway","wasteTypes":["Green"],"size":"Single Item","notes":"+1 for this"}"#
            #expect(try await client.execute(uri: "/api/v1/incidents", method: .post, headers: Self.json(token), body: ByteBuffer(string: body)).status == .created)
            let browser = try await harness.session(.councillor)
            let csv = try await client.execute(uri: "/fly-tipping/incidents?from=2019-03-01&to=2019-03-31&format=csv", method: .get, headers: browser.headers).text
            let row = csv.split(separator: "\r\n")[1]
            #expect(row.contains(#""'=HYPERLINK(""http://evil.example"",""click"")""#), "\(row)")
            #expect(row.contains("'+1 for this"))
            #expect(row.contains(",-1.523500,"), "a negative longitude stays a number: \(row)")
            let geo = try await client.execute(uri: "/fly-tipping/incidents?from=2019-03-01&to=2019-03-31&format=geojson", method: .get, headers: browser.headers)
            #expect(geo.headers[.contentType] == MediaType.geoJSON && geo.text.contains("[-1.5235,52.5465]"))
        }
    }

    @Test func mergingWithoutChoosingAnIncidentSaysWhatToDo() async throws {
        try await WebHarness.run { harness, client in
            let report = try await FlyTipService(services: harness.services).submitPublicReport(
                PublicReportInput(latitude: 52.5466, longitude: -1.5236, what: ["bags"], amount: "bag"), photo: nil, clientAddress: "198.51.100.7")
            let officer = try await harness.session(.officer)
            let response = try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)/merge", method: .post, headers: officer.formHeaders(),
                                                    body: formBody([("_csrf", officer.csrf), ("incident", "")]))
            #expect(response.status == .unprocessableContent && response.text.contains("Choose the incident this report repeats"))
            let unknown = try await client.execute(uri: "/fly-tipping/public-reports/\(report.id)/merge", method: .post, headers: officer.formHeaders(),
                                                   body: formBody([("_csrf", officer.csrf), ("incident", "FT-NOPE99")]))
            #expect(unknown.status == .unprocessableContent && unknown.text.contains("FT-NOPE99"))
            #expect(try await harness.services.storage.publicReports.find(id: report.id)?.status == .pending)
        }
    }
}
