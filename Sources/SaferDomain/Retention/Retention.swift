import Foundation

/// How long personal data is kept once it is no longer needed: public reporters' contact
/// details for `contactMonths` after the report was received (default 12), and suspects'
/// details for `suspectYears` after their case closed (default 6, the limitation period the
/// council's retention schedule uses for enforcement files). Everything else stays.
public struct RetentionPolicy: Sendable, Equatable {
    public var contactMonths: Int
    public var suspectYears: Int

    public init(contactMonths: Int = 12, suspectYears: Int = 6) {
        self.contactMonths = contactMonths
        self.suspectYears = suspectYears
    }

    /// Reports received before the start of this day lose their contact details.
    public func contactCutoff(today: CalendarDay) -> CalendarDay { today.adding(months: -contactMonths) }

    /// Cases closed before this day lose their suspects.
    public func suspectCutoff(today: CalendarDay) -> CalendarDay { today.adding(months: -12 * suspectYears) }

    /// The rule in words, for the audit entry and the command's output.
    public func rule(today: CalendarDay) -> String {
        "contact details of public reports received before \(contactCutoff(today: today).label) (\(contactMonths) months); "
            + "suspects of cases closed before \(suspectCutoff(today: today).label) (\(suspectYears) years)"
    }
}

/// What a purge removes: found first, listed by `safer purge --dry-run`, then removed in one
/// transaction with one audit entry.
public struct PurgeCandidates: Sendable, Equatable {
    /// A public report that still holds a reporter's contact details.
    public struct Report: Sendable, Equatable {
        public let id: String
        public let reference: String
        public let receivedAt: Date
        public init(id: String, reference: String, receivedAt: Date) {
            self.id = id
            self.reference = reference
            self.receivedAt = receivedAt
        }
    }
    /// A closed case that still holds suspects.
    public struct Case: Sendable, Equatable {
        public let id: String
        public let reference: String
        public let closed: CalendarDay
        public let suspects: Int
        public init(id: String, reference: String, closed: CalendarDay, suspects: Int) {
            self.id = id
            self.reference = reference
            self.closed = closed
            self.suspects = suspects
        }
    }

    public let reports: [Report]
    public let cases: [Case]

    public init(reports: [Report], cases: [Case]) {
        self.reports = reports
        self.cases = cases
    }

    public var isEmpty: Bool { reports.isEmpty && cases.isEmpty }
    public var suspectCount: Int { cases.reduce(0) { $0 + $1.suspects } }
}

/// The audit log's record of a purge: the rule and how many, never what was removed.
public struct PurgeRecord: Sendable, Auditable {
    public static let auditEntity = "retention-purge"
    public let id: String
    public let rule: String
    public let contactsRemoved: Int
    public let suspectsRemoved: Int
    public let cases: Int

    public init(id: String, rule: String, candidates: PurgeCandidates) {
        self.id = id
        self.rule = rule
        contactsRemoved = candidates.reports.count
        suspectsRemoved = candidates.suspectCount
        cases = candidates.cases.count
    }

    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["rule": rule, "contactDetailsRemoved": "\(contactsRemoved)", "suspectsRemoved": "\(suspectsRemoved)", "cases": "\(cases)"]
    }
}

/// Finds and removes personal data past its retention period.
public protocol RetentionRepository: Sendable {
    /// Reports received before `contactsBefore` that hold contact details, and cases closed
    /// before `suspectsBefore` that hold suspects.
    func candidates(contactsBefore: Date, suspectsBefore: CalendarDay) async throws -> PurgeCandidates
    /// Removes what `candidates` lists (only what still matches), with one audit entry.
    func purge(_ candidates: PurgeCandidates, record: PurgeRecord, contactsBefore: Date, suspectsBefore: CalendarDay, by actor: Actor) async throws
}
