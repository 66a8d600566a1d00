import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// Puts the council's name (its district area's, as the database holds it) in the context for
/// the layout, so no page names a council the database does not. The name is kept by data
/// version (a change to the areas bumps it), so a page costs one small read.
struct CouncilNameMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        // Only pages have a layout; the API, static files and /health do not need the name.
        guard !path.hasPrefix("/api/"), !path.hasPrefix("/static/"), path != "/health", path != "/metrics" else {
            return try await next(request, context)
        }
        var context = context
        context.councilName = try? await Self.name(services)
        return try await next(request, context)
    }

    /// The district's name, or nil before one is set up.
    static func name(_ services: AppServices) async throws -> String? {
        let version = try await services.storage.dataVersions.version("performance")
        let name = try await services.reportCache.value(for: "council-name", at: version) {
            try await services.storage.areas.list(kind: .district).first?.name ?? ""
        }
        return (name as? String).flatMap { $0.isEmpty ? nil : $0 }
    }
}
