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

@Suite("Admin pages")
struct AdminPagesTests {
    /// A new council (accounts but no district): the performance pages say what is missing, and
    /// an administrator gets the set-up steps with links; the API answers 409 with the same words.
    @Test func aNewCouncilIsToldWhatToSetUpFirst() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin), councillor = try await harness.session(.councillor)
            for path in ["/performance", "/performance/quarterly", "/performance/beats", "/performance/figures"] {
                let page = try await client.execute(uri: path, method: .get, headers: admin.headers)
                #expect(page.status == .conflict && page.text.contains("No district is set up yet"), "\(path)")
                #expect(page.text.contains("Setting up Safer") && page.text.contains("<a href=\"/admin/areas\">"), "\(path)")
            }
            let home = try await client.execute(uri: "/", method: .get, headers: admin.headers)
            #expect(home.status == .ok && home.text.contains("Setting up Safer") && home.text.contains("<a href=\"/admin/indicators\">"))
            #expect(!(try await client.execute(uri: "/", method: .get, headers: councillor.headers)).text.contains("Setting up Safer"))
            // The checklist says which steps are done, in words: the harness's accounts are there, the district is not.
            func state(_ label: String, in text: String) -> String? {
                guard let start = text.range(of: label)?.upperBound else { return nil }
                let rest = text[start...]
                guard let span = rest.range(of: "class=\"step-state ") else { return nil }
                return String(rest[span.upperBound...].drop { $0 != ">" }.dropFirst().prefix { $0 != "<" })
            }
            #expect(state("The council: its name", in: home.text) == "To do")
            #expect(state("Accounts for officers", in: home.text) == "Done")
            let theirs = try await client.execute(uri: "/performance", method: .get, headers: councillor.headers)
            #expect(theirs.text.contains("No district is set up yet") && !theirs.text.contains("Setting up Safer"), "only an administrator can follow the steps")
            let api = try await client.execute(uri: "/api/v1/reports/baseline?through=2018-12", method: .get,
                                               headers: [.authorization: "Bearer \(try await harness.apiToken(.councillor))"])
            #expect(api.status == .conflict && api.headers[.contentType] == "application/problem+json" && api.text.contains("No district is set up yet"))
            // The council's own page: bad values named in words, then saved.
            func save(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: "/admin/council", method: .post, headers: admin.formHeaders(), body: formBody(fields + [("_csrf", admin.csrf)]))
            }
            let refused = try await save([("name", "Anytown"), ("ons-code", "X1"), ("population", "1e300"), ("match", "prefix"), ("lsoa-prefix", "Anytown")])
            #expect(refused.status == .unprocessableContent && refused.text.contains("The ONS code (--ons-code) &#39;X1&#39; is not a local authority")
                    && refused.text.contains("value=\"1e300\""), "what was typed is kept")
            #expect(try await SetUpService(services: harness.services).council() == nil)
            #expect(try await save([("name", "Anytown"), ("ons-code", "E07000999"), ("population", "50,000"), ("population-year", "2021"),
                                    ("match", "prefix"), ("lsoa-prefix", "Anytown")]).status == .seeOther)
            let emptyPrefix = try await save([("name", "Anytown"), ("ons-code", "E07000999"), ("match", "prefix"), ("lsoa-prefix", " ")])
            #expect(emptyPrefix.status == .unprocessableContent && emptyPrefix.text.contains("The LSOA-name prefix (--lsoa-prefix) is empty"))
            let page = try await client.execute(uri: "/admin/council?saved=1", method: .get, headers: admin.headers)
            #expect(page.text.contains("The council&#39;s set-up is saved.") && page.text.contains("value=\"E07000999\""))
            let after = try await client.execute(uri: "/", method: .get, headers: admin.headers)
            #expect(state("The council: its name", in: after.text) == "Done" && state("Wards and police beats", in: after.text) == "To do")
        }
    }

    @Test(arguments: TestEngine.available)
    func anAdminAddsAnAccountAndTheChangeIsAudited(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let admin = try await harness.session(.admin)
            let response = try await client.execute(uri: "/admin/users", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", "Sam Parish"), ("email", "sam@hartshill.example"), ("role", "partner"),
                ("organisation", "org-police"), ("password", "a long enough password"),
            ]))
            #expect(response.status == .seeOther)
            let user = try #require(try await harness.services.storage.users.find(email: "sam@hartshill.example"))
            #expect(user.role == .partner)
            let audit = try await client.execute(uri: "/admin/audit?entity=user&actor=admin@test", method: .get, headers: admin.headers)
            #expect(audit.text.contains("sam@hartshill.example"))
            // Issue 13.8: records and the ids in changes are shown by name, with links; the record type is a list.
            #expect(audit.text.contains(#"user: <a href="/admin/users/\#(user.id)">Sam Parish (sam@hartshill.example)</a>"#))
            #expect(audit.text.contains("<ins>Warwickshire Police</ins>") && !audit.text.contains("<ins>org-police</ins>"))
            #expect(audit.text.contains(#"<select id="entity" name="entity">"#) && audit.text.contains(#"<option value="user" selected>user</option>"#))
            #expect(audit.text.contains(#"<option value="organisation">organisation</option>"#), "every kind of record in the log is listed")
            let entries = try await harness.services.storage.auditLog.list(AuditFilter(entity: "user", entityID: user.id))
            #expect(entries.first?.actor == Actor(userID: harness.users[.admin]!.id, label: "admin@test.example", channel: .web))
        }
    }

    /// Issue 13.8: themes and indicators are added on pages, not only on the command line.
    @Test(arguments: TestEngine.available)
    func anAdminAddsAThemeAndAnIndicatorInIt(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let admin = try await harness.session(.admin)
            let theme = try await client.execute(uri: "/admin/themes", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("themeName", "Rural crime"), ("themeKey", "rural-crime")]))
            #expect(theme.status == .seeOther)
            let badKey = try await client.execute(uri: "/admin/indicators", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", "Farm machinery theft"), ("key", "Farm Machinery!"), ("theme", "rural-crime"),
                ("polarity", "fewer-is-better"), ("threshold", "1e400"), ("crimeTypes", "")]))
            #expect(badKey.status == .unprocessableContent)
            #expect(badKey.text.contains("is not a key") && badKey.text.contains("The threshold must be a percentage") && badKey.text.contains(#"value="Farm machinery theft""#), "every problem named; the typed name kept")
            #expect(try await harness.services.storage.indicators.find(key: "farm-machinery-theft") == nil)
            let added = try await client.execute(uri: "/admin/indicators", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", "Farm machinery theft"), ("key", "farm-machinery-theft"), ("theme", "rural-crime"),
                ("polarity", "fewer-is-better"), ("threshold", "10"), ("crimeTypes", "Other theft")]))
            #expect(added.status == .seeOther)
            let indicator = try #require(try await harness.services.storage.indicators.find(key: "farm-machinery-theft"))
            #expect(indicator.themeKey == "rural-crime" && indicator.thresholdPercent == 10 && indicator.source == .policeUK && indicator.crimeTypes == ["Other theft"])
            let page = try await client.execute(uri: "/admin/indicators?added=farm-machinery-theft", method: .get, headers: admin.headers).text
            #expect(page.contains("<td>Rural crime</td>") && page.contains("Added farm-machinery-theft: give it figures on the figures page."))
            let again = try await client.execute(uri: "/admin/indicators", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", "Another"), ("key", "farm-machinery-theft"), ("polarity", "fewer-is-better")]))
            #expect(again.status == .conflict && again.text.contains("already exists"))
            let audited = try await harness.services.storage.auditLog.list(AuditFilter(entityID: "farm-machinery-theft"))
            #expect(audited.count == 1 && audited[0].actor.channel == .web)
            let officer = try await harness.session(.officer)
            #expect(try await client.execute(uri: "/admin/themes", method: .post, headers: officer.formHeaders(), body: formBody([
                ("_csrf", officer.csrf), ("themeName", "X"), ("themeKey", "x")])).status == .forbidden)
        }
    }

    @Test func errorPagesKeepTheSignedInNavigation() async throws {
        try await WebHarness.run { harness, client in
            let partner = try await harness.session(.partner)
            let missing = try await client.execute(uri: "/nowhere", method: .get, headers: partner.headers)
            #expect(missing.status == .notFound)
            #expect(missing.text.contains("Signed in as Test Partner"))
            let forbidden = try await client.execute(uri: "/admin/users", method: .get, headers: partner.headers)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.text.contains("Signed in as Test Partner"))
        }
    }

    @Test func badAccountDetailsAreAllNamedAndNothingIsStored() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            let before = try await harness.services.storage.users.list().count
            let response = try await client.execute(uri: "/admin/users", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", ""), ("email", "not-an-address"), ("role", "mayor"), ("password", "short"),
            ]))
            #expect(response.status == .unprocessableContent)
            for message in ["Enter the person&#39;s name", "is not an e-mail address", "is not a role", "at least 12 characters"] {
                #expect(response.text.contains(message) || response.text.contains(message.replacingOccurrences(of: "&#39;", with: "'")), "names: \(message)")
            }
            #expect(try await harness.services.storage.users.list().count == before)
        }
    }

    @Test func addingAnAccountSaysSo() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            let response = try await client.execute(uri: "/admin/users", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", "Sam Newcomer"), ("email", "Sam.Newcomer@example.org"), ("role", "officer"), ("password", "a long enough password"),
            ]))
            #expect(response.status == .seeOther)
            let page = try await client.execute(uri: try #require(response.location), method: .get, headers: admin.headers)
            #expect(page.text.contains(#"role="status">Account added for sam.newcomer@example.org."#))
        }
    }

    @Test func textPeopleTypedIsEscapedInPages() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            _ = try await client.execute(uri: "/admin/organisations", method: .post, headers: admin.formHeaders(),
                                         body: formBody([("_csrf", admin.csrf), ("name", "<script>alert(1)</script> Parish"), ("kind", "parish")]))
            let page = try await client.execute(uri: "/admin/organisations", method: .get, headers: admin.headers)
            #expect(page.text.contains("&lt;script&gt;alert(1)&lt;/script&gt; Parish"))
            #expect(!page.text.contains("<script>alert(1)"))
        }
    }

    @Test func anAdminCannotLockThemselvesOut() async throws {
        try await WebHarness.run { harness, client in
            let admin = try await harness.session(.admin)
            let me = harness.users[.admin]!
            let response = try await client.execute(uri: "/admin/users/\(me.id)", method: .post, headers: admin.formHeaders(), body: formBody([
                ("_csrf", admin.csrf), ("name", me.name), ("email", me.email), ("role", "officer"), ("disabled", "on"),
            ]))
            #expect(response.status == .unprocessableContent)
            #expect(try await harness.services.storage.users.find(id: me.id)?.role == .admin)
        }
    }

    /// A new council adds its district on the page (this answered 409 "No district is set up yet"
    /// before: the page looked the district up first), then its beats; the rules hold whichever way.
    @Test(arguments: TestEngine.available)
    func aNewCouncilAddsItsDistrictThenItsBeats(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let admin = try await harness.session(.admin)
            func add(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(uri: "/admin/areas", method: .post, headers: admin.formHeaders(), body: formBody([("_csrf", admin.csrf)] + fields))
            }
            let beatFirst = try await add([("kind", "beat"), ("key", "north"), ("name", "North beat")])
            #expect(beatFirst.status == .unprocessableContent && beatFirst.text.contains("Add the district first"))
            #expect(try await add([("kind", "district"), ("key", "anytown"), ("name", "Anytown District"), ("population", "64,069"), ("properties", "28000")]).status == .seeOther)
            #expect(try await add([("kind", "beat"), ("key", "north"), ("name", "North beat")]).status == .seeOther)
            let second = try await add([("kind", "district"), ("key", "othertown"), ("name", "Othertown")])
            #expect(second.status == .unprocessableContent && second.text.contains("Safer holds one district, Anytown District (anytown)"))
            let badKey = try await add([("kind", "ward"), ("key", "North Ward!"), ("name", "North ward"), ("population", "1e300")])
            #expect(badKey.status == .unprocessableContent && badKey.text.contains("The population must be a whole number above 0"))
            let badShape = try await add([("kind", "ward"), ("key", "North Ward!"), ("name", "North ward")])
            #expect(badShape.status == .unprocessableContent && badShape.text.contains("is not a key") && badShape.text.contains("e.g. north-warwickshire"))
            // A 5,000-character key is named, not repeated: at most 80 characters of it.
            let long = try await add([("kind", "ward"), ("key", String(repeating: "a", count: 5_000) + "!"), ("name", "Long")])
            #expect(long.status == .unprocessableContent && long.text.contains("is not a key") && !long.text.contains(String(repeating: "a", count: 100)))
            let clash = try await add([("kind", "ward"), ("key", "north"), ("name", "North ward")])
            #expect(clash.status == .unprocessableContent && clash.text.contains("north is already a beat"))
            let areas = try await AreaService(services: harness.services).list()
            #expect(areas.map(\.key) == ["anytown", "north"] && areas[0].population == 64_069 && areas[0].residentialProperties == 28_000)
            #expect(areas[1].parentKey == "anytown")
            #expect(try await harness.services.storage.auditLog.list(AuditFilter(entity: "area", entityID: "anytown")).count == 1)
        }
    }

    /// `safer setup`'s service from an empty database: a lookup that names an unknown beat
    /// stores nothing; a set-up stores the council and its district; a second changes only what
    /// it names; imports then keep the council's rows by its rule; and no page or warning names
    /// North Warwickshire.
    @Test(arguments: TestEngine.available)
    func aNewCouncilSetsItselfUpAndItsRuleChoosesThePoliceRows(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let setUp = SetUpService(services: harness.services)
            let lookup = [LSOAMapping(lsoaCode: "E01031035", lsoaName: "Anytown 001A", beatKey: nil, wardKey: nil),
                          LSOAMapping(lsoaCode: "E01031036", lsoaName: "Anytown 001B", beatKey: "nowhere", wardKey: nil)]
            let anytown = CouncilSetUp(name: "Anytown", onsCode: "E07000999", population: "50000", populationYear: "2021")
            await #expect(throws: ValidationError.self) { try await setUp.setUp(anytown, lookup: lookup, by: .cli()) }
            let council = try await setUp.council(), areas = try await harness.services.storage.areas.list(kind: nil)
            let rows = try await harness.services.storage.areas.lookup()
            #expect(council == nil && areas.isEmpty && rows.isEmpty, "nothing stored")
            #expect(try await setUp.policeUKFilter() == nil)

            let result = try await setUp.setUp(anytown, lookup: [lookup[0]], by: .cli())
            #expect(result.council.policeUKMatch == .lsoaLookup && result.district.key == "anytown" && result.district.population == 50_000 && result.lookupRows == 1)
            #expect(try await setUp.policeUKFilter() == .lsoaCodes(["E01031035"]))
            let changed = try await setUp.setUp(CouncilSetUp(households: "21000", lsoaPrefix: "Anytown"), by: .cli())
            #expect(changed.council.onsCode == "E07000999" && changed.district.population == 50_000 && changed.district.residentialProperties == 21_000)
            #expect(try await setUp.policeUKFilter() == .lsoaNamePrefix("Anytown"))
            #expect(try await harness.services.storage.auditLog.list(AuditFilter(entity: "council", entityID: "council")).count == 2)

            // The demo's rectangle is another district's: no warning names it.
            let settings = try await FlyTipService(services: harness.services).settings()
            #expect(settings.councilName == "Anytown" && settings.warning(for: NationalGridPoint(easting: 530_000, northing: 180_000)) == nil)
            let admin = try await harness.session(.admin)
            let page = try await client.execute(uri: "/performance/police-uk", method: .get, headers: admin.headers)
            #expect(page.status == .ok && page.text.contains("Left empty, the council's set-up applies: LSOA names starting &#39;Anytown&#39;"))
            #expect(!page.text.contains("North Warwickshire"))
        }
    }

    /// `safer area remove`'s rules: an area something still uses is kept, with what uses it named;
    /// one nothing uses goes, audited.
    @Test(arguments: TestEngine.available)
    func anAreaIsRemovedOnlyWhenNothingUsesIt(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, _ in
            let service = AreaService(services: harness.services), storage = harness.services.storage
            try await service.save(key: "anytown", name: "Anytown", kind: .district, by: .system)
            try await service.save(key: "north", name: "North", kind: .beat, by: .system)
            try await service.save(key: "south", name: "South", kind: .beat, by: .system)
            try await storage.indicators.create(Indicator(key: "asb", name: "ASB"), by: .system)
            try await storage.figures.set([MonthlyFigure(indicatorKey: "asb", areaKey: "north", month: try Month(parsing: "2019-01"), value: .number(4))], by: .system)
            _ = try await storage.areas.replaceLookup([LSOAMapping(lsoaCode: "E01000001", lsoaName: "Anytown 001A", beatKey: "north", wardKey: nil)], by: .system)
            func refusal(_ key: String) async -> String {
                do { try await service.remove(key: key, by: .cli()); return "" } catch { return "\(error)" }
            }
            #expect(await refusal("north").contains("North (north) is still used by 1 figure, 1 row of the LSOA lookup"))
            #expect(await refusal("anytown").contains("is still used by 2 beats or wards under it"))
            #expect(await refusal("nowhere").contains("There is no area 'nowhere'"))
            try await storage.settings.replaceBeatBoundaries([BeatBoundary(beatKey: "south", name: "South", rings: [])], by: .system)
            #expect(await refusal("south").contains("has an uploaded outline"))
            try await storage.settings.replaceBeatBoundaries([], by: .system)
            try await storage.areas.save(AreaPopulation(areaKey: "south", year: 2021, population: 9_000, households: nil), by: .system)
            #expect(await refusal("south") == "", "its populations go with it")
            #expect(try await storage.areas.populations(areaKey: "south").isEmpty)
            let south = try await storage.areas.find(key: "south"), north = try await storage.areas.find(key: "north")
            #expect(south == nil && north != nil)
            #expect(try await storage.auditLog.list(AuditFilter(entity: "area", entityID: "south")).map(\.action).contains(.delete))
        }
    }
}
