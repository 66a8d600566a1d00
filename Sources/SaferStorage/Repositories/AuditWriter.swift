import Foundation
import SQLKit
import SaferDomain

/// Writes audit entries inside the transaction of the change they describe, so a change and
/// its record are stored together or not at all.
struct AuditWriter: Sendable {
    let clock: any SaferClock
    let ids: any IDGenerator

    /// Records the change from `before` to `after` (nil before: created; nil after: deleted).
    func record<T: Auditable>(_ db: any SQLDatabase, by actor: Actor, before: T?, after: T?) async throws {
        let action: AuditEntry.Action = before == nil ? .create : (after == nil ? .delete : .update)
        let changes = FieldChange.between(before?.auditFields, after?.auditFields)
        guard let subject = after ?? before, action != .update || !changes.isEmpty else { return }
        let entry = AuditEntry(id: ids.next(), at: clock.now(), actor: actor, action: action,
                               entity: T.auditEntity, entityID: subject.auditID, changes: changes)
        try await Self.insert(entry, into: db)
    }

    static func insert(_ entry: AuditEntry, into db: any SQLDatabase) async throws {
        let changes = String(decoding: try JSONEncoder().encode(entry.changes), as: UTF8.self)
        try await db.insert(into: "audit_log")
            .columns("id", "at", "actor_user_id", "actor_label", "channel", "action", "entity", "entity_id", "changes")
            .values(SQLBind(entry.id), SQLBind(entry.at.storedMillis), SQLBind(entry.actor.userID),
                    SQLBind(entry.actor.label), SQLBind(entry.actor.channel.rawValue), SQLBind(entry.action.rawValue),
                    SQLBind(entry.entity), SQLBind(entry.entityID), SQLBind(changes))
            .run()
    }
}
