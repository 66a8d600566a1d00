import Foundation

/// A record whose changes the audit log describes field by field.
public protocol Auditable: Sendable {
    /// The entity name the audit log files changes under, e.g. "user".
    static var auditEntity: String { get }
    /// The record's id.
    var auditID: String { get }
    /// The fields as people read them; the log stores the ones that changed.
    var auditFields: [String: String] { get }
}

extension User: Auditable {
    public static let auditEntity = "user"
    public var auditID: String { id }
}

extension Organisation: Auditable {
    public static let auditEntity = "organisation"
    public var auditID: String { id }
    public var auditFields: [String: String] { ["name": name, "kind": kind.rawValue] }
}

extension APIToken: Auditable {
    public static let auditEntity = "api-token"
    public var auditID: String { id }
    public var auditFields: [String: String] { ["user": userID, "name": name, "revoked": revoked ? "yes" : "no"] }
}
