import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOConcurrencyHelpers
import NIOCore
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

@Suite("The request log")
struct RequestLogTests {
    /// Everything logged, as the JSON lines `safer serve --log-format json` writes.
    final class Captured: Sendable {
        private let lines = NIOLockedValueBox<[String]>([])
        var all: [String] { lines.withLockedValue { $0 } }
        var logger: Logger {
            Logger(label: "safer") { label in JSONLogHandler(label: label) { data in self.lines.withLockedValue { $0.append(String(decoding: data, as: UTF8.self)) } } }
        }
        func fields(_ line: String) -> [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(line.utf8))) ?? [:] }
    }

    @Test func oneLinePerRequestWithItsIdAndNoSecretsOrPersonalData() async throws {
        let captured = Captured()
        let secrets = ["correct horse battery staple", "pat.resident@example.org", "01827 715341", "Pat Resident"]
        try await WebHarness.run(logger: captured.logger) { harness, client in
            let signedIn = try await SignInTests.signIn(client, email: TestData.email(.officer), password: TestData.password)
            #expect(signedIn.status == .seeOther)
            _ = try await SignInTests.signIn(client, email: TestData.email(.officer), password: "wrong " + secrets[0])
            let token = try await harness.apiToken(.officer)
            let report = #"{"latitude":52.5466,"longitude":-1.5236,"what":["bags"],"amount":"small-van","land":"road","contact":{"name":"Pat Resident","email":"pat.resident@example.org","phone":"01827 715341"}}"#
            let created = try await client.execute(uri: "/api/v1/public-reports?email=pat.resident@example.org", method: .post,
                                                   headers: [.contentType: "application/json"], body: ByteBuffer(string: report))
            #expect(created.status == .created)
            let refused = try await client.execute(uri: "/api/v1/incidents?limit=pat.resident@example.org", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(refused.status == .unprocessableContent)
            #expect(refused.headers[.requestID]?.isEmpty == false, "the answer carries its request id")

            let lines = captured.all
            let requests = lines.map(captured.fields).filter { $0["status"] != nil }
            #expect(requests.count == 6, "GET and POST /login twice, the report, the refused query: one line each")
            let query = try #require(requests.first { $0["path"] == "/api/v1/incidents" })
            #expect(query["method"] == "GET" && query["status"] == "422" && Double(query["duration_ms"] ?? "") != nil)
            #expect(query["hb.request.id"] == refused.headers[.requestID])
            #expect(lines.contains { $0.contains("Answered 422: The request has problems (fields: limit)") }, "the reason, without the value")
            for secret in secrets + [token] {
                #expect(!lines.contains { $0.contains(secret) }, "the log never holds '\(secret)'")
            }
        }
    }
}
