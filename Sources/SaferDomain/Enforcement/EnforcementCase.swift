import Foundation

/// An enforcement case: one offender or one pattern of tipping (a serial tipper), linking the
/// incidents it covers, with its actions, evidence and suspects.
public struct EnforcementCase: Sendable, Hashable, Identifiable {
    public var id: String
    /// "ENF-2018-001" or a generated reference.
    public var reference: String
    public var title: String
    public var opened: CalendarDay
    public var closed: CalendarDay?
    /// The fly-tips the case is about.
    public var incidentIDs: [String]
    public var notes: String

    public init(id: String, reference: String, title: String, opened: CalendarDay, closed: CalendarDay? = nil,
                incidentIDs: [String] = [], notes: String = "") {
        self.id = id
        self.reference = reference
        self.title = title
        self.opened = opened
        self.closed = closed
        self.incidentIDs = incidentIDs
        self.notes = notes
    }

    /// Whether the case is still open on a day.
    public func isOpen(on day: CalendarDay) -> Bool { opened <= day && (closed.map { day < $0 } ?? true) }

    /// Checks a title is given and the case is not closed before it opened.
    public func validate() throws {
        var problems = ValidationProblems()
        if title.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("A case needs a title, e.g. \"Serial tipping, Packington Lane\".", field: "title") }
        if reference.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("A case needs a reference.", field: "reference") }
        if let closed, closed < opened { problems.add("The case is closed (\(closed)) before it was opened (\(opened)).", field: "closed") }
        try problems.throwIfAny()
    }
}
