import Foundation

/// An action a committee's resolution starts: what, who owns it (a person or an organisation),
/// by when, and how it stands. Open actions are matters arising in every later pack until done.
public struct CommitteeAction: Sendable, Hashable, Codable, Identifiable {
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case open, inProgress = "in-progress", done

        public var label: String {
            switch self {
            case .open: "Open"
            case .inProgress: "In progress"
            case .done: "Done"
            }
        }
    }

    public var id: String
    /// The minute whose resolution started it, and the resolution's letter when it has one.
    public var minute: Int
    public var resolution: String?
    public var text: String
    /// The owning organisation, whose partners may update the action; nil when a person owns it.
    public var ownerOrganisationID: String?
    /// The owner's name as printed: the organisation's or the person's.
    public var owner: String
    public var due: CalendarDay
    public var status: Status
    /// A plan item the action is tracked by, if any.
    public var planItemID: String?
    /// The latest word on it.
    public var note: String

    public init(id: String, minute: Int, resolution: String? = nil, text: String, ownerOrganisationID: String? = nil, owner: String,
                due: CalendarDay, status: Status = .open, planItemID: String? = nil, note: String = "") {
        self.id = id
        self.minute = minute
        self.resolution = resolution
        self.text = text
        self.ownerOrganisationID = ownerOrganisationID
        self.owner = owner
        self.due = due
        self.status = status
        self.planItemID = planItemID
        self.note = note
    }

    /// Checks the action against the minutes it comes from: a minute that is there, words, and an owner.
    public func validate(against minutes: Meeting.Minutes?) throws {
        var problems = ValidationProblems()
        if let minutes {
            if !minutes.items.contains(where: { $0.number == minute }) {
                problems.add("Minute \(minute) is not in this meeting's minutes: choose the minute whose resolution starts the action.", field: "minute")
            }
        } else {
            problems.add("Record the meeting's minutes first: an action comes from one of their resolutions.", field: "minute")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { problems.add("Say what is to be done.", field: "text") }
        if owner.trimmingCharacters(in: .whitespaces).isEmpty {
            problems.add("Say who owns the action: choose an organisation or give a person's name.", field: "owner")
        }
        try problems.throwIfAny()
    }

    /// Whether it is still a matter arising.
    public var isOpen: Bool { status != .done }
}
