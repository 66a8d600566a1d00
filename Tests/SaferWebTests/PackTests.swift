import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SaferTestSupport
@testable import SaferApp
import SaferDomain
import SaferReports
import Testing
import ZIPFoundation
@testable import SaferWeb

/// The committee pack over the demo's 12 March 2019 meeting, on both databases: its blocks show
/// the API's numbers, publishing freezes it, the public reads what is published and nothing else.
@Suite("Committee pack")
struct PackTests {
    static func demoMeeting(_ harness: WebHarness) async throws -> Meeting {
        try await PackService(services: harness.services).meeting("2019-03-12")
    }

    @Test(arguments: TestEngine.available)
    func theBlocksShowTheSameNumbersAsTheAPI(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, token in
            func get(_ uri: String) async throws -> Any {
                let response = try await client.execute(uri: uri, method: .get, headers: [.authorization: "Bearer \(token)"])
                #expect(response.status == .ok, "\(uri)")
                return try JSONSerialization.jsonObject(with: Data(buffer: response.body))
            }
            let packs = PackService(services: harness.services)
            let pack = try await packs.build(meetingID: try await Self.demoMeeting(harness).id)
            func block(_ reference: String) -> PackBlock? { pack.blocks.first { $0.reference == reference } }
            // Item 6, 4.3.1: "During April to December we have received 910 reported incidents".
            let count = try #require(block("{{fly-tips.count from=2018-04-01 to=2018-12-31}}"))
            #expect(count.text == "910" && count.number == 910 && count.period == "1 April 2018 to 31 December 2018")
            let enforcement = try await get("/api/v1/enforcement/summary?from=2018-12-01&to=2019-02-28") as? [String: Any]
            #expect(block("{{enforcement.sentence from=2018-12-01 to=2019-02-28}}")?.text == enforcement?["sentence"] as? String)
            let funding = try await get("/api/v1/funding?fy=2018/19") as? [String: Any]
            #expect(block("{{funding.spent year=2018/19}}")?.number == funding?["spent"] as? Double)
            #expect(block("{{funding.spent year=2018/19}}")?.text == "£2,648.52")
            #expect(block("{{funding.allocated year=2018/19}}")?.text == "£37,710.00")
            let rows = try await get("/api/v1/hotspots/ranking?from=2018-07-01&to=2019-02-28&limit=11") as? [[String: Any]] ?? []
            let table = try #require(block("{{hotspots.table from=2018-07-01 to=2019-02-28 limit=11}}")?.table)
            #expect(table.dataRows.count == rows.count && !rows.isEmpty)
            for (row, api) in zip(table.dataRows, rows) {
                #expect(row.contains { $0.text == api["location"] as? String }, "\(api)")
                #expect(row.contains { $0.number == (api["count"] as? Double) }, "\(api)")
            }
            let baseline = try await get("/api/v1/reports/baseline?through=2018-12") as? [String: Any]
            let apiRows = baseline?["rows"] as? [[String: Any]] ?? []
            let baselineTable = try #require(block("{{performance.baseline through=2018-12}}")?.table)
            #expect(baselineTable.dataRows.count == apiRows.count)
            // Item 9, 5.1: Green 9, Amber 2, Red 0 of the corporate plan.
            let summary = try #require(block("{{plan.summary year=2018/19 kind=corporate quarter=2018/19-Q3}}")?.table)
            #expect(summary.dataRows.contains { row in row.map(\.text).joined(separator: " ").contains("9") })
            #expect(block("{{plan.on-schedule year=2018/19 kind=corporate quarter=2018/19-Q3}}")?.text == "82%")
            let borough = try await get("/api/v1/reports/borough?fy=2018/19") as? [String: Any]
            let robbery = (borough?["rows"] as? [[String: Any]])?.first { $0["indicator"] as? String == "robbery" }
            let toDate = (robbery?["totalToDate"] as? [String: Any])?["value"] as? Double
            #expect(block("{{performance.to-date indicator=robbery year=2018/19 through=2018-12}}")?.number == toDate && toDate == 51)
            #expect(PackService.changeWords(137) == "increased by 137" && PackService.changeWords(-141) == "decreased by 141" && PackService.changeWords(0) == "not changed")
            #expect(pack.reports.map(\.itemNumber) == [6, 7, 8, 9])
            #expect(pack.agenda.prefix(5).map(\.number) == [1, 2, 3, 4, 5])
            #expect(pack.cutOff.description == "2019-03-04")
            // Paragraphs are numbered as the seed numbers them: 4.3 Identifying Hot Spots, 4.3.1 the count.
            let progress = try #require(pack.reports[0].sections.first { $0.heading == "Progress Report" })
            #expect(progress.number == "4")
            #expect(progress.content.contains(.subheading(number: "4.3", text: "Identifying Hot Spots")))
            #expect(pack.reports[0].sections.last?.heading == "Report Implications")
            // Appendices are lettered per report and listed on it.
            #expect(pack.reports[1].appendices.map(\.letter) == ["A", "B", "C", "D"])
            let html = PackHTML.render(pack)
            #expect(html.contains("<a href=\"#item-7-appendix-d\">Appendix D: North Warwickshire Crime Overview"))
        }
    }

    @Test(arguments: TestEngine.available)
    func publishingFreezesThePackAndACorrectionListsWhatChanged(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let meeting = try await Self.demoMeeting(harness)
            let actor = Actor.system
            // The test clock stands on the meeting day, past the deadline (Monday 4 March 2019):
            // publishing needs the reason for urgency, which the pack then prints.
            do { _ = try await packs.publish(meetingID: meeting.id, by: actor); Issue.record("published late without a reason") } catch let error as ValidationError {
                #expect(error.description.contains("The papers were due by Monday 4 March 2019"), "\(error.description)")
            }
            #expect(try await packs.publications(meetingID: meeting.id).isEmpty)
            let urgency = "The police figures for February arrived on 11 March."
            let first = try await packs.publish(meetingID: meeting.id, urgency: urgency, by: actor)
            #expect(first.version == 1 && first.changes.isEmpty)
            #expect(try await packs.meeting(meeting.id).latePublication?.reason == urgency)
            let late = "These papers were published on Tuesday 12 March 2019, after Monday 4 March 2019, the last day that left five clear working days before the meeting. Reason for urgency: \(urgency)"
            let frozenHTML = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .html)
            #expect(String(decoding: frozenHTML.bytes, as: UTF8.self).contains(late))
            // Every format prints the front sheet's notices (the browser suite opens the DOCX and PDF).
            let frozenJSON = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .json)
            #expect(try JSONDecoder().decode(Pack.self, from: frozenJSON.bytes).frontSheet.notices.last == late)
            #expect(Set(first.files.map { ($0.name as NSString).pathExtension }).isSuperset(of: ["html", "docx", "xlsx", "json", "zip"]))
            let frozen = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .json)
            #expect(frozen.sha256 == first.files.first { $0.name.hasSuffix(".json") }?.sha256)

            // A late invoice changes the data: the draft follows it, the published pack does not.
            try await harness.services.storage.funding.addSpend(SpendItem(id: "late", date: try CalendarDay(parsing: "2019-03-01"), category: "CCTV",
                                                                         amount: Money(pence: 10_000)), by: actor)
            let draft = try await packs.build(meetingID: meeting.id)
            #expect(draft.blocks.first { $0.kind == .fundingSpent }?.text == "£2,748.52")
            let again = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .json)
            #expect(again.bytes == frozen.bytes)
            let html = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .html)
            #expect(String(decoding: html.bytes, as: UTF8.self).contains("£2,648.52"))
            #expect(!String(decoding: html.bytes, as: UTF8.self).contains("Draft: not yet published"), "a published pack is not a draft")

            // Publishing twice needs a reason; the correction lists the figures that differ.
            await #expect(throws: ValidationError.self) { try await packs.publish(meetingID: meeting.id, by: actor) }
            let second = try await packs.publish(meetingID: meeting.id, reason: "A CCTV invoice dated 1 March was missed.", by: actor)
            #expect(second.version == 2)
            #expect(second.changes.contains { $0.contains("£2,648.52 → £2,748.52") }, "\(second.changes)")
            #expect(try await packs.publications(meetingID: meeting.id).count == 2)

            // The public reads the published pack without an account; its HTML runs no scripts.
            let list = try await client.execute(uri: "/meetings", method: .get)
            #expect(list.status == .ok && String(buffer: list.body).contains("Safer Communities Sub-Committee"))
            let page = try await client.execute(uri: "/meetings/\(meeting.id)", method: .get)
            #expect(page.status == .ok && String(buffer: page.body).contains("A CCTV invoice dated 1 March was missed."))
            #expect(String(buffer: page.body).contains(late), "the meeting page says the papers were late, and why")
            #expect(String(buffer: page.body).contains("Monday 4 March 2019"))
            let download = try await client.execute(uri: "/meetings/\(meeting.id)/published/1/html", method: .get)
            #expect(download.status == .ok && download.headers[.contentSecurityPolicy]?.contains("default-src 'none'") == true)
            #expect(Data(buffer: download.body) == html.bytes)
            let draftForPublic = try await client.execute(uri: "/meetings/\(meeting.id)/draft", method: .get)
            #expect(draftForPublic.status != .ok)
            let token = try await harness.apiToken(.partner)
            let docx = try await client.execute(uri: "/api/v1/meetings/\(meeting.id)/pack?format=docx", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(docx.status == .ok && Data(buffer: docx.body).prefix(2) == Data("PK".utf8))
            let meetings = try await client.execute(uri: "/api/v1/meetings", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(String(buffer: meetings.body).contains("\"versions\":2") || String(buffer: meetings.body).contains("\"versions\" : 2"))
            struct Listed: Decodable { struct Item: Decodable { let publishBy: String; let urgency: String? }; let items: [Item] }
            let listed = try JSONDecoder().decode(Listed.self, from: Data(buffer: meetings.body))
            #expect(listed.items.first?.publishBy == "2019-03-04" && listed.items.first?.urgency == urgency)
        }
    }

    @Test func badInputGetsAMessageAndStoresNothing() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let packs = PackService(services: harness.services)
            let meeting = try await Self.demoMeeting(harness)
            var report = try await packs.reports(meetingID: meeting.id)[0]
            let before = report
            report.summary = "We received {{fly-tips.count from=2018-04-01 to=2019-12-31}} reports."
            await #expect(throws: ValidationError.self) { try await packs.save(report, by: .system) }
            report.summary = "{{fly-tips.total from=2018-04-01 to=2018-12-31}}"
            await #expect(throws: ValidationError.self) { try await packs.save(report, by: .system) }
            #expect(try await packs.report(id: report.id) == before)
            // A meeting without a committee.
            let orphan = Meeting(id: "orphan", committeeID: "none", date: try CalendarDay(parsing: "2019-06-11"), time: try TimeOfDay(parsing: "18:30"),
                                 venue: "Committee Room", cutOff: try CalendarDay(parsing: "2019-06-01"), signedBy: "Chief Executive", publicParticipation: "")
            await #expect(throws: ValidationError.self) { try await packs.save(orphan, by: .system) }
            // A required section left empty is named when publishing.
            var empty = before
            empty.consultation = []
            try await packs.save(empty, by: .system)
            do { _ = try await packs.publish(meetingID: meeting.id, by: .system); Issue.record("published with an empty section") } catch let error as ValidationError {
                #expect(error.description.contains("Consultation"))
            }
            #expect(try await packs.publications(meetingID: meeting.id).isEmpty)
            // The officer's form keeps what was typed and says what is wrong.
            let officer = try await harness.session(.officer)
            let response = try await client.execute(uri: "/meetings/\(meeting.id)/reports", method: .post, headers: officer.formHeaders(),
                                                    body: formBody([("_csrf", officer.csrf), ("reportID", before.id), ("title", "Fly Tipping"),
                                                                    ("reportOf", "Report of the Chief Executive"), ("body", "## Progress\n\n{{nope}}")]))
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("is not a Safer block"))
        }
    }

    /// A new council: no district, no figures, no fly-tips. The pack still builds where the data
    /// allows and says what to set up where it does not.
    @Test func aNewCouncilGetsMessagesNotFailures() async throws {
        try await WebHarness.run { harness, client in
            let packs = PackService(services: harness.services)
            #expect(try await packs.meetingList().isEmpty)
            let committee = Committee(id: "c1", name: "Community Safety Committee", council: "Anytown District Council",
                                      members: [.init(name: "Smith", role: "Chair")], forInformation: "all Members", contact: .init(name: "Democratic Services", telephone: "", email: ""))
            try await packs.save(committee, by: .system)
            let meeting = Meeting(id: "m1", committeeID: "c1", date: try CalendarDay(parsing: "2026-12-15"), time: try TimeOfDay(parsing: "10am"),
                                  venue: "the Council Chamber", cutOff: try CalendarDay(parsing: "2026-11-30"), signedBy: "Chief Executive", publicParticipation: "")
            try await packs.save(meeting, by: .system)
            var report = OfficerReport(id: "r1", meetingID: "m1", position: 0, title: "Community safety update", reportOf: "Report of the Chief Executive",
                                       summary: "We received {{fly-tips.count from=2026-04-01 to=2026-11-30}} reports of fly-tipping.", recommendations: ["That Members note the report."],
                                       consultation: ["None."], background: ["None."], body: [], implications: [:], backgroundPapers: "None.",
                                       contactOfficer: "A Officer", telephone: "01234 567890", appendices: [])
            try await packs.save(report, by: .system)
            let pack = try await packs.build(meetingID: "m1")
            #expect(pack.blocks.first?.text == "0")
            #expect(pack.frontSheet.meets.contains("on Tuesday 15 December 2026 at 10am"))
            // Its snapshot says what it could not take, instead of failing the pack.
            #expect(pack.snapshot?.notes.first?.hasPrefix("Indicators: No district is set up yet") == true, "\(pack.snapshot?.notes ?? [])")
            #expect(pack.snapshot?.hotspots.isEmpty == true && pack.changes == nil)
            report.appendices = [.init(title: "Performance", paragraphs: ["{{performance.baseline through=2026-10}}"])]
            do { try await packs.save(report, by: .system); Issue.record("a baseline with no district was accepted") } catch let error as ValidationError {
                #expect(error.description.contains("No district is set up yet"), "\(error.description)")
            }
            // Publishing names what is missing, then works; the page is public.
            do { _ = try await packs.publish(meetingID: "m1", by: .system); Issue.record("published without implications") } catch let error as ValidationError {
                #expect(error.description.contains("Finance and Value for Money Implications"))
            }
            report.appendices = []
            for kind in OfficerReport.Implication.allCases { report.implications[kind] = ["None."] }
            try await packs.save(report, by: .system)
            // Published on 12 March 2019 for a meeting in December 2026: on time, so no reason is asked and none printed.
            #expect(try await packs.publish(meetingID: "m1", by: .system).version == 1)
            #expect(try await packs.meeting("m1").latePublication == nil)
            let html = try await packs.publishedFile(meetingID: "m1", version: nil, format: .html)
            #expect(!String(decoding: html.bytes, as: UTF8.self).contains("Reason for urgency"))
            let page = try await client.execute(uri: "/meetings/m1", method: .get)
            #expect(page.status == .ok && String(buffer: page.body).contains("Community Safety Committee"))
        }
    }

    /// An administrator loads gov.uk's file; a meeting's deadline then counts its holidays. A wrong
    /// file changes nothing and says what to do; only administrators reach the page.
    @Test(arguments: TestEngine.available)
    func anAdministratorLoadsBankHolidaysAndDeadlinesCountThem(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let admin = try await harness.session(.admin)
            let page = try await client.execute(uri: "/admin/bank-holidays", method: .get, headers: admin.headers)
            #expect(page.status == .ok && page.text.contains("91 bank holidays, 2017 to 2027") && page.text.contains("Built into Safer"))
            #expect(try await client.execute(uri: "/admin/bank-holidays", method: .get, headers: try await harness.session(.officer).headers).status == .forbidden)

            // A meeting on Wednesday 27 May 2037: Safer's list stops in 2027, so only weekends count and the page says so.
            var meeting = try await Self.demoMeeting(harness)
            meeting.id = "m2037"
            meeting.date = try CalendarDay(parsing: "2037-05-27")
            try await packs.save(meeting, by: .system)
            let before = try await client.execute(uri: "/meetings/m2037", method: .get, headers: admin.headers)
            #expect(before.text.contains("Tuesday 19 May 2037") && before.text.contains("do not cover 2037"), "\(before.text)")

            // gov.uk's file for 2037: the spring bank holiday on Monday 25 May moves the deadline back a day.
            let file = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Spring bank holiday", "date": "2037-05-25", "notes": "", "bunting": true}]}}
                """
            let (headers, body) = DataEntryTests.multipart(admin, fields: [("_csrf", admin.csrf)], file: (name: "file", filename: "bank-holidays.json", text: file))
            let loaded = try await client.execute(uri: "/admin/bank-holidays", method: .post, headers: headers, body: body)
            #expect(loaded.status == .seeOther)
            #expect(try await packs.bankHolidays().holidays.count == 92)
            let after = try await client.execute(uri: "/meetings/m2037", method: .get, headers: admin.headers)
            #expect(after.text.contains("Monday 18 May 2037") && !after.text.contains("do not cover 2037"), "\(after.text)")
            #expect(try await packs.deadline(for: try await Self.demoMeeting(harness)).publishByLabel == "Monday 4 March 2019", "earlier years stay")
            let audited = try await harness.services.storage.auditLog.list(AuditFilter(entity: "bank-holidays"))
            #expect(audited.count == 1 && audited.first?.changes.contains { $0.field == "years" } == true)

            // A file with a weekend date: refused, with the event named, and nothing changes.
            let wrong = file.replacingOccurrences(of: "2037-05-25", with: "2037-05-24")
            let (badHeaders, badBody) = DataEntryTests.multipart(admin, fields: [("_csrf", admin.csrf)], file: (name: "file", filename: "bank-holidays.json", text: wrong))
            let refused = try await client.execute(uri: "/admin/bank-holidays", method: .post, headers: badHeaders, body: badBody)
            #expect(refused.status == .unprocessableContent && refused.text.contains("falls on a Sunday, 24 May 2037"), "\(refused.text)")
            #expect(try await packs.bankHolidays().holidays.count == 92)
            let (noFileHeaders, noFileBody) = DataEntryTests.multipart(admin, fields: [("_csrf", admin.csrf)], files: [])
            let missing = try await client.execute(uri: "/admin/bank-holidays", method: .post, headers: noFileHeaders, body: noFileBody)
            #expect(missing.status == .unprocessableContent && missing.text.contains("Choose gov.uk"))
        }
    }

    /// The text of every file a publication holds, zips (DOCX, XLSX, the pack's zip) opened.
    static func texts(_ file: PackFile) throws -> String {
        guard file.bytes.prefix(2) == Data("PK".utf8) else { return String(decoding: file.bytes, as: UTF8.self) }
        let archive = try Archive(data: file.bytes, accessMode: .read)
        var text = ""
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            text += data.prefix(2) == Data("PK".utf8) ? try texts(PackFile(name: entry.path, mediaType: "", bytes: data, sha256: "")) : String(decoding: data, as: UTF8.self)
        }
        return text
    }

    /// An exempt report and an exempt appendix: the public pack (every format, the page, the API,
    /// a partner's draft) shows their titles and the Schedule 12A notice and none of their text;
    /// members and officers read them in full.
    @Test(arguments: TestEngine.available)
    func exemptInformationStaysOutOfEveryPublicOutput(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            var meeting = try await Self.demoMeeting(harness)
            meeting.draftShared = true
            try await packs.save(meeting, by: .system)
            let secret = "Mr Example of 1 Sample Street", appendixSecret = "vehicle AB12 CDE"
            var exempt = try await packs.reports(meetingID: meeting.id)[0]
            exempt.id = "exempt-report"
            exempt.position = 4
            exempt.title = "Enforcement case review"
            exempt.summary = "The case against \(secret) is ready for court."
            exempt.recommendations = ["That Members note the case against \(secret)."]
            exempt.appendices = [.init(title: "Evidence", paragraphs: ["Photographs of \(secret)'s van."])]
            exempt.exemption = try Exemption(paragraph: 7, publicInterest: "Publishing would prejudice the prosecution.")
            try await packs.save(exempt, by: .system)
            var partly = try await packs.reports(meetingID: meeting.id)[1]
            partly.appendices.append(try #require(try ReportText.appendices("## Vehicles seen\n\nExempt under paragraph 2: It would identify the owner.\n\nThe \(appendixSecret) was seen twice.").first))
            try await packs.save(partly, by: .system)
            #expect(try await packs.report(id: partly.id).appendices.last?.exemption?.paragraph == 2)

            let publication = try await packs.publish(meetingID: meeting.id, urgency: "Test of exempt items.", by: .system)
            let notice = "Not for publication by virtue of paragraph 7 of Part 1 of Schedule 12A to the Local Government Act 1972"
            var publicText = ""
            for format in PackFormat.parts + [.zip] where publication.files.contains(where: { !PackFormat.isRestricted($0.name) && $0.name.hasSuffix(".\(format.rawValue)") }) {
                let text = try Self.texts(try await packs.publishedFile(meetingID: meeting.id, version: 1, format: format))
                #expect(!text.contains(secret) && !text.contains(appendixSecret), "the public \(format.rawValue) holds exempt text")
                #expect(!text.contains("Restricted: this pack"), "the public \(format.rawValue) is marked restricted")
                publicText += text
            }
            #expect(publicText.contains(notice) && publicText.contains("Enforcement case review") && publicText.contains("Vehicles seen"))
            #expect(publicText.contains("paragraph 2 of Part 1 of Schedule 12A"))
            let members = try await packs.publishedFile(meetingID: meeting.id, version: 1, format: .html, restricted: true)
            let membersText = String(decoding: members.bytes, as: UTF8.self)
            #expect(membersText.contains(secret) && membersText.contains(appendixSecret) && membersText.contains(notice) && membersText.contains("Restricted: this pack"))
            #expect(members.name.hasSuffix("-restricted.html"))

            // The page lists the members' files only to members and officers; the route refuses everyone else.
            let anonymousPage = try await client.execute(uri: "/meetings/\(meeting.id)", method: .get)
            #expect(!anonymousPage.text.contains("/restricted/") && !anonymousPage.text.contains(secret))
            let councillor = try await harness.session(.councillor), partner = try await harness.session(.partner)
            let councillorPage = try await client.execute(uri: "/meetings/\(meeting.id)", method: .get, headers: councillor.headers)
            #expect(councillorPage.text.contains("/published/1/restricted/html"))
            let restrictedURI = "/meetings/\(meeting.id)/published/1/restricted/html"
            let read = try await client.execute(uri: restrictedURI, method: .get, headers: councillor.headers)
            #expect(read.status == .ok && read.text.contains(secret) && read.headers[.cacheControl] == "private, no-store")
            #expect(try await client.execute(uri: restrictedURI, method: .get, headers: partner.headers).status == .forbidden)
            #expect(try await client.execute(uri: restrictedURI, method: .get).status != .ok)

            // Drafts: the partner reads the public version, the councillor the full one; the API serves the public pack.
            let partnerDraft = try await client.execute(uri: "/meetings/\(meeting.id)/draft", method: .get, headers: partner.headers)
            #expect(partnerDraft.status == .ok && !partnerDraft.text.contains(secret) && partnerDraft.text.contains(notice))
            let councillorDraft = try await client.execute(uri: "/meetings/\(meeting.id)/draft", method: .get, headers: councillor.headers)
            #expect(councillorDraft.text.contains(secret))
            let token = try await harness.apiToken(.councillor)
            let api = try await client.execute(uri: "/api/v1/meetings/\(meeting.id)/pack?format=json", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .ok && !api.text.contains(secret) && api.text.contains(notice))
        }
    }

    /// Calendars and civic-tech tools read the meetings without an account: every meeting in the
    /// iCalendar feed, published ones as Open Civic Data events with their agenda and minutes.
    @Test(arguments: TestEngine.available)
    func calendarsAndCivicToolsReadTheMeetings(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let meeting = try await Self.demoMeeting(harness)
            #expect(meeting.start == Date(timeIntervalSince1970: 1_552_415_400), "18:30 GMT on 12 March 2019")
            let calendar = try await client.execute(uri: "/meetings.ics", method: .get)
            #expect(calendar.status == .ok && calendar.headers[.contentType] == "text/calendar; charset=utf-8")
            #expect(calendar.text.contains("DTSTART:20190312T183000Z") && calendar.text.contains("SUMMARY:Safer Communities Sub-Committee"))
            #expect(calendar.text.contains("Papers to be published by Monday 4 March 2019"), "a draft's papers are not linked")
            #expect(calendar.text.components(separatedBy: "\r\nURL:").count == 2, "only the held January meeting links its page")
            struct Feed: Decodable { let events: [OpenCivicDataEvent] }
            let before = try await client.execute(uri: "/meetings.json", method: .get)
            let held = try JSONDecoder().decode(Feed.self, from: Data(buffer: before.body)).events
            #expect(held.map(\.name) == ["Safer Communities Sub-Committee, 31 January 2019"], "the March pack is not published yet")
            // The January meeting's own minutes give what it resolved.
            #expect(held.first?.agenda.last?.notes.contains { $0.hasPrefix("Resolved (minute 15): That further consideration") } == true, "\(held)")

            _ = try await packs.publish(meetingID: meeting.id, urgency: "Feed test.", by: .system)
            let after = try await client.execute(uri: "/meetings.json", method: .get)
            let events = try JSONDecoder().decode(Feed.self, from: Data(buffer: after.body)).events
            #expect(events.count == 2)
            let event = try #require(events.first)
            #expect(event.startDate == "2019-03-12T18:30:00+00:00" && event.status == "confirmed" && event.participants.first?.name == "Safer Communities Sub-Committee")
            // The test clock stands at midnight on the meeting day: still to come.
            #expect(event.agenda.map(\.order) == ["1", "2", "3", "4", "5", "6", "7", "8", "9"])
            #expect(event.agenda[3].notes.contains { $0.hasPrefix("15 North Warwickshire Crime Overview:") && $0.contains("Resolved") })
            #expect(event.documents.contains { $0.url.hasSuffix("/published/1/pdf") || $0.url.hasSuffix("/published/1/docx") })
            #expect(event.id.hasPrefix("ocd-event/") && event.id.count == "ocd-event/".count + 36)
            let published = try await client.execute(uri: "/meetings.ics", method: .get)
            #expect(published.text.components(separatedBy: "\r\nURL:").count == 3, "a published meeting links its papers")
        }
    }

    /// An officer records the minutes of the March meeting once it is held; the form starts from
    /// the agenda; the committee's next meeting prints them for approval with the chair's line.
    @Test(arguments: TestEngine.available)
    func minutesAreRecordedOnceHeldAndTheNextPackPrintsThem(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let march = try await Self.demoMeeting(harness)
            // The demo's March pack prints January's recorded minutes (item 4), as the seed does.
            #expect(try await packs.build(meetingID: march.id).minutes?.heldOn.description == "2019-01-31")
            let officer = try await harness.session(.officer)
            let form = try await client.execute(uri: "/meetings/\(march.id)/minutes", method: .get, headers: officer.headers)
            #expect(form.status == .ok && form.text.contains("## 16 Apologies for Absence") && form.text.contains("Councillor Reilly in the Chair"), "numbered on from January's 15")
            let fields: [(String, String)] = [("_csrf", officer.csrf), ("chair", "Councillor Reilly in the Chair"), ("present", "Councillors Clews, Jarvis and Symonds"),
                                              ("apologies", "Councillor Jenns"), ("alsoAttending", ""),
                                              ("declarations", "Councillor Jarvis, item 6: non-pecuniary interest as a member of Atherstone Town Council"),
                                              ("items", "## 21 Fly Tipping Progress Report\n\nResolved:\n\na) That the report be noted;\n\nb) That the plan be adopted (For 7, Against 2, Abstained 1).")]
            // 12 March 2019 on the test clock: the meeting is today, so it may be minuted; a wrong declaration changes nothing.
            var wrong = fields
            wrong[5] = ("declarations", "Councillor Jarvis declared an interest")
            let refused = try await client.execute(uri: "/meetings/\(march.id)/minutes", method: .post, headers: officer.formHeaders(), body: formBody(wrong))
            #expect(refused.status == .unprocessableContent && refused.text.contains("Declaration line 1") && refused.text.contains("Councillors Clews, Jarvis and Symonds"))
            #expect(try await packs.meeting(march.id).minutes == nil)
            let saved = try await client.execute(uri: "/meetings/\(march.id)/minutes", method: .post, headers: officer.formHeaders(), body: formBody(fields))
            #expect(saved.status == .seeOther)
            let minutes = try #require(try await packs.meeting(march.id).minutes)
            #expect(minutes.items.first?.resolutions.last?.votes == .init(inFavour: 7, against: 2, abstaining: 1))
            #expect(try await harness.services.storage.auditLog.list(AuditFilter(entity: "meeting", entityID: march.id)).contains { entry in
                entry.changes.contains { $0.field == "minutes" } })

            // The next meeting's pack prints them for approval, with the declarations and the chair's line.
            var june = march
            june.id = "june"
            june.date = try CalendarDay(parsing: "2019-06-18")
            june.minutes = nil
            try await packs.save(june, by: .system)
            let pack = try await packs.build(meetingID: "june")
            #expect(pack.minutes?.heldOn.description == "2019-03-12" && pack.minutes?.declarations.count == 1)
            let html = PackHTML.render(pack)
            #expect(html.contains("Councillor Jarvis, item 6: non-pecuniary interest") && html.contains("Chairman: ………"))
            #expect(pack.agenda[3].title.contains("held on 12 March 2019"))

            // A meeting not yet held cannot be minuted.
            let early = try await client.execute(uri: "/meetings/june/minutes", method: .post, headers: officer.formHeaders(), body: formBody(fields))
            #expect(early.status == .unprocessableContent && early.text.contains("has not been held yet"))
        }
    }

    /// A resolution of the January minutes starts two actions; the police's partner updates theirs
    /// (not the council's); open ones are matters arising in the March pack until done.
    @Test(arguments: TestEngine.available)
    func resolutionsStartActionsThatLaterPacksChase(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let january = try #require(try await packs.meetingList().map(\.meeting).first { $0.date.description == "2019-01-31" })
            let officer = try await harness.session(.officer), partner = try await harness.session(.partner)
            let page = try await client.execute(uri: "/meetings/\(january.id)", method: .get, headers: officer.headers)
            #expect(page.text.contains("Add an action from a resolution") && page.text.contains("<option value=\"15\">15 North Warwickshire Crime Overview</option>"))
            func add(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: "/meetings/\(january.id)/actions", method: .post, headers: officer.formHeaders(),
                                         body: formBody([("_csrf", officer.csrf), ("minute", "15"), ("due", "2019-04-30")] + fields))
            }
            // The demo's two actions (council and police, in progress) are there already.
            #expect(january.actions.map(\.owner) == ["North Warwickshire Borough Council", "Warwickshire Police"])
            // No owner: refused, nothing stored.
            let ownerless = try await add([("text", "Prepare the 2019/20 actions."), ("ownerOrganisation", ""), ("ownerPerson", "")])
            #expect(ownerless.status == .unprocessableContent && ownerless.text.contains("Say who owns the action"))
            #expect(try await packs.meeting(january.id).actions.count == 2)
            #expect(try await add([("text", "Report the CCTV review."), ("ownerOrganisation", "org-council")]).status == .seeOther)
            // Tracked by a plan item: one of the plans of the meeting's year or the year before, else refused.
            let item = try #require(try await packs.planItemsForActions(at: january).first { $0.plan.financialYear.description == "2018/19" })
            let unknownItem = try await add([("text", "Share the burglary hot spots."), ("ownerOrganisation", "org-police"), ("planItem", "no-such-item")])
            #expect(unknownItem.status == .unprocessableContent && unknownItem.text.contains("The plan item chosen is not one of"))
            #expect(try await add([("text", "Share the burglary hot spots."), ("ownerOrganisation", "org-police"), ("planItem", item.item.id)]).status == .seeOther)
            let tracked = try await client.execute(uri: "/meetings/\(january.id)", method: .get, headers: officer.headers)
            #expect(tracked.text.contains("Tracked by <a href=\"/plans/items/\(item.item.id)\">"))
            let itemPage = try await client.execute(uri: "/plans/items/\(item.item.id)", method: .get, headers: officer.headers)
            #expect(itemPage.text.contains("Committee actions this item tracks") && itemPage.text.contains("Share the burglary hot spots."))
            let actions = try await packs.meeting(january.id).actions
            #expect(actions.count == 4 && actions[2].owner == "North Warwickshire Borough Council" && actions[3].ownerOrganisationID == "org-police")
            #expect(actions[3].planItemID == item.item.id && actions[2].planItemID == nil)

            // The March pack chases all four.
            let march = try await Self.demoMeeting(harness)
            let matters = try #require(try await packs.build(meetingID: march.id).mattersArising)
            #expect(matters.count == 4 && matters.allSatisfy { $0.from == "31 January 2019, minute 15" })
            #expect(matters.map(\.status) == ["In progress", "In progress", "Open", "Open"])
            #expect(PackHTML.render(try await packs.build(meetingID: march.id)).contains("<h2 id=\"matters-arising-title\">Matters arising</h2>"))

            // The police's partner updates the police's action, not the council's.
            func update(_ action: CommitteeAction, as browser: Browser, status: String) async throws -> TestResponse {
                try await client.execute(uri: "/meetings/\(january.id)/actions/\(action.id)", method: .post, headers: browser.formHeaders(),
                                         body: formBody([("_csrf", browser.csrf), ("status", status), ("note", "Agreed at the RAG meeting.")]))
            }
            // Saving the January meeting's details keeps its minutes and actions (the form does not show them).
            let details: [(String, String)] = [("_csrf", officer.csrf), ("committee", january.committeeID), ("date", "2019-01-31"), ("time", "18:30"),
                                               ("venue", "Committee Room, The Council House"), ("cutOff", "2019-01-31"), ("signedBy", january.signedBy),
                                               ("publicParticipation", ""), ("status", "held")]
            #expect(try await client.execute(uri: "/meetings/\(january.id)", method: .post, headers: officer.formHeaders(), body: formBody(details)).status == .seeOther)
            let kept = try await packs.meeting(january.id)
            #expect(kept.actions.count == 4 && kept.minutes == january.minutes && kept.venue == "Committee Room, The Council House")
            #expect(try await update(actions[2], as: partner, status: "done").status == .forbidden)
            #expect(try await update(actions[3], as: partner, status: "done").status == .seeOther)
            #expect(try await update(actions[2], as: officer, status: "in-progress").status == .seeOther)
            let after = try #require(try await packs.build(meetingID: march.id).mattersArising)
            #expect(after.count == 3 && after.last?.action == "Report the CCTV review." && after.last?.status == "In progress"
                    && after.last?.note == "Agreed at the RAG meeting.", "\(after)")
            #expect(try await harness.services.storage.auditLog.list(AuditFilter(entity: "meeting", entityID: january.id)).contains { entry in
                entry.changes.contains { $0.field == "actions" && ($0.after ?? "").contains("done") } })
        }
    }

    /// The next pack says what moved since the last published one, from the snapshot frozen with
    /// that pack and its own: a figure changed afterwards does not rewrite the earlier side.
    @Test(arguments: TestEngine.available)
    func theNextPackSaysWhatChangedSinceTheLastPublishedPack(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, _, _ in
            let packs = PackService(services: harness.services)
            let march = try await Self.demoMeeting(harness)
            // Nothing published before March: no comparison, but a snapshot to compare with later.
            #expect(try await packs.build(meetingID: march.id).changes == nil)
            _ = try await packs.publish(meetingID: march.id, urgency: "Figures arrived late.", by: .system)
            let frozen = try JSONDecoder().decode(Pack.self, from: try await packs.publishedFile(meetingID: march.id, version: nil, format: .json).bytes)
            let then = try #require(frozen.snapshot)
            // Most of the demo's indicators report to December 2018: the latest complete month by the cut-off.
            #expect(then.indicatorPeriod == "12 months to December 2018 against the 2017/18 baseline", "\(then.indicatorPeriod)")
            #expect(then.indicators.contains { $0.key == "violence-with-injury" && $0.status != nil && $0.value != nil })
            #expect(then.hotspotPeriod == "1 December 2018 to 28 February 2019" && !then.hotspots.isEmpty && !then.indicators.isEmpty)
            #expect(then.hotspots.allSatisfy { $0.count >= PackSnapshot.hotspotMinimum }, "one fly-tip does not make a hot spot")
            #expect(then.notes.isEmpty, "\(then.notes)")

            // Thirty fly-tips dated inside March's hot-spot months are entered after publication.
            let reported = try #require(ISO8601DateFormatter().date(from: "2019-01-15T10:00:00Z"))
            for index in 0..<30 {
                let grid = NationalGridPoint(easting: 430_000, northing: 290_000 + Double(index))
                _ = try await harness.services.storage.flyTips.add(
                    FlyTip(id: "late-\(index)", reference: ReferenceCode.make(prefix: "FT", from: "late-\(index)"), position: NationalGrid.wgs84(from: grid),
                           gridPoint: grid, location: "Late Entry Lane", landType: .highway, wasteTypes: [.green], size: .carBootOrLess, source: .crew,
                           status: .reported, reportedAt: reported, recordedBy: "test", recordedAt: reported), photos: [], by: .system)
            }
            #expect(try await packs.snapshot(cutOff: march.cutOff).hotspots.first?.location == "Late Entry Lane", "today's data would give March another snapshot")
            #expect(!then.hotspots.contains { $0.location == "Late Entry Lane" })

            let june = Meeting(id: "june", committeeID: march.committeeID, date: try CalendarDay(parsing: "2019-06-11"), time: try TimeOfDay(parsing: "18:30"),
                               venue: "Committee Room", cutOff: try CalendarDay(parsing: "2019-05-31"), signedBy: march.signedBy, publicParticipation: "")
            try await packs.save(june, by: .system)
            let draft = try await packs.build(meetingID: june.id)
            let changes = try #require(draft.changes)
            let now = try #require(draft.snapshot)
            #expect(changes.since == "the pack for Tuesday 12 March 2019 (published version 1)")
            #expect(changes == Pack.Changes(since: changes.since, from: then, to: now), "compared with the frozen March snapshot, not today's")
            #expect(changes.compared && !changes.isEmpty)
            let html = PackHTML.render(draft)
            #expect(html.contains("<h2 id=\"changes-title\">What changed since the last pack</h2>"))
            #expect(try Self.texts(PackFile(name: "june.docx", mediaType: PackFormat.docx.mediaType, bytes: try PackDOCX.render(draft), sha256: ""))
                .contains("What changed since the last pack"))
            // The March pack, published before June, is not changed by it.
            #expect(frozen.changes == nil)
        }
    }

    /// The committee overview: meetings coming up with their papers, what changed in the latest
    /// published pack, and the open actions; a partner updates its own actions from there.
    @Test(arguments: TestEngine.available)
    func theCommitteeOverviewLeadsWithWhatACouncillorNeeds(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let councillor = try await harness.session(.councillor), partner = try await harness.session(.partner)
            // The test clock stands on 12 March 2019, the meeting day: the meeting is coming up, its papers are late.
            var page = try await client.execute(uri: "/committee", method: .get, headers: councillor.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Papers not yet published; due by Monday 4 March 2019."))
            #expect(page.text.contains("No pack is published yet."))
            // The demo's two open actions, for reading: a councillor updates none.
            #expect(page.text.contains("Warwickshire Police") && page.text.contains("North Warwickshire Borough Council"))
            #expect(page.text.contains("Overdue") == false, "due 30 April 2019, after the clock's day")
            #expect(!page.text.contains("name=\"status\""))

            // A partner sees its organisation's action first, with the form, and comes back here after updating it.
            page = try await client.execute(uri: "/committee", method: .get, headers: partner.headers)
            #expect(page.text.contains("Actions your organisation owns") && page.text.contains("Other open actions"))
            let january = try #require(try await packs.meetingList().map(\.meeting).first { $0.date.description == "2019-01-31" })
            let police = try #require(january.actions.first { $0.ownerOrganisationID == "org-police" })
            let council = try #require(january.actions.first { $0.ownerOrganisationID != "org-police" })
            #expect(page.text.contains("action=\"/meetings/\(january.id)/actions/\(police.id)\""))
            #expect(!page.text.contains("action=\"/meetings/\(january.id)/actions/\(council.id)\""))
            let update = try await client.execute(uri: "/meetings/\(january.id)/actions/\(police.id)", method: .post, headers: partner.formHeaders(),
                                                  body: formBody([("_csrf", partner.csrf), ("status", "done"), ("note", "Hot spots shared."), ("back", "/committee")]))
            #expect(update.status == .seeOther && update.headers[.location] == "/committee#actions")
            // Any other "back" is not followed.
            let elsewhere = try await client.execute(uri: "/meetings/\(january.id)/actions/\(police.id)", method: .post, headers: partner.formHeaders(),
                                                     body: formBody([("_csrf", partner.csrf), ("status", "done"), ("note", "Hot spots shared."), ("back", "https://example.com/")]))
            #expect(elsewhere.headers[.location] == "/meetings/\(january.id)#actions")
            page = try await client.execute(uri: "/committee", method: .get, headers: partner.headers)
            #expect(page.text.contains("Your organisation owns no open actions."), "done is no longer open")

            // March published, then June: the overview shows June's papers and what changed since March.
            let march = try await Self.demoMeeting(harness)
            _ = try await packs.publish(meetingID: march.id, urgency: "Figures arrived late.", by: .system)
            page = try await client.execute(uri: "/committee", method: .get, headers: councillor.headers)
            #expect(page.text.contains("It is the committee&#39;s first published pack, so there is nothing earlier to compare with."))
            #expect(page.text.contains("/meetings/\(march.id)/published/1/html"), "the March papers are linked")
            let june = Meeting(id: "june", committeeID: march.committeeID, date: try CalendarDay(parsing: "2019-06-11"), time: try TimeOfDay(parsing: "18:30"),
                               venue: "Committee Room", cutOff: try CalendarDay(parsing: "2019-05-31"), signedBy: march.signedBy, publicParticipation: "")
            try await packs.save(june, by: .system)
            var report = try #require(try await packs.reports(meetingID: march.id).first)
            report.id = "june-report"
            report.meetingID = june.id
            try await packs.save(report, by: .system)
            _ = try await packs.publish(meetingID: june.id, by: .system)
            page = try await client.execute(uri: "/committee", method: .get, headers: councillor.headers)
            #expect(page.text.contains("the pack for Tuesday 11 June 2019, published version 1"))
            #expect(page.text.contains("/meetings/june/published/1/html#changes"))
            #expect(page.text.contains("What changed since the pack for Tuesday 12 March 2019 (published version 1)"))
            #expect(page.text.contains("Fly-tipping locations no longer in the top 10"), "the demo has no fly-tips after February 2019")
            // The public reads no overview.
            #expect(try await client.execute(uri: "/committee", method: .get).status != .ok)
        }
    }

    /// `safer serve --demo` publishes the March pack as the council did, on its publish-by day:
    /// the deadline met, so no reason for urgency is asked or printed.
    @Test(arguments: TestEngine.available)
    func theDemoPublishesItsPackOnItsPublishByDay(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            let packs = PackService(services: harness.services)
            let publication = try #require(try await DemoLoader(services: harness.services).publishDemoPack())
            #expect(publication.version == 1 && CalendarDay(containing: publication.publishedAt).description == "2019-03-04")
            let march = try await Self.demoMeeting(harness)
            #expect(march.status == .published && march.latePublication == nil)
            #expect(try await packs.deadline(for: march).publishBy.description == "2019-03-04")
            let html = String(decoding: try await packs.publishedFile(meetingID: march.id, version: 1, format: .html).bytes, as: UTF8.self)
            #expect(!html.contains("Reason for urgency") && !html.contains("Draft: not yet published"))
            // The exempt appendix made a members' pack too.
            #expect(publication.files.contains { PackFormat.isRestricted($0.name) })
            #expect(try await DemoLoader(services: harness.services).publishDemoPack() == nil, "published once")
            let page = try await client.execute(uri: "/meetings/\(march.id)", method: .get)
            #expect(page.text.contains("Version 1, published 4 March 2019"))
        }
    }
}
