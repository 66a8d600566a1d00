import Foundation
import SaferDomain
import SaferStorage

/// The audit log as people read it: entries with the records they name (an account's name,
/// an incident's reference) instead of raw ids.
public struct AuditService: Sendable {
    let auditLog: any AuditLogRepository
    let users: any UserRepository
    let organisations: any OrganisationRepository
    let flyTips: any FlyTipRepository
    let publicReports: any PublicReportRepository
    let enforcement: any EnforcementRepository
    let plans: any PlanRepository
    let meetings: any MeetingRepository

    public init(services: AppServices) {
        let storage = services.storage
        auditLog = storage.auditLog
        users = storage.users
        organisations = storage.organisations
        flyTips = storage.flyTips
        publicReports = storage.publicReports
        enforcement = storage.enforcement
        plans = storage.plans
        meetings = storage.meetings
    }

    /// A record an entry names: its kind (the audit entity) and id.
    public struct Record: Sendable, Hashable {
        public let entity: String
        public let id: String
        public init(entity: String, id: String) {
            self.entity = entity
            self.id = id
        }
    }

    /// Change fields whose values are ids of other records, and the kind of record.
    public static let referenceFields: [String: String] = [
        "organisation": Organisation.auditEntity, "lead organisations": Organisation.auditEntity, "user": User.auditEntity,
        "plan": Plan.auditEntity, "item": PlanItem.auditEntity, "meeting": Meeting.auditEntity,
        "case": EnforcementCase.auditEntity, "incident": FlyTip.auditEntity,
    ]

    public func list(_ filter: AuditFilter) async throws -> (entries: [AuditEntry], total: Int) {
        (try await auditLog.list(filter), try await auditLog.count(filter))
    }

    /// The kinds of record in the log, for the filter's list.
    public func entities() async throws -> [String] { try await auditLog.entities() }

    /// Every record the entries name (the entry's own record and ids in its changes), with
    /// the name people know it by; records since deleted, or of kinds without a name, are left out.
    public func names(for entries: [AuditEntry]) async throws -> [Record: String] {
        var records = Set(entries.map { Record(entity: $0.entity, id: $0.entityID) })
        for entry in entries {
            for change in entry.changes {
                guard let entity = Self.referenceFields[change.field] else { continue }
                for value in [change.before, change.after].compactMap({ $0 }) {
                    for id in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !id.isEmpty {
                        records.insert(Record(entity: entity, id: id))
                    }
                }
            }
        }
        var names: [Record: String] = [:]
        let userNames = Dictionary(try await users.list().map { ($0.id, "\($0.name) (\($0.email))") }) { first, _ in first }
        let organisationNames = Dictionary(try await organisations.list().map { ($0.id, $0.name) }) { first, _ in first }
        for record in records {
            let name: String?
            switch record.entity {
            case User.auditEntity: name = userNames[record.id]
            case Organisation.auditEntity: name = organisationNames[record.id]
            case FlyTip.auditEntity: name = try await flyTips.find(id: record.id).map { "\($0.reference), \($0.location)" }
            case PublicReport.auditEntity: name = try await publicReports.find(id: record.id).map { "\($0.reference), \($0.place)" }
            case EnforcementCase.auditEntity: name = try await enforcement.find(id: record.id).map { "\($0.reference): \($0.title)" }
            case Plan.auditEntity: name = try await plans.find(id: record.id).map { "\($0.title) \($0.financialYear)" }
            case PlanItem.auditEntity: name = try await plans.item(id: record.id).map { item in
                [item.number.map { "Item \($0)" }, String(item.description.prefix(60))].compactMap { $0 }.joined(separator: ": ") }
            case Meeting.auditEntity: name = try await meetings.meeting(id: record.id).map { "Meeting of \($0.date.label)" }
            default: name = nil
            }
            if let name { names[record] = name }
        }
        return names
    }
}
