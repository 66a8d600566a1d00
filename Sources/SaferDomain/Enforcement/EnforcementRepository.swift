import Foundation

/// Everything recorded about one enforcement case.
public struct EnforcementCaseFile: Sendable, Hashable {
    public var enforcementCase: EnforcementCase
    public var actions: [EnforcementAction]
    public var evidence: [EvidenceItem]
    public var suspects: [Suspect]

    public init(enforcementCase: EnforcementCase, actions: [EnforcementAction], evidence: [EvidenceItem], suspects: [Suspect]) {
        self.enforcementCase = enforcementCase
        self.actions = actions
        self.evidence = evidence
        self.suspects = suspects
    }
}

/// Enforcement cases, their actions, evidence and suspects. Every change is audited in the
/// same transaction; suspects' details are never written to the audit log in clear.
public protocol EnforcementRepository: Sendable {
    /// Opens a case; its incidents must exist.
    func create(_ enforcementCase: EnforcementCase, by actor: Actor) async throws
    /// Changes a case's title, dates, incidents or notes.
    func update(_ enforcementCase: EnforcementCase, by actor: Actor) async throws
    /// The case with this id.
    func find(id: String) async throws -> EnforcementCase?
    /// Every case, newest first.
    func list() async throws -> [EnforcementCase]
    /// A case with everything recorded about it.
    func file(caseID: String) async throws -> EnforcementCaseFile?
    /// Adds an action to a case.
    func addAction(_ action: EnforcementAction, by actor: Actor) async throws
    /// Every action of every case (for returns and summaries).
    func allActions() async throws -> [EnforcementAction]
    /// Adds an evidence item.
    func addEvidence(_ item: EvidenceItem, by actor: Actor) async throws
    /// Adds a suspect.
    func addSuspect(_ suspect: Suspect, by actor: Actor) async throws
    /// Removes a suspect (e.g. eliminated from the enquiry).
    func removeSuspect(id: String, by actor: Actor) async throws
}
