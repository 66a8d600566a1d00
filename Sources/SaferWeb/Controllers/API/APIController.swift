import Foundation
import Hummingbird
import NIOCore
import SaferDomain

/// The JSON API under `/api/v1`, described by `openapi.yaml` (served beside it).
struct APIController {
    let services: AppServices

    // MARK: - DTOs (the wire format; domain types are never encoded directly)

    struct MeResponse: Codable { let id: String; let email: String; let name: String; let role: String; let organisationId: String? }
    struct OrganisationDTO: Codable { let id: String; let name: String; let kind: String }
    struct NewOrganisation: Codable { let name: String; let kind: String }
    struct UserDTO: Codable { let id: String; let email: String; let name: String; let role: String; let organisationId: String?; let disabled: Bool }
    struct AuditEntryDTO: Codable {
        let id: String; let at: Date; let actor: String; let channel: String; let action: String
        let entity: String; let entityId: String; let changes: [FieldChange]
    }
    struct Page<Item: Codable>: Codable { let items: [Item]; let total: Int? }

    func register(on routes: SecureRoutes) {
        routes.api(.get, "/api/v1/openapi.yaml", .everyone) { _, _ in
            guard let url = Bundle.module.url(forResource: "Resources/openapi", withExtension: "yaml") else {
                throw ResourceError(name: "openapi.yaml")
            }
            return Response(status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: try Data(contentsOf: url))))
        }
        routes.api(.get, "/api/v1/me", .signedInAny) { _, context in
            let user = context.identity!.user
            return try json(MeResponse(id: user.id, email: user.email, name: user.name, role: user.role.rawValue, organisationId: user.organisationID))
        }
        routes.api(.get, "/api/v1/organisations", .signedInAny) { _, _ in
            try json(Page(items: try await services.storage.organisations.list().map(Self.dto), total: nil))
        }
        routes.api(.post, "/api/v1/organisations", .admin) { request, context in
            let body = try await decode(NewOrganisation.self, request, context)
            let organisation = try Organisation.validated(id: services.ids.next(), name: body.name, kind: body.kind)
            try await services.storage.organisations.create(organisation, by: context.identity!.actor(channel: .api))
            return try json(Self.dto(organisation), status: .created, location: "/api/v1/organisations/\(organisation.id)")
        }
        routes.api(.get, "/api/v1/organisations/:id", .signedInAny) { _, context in
            let id = try context.parameters.require("id")
            guard let organisation = try await services.storage.organisations.find(id: id) else {
                throw DomainError.notFound(entity: "organisation", id: id)
            }
            return try json(Self.dto(organisation))
        }
        routes.api(.get, "/api/v1/users", .admin) { _, _ in
            try json(Page(items: try await services.storage.users.list().map {
                UserDTO(id: $0.id, email: $0.email, name: $0.name, role: $0.role.rawValue, organisationId: $0.organisationID, disabled: $0.disabled)
            }, total: nil))
        }
        routes.api(.get, "/api/v1/audit", .admin) { request, _ in
            let query = request.uri.queryParameters
            let limit = min(max(Int(query.get("limit") ?? "100") ?? 100, 1), 1000)
            let filter = AuditFilter(entity: query.get("entity"), entityID: query.get("entityId"), actorLabel: query.get("actor"),
                                     action: query.get("action").flatMap(AuditEntry.Action.init(rawValue:)),
                                     limit: limit, offset: max(Int(query.get("offset") ?? "0") ?? 0, 0))
            let entries = try await services.storage.auditLog.list(filter).map {
                AuditEntryDTO(id: $0.id, at: $0.at, actor: $0.actor.label, channel: $0.actor.channel.rawValue,
                              action: $0.action.rawValue, entity: $0.entity, entityId: $0.entityID, changes: $0.changes)
            }
            return try json(Page(items: entries, total: try await services.storage.auditLog.count(filter)))
        }
    }

    static func dto(_ organisation: Organisation) -> OrganisationDTO {
        OrganisationDTO(id: organisation.id, name: organisation.name, kind: organisation.kind.rawValue)
    }
}

/// The largest JSON body the API reads.
let maxJSONBodySize = 1024 * 1024

/// Reads a JSON body with the same rules on every endpoint: over the limit is 413, not JSON is
/// 400, a JSON of the wrong shape is 400 naming the field.
func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: SaferRequestContext) async throws -> T {
    var request = request
    let buffer = try await request.collectBody(upTo: maxJSONBodySize)
    if let contentType = request.headers[.contentType], !contentType.lowercased().hasPrefix("application/json") {
        throw APIProblem(status: .unsupportedMediaType, title: "Send JSON", detail: "The body must be application/json; this one is \(contentType).")
    }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(T.self, from: Data(buffer: buffer))
}

/// A JSON response.
func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok, location: String? = nil) throws -> Response {
    var headers: HTTPFields = [.contentType: "application/json; charset=utf-8"]
    if let location { headers[.location] = location }
    return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try JSONEncoder.safer.encode(value))))
}
