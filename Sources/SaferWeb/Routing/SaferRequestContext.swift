import Foundation
import HTTPTypes
import Hummingbird
import SaferDomain

/// Who is asking: a signed-in account, by session cookie or API token.
public struct Identity: Sendable {
    public let user: User
    /// The session's form token, when signed in by cookie.
    public let session: Session?
    /// The token used, when signed in by bearer token.
    public let apiToken: APIToken?

    /// The actor recorded in the audit log for changes made in this request.
    public func actor(channel: Actor.Channel) -> Actor {
        Actor(userID: user.id, label: user.email, channel: channel)
    }
}

/// The per-request context: Hummingbird's core plus who is asking and where from.
public struct SaferRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var identity: Identity?
    /// The client's address, for the sign-in back-off and the public-report limit: the socket's
    /// peer, or whom a trusted proxy says it forwards for (`ClientAddressMiddleware`).
    public var remoteAddress: String
    /// The socket's peer.
    public let peerAddress: String
    /// The form token to put in pages (session's, or a signed anonymous one).
    public var csrfToken: String = ""
    /// The council's name for the layout (`CouncilNameMiddleware`); nil before one is set up.
    public var councilName: String?
    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
        self.remoteAddress = peerAddress
    }
}

/// The context of a route that requires sign-in. `SecureRoutes` makes one only after the
/// access check passed, so the identity is there: handlers never unwrap it.
public struct SignedInContext: Sendable {
    /// The request context the router made.
    public let request: SaferRequestContext
    /// Who is signed in.
    public let identity: Identity

    /// The route's path parameters.
    public var parameters: Parameters { request.parameters }
    /// The form token for pages.
    public var csrfToken: String { request.csrfToken }
    /// The client's address.
    public var remoteAddress: String { request.remoteAddress }
    /// The council's name for the layout.
    public var councilName: String? { request.councilName }

    /// The actor recorded in the audit log for a change made through a page.
    public var actor: Actor { identity.actor(channel: .web) }
}

/// What a page's frame needs from its context: who is signed in, if anyone, and the form token.
protocol PageContext {
    var signedInIdentity: Identity? { get }
    var csrfToken: String { get }
    var councilName: String? { get }
}

extension SaferRequestContext: PageContext {
    var signedInIdentity: Identity? { identity }
}

extension SignedInContext: PageContext {
    var signedInIdentity: Identity? { identity }
}

extension HTTPField.Name {
    // `HTTPField.Name(_:)` is nil only for text that is not a valid header token; these are
    // literals that are, so the unwraps below cannot fail.
    static let xContentTypeOptions = HTTPField.Name("X-Content-Type-Options")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xForwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let xCSRFToken = HTTPField.Name("X-CSRF-Token")!
}

/// Sets the request's client address from a trusted proxy's `Forwarded` or `X-Forwarded-For`;
/// from any other peer those headers are ignored.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    let trusted: TrustedProxies

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard !trusted.networks.isEmpty else { return try await next(request, context) }
        func header(_ name: String) -> String? {
            let values = request.headers.filter { $0.name.canonicalName == name }.map(\.value)
            return values.isEmpty ? nil : values.joined(separator: ",")
        }
        var context = context
        context.remoteAddress = trusted.client(peer: context.peerAddress, forwarded: header("forwarded"), xForwardedFor: header("x-forwarded-for"))
        return try await next(request, context)
    }
}
