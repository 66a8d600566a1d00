import Foundation

/// One dated step in a case: a letter, a notice, a penalty, a caution, a prosecution.
public struct EnforcementAction: Sendable, Hashable, Identifiable {
    /// How a prosecution ended.
    public struct ProsecutionOutcome: Sendable, Hashable, Codable {
        public enum Plea: String, Sendable, Hashable, Codable, CaseIterable { case guilty, notGuilty = "not-guilty" }
        public enum Result: String, Sendable, Hashable, Codable, CaseIterable { case convicted, unsuccessful }
        public var plea: Plea?
        public var result: Result?
        public var fine: Money?
        public var costs: Money?
        public var sentence: String

        public init(plea: Plea? = nil, result: Result? = nil, fine: Money? = nil, costs: Money? = nil, sentence: String = "") {
            self.plea = plea
            self.result = result
            self.fine = fine
            self.costs = costs
            self.sentence = sentence
        }
    }

    public var id: String
    public var caseID: String
    public var type: EnforcementActionType
    public var date: CalendarDay
    public var detail: String
    /// Only for a prosecution.
    public var outcome: ProsecutionOutcome?

    public init(id: String, caseID: String, type: EnforcementActionType, date: CalendarDay, detail: String = "", outcome: ProsecutionOutcome? = nil) {
        self.id = id
        self.caseID = caseID
        self.type = type
        self.date = date
        self.detail = detail
        self.outcome = outcome
    }

    /// Checks an outcome is recorded only for a prosecution, with no negative amounts.
    public func validate(now: Date) throws {
        var problems = ValidationProblems()
        if outcome != nil, type != .prosecution { problems.add("Only a prosecution has a plea, result, fine or sentence.", field: "outcome") }
        if let fine = outcome?.fine, fine.pence < 0 { problems.add("The fine cannot be negative.", field: "fine") }
        if let costs = outcome?.costs, costs.pence < 0 { problems.add("The costs cannot be negative.", field: "costs") }
        if date > CalendarDay(containing: now) { problems.add("The action's date \(date) is in the future.", field: "date") }
        try problems.throwIfAny()
    }
}
