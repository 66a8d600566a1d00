import Foundation
import SQLKit
import SaferDomain

/// Enforcement cases, actions, evidence and suspects in SQL.
public struct SQLEnforcementRepository: EnforcementRepository {
    let database: SaferDatabase
    let audit: AuditWriter
    let clock: any SaferClock

    public init(database: SaferDatabase, clock: any SaferClock, ids: any IDGenerator) {
        self.database = database
        self.audit = AuditWriter(clock: clock, ids: ids)
        self.clock = clock
    }

    struct CaseRow: Decodable { let id: String, reference: String, title: String, opened: String, closed: String?, notes: String }
    struct LinkRow: Decodable { let caseId: String, flyTipId: String }
    struct ActionRow: Decodable {
        let id: String, caseId: String, type: String, date: String, detail: String
        let plea: String?, result: String?, finePence: Int64?, costsPence: Int64?, sentence: String?
    }
    struct EvidenceRow: Decodable { let id: String, caseId: String, kind: String, date: String, reference: String, description: String }
    struct SuspectRow: Decodable { let id: String, caseId: String, name: String, address: String, vehicle: String, notes: String }

    static func action(_ row: ActionRow) throws -> EnforcementAction {
        let stored = StoredRow(table: "enforcement_actions", id: row.id)
        let type: EnforcementActionType = try stored.value(row.type, "type")
        let date = try stored.parsed(row.date, "date", CalendarDay.init)
        var outcome: EnforcementAction.ProsecutionOutcome?
        if row.plea != nil || row.result != nil || row.finePence != nil || row.costsPence != nil || !(row.sentence ?? "").isEmpty {
            outcome = .init(plea: try stored.optional(row.plea, "plea"), result: try stored.optional(row.result, "result"),
                            fine: row.finePence.map { Money(pence: Int($0)) }, costs: row.costsPence.map { Money(pence: Int($0)) },
                            sentence: row.sentence ?? "")
        }
        return EnforcementAction(id: row.id, caseID: row.caseId, type: type, date: date, detail: row.detail, outcome: outcome)
    }

    // MARK: - Cases

    public func create(_ enforcementCase: EnforcementCase, by actor: Actor) async throws {
        try enforcementCase.validate()
        try await database.transaction { db in
            if try await db.select().column("id").from("enforcement_cases").where("reference", .equal, enforcementCase.reference).first() != nil {
                throw DomainError.conflict("A case with the reference \(enforcementCase.reference) already exists: choose another reference.")
            }
            try await db.insert(into: "enforcement_cases").columns("id", "reference", "title", "opened", "closed", "notes")
                .values(SQLBind(enforcementCase.id), SQLBind(enforcementCase.reference), SQLBind(enforcementCase.title),
                        SQLBind(enforcementCase.opened.description), SQLBind(enforcementCase.closed?.description), SQLBind(enforcementCase.notes))
                .run()
            try await Self.link(db, enforcementCase)
            try await audit.record(db, by: actor, before: nil as EnforcementCase?, after: enforcementCase)
        }
    }

    static func link(_ db: any SQLDatabase, _ enforcementCase: EnforcementCase) async throws {
        try await db.delete(from: "enforcement_case_incidents").where("case_id", .equal, enforcementCase.id).run()
        for (position, incidentID) in enforcementCase.incidentIDs.enumerated() {
            guard try await db.select().column("id").from("fly_tips").where("id", .equal, incidentID).first() != nil else {
                throw DomainError.notFound(entity: "fly-tip", id: incidentID)
            }
            try await db.insert(into: "enforcement_case_incidents").columns("case_id", "fly_tip_id", "position")
                .values(SQLBind(enforcementCase.id), SQLBind(incidentID), SQLBind(position)).run()
        }
    }

    public func update(_ enforcementCase: EnforcementCase, by actor: Actor) async throws {
        try enforcementCase.validate()
        try await database.transaction { db in
            guard let before = try await Self.fetchCases(db, id: enforcementCase.id).first else {
                throw DomainError.notFound(entity: "enforcement case", id: enforcementCase.id)
            }
            try await db.update("enforcement_cases").set("reference", to: enforcementCase.reference).set("title", to: enforcementCase.title)
                .set("opened", to: enforcementCase.opened.description).set("closed", to: SQLBind(enforcementCase.closed?.description))
                .set("notes", to: enforcementCase.notes).where("id", .equal, enforcementCase.id).run()
            try await Self.link(db, enforcementCase)
            try await audit.record(db, by: actor, before: before, after: enforcementCase)
        }
    }

    public func find(id: String) async throws -> EnforcementCase? { try await Self.fetchCases(database.sql, id: id).first }

    public func list() async throws -> [EnforcementCase] { try await Self.fetchCases(database.sql, id: nil) }

    static func fetchCases(_ db: any SQLDatabase, id: String?) async throws -> [EnforcementCase] {
        let query = db.select().column("*").from("enforcement_cases")
        if let id { query.where("id", .equal, id) }
        let rows = try await query.orderBy("opened", .descending).orderBy("reference", .descending)
            .all(decoding: CaseRow.self, keyDecodingStrategy: .convertFromSnakeCase)
        let links = db.select().column("case_id").column("fly_tip_id").from("enforcement_case_incidents").orderBy("position")
        if let id { links.where("case_id", .equal, id) }
        let incidents = Dictionary(grouping: try await links.all(decoding: LinkRow.self, keyDecodingStrategy: .convertFromSnakeCase), by: \.caseId)
        return try rows.map { row in
            let stored = StoredRow(table: "enforcement_cases", id: row.id)
            return EnforcementCase(id: row.id, reference: row.reference, title: row.title, opened: try stored.parsed(row.opened, "opened", CalendarDay.init),
                                   closed: try stored.parsed(row.closed, "closed", CalendarDay.init),
                                   incidentIDs: incidents[row.id]?.map(\.flyTipId) ?? [], notes: row.notes)
        }
    }

    public func file(caseID: String) async throws -> EnforcementCaseFile? {
        let db = database.sql
        guard let enforcementCase = try await Self.fetchCases(db, id: caseID).first else { return nil }
        let actions = try await db.select().column("*").from("enforcement_actions").where("case_id", .equal, caseID).orderBy("date").orderBy("id")
            .all(decoding: ActionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.action)
        let evidence = try await db.select().column("*").from("evidence_items").where("case_id", .equal, caseID).orderBy("date").orderBy("id")
            .all(decoding: EvidenceRow.self, keyDecodingStrategy: .convertFromSnakeCase).map { row -> EvidenceItem in
                let stored = StoredRow(table: "evidence_items", id: row.id)
                return EvidenceItem(id: row.id, caseID: row.caseId, kind: try stored.value(row.kind, "kind"),
                                    date: try stored.parsed(row.date, "date", CalendarDay.init), reference: row.reference, description: row.description)
            }
        let suspects = try await db.select().column("*").from("suspects").where("case_id", .equal, caseID).orderBy("name").orderBy("id")
            .all(decoding: SuspectRow.self, keyDecodingStrategy: .convertFromSnakeCase)
            .map { Suspect(id: $0.id, caseID: $0.caseId, name: $0.name, address: $0.address, vehicle: $0.vehicle, notes: $0.notes) }
        return EnforcementCaseFile(enforcementCase: enforcementCase, actions: actions, evidence: evidence, suspects: suspects)
    }

    // MARK: - Actions, evidence, suspects

    func requireCase(_ db: any SQLDatabase, _ caseID: String) async throws {
        guard try await db.select().column("id").from("enforcement_cases").where("id", .equal, caseID).first() != nil else {
            throw DomainError.notFound(entity: "enforcement case", id: caseID)
        }
    }

    public func addAction(_ action: EnforcementAction, by actor: Actor) async throws {
        try action.validate(now: clock.now())
        try await database.transaction { db in
            try await requireCase(db, action.caseID)
            try await db.insert(into: "enforcement_actions")
                .columns("id", "case_id", "type", "date", "detail", "plea", "result", "fine_pence", "costs_pence", "sentence")
                .values(SQLBind(action.id), SQLBind(action.caseID), SQLBind(action.type.rawValue), SQLBind(action.date.description),
                        SQLBind(action.detail), SQLBind(action.outcome?.plea?.rawValue), SQLBind(action.outcome?.result?.rawValue),
                        SQLBind(action.outcome?.fine.map { Int64($0.pence) }), SQLBind(action.outcome?.costs.map { Int64($0.pence) }),
                        SQLBind(action.outcome?.sentence))
                .run()
            try await audit.record(db, by: actor, before: nil as EnforcementAction?, after: action)
        }
    }

    public func allActions() async throws -> [EnforcementAction] {
        try await database.sql.select().column("*").from("enforcement_actions").orderBy("date").orderBy("id")
            .all(decoding: ActionRow.self, keyDecodingStrategy: .convertFromSnakeCase).map(Self.action)
    }

    public func addEvidence(_ item: EvidenceItem, by actor: Actor) async throws {
        guard !item.reference.trimmingCharacters(in: .whitespaces).isEmpty || !item.description.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("Give the evidence a reference or a description, e.g. the footage reference shared with the police.", field: "reference")
        }
        try await database.transaction { db in
            try await requireCase(db, item.caseID)
            try await db.insert(into: "evidence_items").columns("id", "case_id", "kind", "date", "reference", "description")
                .values(SQLBind(item.id), SQLBind(item.caseID), SQLBind(item.kind.rawValue), SQLBind(item.date.description),
                        SQLBind(item.reference), SQLBind(item.description))
                .run()
            try await audit.record(db, by: actor, before: nil as EvidenceItem?, after: item)
        }
    }

    public func addSuspect(_ suspect: Suspect, by actor: Actor) async throws {
        guard !suspect.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ValidationError("A suspect needs a name (a person or a business).", field: "name")
        }
        try await database.transaction { db in
            try await requireCase(db, suspect.caseID)
            try await db.insert(into: "suspects").columns("id", "case_id", "name", "address", "vehicle", "notes")
                .values(SQLBind(suspect.id), SQLBind(suspect.caseID), SQLBind(suspect.name), SQLBind(suspect.address),
                        SQLBind(suspect.vehicle), SQLBind(suspect.notes))
                .run()
            try await audit.record(db, by: actor, before: nil as Suspect?, after: suspect)
        }
    }

    public func removeSuspect(id: String, by actor: Actor) async throws {
        try await database.transaction { db in
            guard let row = try await db.select().column("*").from("suspects").where("id", .equal, id)
                .first(decoding: SuspectRow.self, keyDecodingStrategy: .convertFromSnakeCase) else {
                throw DomainError.notFound(entity: "suspect", id: id)
            }
            try await db.delete(from: "suspects").where("id", .equal, id).run()
            let suspect = Suspect(id: row.id, caseID: row.caseId, name: row.name, address: row.address, vehicle: row.vehicle, notes: row.notes)
            try await audit.record(db, by: actor, before: suspect, after: nil as Suspect?)
        }
    }
}
