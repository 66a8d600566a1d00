import Foundation
import HTTPTypes
import SaferDomain

/// Who may use a route. Every route declares one; there is no default.
public enum Access: Sendable, Hashable {
    /// Anyone, signed in or not (sign-in page, health, public reports).
    case everyone
    /// Signed-in accounts whose role is in the set.
    case roles(RoleSet)

    /// Whether a request from this identity may proceed.
    func allows(_ identity: Identity?) -> Bool {
        switch self {
        case .everyone: true
        case .roles(let set): identity.map { set.allows($0.user.role) } ?? false
        }
    }
}

/// What a route answers with, which decides how refusals look.
public enum RouteKind: String, Sendable, Hashable {
    /// An HTML page: anonymous visitors are sent to sign in; others see a 403 page.
    case page
    /// An HTML form post: as a page, and the form must carry its CSRF token.
    case form
    /// JSON: 401 or 403 with a problem document.
    case api
    /// Plain text or files for machines (health, metrics).
    case plain
}

/// A route as declared: the route × role test walks this list.
public struct RouteSpec: Sendable, Hashable, CustomStringConvertible {
    public let method: HTTPRequest.Method
    public let path: String
    public let access: Access
    public let kind: RouteKind

    public var description: String { "\(method) \(path)" }
}
