import Foundation

/// Who made a change, and through which door.
public struct Actor: Sendable, Hashable, Codable {
    /// How the change arrived.
    public enum Channel: String, Sendable, Codable, CaseIterable { case web, api, cli, system }

    /// The account, when a person made the change.
    public var userID: String?
    /// A readable label: the e-mail address, or "command line" for the CLI.
    public var label: String
    public var channel: Channel

    public init(userID: String?, label: String, channel: Channel) {
        self.userID = userID
        self.label = label
        self.channel = channel
    }

    /// The command line, run by whoever has the server's shell.
    public static func cli(_ who: String = ProcessInfo.processInfo.environment["USER"] ?? "unknown") -> Actor {
        Actor(userID: nil, label: "command line (\(who))", channel: .cli)
    }

    /// Safer itself, e.g. loading demo data.
    public static let system = Actor(userID: nil, label: "Safer", channel: .system)
}

/// One field's value before and after a change. `nil` means the field did not exist.
public struct FieldChange: Sendable, Hashable, Codable {
    public var field: String
    public var before: String?
    public var after: String?

    public init(field: String, before: String?, after: String?) {
        self.field = field
        self.before = before
        self.after = after
    }

    /// The fields that differ between two snapshots, in field-name order.
    public static func between(_ before: [String: String]?, _ after: [String: String]?) -> [FieldChange] {
        let names = Set((before ?? [:]).keys).union((after ?? [:]).keys).sorted()
        return names.compactMap { name in
            let old = before?[name], new = after?[name]
            return old == new ? nil : FieldChange(field: name, before: old, after: new)
        }
    }
}

/// An entry in the audit log. Entries are only ever appended.
public struct AuditEntry: Sendable, Hashable, Codable, Identifiable {
    /// What kind of change.
    public enum Action: String, Sendable, Codable, CaseIterable { case create, update, delete }

    public var id: String
    public var at: Date
    public var actor: Actor
    public var action: Action
    public var entity: String
    public var entityID: String
    public var changes: [FieldChange]

    public init(id: String, at: Date, actor: Actor, action: Action, entity: String, entityID: String, changes: [FieldChange]) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.changes = changes
    }
}

/// Which entries to show.
public struct AuditFilter: Sendable, Hashable {
    public var entity: String?
    public var entityID: String?
    public var actorLabel: String?
    public var action: AuditEntry.Action?
    public var from: Date?
    public var to: Date?
    public var limit: Int
    public var offset: Int

    public init(entity: String? = nil, entityID: String? = nil, actorLabel: String? = nil,
                action: AuditEntry.Action? = nil, from: Date? = nil, to: Date? = nil,
                limit: Int = 100, offset: Int = 0) {
        self.entity = entity
        self.entityID = entityID
        self.actorLabel = actorLabel
        self.action = action
        self.from = from
        self.to = to
        self.limit = limit
        self.offset = offset
    }
}
