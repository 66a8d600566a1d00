import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// Sign in and sign out.
struct AuthController {
    let services: AppServices
    let views: Views
    /// A bcrypt hash of a random string, checked when the e-mail address is unknown so that
    /// timing does not tell which addresses have accounts.
    let decoyHash: String

    struct LoginPage {
        let chrome: PageChrome
        let email: String
        let next: String
        let error: String?
    }

    func register(on routes: SecureRoutes) {
        routes.publicPage("/login") { request, context in
            if context.identity != nil { return redirect("/") }
            let next = request.uri.queryParameters.get("next") ?? "/"
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
        let now = services.clock.now()
        let keys = LoginThrottle.keys(email: email, client: context.remoteAddress)
        var failures = 0
        for key in keys {
            failures = max(failures, try await services.storage.loginAttempts.failures(key: key, since: now.addingTimeInterval(-services.throttle.window)))
        }
        let delay = services.throttle.delay(afterFailures: failures)
        if delay > 0 { await services.sleep(delay) }

        let user = try await services.storage.users.find(email: email)
        let matches = try await services.passwords.verify(password, hash: user?.passwordHash ?? decoyHash)
        guard let user, matches, !user.disabled else {
            try await services.storage.loginAttempts.recordFailure(keys: keys, at: now)
            context.logger.notice("Failed sign-in for \(User.normalisedEmail(email)) from \(context.remoteAddress)")
            let page = LoginPage(chrome: PageChrome(title: "Sign in", context: context, current: nil), email: email,
                                 next: Self.safeNext(form.text("next")),
                                 error: "E-mail or password is not right. Check them and try again; after several tries each attempt waits longer.")
            return views.response("login", page, status: .unauthorized)
        }
        try await services.storage.loginAttempts.clear(key: keys[0])
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
