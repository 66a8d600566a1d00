import Foundation
import Hummingbird
import HummingbirdBcrypt
import Logging
import NIOCore
import Metrics
import Prometheus
import SaferApp
import SaferDomain
import SaferStorage

/// Builds the router: middleware, then every controller's routes with their access rules.
/// `safer serve` and every web test call this same function.
public func buildRouter(services: AppServices) throws -> SecureRoutes {
    let views = try Views.load()
    let router = Router(context: SaferRequestContext.self)
    // Middleware first: Hummingbird wraps each route with the middleware present when it is added.
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: ClientAddressMiddleware(trusted: services.configuration.trustedProxies))
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: SecurityHeadersMiddleware(maps: services.configuration.maps))
    // Errors are answered twice over: outside sign-in (for its own refusals), and inside it, so
    // that a 403 or 404 page keeps the signed-in navigation.
    router.add(middleware: ErrorMiddleware(views: views))
    router.add(middleware: AuthenticationMiddleware(services: services))
    router.add(middleware: CouncilNameMiddleware(services: services))
    router.add(middleware: ErrorMiddleware(views: views))
    let methods = RouteMethods()
    router.add(middleware: MethodMiddleware(routes: methods))

    let routes = SecureRoutes(router: router, services: services)
    let decoy = Bcrypt.hash(SecureRandom.token(), cost: services.configuration.bcryptCost)
    SystemController(services: services, metrics: SaferMetrics.registry).register(on: routes)
    AuthController(services: services, views: views, decoyHash: decoy).register(on: routes)
    HomeController(services: services, views: views).register(on: routes)
    AccountController(services: services, views: views).register(on: routes)
    AdminController(services: services, views: views).register(on: routes)
    PerformanceController(services: services, views: views).register(on: routes)
    PlansController(services: services, views: views).register(on: routes)
    DataController(services: services, views: views).register(on: routes)
    FlyTippingController(services: services, views: views).register(on: routes)
    HotspotsController(services: services, views: views).register(on: routes)
    MeetingsController(services: services, views: views).register(on: routes)
    try APIController(services: services).register(on: routes)
    methods.fill(router.routes.map { ($0.path.description, $0.method) })
    return routes
}

/// Builds the whole application on the configured address.
public func buildApplication(configuration: AppConfiguration, services: AppServices,
                             onServerRunning: @escaping @Sendable (any Channel) async -> Void = { _ in }) throws -> some ApplicationProtocol {
    let routes = try buildRouter(services: services)
    var logger = services.logger
    logger.logLevel = .info
    let counter = ConnectionCounter(), limits = configuration.connections, trusted = configuration.trustedProxies, guardLogger = logger
    return Application(
        router: routes.router,
        server: .http1(configuration: .init(additionalChannelHandlers: [
            ConnectionGuard(limits: limits, counter: counter, trusted: trusted, logger: guardLogger),
        ])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Safer"),
        onServerRunning: onServerRunning,
        logger: logger
    )
}

/// Prometheus metrics. The metrics system is process-wide by design (swift-metrics is
/// bootstrapped once per process), so this one registry is too; every application in the
/// process, including each test's, reports into it.
public enum SaferMetrics {
    public static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()
}

/// Headers every answer carries.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    /// The page policy: only Safer's own files, plus the map tiles' host and a configured Leaflet's.
    let contentSecurityPolicy: String

    init(maps: MapSettings = MapSettings()) {
        func origin(_ url: String?) -> String? {
            guard let url, let components = URLComponents(string: url), components.scheme == "https", let host = components.host else { return nil }
            return "https://\(host)" + (components.port.map { ":\($0)" } ?? "")
        }
        let tiles = origin(maps.tileURL).map { " \($0)" } ?? ""
        let leaflet = maps.hasLocalLeaflet ? "" : (origin(maps.leafletURL).map { " \($0)" } ?? "")
        contentSecurityPolicy = "default-src 'self'; img-src 'self' data:\(tiles)\(leaflet); style-src 'self'\(leaflet); script-src 'self'\(leaflet); "
            + "form-action 'self'; frame-ancestors 'none'; worker-src 'self'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.xFrameOptions] = "DENY"
        response.headers[.referrerPolicy] = "same-origin"
        // A committee pack served as a document sets its own, stricter policy (no scripts at all).
        if response.headers[.contentType]?.hasPrefix("text/html") == true, response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] = contentSecurityPolicy
        }
        return response
    }
}
