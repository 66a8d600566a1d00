import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import SaferApp
import SaferDomain

/// Registers routes on the router together with who may use them, so that no route exists
/// without a declared access rule, every form post checks its CSRF token, and the complete
/// list is available to the route × role test.
public final class SecureRoutes: @unchecked Sendable {
    // Only mutated while the router is built, before the server starts.
    public let router: Router<SaferRequestContext>
    public private(set) var specs: [RouteSpec] = []
    let services: AppServices

    init(router: Router<SaferRequestContext>, services: AppServices) {
        self.router = router
        self.services = services
    }

    public typealias Handler = @Sendable (Request, SaferRequestContext) async throws -> Response
    public typealias FormHandler = @Sendable (Request, SaferRequestContext, FormData) async throws -> Response
    public typealias SignedInHandler = @Sendable (Request, SignedInContext) async throws -> Response
    public typealias SignedInFormHandler = @Sendable (Request, SignedInContext, FormData) async throws -> Response

    /// An HTML page (GET) for signed-in accounts with one of `roles`.
    public func page(_ path: RouterPath, _ roles: RoleSet, _ handler: @escaping SignedInHandler) {
        add(.get, path, .roles(roles), .page) { request, context in try await handler(request, try Self.signedIn(context, .page)) }
    }

    /// An HTML form post for signed-in accounts with one of `roles`: the body (url-encoded, or
    /// multipart with files up to `maxBody` bytes) is parsed and its `_csrf` field checked first.
    public func form(_ path: RouterPath, _ roles: RoleSet, maxBody: Int? = nil, _ handler: @escaping SignedInFormHandler) {
        add(.post, path, .roles(roles), .form) { request, context in
            let form = try await Self.checkedForm(request, context, maxBody: maxBody)
            return try await handler(request, try Self.signedIn(context, .form), form)
        }
    }

    /// An HTML page anyone may open, signed in or not (sign-in, the public report form).
    public func publicPage(_ path: RouterPath, _ handler: @escaping Handler) {
        add(.get, path, .everyone, .page, handler)
    }

    /// A form anyone may post, with its CSRF token checked (a signed anonymous token when
    /// nobody is signed in).
    public func publicForm(_ path: RouterPath, maxBody: Int? = nil, _ handler: @escaping FormHandler) {
        add(.post, path, .everyone, .form) { request, context in
            try await handler(request, context, try await Self.checkedForm(request, context, maxBody: maxBody))
        }
    }

    /// The body of a form post, once its `_csrf` field matches the context's token.
    private static func checkedForm(_ request: Request, _ context: SaferRequestContext, maxBody: Int?) async throws -> FormData {
        var request = request
        let buffer = try await request.collectBody(upTo: maxBody ?? context.maxUploadSize)
        let form: FormData
        if let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") {
            let parts = try MultipartForm.parse(Data(buffer: buffer), boundary: boundary)
            form = FormData(pairs: parts.fields, files: parts.files)
        } else {
            form = FormData(urlEncoded: String(buffer: buffer))
        }
        guard let sent = form["_csrf"], !context.csrfToken.isEmpty,
              SecureRandom.constantTimeEqual(sent, context.csrfToken) else {
            throw CSRFError()
        }
        return form
    }

    /// The signed-in context of a request that passed a `.roles` access check.
    private static func signedIn(_ context: SaferRequestContext, _ kind: RouteKind) throws -> SignedInContext {
        // `add` has already refused anonymous requests to role routes; this guard only keeps
        // that promise visible to the compiler.
        guard let identity = context.identity else { throw AccessDenied(signedIn: false, kind: kind) }
        return SignedInContext(request: context, identity: identity)
    }

    /// A JSON API route.
    public func api(_ method: HTTPRequest.Method, _ path: RouterPath, _ access: Access, _ handler: @escaping Handler) {
        add(method, path, access, .api, handler)
    }

    /// A plain machine-readable route (health, metrics).
    public func plain(_ path: RouterPath, _ access: Access, _ handler: @escaping Handler) {
        add(.get, path, access, .plain, handler)
    }

    private func add(_ method: HTTPRequest.Method, _ path: RouterPath, _ access: Access, _ kind: RouteKind, _ handler: @escaping Handler) {
        specs.append(RouteSpec(method: method, path: path.description, access: access, kind: kind))
        router.on(path, method: method) { request, context in
            guard access.allows(context.identity) else {
                throw AccessDenied(signedIn: context.identity != nil, kind: kind)
            }
            return try await handler(request, context)
        }
    }
}

/// The request's identity may not use the route.
struct AccessDenied: Error {
    let signedIn: Bool
    let kind: RouteKind
}

/// A form arrived without its CSRF token, or with a stale one.
struct CSRFError: Error {}

/// A parsed `application/x-www-form-urlencoded` body. Repeated names keep every value.
public struct FormData: Sendable {
    public private(set) var pairs: [(String, String)] = []
    /// Files sent with a multipart form, by field name (the first of several with one name).
    public var files: [String: UploadedFile] { Dictionary(fileList, uniquingKeysWith: { first, _ in first }) }
    /// Every file sent, in order, with its field name (an `<input type="file" multiple>` sends several).
    public private(set) var fileList: [(String, UploadedFile)] = []

    init(pairs: [(String, String)], files: [(String, UploadedFile)]) {
        self.pairs = pairs
        self.fileList = files
    }

    /// Every file sent under one field name.
    public func files(named name: String) -> [UploadedFile] { fileList.filter { $0.0 == name }.map(\.1) }

    public init(urlEncoded text: String) {
        for part in text.split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            pairs.append((decode(pieces[0]), pieces.count > 1 ? decode(pieces[1]) : ""))
        }
    }

    /// The first value for a name.
    public subscript(_ name: String) -> String? { pairs.first { $0.0 == name }?.1 }

    /// The first value for a name, trimmed, or "" when absent.
    public func text(_ name: String) -> String { self[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// Every value for a name.
    public func all(_ name: String) -> [String] { pairs.filter { $0.0 == name }.map(\.1) }
}
