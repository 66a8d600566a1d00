import Foundation

/// Where "now" comes from. Reports and statistics never read the wall clock themselves.
public protocol SaferClock: Sendable {
    /// The current instant.
    func now() -> Date
}

/// The system clock, for the running service.
public struct SystemClock: SaferClock {
    public init() {}
    public func now() -> Date { Date() }
}

/// Makes new record ids.
public protocol IDGenerator: Sendable {
    /// A new, unique id.
    func next() -> String
}

/// Random UUIDs: unique across many Safer nodes sharing one database.
public struct UUIDGenerator: IDGenerator {
    public init() {}
    public func next() -> String { UUID().uuidString.lowercased() }
}
