import Foundation

/// A person with an account. The password hash never leaves storage and the web layer.
public struct User: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    public var organisationID: String?
    public var passwordHash: String
    public var disabled: Bool
    public var createdAt: Date

    public init(id: String, email: String, name: String, role: Role, organisationID: String?,
                passwordHash: String, disabled: Bool = false, createdAt: Date) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.organisationID = organisationID
        self.passwordHash = passwordHash
        self.disabled = disabled
        self.createdAt = createdAt
    }

    /// The fields the audit log records; the password hash is shown only as "changed".
    public var auditFields: [String: String] {
        ["email": email, "name": name, "role": role.rawValue,
         "organisation": organisationID ?? "", "disabled": disabled ? "yes" : "no", "password": "(set)"]
    }

    /// E-mail addresses are compared without case or surrounding spaces.
    public static func normalisedEmail(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    /// Checks the details of a new or changed account.
    public static func validateDetails(email: String, name: String) throws {
        var problems = ValidationProblems()
        let email = normalisedEmail(email)
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        if email.isEmpty {
            problems.add("Enter an e-mail address.", field: "email")
        } else if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(" ") {
            problems.add("'\(email)' is not an e-mail address: use the form name@example.org.", field: "email")
        }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Enter the person's name.", field: "name") }
        try problems.throwIfAny()
    }

    /// The shortest password accepted.
    public static let minimumPasswordLength = 12

    /// Checks a new password.
    public static func validatePassword(_ password: String) throws {
        if password.count < minimumPasswordLength {
            throw ValidationError("The password must be at least \(minimumPasswordLength) characters long: a few unrelated words work well.", field: "password")
        }
        if password.utf8.count > 72 {
            throw ValidationError("The password must be at most 72 bytes long (bcrypt ignores the rest).", field: "password")
        }
    }
}
