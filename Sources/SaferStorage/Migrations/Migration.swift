import Foundation
import SQLKit

/// One numbered, named step of the schema. Steps are append-only: a released step is never
/// edited, renumbered or removed; a change to the schema is a new step at the end.
public struct Migration: Sendable {
    public let number: Int
    public let name: String
    let apply: @Sendable (any SQLDatabase, SaferDatabase.Engine) async throws -> Void

    init(_ number: Int, _ name: String, apply: @escaping @Sendable (any SQLDatabase, SaferDatabase.Engine) async throws -> Void) {
        self.number = number
        self.name = name
        self.apply = apply
    }
}

/// The applied steps in the database do not match the code's list.
public struct MigrationOrderError: Error, CustomStringConvertible {
    public let description: String
}
