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

@Suite("Signing in and out")
struct SignInTests {
    /// Loads the sign-in page and posts the form as a browser would.
    static func signIn(_ client: any TestClientProtocol, email: String, password: String, next: String = "/",
                       extraHeaders: HTTPFields = [:]) async throws -> TestResponse {
        let page = try await client.execute(uri: "/login", method: .get)
        let anonymousCookie = cookiePair(page.setCookies.first { $0.hasPrefix("safer_csrf=") }!)
        var headers: HTTPFields = [.cookie: anonymousCookie, .contentType: "application/x-www-form-urlencoded"]
        for field in extraHeaders { headers.append(field) }
        return try await client.execute(uri: "/login", method: .post, headers: headers,
                                        body: formBody([("_csrf", csrfToken(in: page.text)!), ("email", email), ("password", password), ("next", next)]))
    }

    @Test(arguments: TestEngine.available)
    func aGoodPasswordStartsASessionWithASafeCookie(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            let response = try await Self.signIn(client, email: "OFFICER@test.example", password: TestData.password, next: "/plans")
            #expect(response.status == .seeOther)
            #expect(response.location == "/plans")
            let cookie = try #require(response.setCookies.first { $0.hasPrefix("safer_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
            #expect(!cookie.contains("Secure"), "plain http on loopback")
            let home = try await client.execute(uri: "/", method: .get, headers: [.cookie: cookiePair(cookie)])
            #expect(home.status == .ok)
            #expect(home.text.contains("Signed in as Test Officer"))
        }
    }

    @Test func behindHTTPSTheCookieIsSecure() async throws {
        try await WebHarness.run { _, client in
            let response = try await Self.signIn(client, email: TestData.email(.admin), password: TestData.password,
                                                 extraHeaders: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(response.setCookies.first { $0.hasPrefix("safer_session=") }?.contains("Secure") == true)
        }
    }

    @Test func aWrongPasswordShowsTheFormAgainWithAnError() async throws {
        try await WebHarness.run { _, client in
            let response = try await Self.signIn(client, email: TestData.email(.admin), password: "not the password")
            #expect(response.status == .unauthorized)
            #expect(response.text.contains("E-mail or password is not right"))
            #expect(response.text.contains(#"value="admin@test.example""#), "the address is kept")
            #expect(!response.setCookies.contains { $0.hasPrefix("safer_session=") })
        }
    }

    @Test func repeatedFailuresSlowDownPerAccountAndPerClient() async throws {
        try await WebHarness.run { harness, client in
            for _ in 0..<5 { _ = try await Self.signIn(client, email: TestData.email(.officer), password: "wrong") }
            // Three answered at once, then 1 s, then 2 s.
            #expect(harness.sleeps.all == [1, 2])
            // The same client trying another account is slowed too.
            _ = try await Self.signIn(client, email: TestData.email(.councillor), password: "wrong")
            #expect(harness.sleeps.all == [1, 2, 4])
            // After the window the failures no longer count.
            harness.clock.advance(by: 16 * 60)
            _ = try await Self.signIn(client, email: TestData.email(.officer), password: TestData.password)
            #expect(harness.sleeps.all == [1, 2, 4])
        }
    }

    @Test func theThrottleDoublesUpToItsCap() {
        let throttle = LoginThrottle()
        #expect((0...9).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 1, 2, 4, 8, 16, 16, 16])
    }

    @Test func aDisabledAccountCannotSignIn() async throws {
        try await WebHarness.run { harness, client in
            try await harness.services.accounts.disable(email: TestData.email(.partner), by: .system)
            let response = try await Self.signIn(client, email: TestData.email(.partner), password: TestData.password)
            #expect(response.status == .unauthorized)
        }
    }

    @Test func signInNeverSendsPeopleToAnotherSite() async throws {
        #expect(AuthController.safeNext("//evil.example/x") == "/")
        #expect(AuthController.safeNext("https://evil.example") == "/")
        #expect(AuthController.safeNext("/\\evil.example") == "/")
        #expect(AuthController.safeNext("/admin/audit?entity=user") == "/admin/audit?entity=user")
    }

    @Test func sessionsExpire() async throws {
        try await WebHarness.run { harness, client in
            let browser = try await harness.session(.officer)
            #expect(try await client.execute(uri: "/", method: .get, headers: browser.headers).status == .ok)
            harness.clock.advance(by: 3601)
            let later = try await client.execute(uri: "/", method: .get, headers: browser.headers)
            #expect(later.status == .seeOther)
            #expect(later.location == "/login?next=/")
        }
    }

    @Test func signingOutEndsTheSession() async throws {
        try await WebHarness.run { harness, client in
            let browser = try await harness.session(.councillor)
            let response = try await client.execute(uri: "/logout", method: .post, headers: browser.formHeaders(),
                                                    body: formBody([("_csrf", browser.csrf)]))
            #expect(response.status == .seeOther)
            #expect(response.setCookies.contains { $0.hasPrefix("safer_session=;") })
            #expect(try await client.execute(uri: "/", method: .get, headers: browser.headers).status == .seeOther)
        }
    }

    @Test func changingYourPasswordSignsYouOutEverywhere() async throws {
        try await WebHarness.run { harness, client in
            let browser = try await harness.session(.field)
            let other = try await harness.session(.field)
            let response = try await client.execute(uri: "/account/password", method: .post, headers: browser.formHeaders(),
                                                    body: formBody([("_csrf", browser.csrf), ("current", TestData.password),
                                                                    ("new", "a brand new passphrase"), ("confirm", "a brand new passphrase")]))
            #expect(response.status == .seeOther)
            #expect(try await client.execute(uri: "/", method: .get, headers: other.headers).status == .seeOther)
            let again = try await Self.signIn(client, email: TestData.email(.field), password: "a brand new passphrase")
            #expect(again.status == .seeOther)
        }
    }
}
