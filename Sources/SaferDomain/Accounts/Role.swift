import Foundation

/// What a signed-in person may do. The public needs no account and so has no role.
public enum Role: String, CaseIterable, Codable, Sendable, Comparable {
    /// Policy Support: users, organisations, indicator catalogue, settings.
    case admin
    /// Community-safety officers: everything operational.
    case officer
    /// Streetscape crews logging and clearing fly-tips from a phone.
    case field
    /// Police, county, fire and parish partners: update the actions they lead.
    case partner
    /// Sub-Committee members: read dashboards and report packs.
    case councillor

    /// The name people read.
    public var label: String {
        switch self {
        case .admin: "Administrator"
        case .officer: "Officer"
        case .field: "Field crew"
        case .partner: "Partner"
        case .councillor: "Councillor"
        }
    }

    /// Parses a role name, saying which names exist when it is not one.
    public init(parsing text: String) throws {
        guard let role = Role(rawValue: text.lowercased()) else {
            throw ValidationError("'\(text)' is not a role: use one of \(Role.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        self = role
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)   // allCases holds every case
    }
}

/// A set of roles a route or action allows.
public struct RoleSet: Sendable, Hashable {
    public let roles: Set<Role>
    public init(_ roles: Set<Role>) { self.roles = roles }
    public init(_ roles: Role...) { self.roles = Set(roles) }

    /// Anyone signed in.
    public static let signedIn = RoleSet(Set(Role.allCases))
    /// Administrators only.
    public static let admin = RoleSet(.admin)
    /// Officers and administrators: operational staff.
    public static let staff = RoleSet(.admin, .officer)

    /// Whether a role is in the set.
    public func allows(_ role: Role) -> Bool { roles.contains(role) }
}
