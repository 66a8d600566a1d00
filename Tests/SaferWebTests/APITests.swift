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

@Suite("JSON API")
struct APITests {
    struct Problem: Decodable { let type: String; let title: String; let status: Int; let detail: String }

    static func problem(_ response: TestResponse) throws -> Problem {
        #expect(response.headers[.contentType] == "application/problem+json")
        return try JSONDecoder().decode(Problem.self, from: Data(buffer: response.body))
    }

    @Test func noTokenOrAWrongOneIs401WithAProblem() async throws {
        try await WebHarness.run { _, client in
            let none = try await client.execute(uri: "/api/v1/me", method: .get)
            #expect(none.status == .unauthorized)
            #expect(try Self.problem(none).detail.contains("Bearer"))
            let wrong = try await client.execute(uri: "/api/v1/me", method: .get, headers: [.authorization: "Bearer sft_nope"])
            #expect(wrong.status == .unauthorized)
            #expect(try Self.problem(wrong).title.contains("token"))
        }
    }

    @Test func aBadQueryNamesTheParameterAndRangesAreEnforced() async throws {
        try await WebHarness.run { harness, client in
            let headers: HTTPFields = [.authorization: "Bearer \(try await harness.apiToken(.officer))"]
            let word = try await client.execute(uri: "/api/v1/incidents?limit=abc", method: .get, headers: headers)
            #expect(word.status == .unprocessableContent)
            #expect(try Self.problem(word).detail == "The query parameter 'limit' is 'abc': use a whole number from 1 to 5000.")
            let negative = try await client.execute(uri: "/api/v1/incidents?limit=-5", method: .get, headers: headers)
            #expect(negative.status == .unprocessableContent, "out of the documented range: refused, not quietly clamped")
            #expect(try Self.problem(negative).detail == "The query parameter 'limit' is '-5': use a whole number from 1 to 5000.")
            let offset = try await client.execute(uri: "/api/v1/incidents?offset=-1", method: .get, headers: headers)
            #expect(try Self.problem(offset).detail == "The query parameter 'offset' is '-1': use a whole number of 0 or more.")
            let missing = try await client.execute(uri: "/api/v1/reports/borough?through=2018-12", method: .get, headers: headers)
            #expect(try Self.problem(missing).detail == "The query parameter 'fy' is required.")
            let twice = try await client.execute(uri: "/api/v1/audit?offset=1&offset=2", method: .get, headers: [.authorization: "Bearer \(try await harness.apiToken(.admin))"])
            #expect(try Self.problem(twice).detail == "The query parameter 'offset' is given 2 times: give it once.")
            let kind = try await client.execute(uri: "/api/v1/plans?kind=zzz", method: .get, headers: headers)
            #expect(try Self.problem(kind).detail == "The query parameter 'kind' is 'zzz': use one of action, partnership, corporate, service.")
            let year = try await client.execute(uri: "/api/v1/reports/borough?fy=abc", method: .get, headers: headers)
            #expect(year.status == .unprocessableContent)
            #expect(try Self.problem(year).detail.hasPrefix("The query parameter 'fy': 'abc' is not a financial year"), "a period's own message names its parameter")
            let top = try await client.execute(uri: "/api/v1/hotspots/ranking?limit=101", method: .get, headers: headers)
            #expect(top.status == .unprocessableContent)
        }
    }

    @Test func theQueryContractIsReadFromTheDocument() throws {
        let contract = try QueryContract.load()
        let incidents = try #require(contract.operations["GET /api/v1/incidents"])
        #expect(incidents.first { $0.name == "limit" } == .init(name: "limit", required: false, type: "integer", allowed: nil, minimum: 1, maximum: 5000))
        #expect(contract.operations["GET /api/v1/reports/borough"]?.first { $0.name == "fy" }?.required == true)
        #expect(contract.operations["GET /api/v1/meetings/{id}/pack"]?.first { $0.name == "format" }?.allowed == ["json", "html", "docx", "xlsx", "pdf", "zip"])
        let read: Int = contract.operations.values.map(\.count).reduce(0, +)
        #expect(read == 50, "every query parameter in the document is read (50 lines say in: query)")
    }

    @Test func aMethodThePathDoesNotAnswerIs405WithAllow() async throws {
        try await WebHarness.run { harness, client in
            let headers: HTTPFields = [.authorization: "Bearer \(try await harness.apiToken(.admin))"]
            let delete = try await client.execute(uri: "/api/v1/meetings", method: .delete, headers: headers)
            #expect(delete.status == .methodNotAllowed)
            #expect(delete.headers[.allow] == "GET")
            #expect(try Self.problem(delete).detail.contains("it answers GET"))
            let trace = try await client.execute(uri: "/", method: .trace)
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers[.allow] == "GET")
            let madeUp = try await client.execute(uri: "/login", method: HTTPRequest.Method("BREW")!)
            #expect(madeUp.status == .methodNotAllowed)
            #expect(madeUp.headers[.allow] == "GET, POST")
            #expect(try await client.execute(uri: "/nowhere", method: .delete).status == .notFound, "an unknown address stays 404")
        }
    }

    @Test(arguments: TestEngine.available)
    func anAdminCreatesAnOrganisationAndTheAuditSaysAPI(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let token = try await harness.apiToken(.admin)
            let response = try await client.execute(uri: "/api/v1/organisations", method: .post,
                                                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                    body: ByteBuffer(string: #"{"name":"Coleshill Town Council","kind":"parish"}"#))
            #expect(response.status == .created)
            struct Created: Decodable { let id: String; let name: String; let kind: String }
            let created = try JSONDecoder().decode(Created.self, from: Data(buffer: response.body))
            #expect(created.name == "Coleshill Town Council")
            #expect(response.location == "/api/v1/organisations/\(created.id)")
            let entry = try await harness.services.storage.auditLog.list(AuditFilter(entity: "organisation", entityID: created.id)).first
            #expect(entry?.actor.channel == .api)
        }
    }

    @Test func everyEndpointAppliesTheSameBodyRules() async throws {
        try await WebHarness.run { harness, client in
            let headers: HTTPFields = [.authorization: "Bearer \(try await harness.apiToken(.admin))", .contentType: "application/json"]
            let malformed = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: "{not json"))
            #expect(malformed.status == .badRequest)
            #expect(try Self.problem(malformed).detail.contains("not well-formed JSON"))
            let missing = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"X"}"#))
            #expect(missing.status == .badRequest)
            #expect(try Self.problem(missing).detail.contains("'kind'"))
            let invalid = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":"X","kind":"club"}"#))
            #expect(invalid.status == .badRequest)
            #expect(try Self.problem(invalid).detail.contains("'kind' has a value that is not allowed"))
            let blank = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: #"{"name":" ","kind":"parish"}"#))
            #expect(blank.status == .unprocessableContent)
            #expect(try Self.problem(blank).detail.contains("Enter the organisation's name"))
            let huge = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers,
                                                body: ByteBuffer(string: #"{"name":""# + String(repeating: "x", count: 1_100_000) + #"","kind":"parish"}"#))
            #expect(huge.status == .contentTooLarge)
            #expect(try Self.problem(huge).title.contains("too large"))
        }
    }

    @Test func aBrowserUsingItsCookieMustSendTheFormToken() async throws {
        try await WebHarness.run { harness, client in
            let browser = try await harness.session(.admin)
            let body = #"{"name":"Fillongley Parish Council","kind":"parish"}"#
            var headers = browser.headers
            headers[.contentType] = "application/json"
            let refused = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(refused.status == .forbidden)
            headers[HTTPField.Name("X-CSRF-Token")!] = browser.csrf
            let accepted = try await client.execute(uri: "/api/v1/organisations", method: .post, headers: headers, body: ByteBuffer(string: body))
            #expect(accepted.status == .created)
        }
    }

    @Test func unknownAddressesAre404InTheirOwnFormat() async throws {
        try await WebHarness.run { harness, client in
            let api = try await client.execute(uri: "/api/v1/nothing-here", method: .get)
            #expect(api.status == .notFound)
            #expect(try Self.problem(api).status == 404)
            let page = try await client.execute(uri: "/nothing-here", method: .get, headers: try await harness.session(.officer).headers)
            #expect(page.status == .notFound)
            #expect(page.text.contains("<h1>Page not found</h1>"))
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        try await WebHarness.run { _, client in
            let response = try await client.execute(uri: "/api/v1/openapi.yaml", method: .get)
            #expect(response.status == .ok)
            #expect(response.text.hasPrefix("openapi: 3.1.0"))
        }
    }
}

@Suite("Health and metrics")
struct SystemTests {
    @Test(arguments: TestEngine.available)
    func healthChecksTheDatabase(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let ok = try await client.execute(uri: "/health", method: .get)
            #expect(ok.status == .ok)
            #expect(ok.text.contains(#""database":"ok""#))
            try await harness.services.storage.database.shutdown()
            let recent = try await client.execute(uri: "/health", method: .get)
            #expect(recent.status == .ok, "an answer within 2 s stands, so /health never queues behind reports")
            harness.clock.advance(by: 3)
            let down = try await client.execute(uri: "/health", method: .get)
            #expect(down.status == .serviceUnavailable)
            #expect(down.text.contains("unavailable"))
        }
    }

    @Test func metricsArePrometheusText() async throws {
        try await WebHarness.run { _, client in
            _ = try await client.execute(uri: "/login", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("hb_requests"))
            #expect(metrics.text.contains("http_server_request_duration"))
        }
    }
}

@Suite("Configuration")
struct ConfigurationTests {
    @Test func flagsWinOverTheEnvironment() throws {
        let configuration = try AppConfiguration.resolve(flags: ["SAFER_PORT": "9000"],
                                                         environment: ["SAFER_PORT": "8000", "SAFER_HOST": "0.0.0.0"])
        #expect(configuration.port == 9000)
        #expect(configuration.host == "0.0.0.0")
    }

    @Test func everyBadValueIsNamedAtOnce() {
        let error = #expect(throws: ConfigurationError.self) {
            try AppConfiguration.resolve(flags: ["SAFER_PORT": "80000"],
                                         environment: ["SAFER_SESSION_SECRET": "short", "SAFER_DATABASE": "mysql://x/y", "SAFER_SECURE_COOKIES": "maybe"])
        }
        #expect(error?.problems.count == 4)
        for key in ["SAFER_PORT", "SAFER_SESSION_SECRET", "SAFER_DATABASE", "SAFER_SECURE_COOKIES"] {
            #expect(error?.description.contains(key) == true, "names \(key)")
        }
    }

    @Test func trustedProxiesAreCIDRs() throws {
        let configuration = try AppConfiguration.resolve(flags: [:], environment: ["SAFER_TRUSTED_PROXIES": "10.0.0.0/8,192.168.0.1"])
        #expect(configuration.trustedProxies.trusts("10.1.2.3") && configuration.trustedProxies.trusts("192.168.0.1"))
        #expect(!AppConfiguration().trustedProxies.trusts("127.0.0.1"), "none are trusted unless configured")
        let error = #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(flags: [:], environment: ["SAFER_TRUSTED_PROXIES": "10.0.0.0/40"]) }
        #expect(error?.description.contains("SAFER_TRUSTED_PROXIES") == true)
    }
}
