import Foundation
import SaferApp
import Hummingbird
import NIOCore
import Prometheus

/// Liveness, readiness, metrics and static files.
struct SystemController {
    let services: AppServices
    let metrics: PrometheusCollectorRegistry

    struct Health: Encodable { let status: String; let database: String; let engine: String }

    func register(on routes: SecureRoutes) {
        routes.plain("/health", .everyone) { _, _ in
            let health = services.health
            guard await health.databaseAnswers() else {
                services.logger.warning("Health check: the database did not answer within 3 seconds")
                return try json(Health(status: "unavailable", database: "unreachable: the database did not answer", engine: health.engine),
                                status: .serviceUnavailable)
            }
            return try json(Health(status: "ok", database: "ok", engine: health.engine))
        }
        routes.plain("/metrics", .everyone) { _, _ in
            Response(status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                     body: .init(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
        }
        // The field capture's service worker, served from the root so that it may control /capture.
        routes.plain("/capture-sw.js", .everyone) { _, _ in
            guard let url = Bundle.module.url(forResource: "Resources/Static/capture-sw.js", withExtension: nil),
                  let data = try? Data(contentsOf: url) else { throw HTTPError(.notFound) }
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        // Debian's libjs-leaflet, when installed: the script, its style sheet and marker images.
        for path in ["/vendor/leaflet/:file", "/vendor/leaflet/images/:file"] {
            routes.plain(RouterPath(path), .everyone) { request, context in
                let file = try context.parameters.require("file")
                let directory = services.configuration.maps.leafletDirectory + (path.contains("/images/") ? "/images" : "")
                guard file.range(of: #"^[a-z0-9-]+(\.[a-z0-9]+)?\.(css|js|png)$"#, options: .regularExpression) != nil,
                      let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                    throw HTTPError(.notFound)
                }
                let type = file.hasSuffix(".css") ? "text/css; charset=utf-8" : (file.hasSuffix(".js") ? "text/javascript; charset=utf-8" : "image/png")
                return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=86400"],
                                body: .init(byteBuffer: ByteBuffer(bytes: data)))
            }
        }
        // Browsers ask for /favicon.ico whatever the page says: give them the same shield.
        routes.plain("/favicon.ico", .everyone) { _, _ in redirect("/static/favicon.svg") }
        routes.plain("/static/:file", .everyone) { _, context in
            let file = try context.parameters.require("file")
            guard file.range(of: #"^[a-z0-9-]+\.(css|js|svg|png)$"#, options: .regularExpression) != nil,
                  let url = Bundle.module.url(forResource: "Resources/Static/\(file)", withExtension: nil),
                  let data = try? Data(contentsOf: url) else {
                throw HTTPError(.notFound)
            }
            let type: String = switch url.pathExtension {
            case "css": "text/css; charset=utf-8"
            case "js": "text/javascript; charset=utf-8"
            case "svg": "image/svg+xml"
            default: "image/png"
            }
            return Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=3600"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

