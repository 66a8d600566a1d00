import Foundation
import Logging
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SaferDomain
import SaferStorage
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// A fresh migrated database, seeded accounts and the application, driven through the router.
struct WebHarness {
    let services: AppServices
    let users: [Role: User]
    let clock: TestClock
    let sleeps: RecordedSleeps

    /// Runs `body` against a fresh application on the given engine.
    static func run(_ engine: TestEngine = .sqlite, logger: Logger = Logger(label: "safer"), configure: @escaping @Sendable (inout AppConfiguration) -> Void = { _ in },
                    _ body: @escaping @Sendable (WebHarness, any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let clock = TestClock(), sleeps = RecordedSleeps()
            let services = makeTestServices(database, clock: clock, sleeps: sleeps, logger: logger, configure: configure)
            let users = try await TestData.seedAccounts(services)
            let harness = WebHarness(services: services, users: users, clock: clock, sleeps: sleeps)
            let app = try buildApplication(configuration: services.configuration, services: services)
            try await app.test(.router) { client in try await body(harness, client) }
        }
    }

    /// A signed-in browser for a role: its cookie header and form token.
    func session(_ role: Role) async throws -> Browser {
        let token = SecureRandom.token(), csrf = "csrf-\(role.rawValue)-\(SecureRandom.hex(byteCount: 4))"
        try await services.storage.sessions.create(Session(tokenHash: SecureRandom.hash(token), userID: users[role]!.id, csrfToken: csrf,
                                                           createdAt: clock.now(), expiresAt: clock.now() + 3600))
        return Browser(cookie: "\(AuthenticationMiddleware.sessionCookie)=\(token)", csrf: csrf)
    }

    /// An API token for a role.
    func apiToken(_ role: Role) async throws -> String {
        try await services.accounts.createToken(email: users[role]!.email, name: "test", by: .system).token
    }
}

/// What a browser sends: its cookie and the form token its pages carry.
struct Browser: Sendable {
    let cookie: String
    let csrf: String

    var headers: HTTPFields { [.cookie: cookie] }

    func formHeaders() -> HTTPFields { [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"] }
}

/// A url-encoded form body.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    return ByteBuffer(string: text)
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var location: String? { headers[.location] }
    var setCookies: [String] { headers[values: .setCookie] }
}

/// The value of `name="_csrf" value="..."` in a page.
func csrfToken(in html: String) -> String? {
    guard let range = html.range(of: #"name="_csrf" value="([^"]+)""#, options: .regularExpression) else { return nil }
    let match = String(html[range])
    return match.components(separatedBy: "value=\"").last?.dropLast().description
}

/// `name=value` of a Set-Cookie header.
func cookiePair(_ setCookie: String) -> String { String(setCookie.split(separator: ";")[0]) }
