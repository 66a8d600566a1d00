import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One log line per request, for operators: method, path (never the query, which can hold
/// personal data), status, duration and Hummingbird's request id, which the answer also carries
/// as `X-Request-Id` so a person's report of a problem can be found in the log. Errors' reasons
/// are logged where they are answered (`ErrorMiddleware`), with the same id.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let id = context.logger[metadataKey: "hb.request.id"].map { "\($0)" } ?? ""
        do {
            var response = try await next(request, context)
            if !id.isEmpty { response.headers[.requestID] = id }
            log(request, context, status: Int(response.status.code), since: started)
            return response
        } catch {
            // Only errors thrown outside ErrorMiddleware reach here (it answers the rest).
            log(request, context, status: (error as? any HTTPResponseError).map { Int($0.status.code) } ?? 500, since: started)
            throw error
        }
    }

    private func log(_ request: Request, _ context: Context, status: Int, since started: ContinuousClock.Instant) {
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("\(request.method) \(request.uri.path) \(status) \(String(format: "%.1f", milliseconds)) ms", metadata: [
            "method": "\(request.method)", "path": "\(request.uri.path)", "status": "\(status)",
            "duration_ms": "\(String(format: "%.1f", milliseconds))",
        ])
    }
}

extension HTTPField.Name {
    static let requestID = HTTPField.Name("X-Request-Id")!   // a valid field name
}

extension Int {
    /// 1, 10, 100 …: the counts at which a flood of refusals is logged, rather than every one.
    var isPowerOfTen: Bool {
        var n = self
        while n >= 10 && n % 10 == 0 { n /= 10 }
        return n == 1
    }
}
