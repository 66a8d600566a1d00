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

/// Plans from the demo data transcribed from the seed pack, through the pages, the API and
/// the service the command line uses: the corporate-plan summary, suggested statuses, reasons
/// for a differing status, partners' permissions, year end and the audit log.
@Suite("Plans from the demo data")
struct PlanTests {
    static let year = try! FinancialYear(parsing: "2018/19")

    static func withDemo(_ engine: TestEngine = .sqlite, _ body: @escaping @Sendable (WebHarness, any TestClientProtocol) async throws -> Void) async throws {
        try await WebHarness.run(engine) { harness, client in
            let result = try await DemoLoader(services: harness.services).load()
            #expect(result.plans == 7)
            try await body(harness, client)
        }
    }

    /// The demo plan of a kind and year whose title contains `words`.
    static func plan(_ harness: WebHarness, _ kind: Plan.Kind, _ year: String, _ words: String = "") async throws -> Plan {
        let plans = try await harness.services.storage.plans.list(financialYear: try FinancialYear(parsing: year))
        return try #require(plans.first { $0.kind == kind && (words.isEmpty || $0.title.contains(words)) }, "\(kind) \(year) \(words)")
    }

    /// The item of a plan with that printed number.
    static func item(_ harness: WebHarness, _ plan: Plan, number: String) async throws -> PlanItem {
        try #require(try await harness.services.storage.plans.items(planID: plan.id).first { $0.number == number }, "item \(number)")
    }

    /// Issue 13.3: the demo has a 2019/20 plan rolled forward with no statuses; the list opens
    /// on 2018/19, whose plans have them, and says why.
    @Test func thePlansListOpensOnTheLatestYearWithStatuses() async throws {
        try await Self.withDemo { harness, client in
            let councillor = try await harness.session(.councillor)
            let page = try await client.execute(uri: "/plans", method: .get, headers: councillor.headers).text
            #expect(page.contains("<h1>Plans 2018/19</h1>"))
            #expect(page.contains("Showing 2018/19: the latest year whose plans have statuses. Choose 2019/20 below for its plans."))
            #expect(page.contains("Total 44 (100%) (Q3 2018/19)"), "the corporate plan's Q3 summary")
            let asked = try await client.execute(uri: "/plans?fy=2019/20", method: .get, headers: councillor.headers).text
            #expect(asked.contains("<h1>Plans 2019/20</h1>") && !asked.contains("period-note"))
        }
    }

    static func json<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(buffer: response.body))
    }

    struct Count: Decodable { let count: Int; let percentage: Int }
    struct Line: Decodable { let name: String; let green: Count; let amber: Count; let red: Count; let total: Count; let text: String }
    struct Flagged: Decodable { let itemId: String; let assigned: String; let suggested: String; let rule: String; let reason: String }
    struct Summary: Decodable { let plans: [Line]; let committees: [Line]; let flagged: [Flagged]; let roundingRule: String }

    // MARK: - Summary

    @Test(arguments: TestEngine.available)
    func theCorporatePlanSummaryForQuarter3ReadsAsTheSeed(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { harness, client in
            let token = try await harness.apiToken(.councillor)
            let response = try await client.execute(uri: "/api/v1/reports/plan-summary?fy=2018/19&kind=corporate&quarter=3", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            let summary = try Self.json(Summary.self, response)
            let corporate = try #require(summary.plans.first)
            #expect(summary.plans.count == 1)
            #expect((corporate.green.count, corporate.green.percentage) == (9, 82))
            #expect((corporate.amber.count, corporate.amber.percentage) == (2, 18))
            #expect((corporate.red.count, corporate.red.percentage) == (0, 0))
            #expect((corporate.total.count, corporate.total.percentage) == (11, 100))
            #expect(corporate.text == "Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)")
            #expect(summary.roundingRule.contains("largest remainder"))
            #expect(summary.committees.map(\.name) == ["Safer Communities Sub-Committee"])

            // The same on the plan's page and in its download, with the rule stated.
            let plan = try await Self.plan(harness, .corporate, "2018/19")
            let browser = try await harness.session(.councillor)
            let page = try await client.execute(uri: "/plans/\(plan.id)?quarter=3", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)"))
            #expect(page.text.contains("largest remainder"))
            let csv = try await client.execute(uri: "/plans/\(plan.id)?quarter=3&format=csv", method: .get, headers: browser.headers)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.hasPrefix("No.,Action or target,Lead"))
            let xlsx = try await client.execute(uri: "/plans/\(plan.id)?format=xlsx", method: .get, headers: browser.headers)
            #expect(xlsx.headers[.contentType]?.contains("spreadsheetml") == true)
            #expect(Array(Data(buffer: xlsx.body).prefix(2)) == [0x50, 0x4B], "a zip file")
        }
    }

    @Test func theSummaryPageStatesItsRoundingRuleAndDownloads() async throws {
        try await Self.withDemo { harness, client in
            let browser = try await harness.session(.partner)
            let page = try await client.execute(uri: "/plans/summary?fy=2018/19&kind=corporate&quarter=3", method: .get, headers: browser.headers)
            #expect(page.status == .ok)
            #expect(page.text.contains("Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)"))
            #expect(page.text.contains("largest remainder"))
            let csv = try await client.execute(uri: "/plans/summary?fy=2018/19&kind=corporate&quarter=3&format=csv", method: .get,
                                               headers: browser.headers)
            let rows = csv.text.split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            #expect(rows[0] == ["Plan or committee", "Green", "Green %", "Amber", "Amber %", "Red", "Red %", "Total", "Total %", "Without status"])
            #expect(Array(rows[1].dropFirst()) == ["9", "0.82", "2", "0.18", "0", "0", "11", "1", "0"])
            let list = try await client.execute(uri: "/plans?fy=2018/19", method: .get, headers: browser.headers)
            #expect(list.text.contains("Green 9 (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)"))
        }
    }

    // MARK: - Suggested status

    @Test(arguments: TestEngine.available)
    func suggestedStatusesFollowTheSeedsExamples(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { harness, client in
            let service = PlanService(services: harness.services)
            let partnership = try await Self.plan(harness, .partnership, "2018/19")
            let q3 = Quarter(Self.year, .q3)
            // Anti-social behaviour: target 1,698, 1,237 by quarter 3 → pro rata 1,649: on schedule.
            let asb = try await Self.item(harness, partnership, number: "9")
            let asbSuggestion = try #require(try await service.suggestion(for: asb, in: q3).status)
            #expect(asbSuggestion.status == .green)
            #expect(asbSuggestion.rule == .proRata, "the demo has no 2017/18 months, so no seasonal profile")
            #expect(abs(asbSuggestion.forecast - 1_237.0 * 12 / 9) < 1e-9)
            // Theft from vehicles: target 393, 310 by quarter 3 → pro rata 413, more than 5% over: behind (Red).
            let vehicles = try await Self.item(harness, partnership, number: "22")
            let vehicleSuggestion = try #require(try await service.suggestion(for: vehicles, in: q3).status)
            #expect(vehicleSuggestion.status == .red)
            #expect(abs(vehicleSuggestion.forecast - 310.0 * 12 / 9) < 1e-9)
            // A TBC December is said, not forecast around: deliberate small fires.
            let fires = try await Self.item(harness, partnership, number: "16")
            let none = try await service.suggestion(for: fires, in: q3)
            #expect(none.applies && none.status == nil)
            #expect(none.text.contains("missing Dec"), "\(none.text)")

            // The pack's Amber beside the suggested Red, flagged in the summary with the reason the loader gave.
            let token = try await harness.apiToken(.officer)
            let summary = try Self.json(Summary.self, try await client.execute(
                uri: "/api/v1/reports/plan-summary?fy=2018/19&kind=partnership&quarter=3", method: .get, headers: [.authorization: "Bearer \(token)"]))
            let flag = try #require(summary.flagged.first { $0.itemId == vehicles.id })
            #expect((flag.assigned, flag.suggested, flag.rule) == ("amber", "red", "pro-rata"))
            #expect(flag.reason.contains("does not record"))
            #expect(!summary.flagged.contains { $0.itemId == asb.id }, "Green assigned, Green suggested")

            // Both statuses on the item page and the plan page.
            let browser = try await harness.session(.councillor)
            let item = try await client.execute(uri: "/plans/items/\(vehicles.id)?quarter=3", method: .get, headers: browser.headers)
            #expect(item.text.contains(#"<span class="rag rag-amber">Amber</span>"#))
            #expect(item.text.contains(#"<span class="rag rag-red">Red</span>"#))
            #expect(item.text.contains("Forecast 413 (pro-rata) against a target of 393: Red"))
            let page = try await client.execute(uri: "/plans/\(partnership.id)?quarter=3", method: .get, headers: browser.headers)
            #expect(page.text.contains("Differs from the suggestion"))
        }
    }

    // MARK: - A reason for a differing status

    @Test(arguments: TestEngine.available)
    func aDifferingStatusWithoutAReasonIsRefusedAndWithOneIsStoredAndFlagged(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { harness, client in
            let partnership = try await Self.plan(harness, .partnership, "2018/19")
            let asb = try await Self.item(harness, partnership, number: "9")
            let storage = harness.services.storage
            let before = try await storage.plans.updates(itemIDs: [asb.id]).count
            let officer = try await harness.session(.officer)
            func post(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: "/plans/items/\(asb.id)/updates", method: .post, headers: officer.formHeaders(),
                                         body: formBody([("_csrf", officer.csrf), ("quarter", "4"), ("text", "Nuisance ASB rising in Atherstone"),
                                                         ("status", "red"), ("direction", "auto")] + fields))
            }
            let refused = try await post([("reason", "")])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.text.contains("Give a reason for the difference"))
            #expect(refused.text.contains("Nuisance ASB rising in Atherstone"), "what was typed is kept")
            #expect(try await storage.plans.updates(itemIDs: [asb.id]).count == before)

            let stored = try await post([("reason", "Two new hot spots since January")])
            #expect(stored.status == .seeOther)
            let latest = try #require(try await storage.plans.updates(itemIDs: [asb.id]).last)
            #expect(latest.status == .red)
            #expect(latest.suggestion?.status == .green)
            #expect(latest.reason == "Two new hot spots since January")
            #expect(latest.quarter == Quarter(Self.year, .q4))
            #expect(latest.direction == .worsening, "Green in quarter 3, Red now: worked out from the previous quarter's status")
            #expect(latest.authorID == harness.users[.officer]!.id)

            // Flagged in the summary and on the pages.
            let token = try await harness.apiToken(.officer)
            let summary = try Self.json(Summary.self, try await client.execute(
                uri: "/api/v1/reports/plan-summary?fy=2018/19&kind=partnership", method: .get, headers: [.authorization: "Bearer \(token)"]))
            #expect(summary.flagged.contains { $0.itemId == asb.id && $0.reason == "Two new hot spots since January" })
            let item = try await client.execute(uri: "/plans/items/\(asb.id)", method: .get, headers: officer.headers)
            #expect(item.text.contains("Two new hot spots since January"))

            // The API holds to the same rule.
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let apiRefused = try await client.execute(uri: "/api/v1/plans/items/\(asb.id)/updates", method: .post, headers: headers,
                                                      body: ByteBuffer(string: #"{"quarter":"2018/19-Q4","text":"x","status":"amber"}"#))
            #expect(apiRefused.status == .unprocessableContent)
            #expect(apiRefused.headers[.contentType] == "application/problem+json")
            #expect(apiRefused.text.contains("reason"))
            let apiStored = try await client.execute(uri: "/api/v1/plans/items/\(asb.id)/updates", method: .post, headers: headers,
                                                     body: ByteBuffer(string: #"{"quarter":"Q3","text":"x","status":"amber","reason":"Awaiting December figures"}"#))
            #expect(apiStored.status == .created)
            struct Update: Decodable { let differsFromSuggestion: Bool; let reason: String?; let direction: String? }
            let update = try Self.json(Update.self, apiStored)
            #expect(update.differsFromSuggestion && update.reason == "Awaiting December figures")
            #expect(update.direction == nil, "quarter 2 has no status to compare with")
        }
    }

    // MARK: - Who may write

    @Test(arguments: TestEngine.available)
    func partnersUpdateOnlyTheItemsTheirOrganisationLeads(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { harness, client in
            let flyTipping = try await Self.plan(harness, .action, "2018/19")
            let police = try await Self.item(harness, flyTipping, number: "9")
            let council = try await Self.item(harness, flyTipping, number: "1")
            #expect(police.leadOrganisationIDs.contains("org-police"), "the demo's police-led item")
            #expect(!council.leadOrganisationIDs.contains("org-police"))
            let partner = try await harness.session(.partner)
            func post(_ item: PlanItem, as browser: Browser) async throws -> TestResponse {
                try await client.execute(uri: "/plans/items/\(item.id)/updates", method: .post, headers: browser.formHeaders(),
                                         body: formBody([("_csrf", browser.csrf), ("quarter", "4"), ("text", "Joint patrols on Packington Lane"),
                                                         ("status", "green"), ("direction", "")]))
            }
            #expect(try await post(police, as: partner).status == .seeOther)
            let refused = try await post(council, as: partner)
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("not led by yours"))
            #expect(try await harness.services.storage.plans.updates(itemIDs: [council.id]).allSatisfy { $0.authorID == nil },
                    "nothing stored on the council's item")
            let councillor = try await harness.session(.councillor)
            #expect(try await post(police, as: councillor).status == .forbidden, "councillors read only")

            // The partner sees the form only where they may use it.
            let own = try await client.execute(uri: "/plans/items/\(police.id)", method: .get, headers: partner.headers)
            #expect(own.text.contains("Add a quarterly update"))
            #expect(own.text.contains("Joint patrols on Packington Lane"))
            let other = try await client.execute(uri: "/plans/items/\(council.id)", method: .get, headers: partner.headers)
            #expect(!other.text.contains("Add a quarterly update"))
            #expect(other.text.contains("Partners add updates to the items their own organisation leads"))

            // The API: the same rule, a problem document when refused.
            let token = try await harness.apiToken(.partner)
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            let body = #"{"quarter":"4","text":"Week of action"}"#
            let allowed = try await client.execute(uri: "/api/v1/plans/items/\(police.id)/updates", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(allowed.status == .created)
            let denied = try await client.execute(uri: "/api/v1/plans/items/\(council.id)/updates", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(denied.status == .forbidden)
            #expect(denied.headers[.contentType] == "application/problem+json")
            let missing = try await client.execute(uri: "/api/v1/plans/items/no-such-item/updates", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(missing.status == .notFound)
        }
    }

    // MARK: - Year end

    @Test(arguments: TestEngine.available)
    func rollingForwardKeepsEachItemsHistory(engine: TestEngine) async throws {
        try await Self.withDemo(engine) { harness, client in
            let corporate = try await Self.plan(harness, .corporate, "2018/19")
            let items = try await harness.services.storage.plans.items(planID: corporate.id)
            let officer = try await harness.session(.officer)
            func post(_ path: String, _ fields: [(String, String)] = []) async throws -> TestResponse {
                try await client.execute(uri: path, method: .post, headers: officer.formHeaders(), body: formBody([("_csrf", officer.csrf)] + fields))
            }
            let early = try await post("/plans/\(corporate.id)/roll-forward")
            #expect(early.status == .unprocessableContent)
            #expect(early.text.contains("still to decide"))

            let decisions = items.enumerated().map { ("decision-\($1.id)", $0 < 3 ? "retain" : ($0 == 3 ? "change" : "remove")) }
            #expect(try await post("/plans/\(corporate.id)/year-end", decisions).status == .seeOther)
            let rolled = try await post("/plans/\(corporate.id)/roll-forward")
            #expect(rolled.status == .seeOther)
            let newID = try #require(rolled.location?.replacingOccurrences(of: "/plans/", with: ""))
            let next = try #require(try await harness.services.storage.plans.find(id: newID))
            #expect(next.financialYear.description == "2019/20")
            #expect(next.title == "Corporate Plan targets 2019/20 (Safer Communities Sub-Committee)")
            let copied = try await harness.services.storage.plans.items(planID: next.id)
            #expect(copied.map(\.previousItemID) == items.prefix(4).map { Optional($0.id) })
            #expect(copied.map(\.description) == items.prefix(4).map(\.description))

            // The new item's page shows last year's quarterly updates.
            let lastYear = try #require(try await harness.services.storage.plans.updates(itemIDs: [items[0].id]).last)
            let page = try await client.execute(uri: "/plans/items/\(copied[0].id)", method: .get, headers: officer.headers)
            #expect(page.text.contains("Earlier years"))
            #expect(page.text.contains(String(lastYear.text.prefix(40))))
            let old = try await client.execute(uri: "/plans/items/\(items[0].id)", method: .get, headers: officer.headers)
            #expect(old.text.contains("Carried forward as"))

            #expect(try await post("/plans/\(corporate.id)/roll-forward").status == .conflict, "a plan rolls forward once")
            let entries = try await harness.services.storage.auditLog.list(AuditFilter(entity: "plan-item", actorLabel: TestData.email(.officer)))
            #expect(entries.filter { $0.action == .update }.count == items.count, "each decision audited")
            #expect(entries.filter { $0.action == .create }.count == 4, "each copied item audited")
        }
    }

    @Test func theDemoFlyTippingPlansAreLinkedYearToYear() async throws {
        try await Self.withDemo { harness, client in
            let old = try await Self.plan(harness, .action, "2018/19")
            let new = try await Self.plan(harness, .action, "2019/20")
            #expect(new.previousPlanID == old.id)
            let oldItems = try await harness.services.storage.plans.items(planID: old.id)
            let newItems = try await harness.services.storage.plans.items(planID: new.id)
            #expect(oldItems.map(\.yearEndDecision).filter { $0 == .remove }.count == 2)
            // 2018/19 item 14 was carried forward as 2019/20 item 12.
            let fourteen = try #require(oldItems.first { $0.number == "14" })
            #expect(newItems.first { $0.number == "12" }?.previousItemID == fourteen.id)
            let officer = try await harness.session(.officer)
            let twelve = try #require(newItems.first { $0.number == "12" })
            let page = try await client.execute(uri: "/plans/items/\(twelve.id)", method: .get, headers: officer.headers)
            #expect(page.text.contains("Earlier years"))
            #expect(page.text.contains("2018/19"))
            // Already rolled forward: a second roll-forward is a conflict.
            let response = try await client.execute(uri: "/plans/\(old.id)/roll-forward", method: .post, headers: officer.formHeaders(),
                                                    body: formBody([("_csrf", officer.csrf)]))
            #expect(response.status == .conflict)
            // Loading again adds nothing.
            #expect(try await DemoLoader(services: harness.services).load().plans == 0)
            #expect(try await harness.services.storage.plans.list(financialYear: nil).count == 7)
        }
    }

    // MARK: - Officers' editing and the audit log

    @Test func officersAddPlansAndItemsAndEveryChangeIsAudited() async throws {
        try await Self.withDemo { harness, client in
            let officer = try await harness.session(.officer)
            let created = try await client.execute(uri: "/plans", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("kind", "service"), ("title", "Streetscape service plan 2019/20"), ("fy", "2019/20"),
                ("committee", "Community & Environment Board")]))
            #expect(created.status == .seeOther)
            let planPath = try #require(created.location)
            let badItem = try await client.execute(uri: "\(planPath)/items", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("description", ""), ("timescaleEnd", "31/03/2020")]))
            #expect(badItem.status == .unprocessableContent)
            #expect(badItem.text.contains("is not a date"))
            let item = try await client.execute(uri: "\(planPath)/items", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("number", "1"), ("description", "Reduce reported fly-tipping"), ("lead", "org-council"),
                ("target", "800"), ("indicator", "fly-tipping-incidents"), ("timescaleEnd", "2020-03-31")]))
            #expect(item.status == .seeOther)
            let itemPath = try #require(item.location)
            let edited = try await client.execute(uri: itemPath, method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("number", "1"), ("description", "Reduce reported fly-tipping by 10%"), ("lead", "org-council"),
                ("lead", "org-police"), ("target", "800"), ("indicator", "fly-tipping-incidents")]))
            #expect(edited.status == .seeOther)
            let stored = try #require(try await harness.services.storage.plans.item(id: String(itemPath.dropFirst("/plans/items/".count))))
            #expect(stored.leadOrganisationIDs == ["org-council", "org-police"])
            #expect(stored.timescaleEnd == nil, "cleared by the edit")
            let log = try await harness.services.storage.auditLog.list(AuditFilter(actorLabel: TestData.email(.officer)))
            #expect(log.contains { $0.entity == "plan" && $0.action == .create })
            #expect(log.contains { $0.entity == "plan-item" && $0.action == .create })
            #expect(log.contains { $0.entity == "plan-item" && $0.action == .update
                && $0.changes.contains { $0.field == "description" && $0.after == "Reduce reported fly-tipping by 10%" } })
            // Partners and councillors may not edit items or add plans.
            let partner = try await harness.session(.partner)
            let refused = try await client.execute(uri: itemPath, method: .post, headers: partner.formHeaders(),
                                                   body: formBody([("_csrf", partner.csrf), ("description", "x")]))
            #expect(refused.status == .forbidden)
        }
    }
}
