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

/// Every route × every role (and anonymous): allowed or refused exactly as declared.
@Suite("Route access")
struct RouteAccessTests {
    /// A concrete path for a route pattern, using records that exist in the harness.
    static func concrete(_ path: String, _ harness: WebHarness) -> String {
        path.replacingOccurrences(of: "{id}", with: ":id")
            .replacingOccurrences(of: ":id", with: path.contains("organisations") ? "org-police" : harness.users[.councillor]!.id)
            .replacingOccurrences(of: ":key", with: "violence-with-injury")
            .replacingOccurrences(of: ":file", with: "safer.css")
    }

    @Test(arguments: TestEngine.available)
    func everyRouteAnswersEveryRoleAsDeclared(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let routes = try buildRouter(services: harness.services).specs
            #expect(routes.count >= 20, "the catalogue lists every route")
            var checked = 0
            for route in routes {
                for role in [nil] + Role.allCases.map(Optional.some) {
                    let path = Self.concrete(route.path, harness)
                    var headers: HTTPFields = [:]
                    var body: ByteBuffer? = nil
                    if let role {
                        if route.kind == .api {
                            headers[.authorization] = "Bearer \(try await harness.apiToken(role))"
                        } else {
                            let browser = try await harness.session(role)
                            headers = route.kind == .form ? browser.formHeaders() : browser.headers
                            if route.kind == .form { body = formBody([("_csrf", browser.csrf)]) }
                        }
                    }
                    if role == nil && route.kind == .form {
                        // An anonymous visitor's form carries the signed token from its cookie.
                        let page = try await client.execute(uri: "/login", method: .get)
                        headers = [.cookie: cookiePair(page.setCookies.first { $0.hasPrefix("safer_csrf=") }!),
                                   .contentType: "application/x-www-form-urlencoded"]
                        body = formBody([("_csrf", csrfToken(in: page.text)!)])
                    }
                    if route.kind == .api && route.method == .post { headers[.contentType] = "application/json"; body = ByteBuffer(string: "{}") }
                    let response = try await client.execute(uri: path, method: route.method, headers: headers, body: body)
                    let allowed = route.access == .everyone || role.map { r in
                        if case .roles(let set) = route.access { return set.allows(r) } else { return true }
                    } ?? false
                    let label = "\(route) as \(role?.rawValue ?? "anonymous")"
                    if allowed {
                        // Refusals look like this; any other answer (even 401 for a wrong password) means the route was reached.
                        let refusedPage = response.status == .forbidden && response.text.contains("<h1>Forbidden</h1>")
                        let refusedAPI = [.unauthorized, .forbidden].contains(response.status)
                            && response.headers[.contentType] == "application/problem+json"
                        #expect(!refusedPage && !refusedAPI, "\(label) should be allowed, got \(response.status)")
                        #expect(!(response.status == .seeOther && (response.location ?? "").hasPrefix("/login?")), "\(label) should not be sent to sign in")
                    } else if role == nil {
                        switch route.kind {
                        case .api, .plain:
                            #expect(response.status == .unauthorized, "\(label): expected 401, got \(response.status)")
                            #expect(response.headers[.contentType] == "application/problem+json", "\(label): problem document")
                        case .page, .form:
                            #expect(response.status == .seeOther, "\(label): expected a redirect to sign in, got \(response.status)")
                            #expect(response.location?.hasPrefix("/login?next=") == true, "\(label): to the sign-in page")
                        }
                    } else {
                        #expect(response.status == .forbidden, "\(label): expected 403, got \(response.status)")
                        if route.kind == .api {
                            #expect(response.headers[.contentType] == "application/problem+json", "\(label): problem document")
                        } else {
                            #expect(response.text.contains("<h1>Forbidden</h1>"), "\(label): the 403 page")
                        }
                    }
                    checked += 1
                }
            }
            #expect(checked == routes.count * (Role.allCases.count + 1))
        }
    }

    @Test func everyFormRefusesAPostWithoutItsToken() async throws {
        try await WebHarness.run { harness, client in
            let forms = try buildRouter(services: harness.services).specs.filter { $0.kind == .form }
            #expect(!forms.isEmpty)
            for route in forms {
                // A role the route lets in, so that only the token can be the reason for refusing.
                let role = Role.allCases.first { role in
                    if case .roles(let set) = route.access { return set.allows(role) } else { return true }
                } ?? .admin
                let browser = try await harness.session(route.access == .everyone ? .admin : role)
                for body in [formBody([]), formBody([("_csrf", "forged")])] {
                    let response = try await client.execute(uri: Self.concrete(route.path, harness), method: .post,
                                                            headers: browser.formHeaders(), body: body)
                    #expect(response.status == .forbidden, "\(route) without a valid token")
                    #expect(response.text.contains("security token"), "\(route) says why")
                }
            }
        }
    }

    @Test func everyRouteIsDescribedInTheOpenAPIDocumentOrIsAPage() async throws {
        try await WebHarness.run { harness, _ in
            let document = try String(contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent()
                .appendingPathComponent("../../Sources/SaferWeb/Resources/openapi.yaml"), encoding: .utf8)
            for route in try buildRouter(services: harness.services).specs where route.kind == .api {
                let path = String(route.path.dropFirst("/api/v1".count))
                    .replacingOccurrences(of: #":([a-zA-Z]+)"#, with: "{$1}", options: .regularExpression)
                #expect(document.contains("\n  \(path):"), "\(route) is in openapi.yaml")
            }
        }
    }
}
