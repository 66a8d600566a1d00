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

    /// The entries for records created together, for `insert(_:into:)` in one go.
    func created<T: Auditable>(_ records: [T], by actor: Actor) -> [AuditEntry] {
        let at = clock.now()
        return records.map { AuditEntry(id: ids.next(), at: at, actor: actor, action: .create, entity: T.auditEntity, entityID: $0.auditID,
                                        changes: FieldChange.between(nil, $0.auditFields)) }
    }

    /// Inserts entries 200 to a statement (9 values each, well inside SQLite's and PostgreSQL's
    /// limits on bound values).
    static func insert(_ entries: [AuditEntry], into db: any SQLDatabase) async throws {
        let encoder = JSONEncoder()
        for start in stride(from: 0, to: entries.count, by: 200) {
            let insert = db.insert(into: "audit_log")
                .columns("id", "at", "actor_user_id", "actor_label", "channel", "action", "entity", "entity_id", "changes")
            for entry in entries[start..<min(start + 200, entries.count)] {
                let changes = String(decoding: try encoder.encode(entry.changes), as: UTF8.self)
                insert.values(SQLBind(entry.id), SQLBind(entry.at.storedMillis), SQLBind(entry.actor.userID),
                              SQLBind(entry.actor.label), SQLBind(entry.actor.channel.rawValue), SQLBind(entry.action.rawValue),
                              SQLBind(entry.entity), SQLBind(entry.entityID), SQLBind(changes))
            }
            try await insert.run()
        }
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
