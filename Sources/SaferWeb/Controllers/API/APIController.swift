import Foundation
import Hummingbird
import HTTPTypes
import NIOCore
import OpenAPIRuntime
import SaferApp
import SaferDomain

/// The JSON API under `/api/v1`. `openapi.yaml` is the source of truth: the generator turns it
/// into `APIProtocol` and the wire types, and this type implements the operations. Errors are
/// thrown, and `ErrorMiddleware` turns them into problem documents in one place.
struct APIController: APIProtocol {
    let services: AppServices

    /// Who may call each operation, by method and path. Registration fails at start-up if an
    /// operation in the document has no entry, so no endpoint exists without an access rule.
    static let access: [String: Access] = [
        "GET /api/v1/openapi.yaml": .everyone,
        "GET /api/v1/me": .signedInAny,
        "GET /api/v1/organisations": .signedInAny,
        "POST /api/v1/organisations": .admin,
        "GET /api/v1/organisations/{id}": .signedInAny,
        "GET /api/v1/users": .admin,
        "GET /api/v1/audit": .admin,
        "GET /api/v1/indicators": .signedInAny,
        "PUT /api/v1/figures": .staff,
        "GET /api/v1/reports/borough": .signedInAny,
        "GET /api/v1/reports/baseline": .signedInAny,
        "GET /api/v1/reports/beats": .signedInAny,
        "POST /api/v1/incidents": .roles(FlyTippingController.recorders),
        "GET /api/v1/incidents": .signedInAny,
        "GET /api/v1/incidents/{id}": .signedInAny,
        "POST /api/v1/incidents/{id}/status": .roles(FlyTippingController.recorders),
        "POST /api/v1/public-reports": .everyone,
        "GET /api/v1/reports/defra-return": .signedInAny,
        "GET /api/v1/enforcement/summary": .signedInAny,
        "GET /api/v1/enforcement/cases": .staff,
        "GET /api/v1/cctv": .staff,
        "GET /api/v1/pspos": .signedInAny,
        "GET /api/v1/funding": .signedInAny,
        "GET /api/v1/hotspots/ranking": .signedInAny,
        "GET /api/v1/hotspots/clusters": .signedInAny,
        "GET /api/v1/hotspots/gi": .signedInAny,
        "GET /api/v1/hotspots/map": .signedInAny,
        "GET /api/v1/plans": .signedInAny,
        "GET /api/v1/plans/{id}": .signedInAny,
        "GET /api/v1/plans/items/{id}": .signedInAny,
        "POST /api/v1/plans/items/{id}/updates": .roles(PlansController.updaters),
        "GET /api/v1/reports/plan-summary": .signedInAny,
        "GET /api/v1/meetings": .signedInAny,
        "GET /api/v1/meetings/{id}/pack": .signedInAny,
    ]

    func register(on routes: SecureRoutes) throws {
        try registerHandlers(on: SecureAPITransport(routes: routes, access: Self.access, contract: try QueryContract.load()), serverURL: URL(string: "/api/v1")!)   // a literal, valid URL
    }

    var identity: Identity {
        get throws {
            guard let identity = RequestIdentity.current else { throw AccessDenied(signedIn: false, kind: .api) }
            return identity
        }
    }

    // MARK: - Operations

    func getOpenAPI(_ input: Operations.GetOpenAPI.Input) async throws -> Operations.GetOpenAPI.Output {
        guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "yaml") else {
            throw ResourceError(name: "openapi.yaml")
        }
        return .ok(.init(body: .yaml(HTTPBody(try Data(contentsOf: url)))))
    }

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let user = try identity.user
        return .ok(.init(body: .json(.init(id: user.id, email: user.email, name: user.name,
                                           role: .init(user.role), organisationId: user.organisationID))))
    }

    func listOrganisations(_ input: Operations.ListOrganisations.Input) async throws -> Operations.ListOrganisations.Output {
        .ok(.init(body: .json(.init(items: try await services.storage.organisations.list().map(Self.dto)))))
    }

    func createOrganisation(_ input: Operations.CreateOrganisation.Input) async throws -> Operations.CreateOrganisation.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let organisation = try Organisation.validated(id: services.ids.next(), name: body.name, kind: body.kind.rawValue)
        try await services.storage.organisations.create(organisation, by: try identity.actor(channel: .api))
        return .created(.init(headers: .init(location: "/api/v1/organisations/\(organisation.id)"), body: .json(Self.dto(organisation))))
    }

    func getOrganisation(_ input: Operations.GetOrganisation.Input) async throws -> Operations.GetOrganisation.Output {
        guard let organisation = try await services.storage.organisations.find(id: input.path.id) else {
            throw DomainError.notFound(entity: "organisation", id: input.path.id)
        }
        return .ok(.init(body: .json(Self.dto(organisation))))
    }

    func listUsers(_ input: Operations.ListUsers.Input) async throws -> Operations.ListUsers.Output {
        let users = try await services.storage.users.list().map {
            Components.Schemas.User(id: $0.id, email: $0.email, name: $0.name, role: $0.role.rawValue,
                                    organisationId: $0.organisationID, disabled: $0.disabled)
        }
        return .ok(.init(body: .json(.init(items: users))))
    }

    func listAudit(_ input: Operations.ListAudit.Input) async throws -> Operations.ListAudit.Output {
        let query = input.query
        let filter = AuditFilter(entity: query.entity, entityID: query.entityId, actorLabel: query.actor,
                                 action: query.action.flatMap { AuditEntry.Action(rawValue: $0.rawValue) },
                                 limit: query.limit ?? 100, offset: query.offset ?? 0)   // ranges checked by QueryContract
        let entries = try await services.storage.auditLog.list(filter).map { entry in
            Components.Schemas.AuditEntry(
                id: entry.id, at: entry.at, actor: entry.actor.label, channel: .init(entry.actor.channel),
                action: .init(entry.action), entity: entry.entity, entityId: entry.entityID,
                changes: entry.changes.map { .init(field: $0.field, before: $0.before, after: $0.after) })
        }
        return .ok(.init(body: .json(.init(items: entries, total: try await services.storage.auditLog.count(filter)))))
    }

    static func dto(_ organisation: Organisation) -> Components.Schemas.Organisation {
        .init(id: organisation.id, name: organisation.name, kind: .init(organisation.kind))
    }
}

/// The identity of the API request being handled; generated operations take no context, so the
/// transport hands it over in a task-local value.
enum RequestIdentity {
    @TaskLocal static var current: Identity?
    /// The client's address, for the public report rate limit.
    @TaskLocal static var address: String = "unknown"
}

/// Registers the generated operations as Safer routes, so they pass the same access checks and
/// appear in the route catalogue (and so in the route × role test), with one body limit for all.
struct SecureAPITransport: ServerTransport {
    let routes: SecureRoutes
    let access: [String: Access]
    let contract: QueryContract

    /// The largest JSON body the API reads.
    static let maxBodySize = 1024 * 1024

    func register(_ handler: @escaping @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?),
                  method: HTTPRequest.Method, path: String) throws {
        guard let rule = access["\(method) \(path)"] else {
            throw ResourceError(name: "an access rule for \(method) \(path) in APIController.access")
        }
        let key = "\(method) \(path)", contract = contract
        routes.api(method, RouterPath(path), rule) { request, context in
            let query = request.head.path.flatMap { URLComponents(string: $0)?.queryItems } ?? []
            if let problem = contract.problems(key, query: query) { throw problem }
            var request = request
            let bytes = try await request.collectBody(upTo: Self.maxBodySize)
            let body = bytes.readableBytes > 0 || request.method == .post ? HTTPBody([UInt8](buffer: bytes)) : nil
            let parameters = [String: Substring](context.parameters.map { (String($0.0), $0.1) }) { first, _ in first }
            var (response, responseBody) = try await RequestIdentity.$current.withValue(context.identity) {
                try await RequestIdentity.$address.withValue(context.remoteAddress) {
                    do { return try await handler(request.head, body, ServerRequestMetadata(pathParameters: parameters)) }
                    catch { throw QueryContract.attribute(error, query: query) }
                }
            }
            // The runtime percent-encodes string headers as URI components; a Location is a path.
            if let location = response.headerFields[.location] { response.headerFields[.location] = location.removingPercentEncoding }
            var data = Data()
            if let responseBody { data = try await Data(collecting: responseBody, upTo: 64 * 1024 * 1024) }
            return Response(status: response.status, headers: response.headerFields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}

/// A JSON response, for the few routes outside the API document.
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
    Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
             body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.safer.encode(value))))
}
