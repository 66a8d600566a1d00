import Foundation
import Hummingbird
import SaferApp
import SaferDomain

/// Administration: accounts, organisations and the audit log.
struct AdminController {
    let services: AppServices
    let views: Views

    typealias Option = SelectOption

    struct UserRow { let id: String; let name: String; let email: String; let role: String; let organisation: String; let status: String }

    struct UsersPage {
        let chrome: PageChrome
        let users: [UserRow]
        let userCount: Int
        let roles: [Option]
        let organisations: [Option]
        let form: [String: String]
        let errors: ErrorSummary?
        let fieldErrors: [String: String]
    }

    struct UserPage {
        let chrome: PageChrome
        let user: UserRow
        let email: String
        let name: String
        let disabled: Bool
        let roles: [Option]
        let organisations: [Option]
        let errors: ErrorSummary?
    }

    struct OrganisationRow { let id: String; let name: String; let kind: String; let kinds: [Option] }

    struct OrganisationsPage {
        let chrome: PageChrome
        let organisations: [OrganisationRow]
        let kinds: [Option]
        let errors: ErrorSummary?
    }

    struct AuditRow {
        let at: String, actor: String, channel: String, action: String, entity: String, entityID: String
        /// The record's name ("FT-7K3M9Q, Oldbury Road"), or its id when it has none (or is deleted).
        let record: String
        let href: String?
        let changes: [FieldChange]
    }

    /// Where a kind of audited record is shown, if it has a page.
    static func auditHref(_ entity: String, _ id: String) -> String? {
        switch entity {
        case User.auditEntity: "/admin/users/\(id)"
        case Organisation.auditEntity: "/admin/organisations"
        case FlyTip.auditEntity: "/fly-tipping/incidents/\(id)"
        case PublicReport.auditEntity: "/fly-tipping/public-reports/\(id)"
        case EnforcementCase.auditEntity: "/fly-tipping/enforcement/\(id)"
        case Plan.auditEntity: "/plans/\(id)"
        case PlanItem.auditEntity: "/plans/items/\(id)"
        case Meeting.auditEntity: "/meetings/\(id)"
        default: nil
        }
    }

    struct AuditPage {
        let chrome: PageChrome
        let entries: [AuditRow]
        let entities: [Option]
        let actor: String
        let actions: [Option]
        let total: Int
        let from: String
        let to: String
        let newer: String?
        let older: String?
    }

    func register(on routes: SecureRoutes) {
        routes.page("/admin", .admin) { _, context in
            views.response("admin", ["chrome": PageChrome(title: "Admin", context: context, current: "/admin")])
        }
        routes.page("/admin/users", .admin) { request, context in
            let added = request.query.get("added").map { "Account added for \($0.quoted()). They can sign in now with the password you gave." }
            return try await usersPage(context, form: FormData(urlEncoded: ""), error: nil, notice: added)
        }
        routes.form("/admin/users", .admin) { _, context, form in
            do {
                try await services.accounts.addUser(email: form.text("email"), name: form.text("name"), role: form.text("role"),
                                                    organisation: form.text("organisation"), password: form["password"] ?? "",
                                                    by: context.identity.actor(channel: .web))
                let email = User.normalisedEmail(form.text("email"))
                return redirect("/admin/users?added=\(email.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")")
            } catch let error as ValidationError {
                return try await usersPage(context, form: form, error: error, status: .unprocessableContent)
            } catch let error as DomainError {
                return try await usersPage(context, form: form, error: ValidationError(error.description), status: .conflict)
            }
        }
        routes.page("/admin/users/:id", .admin) { _, context in
            try await userPage(context, id: try context.parameters.require("id"), errors: [])
        }
        routes.form("/admin/users/:id", .admin) { _, context, form in
            let id = try context.parameters.require("id")
            do {
                try await services.accounts.updateUser(id: id, email: form.text("email"), name: form.text("name"), role: form.text("role"),
                                                       organisation: form.text("organisation"), disabled: form["disabled"] == "on",
                                                       by: context.identity.actor(channel: .web))
                return redirect("/admin/users")
            } catch let error as ValidationError {
                return try await userPage(context, id: id, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError where error != .notFound(entity: "account", id: id) {
                return try await userPage(context, id: id, errors: [error.description], status: .conflict)
            }
        }
        routes.page("/admin/organisations", .admin) { _, context in
            try await organisationsPage(context, errors: [])
        }
        routes.form("/admin/organisations", .admin) { _, context, form in
            do {
                let organisation = try Organisation.validated(id: services.ids.next(), name: form.text("name"), kind: form.text("kind"))
                try await services.storage.organisations.create(organisation, by: context.identity.actor(channel: .web))
                return redirect("/admin/organisations")
            } catch let error as ValidationError {
                return try await organisationsPage(context, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                return try await organisationsPage(context, errors: [error.description], status: .conflict)
            }
        }
        routes.form("/admin/organisations/:id", .admin) { _, context, form in
            let id = try context.parameters.require("id")
            guard try await services.storage.organisations.find(id: id) != nil else {
                throw DomainError.notFound(entity: "organisation", id: id)
            }
            do {
                let organisation = try Organisation.validated(id: id, name: form.text("name"), kind: form.text("kind"))
                try await services.storage.organisations.update(organisation, by: context.identity.actor(channel: .web))
                return redirect("/admin/organisations")
            } catch let error as ValidationError {
                return try await organisationsPage(context, errors: error.messages, status: .unprocessableContent)
            } catch let error as DomainError {
                return try await organisationsPage(context, errors: [error.description], status: .conflict)
            }
        }
        routes.page("/admin/audit", .admin) { request, context in
            try await auditPage(request, context)
        }
    }

    // MARK: - Pages

    private func organisationOptions(selected: String?) async throws -> [Option] {
        [Option(value: "", label: "None", selected: (selected ?? "").isEmpty)]
            + (try await services.storage.organisations.list()).map { Option(value: $0.id, label: $0.name, selected: $0.id == selected) }
    }

    private func roleOptions(selected: String?) -> [Option] {
        Role.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0.rawValue == selected) }
    }

    private func row(_ user: User, organisations: [String: String]) -> UserRow {
        UserRow(id: user.id, name: user.name, email: user.email, role: user.role.label,
                organisation: user.organisationID.flatMap { organisations[$0] } ?? "", status: user.disabled ? "Disabled" : "Active")
    }

    private func usersPage(_ context: SignedInContext, form: FormData, error: ValidationError?, notice: String? = nil,
                           status: HTTPResponse.Status = .ok) async throws -> Response {
        let names = Dictionary(uniqueKeysWithValues: try await services.storage.organisations.list().map { ($0.id, $0.name) })
        let users = try await services.storage.users.list().map { row($0, organisations: names) }
        let page = UsersPage(chrome: PageChrome(title: "Accounts", context: context, current: "/admin", notice: notice), users: users, userCount: users.count,
                             roles: roleOptions(selected: form["role"] ?? Role.officer.rawValue),
                             organisations: try await organisationOptions(selected: form["organisation"]),
                             form: ["email": form.text("email"), "name": form.text("name")],
                             errors: ErrorSummary(error?.messages ?? []), fieldErrors: error?.fields ?? [:])
        return views.response("admin-users", page, status: status)
    }

    private func userPage(_ context: SignedInContext, id: String, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        guard let user = try await services.storage.users.find(id: id) else { throw DomainError.notFound(entity: "account", id: id) }
        let names = Dictionary(uniqueKeysWithValues: try await services.storage.organisations.list().map { ($0.id, $0.name) })
        let page = UserPage(chrome: PageChrome(title: "Account: \(user.name)", context: context, current: "/admin"),
                            user: row(user, organisations: names), email: user.email, name: user.name, disabled: user.disabled,
                            roles: roleOptions(selected: user.role.rawValue),
                            organisations: try await organisationOptions(selected: user.organisationID), errors: ErrorSummary(errors))
        return views.response("admin-user", page, status: status)
    }

    private func organisationsPage(_ context: SignedInContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        func kinds(_ selected: Organisation.Kind?) -> [Option] {
            Organisation.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: $0 == selected) }
        }
        let rows = try await services.storage.organisations.list().map {
            OrganisationRow(id: $0.id, name: $0.name, kind: $0.kind.label, kinds: kinds($0.kind))
        }
        let page = OrganisationsPage(chrome: PageChrome(title: "Organisations", context: context, current: "/admin"),
                                     organisations: rows, kinds: kinds(.parish), errors: ErrorSummary(errors))
        return views.response("admin-organisations", page, status: status)
    }

    private func auditPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let query = request.query
        let pageSize = 50
        let offset = Int(query.get("offset"), in: 0...Int(Int32.max)) ?? 0
        let day = DateFormatter.isoDay
        let from = query.get("from").flatMap { day.date(from: $0) }
        let to = query.get("to").flatMap { day.date(from: $0) }.map { $0.addingTimeInterval(86_400) }
        let action = query.get("action").flatMap { AuditEntry.Action(rawValue: $0) }
        let filter = AuditFilter(entity: query.get("entity").flatMap { $0.isEmpty ? nil : $0 },
                                 actorLabel: query.get("actor"), action: action, from: from, to: to,
                                 limit: pageSize, offset: offset)
        let audit = AuditService(services: services)
        let (entries, total) = try await audit.list(filter)
        let names = try await audit.names(for: entries)
        /// A changed value with the names of the records it names ("North Warwickshire Borough Council" for an organisation's id).
        func named(_ change: FieldChange) -> FieldChange {
            guard let entity = AuditService.referenceFields[change.field] else { return change }
            func name(_ value: String?) -> String? {
                value.map { $0.split(separator: ";").map { id in
                    let id = id.trimmingCharacters(in: .whitespaces)
                    return names[AuditService.Record(entity: entity, id: id)] ?? id
                }.joined(separator: "; ") }
            }
            return FieldChange(field: change.field, before: name(change.before), after: name(change.after))
        }
        let stamp = DateFormatter.auditStamp
        func link(_ newOffset: Int) -> String {
            var items = [URLQueryItem(name: "offset", value: String(newOffset))]
            for key in ["entity", "actor", "action", "from", "to"] { if let value = query.get(key) { items.append(.init(name: key, value: value)) } }
            var components = URLComponents(); components.path = "/admin/audit"; components.queryItems = items
            return components.string ?? "/admin/audit"
        }
        let page = AuditPage(
            chrome: PageChrome(title: "Audit log", context: context, current: "/admin"),
            entries: entries.map { entry in
                let name = names[AuditService.Record(entity: entry.entity, id: entry.entityID)]
                return AuditRow(at: stamp.string(from: entry.at), actor: entry.actor.label, channel: entry.actor.channel.rawValue,
                                action: entry.action.rawValue, entity: entry.entity, entityID: entry.entityID, record: name ?? entry.entityID,
                                href: name == nil ? nil : Self.auditHref(entry.entity, entry.entityID),
                                changes: entry.changes.map(named))
            },
            entities: [Option(value: "", label: "Any", selected: (query.get("entity") ?? "").isEmpty)]
                + Set(try await audit.entities() + [query.get("entity") ?? ""].filter { !$0.isEmpty }).sorted()
                    .map { Option(value: $0, label: $0, selected: $0 == query.get("entity")) },
            actor: query.get("actor") ?? "",
            actions: [Option(value: "", label: "Any", selected: action == nil)]
                + AuditEntry.Action.allCases.map { Option(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == action) },
            total: total, from: query.get("from") ?? "", to: query.get("to") ?? "",
            newer: offset > 0 ? link(max(0, offset - pageSize)) : nil,
            older: offset + pageSize < total ? link(offset + pageSize) : nil)
        return views.response("admin-audit", page)
    }
}

extension DateFormatter {
    /// `yyyy-MM-dd` in UTC, for date fields.
    static var isoDay: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter
    }

    /// Day and time in the council's time zone, for the audit log.
    static var auditStamp: DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "d MMM yyyy HH:mm:ss"
        return formatter
    }
}
