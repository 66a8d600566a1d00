import Foundation

/// Input that cannot be accepted. The message says what was wrong and what to do.
public struct ValidationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One message per problem found, so a form or file can be fixed in one go.
    public let messages: [String]
    /// The form field each message belongs to, where there is one.
    public let fields: [String: String]

    public init(_ message: String, field: String? = nil) {
        self.messages = [message]
        self.fields = field.map { [$0: message] } ?? [:]
    }

    public init(messages: [String], fields: [String: String] = [:]) {
        self.messages = messages
        self.fields = fields
    }

    public var description: String { messages.joined(separator: "\n") }
}

/// Collects validation problems field by field and throws them together.
public struct ValidationProblems: Sendable {
    private var messages: [String] = []
    private var fields: [String: String] = [:]

    public init() {}

    /// Records a problem with a field.
    public mutating func add(_ message: String, field: String? = nil) {
        messages.append(message)
        if let field, fields[field] == nil { fields[field] = message }
    }

    /// Whether nothing has been recorded.
    public var isEmpty: Bool { messages.isEmpty }

    /// Throws everything recorded, if anything was.
    public func throwIfAny() throws {
        if let error { throw error }
    }

    /// Everything recorded as one error, or nil.
    public var error: ValidationError? { messages.isEmpty ? nil : ValidationError(messages: messages, fields: fields) }
}
