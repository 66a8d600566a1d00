import Foundation

/// A meeting of a committee: when and where, its status, the data cut-off of its pack, the
/// standard agenda items and the minutes of the previous meeting.
public struct Meeting: Sendable, Hashable, Codable, Identifiable {
    /// Draft while the pack is composed; published when the pack is frozen and public; held after.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case draft, published, held

        public var label: String {
            switch self {
            case .draft: "Draft"
            case .published: "Published"
            case .held: "Held"
            }
        }
    }

    /// The minutes of the previous meeting, printed in the pack for approval.
    public struct Minutes: Sendable, Hashable, Codable {
        /// A minute: its number, title and text (resolutions included in the text).
        public struct Item: Sendable, Hashable, Codable {
            public var number: Int
            public var title: String
            public var text: String
            public init(number: Int, title: String, text: String) { self.number = number; self.title = title; self.text = text }
        }
        public var heldOn: CalendarDay
        /// "Councillor Reilly in the Chair".
        public var chair: String
        public var present: String
        public var apologies: String
        public var alsoAttending: String
        public var items: [Item]

        public init(heldOn: CalendarDay, chair: String, present: String, apologies: String, alsoAttending: String = "", items: [Item]) {
            self.heldOn = heldOn
            self.chair = chair
            self.present = present
            self.apologies = apologies
            self.alsoAttending = alsoAttending
            self.items = items
        }
    }

    public var id: String
    public var committeeID: String
    public var date: CalendarDay
    /// "18:30".
    public var time: TimeOfDay
    public var venue: String
    public var status: Status
    /// The last day of data the pack uses; every block's period ends on or before it.
    public var cutOff: CalendarDay
    /// Who signs the front sheet: "Jerry Hutchinson, Chief Executive".
    public var signedBy: String
    /// The public participation item's text.
    public var publicParticipation: String
    public var previousMinutes: Minutes?

    public init(id: String, committeeID: String, date: CalendarDay, time: TimeOfDay, venue: String, status: Status = .draft,
                cutOff: CalendarDay, signedBy: String, publicParticipation: String, previousMinutes: Minutes? = nil) {
        self.id = id
        self.committeeID = committeeID
        self.date = date
        self.time = time
        self.venue = venue
        self.status = status
        self.cutOff = cutOff
        self.signedBy = signedBy
        self.publicParticipation = publicParticipation
        self.previousMinutes = previousMinutes
    }

    /// The standard items every agenda opens with, in the seed's order and numbering.
    public enum StandardItem: Int, Sendable, CaseIterable {
        case evacuation = 1, apologies, declarations, minutes, publicParticipation

        public var title: String {
            switch self {
            case .evacuation: "Evacuation Procedure"
            case .apologies: "Apologies for Absence / Members away on official Council business"
            case .declarations: "Disclosable Pecuniary and Non-Pecuniary Interests"
            case .minutes: "Minutes of the previous meeting"
            case .publicParticipation: "Public Participation"
            }
        }
    }

    /// The number of the first report item: reports follow the standard items.
    public static let firstReportItem = StandardItem.allCases.count + 1

    /// Checks the venue, the cut-off (on or before the meeting) and the signature.
    public func validate() throws {
        var problems = ValidationProblems()
        if venue.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the venue, e.g. Committee Room, The Council House.", field: "venue") }
        if cutOff > date { problems.add("The data cut-off (\(cutOff.label)) must be on or before the meeting (\(date.label)).", field: "cutOff") }
        if signedBy.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Say who signs the agenda, e.g. Jerry Hutchinson, Chief Executive.", field: "signedBy") }
        if let minutes = previousMinutes, minutes.heldOn >= date {
            problems.add("The previous meeting (\(minutes.heldOn.label)) must be before this one (\(date.label)).", field: "minutesDate")
        }
        try problems.throwIfAny()
    }
}
