import Foundation

/// A plan for one financial year: the fly-tipping action plan, the partnership plan, the
/// corporate plan targets or a divisional service plan. Its items carry the actions, leads,
/// targets and quarterly updates.
public struct Plan: Sendable, Hashable, Codable, Identifiable {
    /// The four kinds of plan the committee reads. Encoded as `action`, `partnership`,
    /// `corporate`, `service`.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// An action plan, e.g. addressing fly-tipping.
        case action
        /// The Community Safety Partnership plan.
        case partnership
        /// The corporate plan targets that fall to the committee.
        case corporate
        /// A divisional service plan.
        case service

        /// The name people read, e.g. `Corporate plan targets`.
        public var label: String {
            switch self {
            case .action: "Action plan"
            case .partnership: "Partnership plan"
            case .corporate: "Corporate plan targets"
            case .service: "Service plan"
            }
        }

        /// Parses a kind typed in a form or command, saying which kinds exist when it is not one.
        public init(parsing text: String) throws {
            guard let kind = Kind(rawValue: text.trimmingCharacters(in: .whitespaces).lowercased()) else {
                throw ValidationError("'\(text)' is not a kind of plan: use one of \(Kind.allCases.map(\.rawValue).joined(separator: ", ")).", field: "kind")
            }
            self = kind
        }
    }

    public var id: String
    public var kind: Kind
    public var title: String
    public var financialYear: FinancialYear
    /// The committee the plan reports to, e.g. `Safer Communities Sub-Committee`.
    public var committee: String
    /// Where the plan came from, e.g. the committee pack's appendix it was transcribed from.
    public var source: String?
    /// Last year's plan, when this one was rolled forward from it.
    public var previousPlanID: String?

    public init(id: String, kind: Kind, title: String, financialYear: FinancialYear, committee: String,
                source: String? = nil, previousPlanID: String? = nil) {
        self.id = id
        self.kind = kind
        self.title = title
        self.financialYear = financialYear
        self.committee = committee
        self.source = source
        self.previousPlanID = previousPlanID
    }

    /// Checks everything a person can set.
    public func validate() throws {
        var problems = ValidationProblems()
        if title.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.add("Enter the plan's title.", field: "title") }
        if title.count > 300 { problems.add("The title is longer than 300 characters: shorten it.", field: "title") }
        if committee.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.add("Enter the committee the plan reports to, e.g. Safer Communities Sub-Committee.", field: "committee")
        }
        if committee.count > 200 { problems.add("The committee's name is longer than 200 characters: shorten it.", field: "committee") }
        try problems.throwIfAny()
    }
}

extension Plan: Auditable {
    public static let auditEntity = "plan"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["kind": kind.rawValue, "title": title, "financial year": financialYear.description, "committee": committee,
         "source": source ?? "", "previous plan": previousPlanID ?? ""]
    }
}
