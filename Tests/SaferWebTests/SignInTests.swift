import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import NIOConcurrencyHelpers
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
            /// One attempt answered after its wait, as a user who waits for each answer.
            func attempt(_ role: Role, _ password: String) async throws -> TestResponse {
                let before = harness.sleeps.all.count
                let response = try await Self.signIn(client, email: TestData.email(role), password: password)
                if harness.sleeps.all.count > before { harness.clock.advance(by: harness.sleeps.all.last!) }
                return response
            }
            for _ in 0..<5 { #expect(try await attempt(.officer, "wrong").status == .unauthorized) }
            // Three answered at once, then 1 s, then 2 s.
            #expect(harness.sleeps.all == [1, 2])
            // Another account from this client: its own key is fresh; the client's allows ten.
            for _ in 0..<5 { _ = try await attempt(.councillor, "wrong") }
            #expect(harness.sleeps.all == [1, 2, 1, 2])
            // The client's eleventh attempt waits for the client key, whatever the account.
            _ = try await attempt(.partner, "wrong")
            #expect(harness.sleeps.all == [1, 2, 1, 2, 1])
            // After the window the failures no longer count.
            harness.clock.advance(by: 16 * 60)
            #expect(try await attempt(.officer, TestData.password).status == .seeOther)
            #expect(harness.sleeps.all == [1, 2, 1, 2, 1])
        }
    }

    @Test(arguments: TestEngine.available)
    func parallelGuessesQueueAndTheRestAreRefused(engine: TestEngine) async throws {
        try await WebHarness.run(engine) { harness, client in
            // 30 guesses at once, the clock standing still: each is counted before its password is
            // checked, so they are given slots 0, 0, 0, 1, 3, 7, 15 s, and the rest, whose slots
            // would be more than 16 s off, are refused at once without checking.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for _ in 0..<30 { group.addTask { try await Self.signIn(client, email: TestData.email(.officer), password: "wrong").status } }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 7)
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 23)
            #expect(harness.sleeps.all.sorted() == [1, 3, 7, 15])
            let refused = try await Self.signIn(client, email: TestData.email(.officer), password: TestData.password)
            #expect(refused.status == .tooManyRequests, "even the right password waits its turn from this client")
            #expect(refused.headers[.retryAfter] == "31")
            let throttle = try await harness.services.storage.loginAttempts.states(keys: LoginThrottle.keys(email: TestData.email(.officer), client: "unknown"))
            #expect(throttle.values.map(\.attempts).sorted() == [7, 7], "refused attempts are not counted, and not written")
            #expect(refused.text.contains("Too many sign-in attempts from here. Wait 31 seconds"))
        }
    }

    @Test func anotherClientsFailuresDoNotSlowACorrectSignIn() {
        let throttle = LoginThrottle(), start = Date(timeIntervalSince1970: 1_552_348_800)
        var states: [String: LoginThrottleState] = [:]
        let attacker = LoginThrottle.keys(email: "officer@x", client: "203.0.113.9")
        for _ in 0..<40 { states.merge(throttle.attempt(keys: attacker, states: states, now: start).states) { $1 } }
        let officer = LoginThrottle.keys(email: "Officer@X", client: "192.0.2.1")
        #expect(throttle.attempt(keys: officer, states: states, now: start).decision == .check(after: 0))
        let colleague = LoginThrottle.keys(email: "someone@x", client: "192.0.2.1")
        #expect(throttle.attempt(keys: colleague, states: states, now: start).decision == .check(after: 0))
        // The attacker's own client, turning to another account, queues behind its earlier slots.
        #expect(throttle.attempt(keys: LoginThrottle.keys(email: "someone@x", client: "203.0.113.9"), states: states, now: start).decision
                == .check(after: 15))
    }

    @Test func theThrottleDoublesUpToItsCap() {
        let throttle = LoginThrottle()
        #expect((0...9).map { throttle.delay(afterFailures: $0) } == [0, 0, 0, 1, 2, 4, 8, 16, 16, 16])
        #expect(throttle.delay(afterFailures: Int.max) == 16, "no overflow, however many")
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

@Suite("Bounded work")
struct ConcurrencyLimitTests {
    @Test func aFullQueueIsRefusedAtOnceAndEveryPlaceIsHandedOn() async throws {
        let limit = ConcurrencyLimit(width: 1, queue: 1)
        let (gate, open) = AsyncStream<Void>.makeStream()
        let first = Task { try await limit.run { for await _ in gate { break }; return 1 } }
        while await limit.load.running < 1 { await Task.yield() }
        let second = Task { try await limit.run { 2 } }
        while await limit.load.waiting < 1 { await Task.yield() }
        await #expect(throws: ServerBusy.self) { try await limit.run { 3 } }
        open.yield()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        #expect(await limit.load == (0, 0))
        #expect(try await limit.run { 4 } == 4)
    }

    @Test func aFirstJobGoesAheadOfThoseWaiting() async throws {
        let limit = ConcurrencyLimit(width: 1, queue: 4)
        let (gate, open) = AsyncStream<Void>.makeStream()
        let order = NIOLockedValueBox<[String]>([])
        let running = Task { try await limit.run { for await _ in gate { break } } }
        while await limit.load.running < 1 { await Task.yield() }
        var queued: [Task<Void, any Error>] = []
        for name in ["attacker 1", "attacker 2"] {
            queued.append(Task { try await limit.run { order.withLockedValue { $0.append(name) } } })
            while await limit.load.waiting < queued.count { await Task.yield() }
        }
        queued.append(Task { try await limit.run(first: true) { order.withLockedValue { $0.append("owner") } } })
        while await limit.load.waiting < 3 { await Task.yield() }
        open.yield()
        try await running.value
        for task in queued { try await task.value }
        #expect(order.withLockedValue { $0 } == ["owner", "attacker 1", "attacker 2"])
    }

    @Test func refusalsAreLoggedAtPowersOfTen() {
        #expect((1...1000).filter(\.isPowerOfTen) == [1, 10, 100, 1000])
    }
}
