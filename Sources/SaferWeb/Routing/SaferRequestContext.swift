import Foundation
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
    /// The client's address, for the sign-in back-off.
    public let remoteAddress: String
    /// The form token to put in pages (session's, or a signed anonymous one).
    public var csrfToken: String = ""
    public var maxUploadSize: Int { 2 * 1024 * 1024 }

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }
}
