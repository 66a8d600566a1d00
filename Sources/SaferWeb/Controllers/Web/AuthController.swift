import Foundation
import Hummingbird
import NIOConcurrencyHelpers
import SaferApp
import SaferDomain

/// Sign in and sign out.
struct AuthController {
    let services: AppServices
    let views: Views
    /// A bcrypt hash of a random string, checked when the e-mail address is unknown so that
    /// timing does not tell which addresses have accounts.
    let decoyHash: String
    /// Sign-in attempts refused since start (for logging an attack without a line per guess).
    let refusals = NIOLockedValueBox(0)

    struct LoginPage {
        let chrome: PageChrome
        let email: String
        let next: String
        let error: String?

        func with(error: String) -> LoginPage { LoginPage(chrome: chrome, email: email, next: next, error: error) }
    }

    func register(on routes: SecureRoutes) {
        routes.publicPage("/login") { request, context in
            if context.identity != nil { return redirect("/") }
            let next = request.query.get("next") ?? "/"
            return views.response("login", LoginPage(chrome: PageChrome(title: "Sign in", context: context, current: nil),
                                                     email: "", next: Self.safeNext(next), error: nil))
        }
        routes.publicForm("/login") { request, context, form in
            try await signIn(request: request, context: context, form: form)
        }
        routes.form("/logout", .signedInAny) { _, context, _ in
            if let session = context.identity.session {
                try await services.storage.sessions.delete(tokenHash: session.tokenHash)
            }
            var response = redirect("/login")
            response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: "", maxAge: 0, path: "/",
                                      secure: services.configuration.secureCookies ?? false, httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// Only local paths may follow a sign-in, never another site.
    static func safeNext(_ next: String) -> String {
        next.hasPrefix("/") && !next.hasPrefix("//") && !next.contains("\\") ? next : "/"
    }

    private func signIn(request: Request, context: SaferRequestContext, form: FormData) async throws -> Response {
        let email = form.text("email"), password = form["password"] ?? ""
        let now = services.clock.now(), throttle = services.throttle
        let keys = LoginThrottle.keys(email: email, client: context.remoteAddress)
        // A flood is refused from a read alone (no write, no lock); the rest are counted in a transaction.
        let before = try await services.storage.loginAttempts.states(keys: keys)
        let quiet = throttle.isQuiet(client: keys[1], states: before, now: now)
        let decision: LoginThrottle.Decision
        if let refusal = throttle.refusal(keys: keys, states: before, now: now) {
            decision = refusal
        } else {
            decision = try await services.storage.loginAttempts.update(keys: keys, now: now) { states in
                let attempt = throttle.attempt(keys: keys, states: states, now: now)
                return (states: attempt.states, result: attempt.decision)
            }
        }
        let page = LoginPage(chrome: PageChrome(title: "Sign in", context: context, current: nil), email: email,
                             next: Self.safeNext(form.text("next")), error: nil)
        switch decision {
        case .refuse(let retryAfter):
            let count = refusals.withLockedValue { $0 += 1; return $0 }
            if count.isPowerOfTen {   // an attack is logged, not every guess in it
                context.logger.notice("Sign-in attempts refused as too many: \(count) since start; the latest for \(User.normalisedEmail(email)) from \(context.remoteAddress)")
            }
            var response = views.response("login", page.with(error: "Too many sign-in attempts from here. Wait \(Int(retryAfter)) seconds, then try again."),
                                          status: .tooManyRequests)
            response.headers[.retryAfter] = String(Int(retryAfter))
            return response
        case .check(let wait):
            if wait > 0 { await services.sleep(wait) }   // no database connection is held while waiting
        }

        let user = try await services.storage.users.find(email: email)
        let matches = try await services.passwords.verify(password, hash: user?.passwordHash ?? decoyHash, first: quiet)
        guard let user, matches, !user.disabled else {
            context.logger.notice("Failed sign-in for \(User.normalisedEmail(email)) from \(context.remoteAddress)")
            return views.response("login", page.with(error: "E-mail or password is not right. Check them and try again; after several tries each attempt waits longer."),
                                  status: .unauthorized)
        }
        try await services.storage.loginAttempts.update(keys: keys, now: now) { states in
            (throttle.succeeded(keys: keys, states: states, now: now), ())
        }
        let token = SecureRandom.token()
        let session = Session(tokenHash: SecureRandom.hash(token), userID: user.id, csrfToken: SecureRandom.token(),
                              createdAt: now, expiresAt: now.addingTimeInterval(services.configuration.sessionLifetime))
        try await services.storage.sessions.create(session)
        try await services.storage.sessions.purge(before: now)
        var response = redirect(Self.safeNext(form.text("next")))
        response.setCookie(Cookie(name: AuthenticationMiddleware.sessionCookie, value: token,
                                  maxAge: Int(services.configuration.sessionLifetime), path: "/",
                                  secure: services.configuration.secureCookies
                                      ?? (request.headers[.xForwardedProto]?.lowercased() == "https"),
                                  httpOnly: true, sameSite: .lax))
        return response
    }
}

extension Access {
    /// Anyone signed in, whatever their role.
    static let signedInAny = Access.roles(.signedIn)
    /// Officers and administrators.
    static let staff = Access.roles(.staff)
    /// Administrators only.
    static let admin = Access.roles(.admin)
}

extension RoleSet {
    /// Anyone signed in, whatever their role (the name the routes use).
    static let signedInAny = RoleSet.signedIn
}
