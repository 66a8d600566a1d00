import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferStorage
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// The performance numbers through the API and the pages, from the demo data transcribed from
/// the seed pack: they must reproduce the seed's tables (domain.md section 3).
@Suite("Performance from the demo data")
struct PerformanceTests {
    /// domain.md section 3: indicator → (baseline, last 12 months, change, status).
    static let seedRows: [String: (Double, Double, String, String)] = [
        "violence-against-the-person": (1_417, 1_482, "+4.6%", "amber"),
        "violence-with-injury": (485, 519, "+7.0%", "red"),
        "violence-with-injury-domestic-abuse": (152, 156, "+2.6%", "amber"),
        "violence-without-injury": (756, 817, "+8.1%", "red"),
        "burglary-residential-dwelling": (271, 269, "-0.7%", "amber"),
        "theft-from-vehicle": (393, 420, "+6.9%", "red"),
        "burglary-business-and-community": (216, 185, "-14.4%", "green"),
        "theft-of-vehicle": (208, 212, "+1.9%", "amber"),
        "hate-offences": (51, 52, "+2.0%", "amber"),
        "business-crime": (670, 455, "-32.1%", "green"),
        "anti-social-behaviour": (1_699, 1_559, "-8.2%", "green"),
        "deliberate-small-fires": (49, 50, "+2.0%", "amber"),
        "criminal-damage-and-arson": (479, 461, "-3.8%", "amber"),
        "total-recorded-crime": (4_567, 4_626, "+1.3%", "amber"),
    ]

    struct Baseline: Decodable {
        struct Total: Decodable { let value: Double?; let complete: Bool }
        struct Change: Decodable { let change: Double?; let text: String }
        struct Row: Decodable { let indicator: String; let baseline: Total; let lastTwelveMonths: Total; let change: Change; let status: String? }
        let rows: [Row]
    }

    static func withDemo(_ engine: TestEngine = .sqlite, _ body: @escaping @Sendable (WebHarness, any TestClientProtocol, String) async throws -> Void) async throws {
        try await WebHarness.run(engine) { harness, client in
            _ = try await DemoLoader(services: harness.services).load()
            try await body(harness, client, try await harness.apiToken(.councillor))
        }
    }

    @Test(arguments: TestEngine.available)
    func theBaselineReportReproducesTheSeedsFourteenRows(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { _, client, token in
            let response = try await client.execute(uri: "/api/v1/reports/baseline?through=2018-12", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            let report = try JSONDecoder().decode(Baseline.self, from: Data(buffer: response.body))
            let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.indicator, $0) })
            for (key, expected) in Self.seedRows {
                let row = try #require(rows[key], "\(key) is in the report")
                #expect(row.baseline.value == expected.0, "\(key) baseline")
                #expect(row.lastTwelveMonths.value == expected.1, "\(key) last 12 months")
                #expect(row.change.text == expected.2, "\(key) change")
                #expect(row.status == expected.3, "\(key) status")
            }
        }
    }

    @Test func theBoroughTableGivesTotalsToDateAndLeavesUnreportedMonthsOut() async throws {
        try await Self.withDemo { _, client, token in
            let response = try await client.execute(uri: "/api/v1/reports/borough?fy=2018/19", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            struct Report: Decodable {
                struct Total: Decodable { let value: Double?; let text: String }
                struct Row: Decodable { let indicator: String; let months: [String: FigureValue]?; let totalToDate: Total? }
                let through: String; let rows: [Row]
            }
            let report = try JSONDecoder().decode(Report.self, from: Data(buffer: response.body))
            #expect(report.through == "2018-12")
            let rows = Dictionary(uniqueKeysWithValues: report.rows.map { ($0.indicator, $0) })
            #expect(rows["violence-against-the-person"]?.totalToDate?.value == 1_207)
            #expect(rows["anti-social-behaviour"]?.totalToDate?.value == 1_237)
            #expect(rows["violence-against-the-person"]?.months?["2019-01"] == nil, "January 2019 is not reported")
        }
    }

    @Test func theBeatComparisonNamesTheSeedsBeats() async throws {
        try await Self.withDemo { _, client, token in
            let response = try await client.execute(uri: "/api/v1/reports/beats?quarter=2018/19-Q3", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            struct Report: Decodable { let biggestIncreases: [String: String]; let reductionsInEveryCategory: [String] }
            let report = try JSONDecoder().decode(Report.self, from: Data(buffer: response.body))
            #expect(report.biggestIncreases["vehicle-crime"] == "Vehicle crime: Curdworth +19, Water Orton +9, Hurley and Wood End +7")
            #expect(report.biggestIncreases["anti-social-behaviour"]?.contains("Coleshill South (Town) +11, Polesworth East +11, Fillongley +10") == true)
            #expect(report.biggestIncreases["total-recorded-crime"]?.contains("Hurley and Wood End +47") == true)
            #expect(report.reductionsInEveryCategory == ["Atherstone North", "Hartshill"])
        }
    }

    @Test func officersSetFiguresAllOrNothingAndEachChangeIsAudited() async throws {
        try await Self.withDemo { harness, client, _ in
            let token = try await harness.apiToken(.officer)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let bad = try await client.execute(uri: "/api/v1/figures", method: .put, headers: headers, body: ByteBuffer(string:
                #"{"figures":[{"indicator":"theft-from-vehicle","month":"2019-01","value":31},{"indicator":"no-such","month":"2019-01","value":1}]}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("no-such"))
            let good = try await client.execute(uri: "/api/v1/figures", method: .put, headers: headers, body: ByteBuffer(string:
                #"{"figures":[{"indicator":"theft-from-vehicle","month":"2019-01","value":31},{"indicator":"theft-of-vehicle","month":"2019-01","value":"TBC"}]}"#))
            #expect(good.status == .ok)
            struct Result: Decodable { let changed: Int }
            #expect(try JSONDecoder().decode(Result.self, from: Data(buffer: good.body)).changed == 2)
            let entries = try await harness.services.storage.auditLog.list(AuditFilter(entity: "figure", actorLabel: "officer@"))
            #expect(entries.count == 2)
            #expect(entries.contains { $0.entityID == "theft-from-vehicle/north-warwickshire/2019-01" && $0.changes == [FieldChange(field: "value", before: nil, after: "31")] })
            let partner = try await harness.apiToken(.partner)
            let refused = try await client.execute(uri: "/api/v1/figures", method: .put,
                                                   headers: [.authorization: "Bearer \(partner)", .contentType: "application/json"],
                                                   body: ByteBuffer(string: #"{"figures":[]}"#))
            #expect(refused.status == .forbidden)
        }
    }

    @Test func aMalformedPeriodSaysWhatToWrite() async throws {
        try await Self.withDemo { _, client, token in
            let response = try await client.execute(uri: "/api/v1/reports/baseline?through=2018-13", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("2018-13"))
        }
    }
}

/// Issue 13.3: one early figure for a new month must not blank the reports' default period.
@Suite("Performance reports open on the latest complete period")
struct DefaultPeriodTests {
    @Test(arguments: TestEngine.available)
    func oneJanuaryFigureLeavesTheReportsOnTheLastCompleteQuarter(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, _ in
            _ = try await harness.services.storage.figures.set([MonthlyFigure(indicatorKey: "violence-with-injury", areaKey: "north-warwickshire",
                                                                              month: Month("2019-01")!, value: .count(40))], by: .system)
            let councillor = try await harness.session(.councillor)
            let quarterly = try await client.execute(uri: "/performance/quarterly", method: .get, headers: councillor.headers).text
            #expect(quarterly.contains("Green 3, Amber 8, Red 3"), "the seed's statuses, not Green 0, Amber 0, Red 0")
            #expect(quarterly.contains("Showing the 12 months ending Dec 2018: the end of the latest quarter for which most indicators have all three months"))
            let beats = try await client.execute(uri: "/performance/beats", method: .get, headers: councillor.headers).text
            #expect(beats.contains("Q3 2018/19 against Q3 2017/18") && beats.contains("Showing Q3 2018/19"))
            let borough = try await client.execute(uri: "/performance", method: .get, headers: councillor.headers).text
            #expect(borough.contains("Borough performance 2018/19") && borough.contains("Showing 2018/19"))
            // The related reports come before the 40-row table, not only below it.
            let table = try #require(borough.range(of: "<table"))
            #expect(try #require(borough.range(of: "href=\"/performance/quarterly\"")).lowerBound < table.lowerBound)

            // A period asked for with nothing to show says so and links to the complete one.
            let empty = try await client.execute(uri: "/performance/quarterly?through=2019-02", method: .get, headers: councillor.headers).text
            #expect(empty.contains("No indicator has figures for all of the 12 months ending Feb 2019 yet"))
            #expect(empty.contains(#"<a href="/performance/quarterly?through=2018-12">Show the 12 months ending Dec 2018, the latest complete period</a>"#))
            let emptyYear = try await client.execute(uri: "/performance?fy=2020/21", method: .get, headers: councillor.headers).text
            #expect(emptyYear.contains("No figures yet for 2020/21.") && emptyYear.contains(#"href="/performance?fy=2018/19""#))
            let emptyQuarter = try await client.execute(uri: "/performance/beats?quarter=2020/21-Q1", method: .get, headers: councillor.headers).text
            #expect(emptyQuarter.contains("No figures yet for Q1 2020/21.") && emptyQuarter.contains(#"href="/performance/beats?quarter=2018/19-Q3""#))
            // A period asked for that has figures needs no note.
            let asked = try await client.execute(uri: "/performance/quarterly?through=2018-12", method: .get, headers: councillor.headers).text
            #expect(!asked.contains("period-note"))
        }
    }
}

/// Issue 13.7: a councillor's home page leads with this quarter's summary and links to each report.
@Suite("The home page")
struct HomePageTests {
    @Test func aCouncillorsHomePageLeadsWithTheQuartersStatuses() async throws {
        try await PerformanceTests.withDemo { harness, client, _ in
            let councillor = try await harness.session(.councillor)
            let home = try await client.execute(uri: "/", method: .get, headers: councillor.headers).text
            #expect(home.contains("Q3 2018/19: crime and anti-social behaviour"))
            #expect(home.contains(#"<span class="rag rag-green">Green</span> 3"#) && home.contains(#"<span class="rag rag-amber">Amber</span> 8"#)
                    && home.contains(#"<span class="rag rag-red">Red</span> 3"#), "the seed's statuses, each with its word")
            #expect(home.contains(#"<a href="/performance/indicators/violence-with-injury">Violence with injury (+7.0%)</a>"#))
            #expect(home.contains(#"href="/performance/quarterly?through=2018-12""#) && home.contains(#"href="/performance/beats""#))
            #expect(home.contains("meeting: 12 March 2019</a>"), "the demo meeting, next or latest by the clock")
            #expect(home.contains(#"<span class="brand-sub">North Warwickshire Community Safety</span>"#), "the council's name from the database")
            let summary = try #require(home.range(of: "quarter-summary")), cards = try #require(home.range(of: #"class="cards""#))
            #expect(summary.lowerBound < cards.lowerBound, "the summary comes first")
        }
    }

    @Test func anEmptyDatabasesHomePageNamesNoCouncilAndHasNoSummary() async throws {
        try await WebHarness.run { harness, client in
            let home = try await client.execute(uri: "/", method: .get, headers: try await harness.session(.councillor).headers)
            #expect(home.status == .ok)
            #expect(home.text.contains("Community safety evidence, from data.") && !home.text.contains("quarter-summary"),
                    "no council named before one is set up, and no summary before figures")
            for path in ["/", "/performance/police-uk", "/fly-tipping", "/hotspots", "/nowhere"] {
                let page = try await client.execute(uri: path, method: .get, headers: try await harness.session(.officer).headers).text
                #expect(!page.contains("North Warwickshire"), "\(path) names no council the database does not hold")
                #expect(page.contains(#"<span class="brand-sub">Community Safety</span>"#), "\(path)")
            }
        }
    }
}

/// Issue 12.8: report inputs are cached by data version, and a write on any node (any
/// connection to the same database) is seen by the next report.
@Suite("Performance inputs cached by data version")
struct PerformanceCacheTests {
    @Test(arguments: TestEngine.available)
    func aWriteFromAnotherNodeIsSeenByTheNextReport(engine: TestEngine) async throws {
        try await PerformanceTests.withDemo(engine) { harness, client, token in
            let performance = PerformanceService(services: harness.services)
            func december() async throws -> Double? {
                try await performance.inputs().figures["violence-with-injury"]?.months[Month("2018-12")!].number
            }
            let versions = harness.services.storage.dataVersions
            let stored = try #require(try await december())
            let before = try await versions.version("performance")
            let again = try await december()
            #expect(again == stored, "from the cache")
            #expect(try await versions.version("performance") == before, "reading bumps nothing")
            func borough() async throws -> String {
                try await client.execute(uri: "/api/v1/reports/borough?fy=2018/19", method: .get, headers: [.authorization: "Bearer \(token)"]).text
            }
            let report = try await borough()
            #expect(try await borough() == report, "the same report, from the cache")
            // Another node: its own services (and cache) on the same database.
            let database = harness.services.storage.database
            let other = AppServices(configuration: harness.services.configuration, storage: Storage(database: database, clock: TestClock(), ids: UUIDGenerator()))
            _ = try await other.storage.figures.set([MonthlyFigure(indicatorKey: "violence-with-injury", areaKey: "north-warwickshire",
                                                                  month: Month("2018-12")!, value: .number(stored + 10))], by: .system)
            #expect(try await versions.version("performance") > before)
            let changed = try await december()
            #expect(changed == stored + 10, "the change is seen at once")
            let after = try await borough()
            #expect(after != report && after.contains("\(Int(stored) + 10)"), "and by the API's cached report")
            // A write to a table the reports do not read leaves the version alone.
            let now = try await versions.version("performance")
            try await other.storage.organisations.create(Organisation(id: "org-new", name: "New Parish Council", kind: .parish), by: .system)
            #expect(try await versions.version("performance") == now)
            try await other.storage.indicators.save(Theme(key: "new-theme", name: "New theme", position: 99), by: .system)
            #expect(try await versions.version("performance") > now)
        }
    }
}
