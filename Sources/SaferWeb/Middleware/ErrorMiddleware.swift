import Foundation
import SaferApp
import Hummingbird
import HTTPTypes
import NIOCore
import OpenAPIRuntime
import SaferDomain
import SaferStorage

/// Maps every error to one answer, in one place: HTML error pages for pages, and
/// `application/problem+json` for the API, always with a message saying what was wrong.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = SaferRequestContext
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            var response = answer(for: error, request: request, context: context)
            if let error = error as? HTTPError { response.headers.append(contentsOf: error.headers) }
            return response
        }
    }

    func answer(for error: any Error, request: Request, context: Context) -> Response {
        // Scripts that ask for JSON (the field capture's uploads) get problem documents too, so a
        // signed-out phone hears 401 instead of being sent to the sign-in page.
        let isAPI = request.uri.path.hasPrefix("/api/") || (request.headers[.accept] ?? "").hasPrefix("application/json")
        let problem = APIProblem.from(error)
        if let denied = error as? AccessDenied, !denied.signedIn, !isAPI, denied.kind != .plain {
            let next = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            let target = "/login?next=" + (next.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(.init(charactersIn: "/-_."))) ?? "/")
            return Response(status: .seeOther, headers: [.location: target])
        }
        if problem.status == .internalServerError {
            context.logger.error("Unhandled error: \(String(reflecting: error))")
        } else {
            // The reason in general words and the fields named, never the values: a message can
            // quote what was typed, and that may be a reporter's contact details.
            let fields = problem.errors.map { " (fields: \($0.keys.sorted().joined(separator: ", ")))" } ?? ""
            context.logger.notice("Answered \(problem.status.code): \(problem.title)\(fields)")
        }
        if isAPI {
            return problem.response()
        }
        // A new council's administrator is told the steps that set Safer up, with links.
        let setUp = (error as? DomainError).map { if case .notSetUp = $0 { true } else { false } } ?? false
        let steps = setUp && context.identity?.user.role == .admin ? ErrorPage.setUpSteps : []
        let page = ErrorPage(chrome: PageChrome(title: problem.title, context: context, current: nil),
                             heading: problem.pageHeading, message: problem.detail, status: Int(problem.status.code),
                             steps: steps, hasSteps: !steps.isEmpty)
        return views.response("error", page, status: problem.status)
    }
}

/// The error page's view model.
struct ErrorPage {
    struct Step { let href: String; let label: String }
    let chrome: PageChrome
    let heading: String
    let message: String
    let status: Int
    var steps: [Step] = []
    var hasSteps = false

    /// What a new council does first, in order.
    static let setUpSteps = [
        Step(href: "/admin/areas", label: "Add the district, its police beats and the LSOA lookup (Admin → Areas)"),
        Step(href: "/admin/indicators", label: "Add the indicators the partnership reports on, with their baselines (Admin → Indicators)"),
        Step(href: "/performance/figures", label: "Enter or upload the monthly figures"),
        Step(href: "/performance/police-uk", label: "Import police.uk crime data for the district"),
    ]
}

/// An RFC 9457 problem document.
struct APIProblem: Error, Encodable {
    let status: HTTPResponse.Status
    let title: String
    let detail: String
    var errors: [String: String]? = nil

    enum CodingKeys: String, CodingKey { case type, title, status, detail, errors }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("about:blank", forKey: .type)
        try container.encode(title, forKey: .title)
        try container.encode(Int(status.code), forKey: .status)
        try container.encode(detail, forKey: .detail)
        try container.encodeIfPresent(errors, forKey: .errors)
    }

    /// The page heading for this status.
    var pageHeading: String {
        switch status {
        case .forbidden: "Forbidden"
        case .notFound: "Page not found"
        case .unauthorized: "Sign in needed"
        case .internalServerError: "Sorry, something went wrong"
        default: title
        }
    }

    func response() -> Response {
        let data = (try? JSONEncoder.safer.encode(self)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/problem+json"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func from(_ error: any Error) -> APIProblem {
        switch error {
        case let error as ServerError:
            // The generated API wraps what the decoder or a handler threw. With no decoded input,
            // the request itself did not match the document: that is the client's to fix.
            if error.operationInput == nil {
                if let decoding = error.underlyingError as? DecodingError { return from(decoding) }
                return APIProblem(status: .badRequest, title: "The request does not match the API",
                                  detail: "\(error.underlyingError) See /api/v1/openapi.yaml for operation \(error.operationID).")
            }
            return from(error.underlyingError)
        case let problem as APIProblem:
            return problem
        case let limited as RateLimited:
            return APIProblem(status: .tooManyRequests, title: "Too many reports", detail: limited.message)
        case let busy as ServerBusy:
            return APIProblem(status: .serviceUnavailable, title: "Busy", detail: busy.description)
        case let denied as AccessDenied:
            return denied.signedIn
                ? APIProblem(status: .forbidden, title: "Forbidden", detail: "Your account's role may not use this page or action. Ask an administrator if you need it.")
                : APIProblem(status: .unauthorized, title: "Sign in needed", detail: "Sign in, or send 'Authorization: Bearer TOKEN' with an API token.")
        case let error as MultipartError:
            return APIProblem(status: .badRequest, title: "Bad request", detail: error.description)
        case is CSRFError:
            return APIProblem(status: .forbidden, title: "Forbidden",
                              detail: "The form's security token was missing or out of date. Go back, reload the page and try again.")
        case let error as PeriodError:
            return APIProblem(status: .unprocessableContent, title: "The period is not understood", detail: error.description)
        case let error as FigureError:
            return APIProblem(status: .unprocessableContent, title: "The figure is not understood", detail: error.description)
        case let error as ValidationError:
            return APIProblem(status: .unprocessableContent, title: "The request has problems", detail: error.description,
                              errors: error.fields.isEmpty ? nil : error.fields)
        case let error as DomainError:
            switch error {
            case .notFound: return APIProblem(status: .notFound, title: "Not found", detail: error.description)
            case .conflict: return APIProblem(status: .conflict, title: "Conflict", detail: error.description)
            case .forbidden: return APIProblem(status: .forbidden, title: "Forbidden", detail: error.description)
            case .notSetUp: return APIProblem(status: .conflict, title: "Not set up yet", detail: error.description)
            }
        case let error as StoredValueError:
            // Stored data this version cannot read: the operator's to fix, so the message names the row.
            return APIProblem(status: .internalServerError, title: "Stored data cannot be read", detail: error.description)
        case is NIOTooManyBytesError:
            return tooLarge
        case let error as DecodingError:
            return APIProblem(status: .badRequest, title: "The JSON is not valid", detail: describe(error))
        case let error as HTTPError:
            switch error.status {
            case .notFound:
                return APIProblem(status: .notFound, title: "Not found", detail: "There is nothing at this address. Check the link, or start from the home page.")
            case .contentTooLarge:
                return tooLarge
            case .badRequest:
                return APIProblem(status: .badRequest, title: "Bad request", detail: error.body ?? "The request could not be read.")
            default:
                return APIProblem(status: error.status, title: error.status.reasonPhrase, detail: error.body ?? error.status.reasonPhrase)
            }
        default:
            return APIProblem(status: .internalServerError, title: "Internal error",
                              detail: "Safer could not complete this request. The problem has been logged; try again, and tell the Safer administrator if it keeps happening.")
        }
    }

    static let notJSON = APIProblem(status: .unsupportedMediaType, title: "Send JSON", detail: "The body must be application/json.")

    static let tooLarge = APIProblem(status: .contentTooLarge, title: "The request is too large",
                                     detail: "The body is larger than the limit this server accepts. Send less at a time.")

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? "the body" : "'\(path)'"
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "The body is not well-formed JSON: \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "\(path(context)) has a value that is not allowed: \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "The field '\(([key.stringValue] + []).joined())' is missing\(context.codingPath.isEmpty ? "" : " in \(path(context))")."
        case .typeMismatch(let type, let context):
            return "\(path(context)) has the wrong type: expected \(type)."
        case .valueNotFound(let type, let context):
            return "\(path(context)) is null: expected \(type)."
        @unknown default:
            return "The JSON could not be read."
        }
    }
}

extension JSONEncoder {
    /// Safer's JSON: ISO 8601 dates, sorted keys (stable output for people and tests).
    static var safer: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
