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
        /// Declarations of interest, by member and item.
        public var declarations: [Declaration]
        public var items: [Item]
        /// When the papers were published late: the deadline and the reason for urgency, as the minutes record it.
        public var urgency: String?

        public init(heldOn: CalendarDay, chair: String, present: String, apologies: String, alsoAttending: String = "",
                    declarations: [Declaration] = [], items: [Item], urgency: String? = nil) {
            self.heldOn = heldOn
            self.chair = chair
            self.present = present
            self.apologies = apologies
            self.alsoAttending = alsoAttending
            self.declarations = declarations
            self.items = items
            self.urgency = urgency
        }

        enum CodingKeys: String, CodingKey { case heldOn, chair, present, apologies, alsoAttending, declarations, items, urgency }

        /// Reads stored minutes; those saved before declarations were kept have none.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(heldOn: try c.decode(CalendarDay.self, forKey: .heldOn), chair: try c.decode(String.self, forKey: .chair),
                      present: try c.decode(String.self, forKey: .present), apologies: try c.decode(String.self, forKey: .apologies),
                      alsoAttending: try c.decodeIfPresent(String.self, forKey: .alsoAttending) ?? "",
                      declarations: try c.decodeIfPresent([Declaration].self, forKey: .declarations) ?? [],
                      items: try c.decode([Item].self, forKey: .items), urgency: try c.decodeIfPresent(String.self, forKey: .urgency))
        }

        /// The line the chair signs when the minutes are approved.
        public static let signatureLine = "Chairman: ………………………………   Date: ………………"
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
    /// Whether councillors and partners may read the draft before it is published.
    public var draftShared: Bool
    /// Set when the papers were published after their deadline, with the reason for urgency.
    public var latePublication: LatePublication?
    /// This meeting's own minutes, recorded once it has been held; the next meeting's pack prints them for approval.
    public var minutes: Minutes?
    /// The actions its resolutions started.
    public var actions: [CommitteeAction]

    public init(id: String, committeeID: String, date: CalendarDay, time: TimeOfDay, venue: String, status: Status = .draft,
                cutOff: CalendarDay, signedBy: String, publicParticipation: String, previousMinutes: Minutes? = nil, draftShared: Bool = false,
                latePublication: LatePublication? = nil, minutes: Minutes? = nil, actions: [CommitteeAction] = []) {
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
        self.draftShared = draftShared
        self.latePublication = latePublication
        self.minutes = minutes
        self.actions = actions
    }

    enum CodingKeys: String, CodingKey {
        case id, committeeID, date, time, venue, status, cutOff, signedBy, publicParticipation, previousMinutes, draftShared, latePublication, minutes, actions
    }

    /// Reads a stored meeting; one saved before drafts could be shared is not shared, and one
    /// saved before deadlines were kept was not late.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), committeeID: try c.decode(String.self, forKey: .committeeID),
                  date: try c.decode(CalendarDay.self, forKey: .date), time: try c.decode(TimeOfDay.self, forKey: .time),
                  venue: try c.decode(String.self, forKey: .venue), status: try c.decode(Status.self, forKey: .status),
                  cutOff: try c.decode(CalendarDay.self, forKey: .cutOff), signedBy: try c.decode(String.self, forKey: .signedBy),
                  publicParticipation: try c.decode(String.self, forKey: .publicParticipation),
                  previousMinutes: try c.decodeIfPresent(Minutes.self, forKey: .previousMinutes),
                  draftShared: try c.decodeIfPresent(Bool.self, forKey: .draftShared) ?? false,
                  latePublication: try c.decodeIfPresent(LatePublication.self, forKey: .latePublication),
                  minutes: try c.decodeIfPresent(Minutes.self, forKey: .minutes),
                  actions: try c.decodeIfPresent([CommitteeAction].self, forKey: .actions) ?? [])
    }

    /// Who may read the meeting's pack as it stands: everyone once published; before that, staff,
    /// and councillors and partners when the draft is shared with them.
    public func mayRead(_ role: Role?) -> Bool { status != .draft || mayReadDraft(role) }

    /// Whether a role may read today's draft of the pack (also after publication, to see what a correction would change).
    public func mayReadDraft(_ role: Role?) -> Bool {
        guard let role else { return false }
        switch role {
        case .admin, .officer: return true
        case .councillor, .partner: return draftShared
        case .field: return false
        }
    }

    /// The instant the meeting starts, in UK time.
    public var start: Date {
        let local = Double(date.dayNumber * 86_400 + time.hour * 3_600 + time.minute * 60)
        let zone = TimeZone.unitedKingdom
        // The offset in force at that local time: guess with the offset at the same UTC instant, then correct once.
        let guess = local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local)))
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: guess))))
    }

    /// Who may read exempt information: members (councillors) and officers, signed in. Partners
    /// and the public read the public pack.
    public static func mayReadExemptInformation(_ role: Role?) -> Bool {
        guard let role else { return false }
        switch role {
        case .admin, .officer, .councillor: return true
        case .partner, .field: return false
        }
    }

    /// Reads minutes items written as "## 14 Title" then the minute's paragraphs.
    public static func minuteItems(parsing text: String) throws -> [Minutes.Item] {
        try ReportText.sections(text).map { section in
            let words = section.heading.split(separator: " ", maxSplits: 1)
            guard let first = words.first, let number = Int(String(first), in: 1...9_999), words.count == 2 else {
                throw ValidationError("Start each minute with its number and title, e.g. \"## 14 Disclosable Pecuniary and Non-Pecuniary Interests\" (\"\(section.heading)\" has no number).", field: "minutesItems")
            }
            let paragraphs = section.parts.map { part -> String in
                switch part {
                case .paragraph(let text): text
                case .subsection(let heading, let paragraphs): ([heading] + paragraphs).joined(separator: "\n\n")
                }
            }
            return Minutes.Item(number: number, title: String(words[1]), text: paragraphs.joined(separator: "\n\n"))
        }
    }

    /// Minutes items as text, the inverse of `minuteItems(parsing:)`.
    public static func minuteItemsText(_ items: [Minutes.Item]) -> String {
        items.map { "## \($0.number) \($0.title)\n\n\($0.text)" }.joined(separator: "\n\n")
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

    /// Records this meeting's minutes: only once it has been held (`today` on or after its day),
    /// dated the meeting's day, with the late publication's reason carried in.
    public func recording(_ minutes: Minutes, today: CalendarDay) throws -> Meeting {
        var problems = ValidationProblems()
        if date > today {
            problems.add("The meeting on \(date.weekdayName) \(date.label) has not been held yet: minutes can be recorded from that day.", field: "minutes")
        }
        if minutes.chair.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Say who was in the chair, e.g. Councillor Reilly in the Chair.", field: "chair") }
        if minutes.present.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("List the members present.", field: "present") }
        if minutes.items.isEmpty { problems.add("Write at least one minute, e.g. \"## 14 Disclosable Pecuniary and Non-Pecuniary Interests\" then what was said.", field: "items") }
        try problems.throwIfAny()
        var recorded = minutes
        recorded.heldOn = date
        recorded.urgency = latePublication.map { "The papers for this meeting were published on \($0.publishedOn.label), after the deadline of \($0.publishBy.label). The Chairman agreed the reason for urgency: \($0.reason)" }
        var meeting = self
        meeting.minutes = recorded
        return meeting
    }

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
