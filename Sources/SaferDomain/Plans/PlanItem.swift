import Foundation

/// One action or target in a plan: what is to be done, who leads it, by when, how success is
/// measured, and optionally a baseline and target linked to an indicator. Its quarterly
/// updates are `PlanUpdate`s.
public struct PlanItem: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var planID: String
    /// Order in the plan (1 first).
    public var position: Int
    /// The number the plan prints, e.g. `54`; some items have none.
    public var number: String?
    public var description: String
    /// The organisations that lead the item; their partners may add its updates.
    public var leadOrganisationIDs: [String]
    /// The lead as the plan prints it, e.g. `NWBC – Streetscape & Information Services`. Kept
    /// whether or not it matched an organisation.
    public var leadAsPrinted: String?
    /// The lead officer, by job title (never a personal name), e.g. `Policy Support Manager`.
    public var leadOfficer: String?
    /// The theme's key, e.g. `violent-crime`.
    public var theme: String?
    /// The priority as printed, e.g. `Creating Safer Communities` or `High`.
    public var priority: String?
    /// The board or committee the item reports to, where it is not the plan's.
    public var board: String?
    public var timescaleStart: CalendarDay?
    public var timescaleEnd: CalendarDay?
    public var resources: String?
    public var measureOfSuccess: String?
    public var financialImplications: String?
    /// The baseline as printed, e.g. `1417`.
    public var baseline: String?
    /// The target as printed, e.g. `1698` or `24% in 2006`; a plain number is a numeric target.
    public var target: String?
    /// The indicator the target is measured by, e.g. `anti-social-behaviour`.
    public var indicatorKey: String?
    /// Last year's item this one was rolled forward from.
    public var previousItemID: String?
    /// What happens to the item at year end, once decided.
    public var yearEndDecision: YearEndDecision?
    /// Anything else worth knowing, e.g. how a garbled cell was read.
    public var note: String?

    public init(id: String, planID: String, position: Int, number: String? = nil, description: String,
                leadOrganisationIDs: [String] = [], leadAsPrinted: String? = nil, leadOfficer: String? = nil,
                theme: String? = nil, priority: String? = nil, board: String? = nil,
                timescaleStart: CalendarDay? = nil, timescaleEnd: CalendarDay? = nil, resources: String? = nil,
                measureOfSuccess: String? = nil, financialImplications: String? = nil, baseline: String? = nil,
                target: String? = nil, indicatorKey: String? = nil, previousItemID: String? = nil,
                yearEndDecision: YearEndDecision? = nil, note: String? = nil) {
        self.id = id
        self.planID = planID
        self.position = position
        self.number = number
        self.description = description
        self.leadOrganisationIDs = leadOrganisationIDs
        self.leadAsPrinted = leadAsPrinted
        self.leadOfficer = leadOfficer
        self.theme = theme
        self.priority = priority
        self.board = board
        self.timescaleStart = timescaleStart
        self.timescaleEnd = timescaleEnd
        self.resources = resources
        self.measureOfSuccess = measureOfSuccess
        self.financialImplications = financialImplications
        self.baseline = baseline
        self.target = target
        self.indicatorKey = indicatorKey
        self.previousItemID = previousItemID
        self.yearEndDecision = yearEndDecision
        self.note = note
    }

    // MARK: - Targets

    /// The target as a number when it is one (`1698`, `1,698`, `48.5`); nil for text such as
    /// `24% in 2006`, and when there is no target.
    public var numericTarget: Double? { Self.number(in: target) }

    /// The baseline as a number when it is one.
    public var numericBaseline: Double? { Self.number(in: baseline) }

    /// Whether Safer can suggest a status: the item has an indicator and a numeric target.
    public var canSuggestStatus: Bool { indicatorKey != nil && numericTarget != nil }

    /// A plain number with optional thousands separators (`1,698`), or nil for anything else.
    public static func number(in text: String?) -> Double? {
        guard let text else { return nil }
        let plain = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard !plain.isEmpty, plain.allSatisfy({ $0.isASCIIDigit || $0 == "." || $0 == "-" }),
              let value = Double(plain), value.isFinite else { return nil }
        return value
    }

    // MARK: - Who may write

    /// Whether the organisation leads this item (alone or with others).
    public func isLed(by organisationID: String?) -> Bool {
        guard let organisationID, !organisationID.isEmpty else { return false }
        return leadOrganisationIDs.contains(organisationID)
    }

    /// Whether an account may add a quarterly update: officers and administrators to every
    /// item; partners only to items their own organisation leads; nobody else.
    public func acceptsUpdates(from role: Role, organisationID: String?) -> Bool {
        switch role {
        case .admin, .officer: true
        case .partner: isLed(by: organisationID)
        case .field, .councillor: false
        }
    }

    // MARK: - Checks

    /// Checks everything a person can set.
    public func validate() throws {
        var problems = ValidationProblems()
        if description.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            problems.add("Enter what the action or target is.", field: "description")
        }
        if description.count > 5_000 { problems.add("The description is longer than 5,000 characters: shorten it.", field: "description") }
        if let number, number.count > 20 { problems.add("The number '\(number)' is longer than 20 characters: use the plan's numbering, e.g. 12 or 3.2.", field: "number") }
        if let start = timescaleStart, let end = timescaleEnd, end < start {
            problems.add("The timescale ends (\(end.label)) before it starts (\(start.label)): check the two dates.", field: "timescaleEnd")
        }
        let long: [(String, String?, String)] = [
            ("resources", resources, "resources"), ("measure of success", measureOfSuccess, "measureOfSuccess"),
            ("financial implications", financialImplications, "financialImplications"), ("note", note, "note"),
        ]
        for (name, value, field) in long where (value?.count ?? 0) > 5_000 {
            problems.add("The \(name) is longer than 5,000 characters: shorten it.", field: field)
        }
        try problems.throwIfAny()
    }

    /// The item as a reader refers to it: `12. Work with the Police ...` (shortened).
    public var reference: String {
        let words = description.count > 60 ? String(description.prefix(57)) + "..." : description
        return number.map { "\($0). \(words)" } ?? words
    }
}

extension PlanItem: Auditable {
    public static let auditEntity = "plan-item"
    public var auditID: String { id }
    public var auditFields: [String: String] {
        ["plan": planID, "position": String(position), "number": number ?? "", "description": description,
         "lead organisations": leadOrganisationIDs.joined(separator: "; "), "lead as printed": leadAsPrinted ?? "",
         "lead officer": leadOfficer ?? "", "theme": theme ?? "", "priority": priority ?? "", "board": board ?? "",
         "timescale start": timescaleStart?.description ?? "", "timescale end": timescaleEnd?.description ?? "",
         "resources": resources ?? "", "measure of success": measureOfSuccess ?? "",
         "financial implications": financialImplications ?? "", "baseline": baseline ?? "", "target": target ?? "",
         "indicator": indicatorKey ?? "", "previous item": previousItemID ?? "",
         "year-end decision": yearEndDecision?.rawValue ?? "", "note": note ?? ""]
    }
}
