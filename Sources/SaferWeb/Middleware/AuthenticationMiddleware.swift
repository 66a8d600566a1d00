import Foundation
import Hummingbird
import HTTPTypes
import SaferApp
import SaferDomain

/// Finds who is asking (session cookie or `Authorization: Bearer` token), and gives every
/// request a form token: the session's, or for anonymous visitors a signed token kept in a cookie.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    let services: AppServices

    static let sessionCookie = "safer_session"
    static let anonymousCookie = "safer_csrf"

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        let now = services.clock.now()
        if let header = request.headers[.authorization] {
            guard header.lowercased().hasPrefix("bearer "),
                  let token = try await services.storage.apiTokens.use(tokenHash: SecureRandom.hash(String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces)), at: now),
                  let user = try await services.storage.users.find(id: token.userID), !user.disabled else {
                throw APIProblem(status: .unauthorized, title: "The API token is missing, wrong or revoked",
                                 detail: "Send 'Authorization: Bearer TOKEN' with a token made by 'safer token create'.")
            }
            context.identity = Identity(user: user, session: nil, apiToken: token)
            return try await next(request, context)
        }
        if let cookie = request.cookies[Self.sessionCookie]?.value,
           let session = try await services.storage.sessions.find(tokenHash: SecureRandom.hash(cookie), at: now),
           let user = try await services.storage.users.find(id: session.userID), !user.disabled {
            context.identity = Identity(user: user, session: session, apiToken: nil)
            context.csrfToken = session.csrfToken
            if request.uri.path.hasPrefix("/api/"), request.method != .get, request.method != .head {
                // A browser calling the API with its cookie must prove the page is ours.
                guard let sent = request.headers[.xCSRFToken],
                      SecureRandom.constantTimeEqual(sent, session.csrfToken) else { throw CSRFError() }
            }
            return try await next(request, context)
        }
        // Anonymous: a signed random token, kept in a cookie and echoed by forms.
        var setCookie: Cookie? = nil
        if let existing = request.cookies[Self.anonymousCookie]?.value, isValidAnonymous(existing) {
            context.csrfToken = existing
        } else {
            let nonce = SecureRandom.hex(byteCount: 16)
            let token = nonce + "." + SecureRandom.sign(nonce, key: services.configuration.sessionSecret)
            context.csrfToken = token
            setCookie = Cookie(name: Self.anonymousCookie, value: token, path: "/",
                               secure: isSecure(request), httpOnly: true, sameSite: .lax)
        }
        var response = try await next(request, context)
        if let setCookie { response.setCookie(setCookie) }
        return response
    }

    private func isValidAnonymous(_ token: String) -> Bool {
        let parts = token.split(separator: ".")
        guard parts.count == 2 else { return false }
        return SecureRandom.constantTimeEqual(String(parts[1]), SecureRandom.sign(String(parts[0]), key: services.configuration.sessionSecret))
    }

    func isSecure(_ request: Request) -> Bool {
        services.configuration.secureCookies ?? (request.headers[.xForwardedProto]?.lowercased() == "https")
    }
}
