import Hummingbird
import HTTPTypes
import NIOConcurrencyHelpers

/// The methods each path answers, filled in once every route is registered.
final class RouteMethods: Sendable {
    private let table = NIOLockedValueBox<[(pattern: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    func fill(_ routes: [(path: String, method: HTTPRequest.Method)]) {
        var byPath: [String: Set<HTTPRequest.Method>] = [:]
        for route in routes { byPath[route.path, default: []].insert(route.method) }
        table.withLockedValue { $0 = byPath.map { (Self.components($0.key), $0.value) } }
    }

    /// The methods routes matching `path` answer (empty: no route has this path).
    func methods(for path: String) -> Set<HTTPRequest.Method> {
        let parts = Self.components(path)
        return table.withLockedValue { table in
            table.filter { Self.matches($0.pattern, parts) }.reduce(into: Set()) { $0.formUnion($1.methods) }
        }
    }

    private static func components(_ path: String) -> [Substring] { path.split(separator: "/") }

    private static func matches(_ pattern: [Substring], _ parts: [Substring]) -> Bool {
        for (index, element) in pattern.enumerated() {
            if element == "**" { return true }
            guard index < parts.count else { return false }
            if element.hasPrefix(":") || element.hasPrefix("{") || element == "*" { continue }
            if element != parts[index] { return false }
        }
        return pattern.count == parts.count
    }
}

/// A method the path does not answer is 405 with `Allow` naming those it does, not 404; a method
/// Safer never answers (TRACE, CONNECT, anything made up) is 405 wherever it is sent.
struct MethodMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    let routes: RouteMethods
    static let served: Set<HTTPRequest.Method> = [.get, .head, .post, .put, .patch, .delete]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard Self.served.contains(request.method) else {
            var error = notAllowed(request.uri.path)
            // An answer to CONNECT goes out with no body and no length (NIO frames it as a tunnel's):
            // closing the connection is what tells the client the answer is complete.
            if request.method == .connect { error.headers[.connection] = "close" }
            throw error
        }
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            let allowed = routes.methods(for: request.uri.path)
            if !allowed.isEmpty && !allowed.contains(request.method) { throw notAllowed(request.uri.path) }
            throw error
        }
    }

    private func notAllowed(_ path: String) -> HTTPError {
        // No route at this address: an empty Allow says no method is (RFC 9110, 10.2.1).
        let list = routes.methods(for: path).map(\.rawValue).sorted().joined(separator: ", ")
        return HTTPError(.methodNotAllowed, headers: [.allow: list],
                         message: list.isEmpty ? "Safer does not answer that method." : "This address does not answer that method; it answers \(list).")
    }
}
