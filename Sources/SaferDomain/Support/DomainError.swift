import Foundation

/// Failures the domain reports; the web layer maps each to one HTTP status in one place.
public enum DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No record of that kind with that id or key.
    case notFound(entity: String, id: String)
    /// The change would break a rule, such as a duplicate e-mail address.
    case conflict(String)
    /// The signed-in person may not do this.
    case forbidden(String)
    /// Something must be set up first (the district, say); the message says what.
    case notSetUp(String)

    public var description: String {
        switch self {
        case .notFound(let entity, let id): "No \(entity) '\(id.quoted())' exists."
        case .conflict(let message): message
        case .forbidden(let message): message
        case .notSetUp(let message): message
        }
    }
}
