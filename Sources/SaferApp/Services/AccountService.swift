import Foundation
import SaferDomain
import SaferStorage

/// Creating and changing accounts and tokens: validation, hashing and audit in one place for
/// the web pages, the API and the command line.
public struct AccountService: Sendable {
    let services: AppServices
    private var users: any UserRepository { services.storage.users }

    /// Creates an account after checking every field.
    @discardableResult
    public func addUser(email: String, name: String, role: String, organisation: String?, password: String,
                        by actor: Actor) async throws -> User {
        var problems = ValidationProblems()
        do { try User.validateDetails(email: email, name: name) } catch let error as ValidationError {
            for message in error.messages { problems.add(message, field: error.fields.first { $0.value == message }?.key) }
        }
        let parsedRole = try? Role(parsing: role)
        if parsedRole == nil {
            problems.add("'\(role)' is not a role: use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).", field: "role")
        }
        do { try User.validatePassword(password) } catch let error as ValidationError { problems.add(error.messages[0], field: "password") }
        let organisationID = try await resolveOrganisation(organisation, problems: &problems)
        if parsedRole == .partner && organisationID == nil {
            problems.add("A partner must belong to an organisation: choose the one whose actions they update.", field: "organisation")
        }
        try problems.throwIfAny()
        guard let parsedRole else { throw ValidationError("Choose a role.", field: "role") }   // recorded above; never reached
        let user = User(id: services.ids.next(), email: email, name: name.trimmingCharacters(in: .whitespaces),
                        role: parsedRole, organisationID: organisationID,
                        passwordHash: try await services.passwords.hash(password), createdAt: services.clock.now())
        try await users.create(user, by: actor)
        return try await users.find(id: user.id) ?? user
    }

    /// Changes an account's details (not its password).
    @discardableResult
    public func updateUser(id: String, email: String, name: String, role: String, organisation: String?, disabled: Bool,
                           by actor: Actor) async throws -> User {
        guard var user = try await users.find(id: id) else { throw DomainError.notFound(entity: "account", id: id) }
        var problems = ValidationProblems()
        do { try User.validateDetails(email: email, name: name) } catch let error as ValidationError {
            for message in error.messages { problems.add(message, field: error.fields.first { $0.value == message }?.key) }
        }
        let parsedRole = try? Role(parsing: role)
        if parsedRole == nil { problems.add("'\(role)' is not a role.", field: "role") }
        let organisationID = try await resolveOrganisation(organisation, problems: &problems)
        if parsedRole == .partner && organisationID == nil {
            problems.add("A partner must belong to an organisation.", field: "organisation")
        }
        if actor.userID == id && (disabled || parsedRole != .admin) && user.role == .admin {
            problems.add("You cannot disable your own account or remove your own administrator role: ask another administrator.", field: "role")
        }
        try problems.throwIfAny()
        let wasDisabled = user.disabled
        user.email = email
        user.name = name.trimmingCharacters(in: .whitespaces)
        guard let parsedRole else { throw ValidationError("Choose a role.", field: "role") }   // recorded above; never reached
        user.role = parsedRole
        user.organisationID = organisationID
        user.disabled = disabled
        try await users.update(user, by: actor)
        if disabled && !wasDisabled { try await services.storage.sessions.deleteAll(userID: id) }
        return user
    }

    /// Sets a new password and signs the account out everywhere.
    public func setPassword(email: String, password: String, by actor: Actor) async throws {
        guard var user = try await users.find(email: email) else {
            throw DomainError.notFound(entity: "account", id: User.normalisedEmail(email))
        }
        try User.validatePassword(password)
        user.passwordHash = try await services.passwords.hash(password)
        try await users.update(user, by: actor)
        try await services.storage.sessions.deleteAll(userID: user.id)
    }

    /// Disables an account and ends its sessions.
    public func disable(email: String, by actor: Actor) async throws {
        guard var user = try await users.find(email: email) else {
            throw DomainError.notFound(entity: "account", id: User.normalisedEmail(email))
        }
        user.disabled = true
        try await users.update(user, by: actor)
        try await services.storage.sessions.deleteAll(userID: user.id)
    }

    /// Creates an API token for an account; returns the token text, shown once and stored hashed.
    public func createToken(email: String, name: String, by actor: Actor) async throws -> (token: String, record: APIToken) {
        guard let user = try await users.find(email: email) else {
            throw DomainError.notFound(entity: "account", id: User.normalisedEmail(email))
        }
        guard !user.disabled else { throw ValidationError("The account \(user.email) is disabled: enable it first.") }
        let label = name.trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty else { throw ValidationError("Give the token a name saying where it is used, e.g. 'Crew phone 3'.", field: "name") }
        let token = "sft_" + SecureRandom.token()
        let record = APIToken(id: services.ids.next(), userID: user.id, name: label, tokenHash: SecureRandom.hash(token),
                              createdAt: services.clock.now())
        try await services.storage.apiTokens.create(record, by: actor)
        return (token, record)
    }

    private func resolveOrganisation(_ text: String?, problems: inout ValidationProblems) async throws -> String? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let organisation = try await services.storage.organisations.find(id: text) { return organisation.id }
        if let organisation = try await services.storage.organisations.find(name: text) { return organisation.id }
        problems.add("No organisation called '\(text)' exists: add it first, or check the spelling.", field: "organisation")
        return nil
    }
}
