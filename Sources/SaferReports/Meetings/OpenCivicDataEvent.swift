import Foundation

/// A meeting in the Open Civic Data event shape (OCDEP 4: Events), as civic-tech tools read
/// council meetings: where and when, the host committee, the agenda items with their documents,
/// and the minutes' items.
public struct OpenCivicDataEvent: Sendable, Hashable, Codable {
    public struct Location: Sendable, Hashable, Codable {
        public let name: String
        public let note: String
    }
    public struct Link: Sendable, Hashable, Codable {
        public let note: String
        public let url: String
        public let mediaType: String?
        enum CodingKeys: String, CodingKey { case note, url, mediaType = "media_type" }
        public init(note: String, url: String, mediaType: String? = nil) { self.note = note; self.url = url; self.mediaType = mediaType }
    }
    public struct Participant: Sendable, Hashable, Codable {
        public let name: String
        public let entityType: String
        public let note: String
        enum CodingKeys: String, CodingKey { case name, entityType = "entity_type", note }
    }
    public struct AgendaItem: Sendable, Hashable, Codable {
        public let description: String
        /// "6": the item's number on the agenda.
        public let order: String
        public let notes: [String]
        public let media: [Link]
        public init(description: String, order: String, notes: [String], media: [Link]) {
            self.description = description
            self.order = order
            self.notes = notes
            self.media = media
        }
    }

    public let type = "event"
    public let id: String
    public let name: String
    public let description: String
    public let classification = "committee-meeting"
    /// ISO 8601 with the UK offset in force, e.g. `2019-03-12T18:30:00+00:00`.
    public let startDate: String
    public let allDay = false
    /// `confirmed` before the meeting, `passed` after.
    public let status: String
    public let location: Location
    public let participants: [Participant]
    public let documents: [Link]
    public let agenda: [AgendaItem]
    public let sources: [Link]

    enum CodingKeys: String, CodingKey {
        case type = "_type", id, name, description, classification, startDate = "start_date", allDay = "all_day", status, location,
             participants, documents, agenda, sources
    }

    public init(id: String, name: String, description: String, start: Date, passed: Bool, venue: String, committee: String,
                documents: [Link], agenda: [AgendaItem], source: String) {
        self.id = id
        self.name = name
        self.description = description
        self.startDate = Self.iso8601(start)
        self.status = passed ? "passed" : "confirmed"
        self.location = Location(name: venue, note: "")
        self.participants = [Participant(name: committee, entityType: "organization", note: "host")]
        self.documents = documents
        self.agenda = agenda
        self.sources = [Link(note: "Safer", url: source)]
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        description = try c.decode(String.self, forKey: .description)
        startDate = try c.decode(String.self, forKey: .startDate)
        status = try c.decode(String.self, forKey: .status)
        location = try c.decode(Location.self, forKey: .location)
        participants = try c.decode([Participant].self, forKey: .participants)
        documents = try c.decode([Link].self, forKey: .documents)
        agenda = try c.decode([AgendaItem].self, forKey: .agenda)
        sources = try c.decode([Link].self, forKey: .sources)
    }

    /// The instant in UK time with its offset, as OCD writes dates.
    static func iso8601(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.formatOptions = [.withInternetDateTime, .withColonSeparatorInTimeZone]
        let text = formatter.string(from: date)
        return text.hasSuffix("Z") ? String(text.dropLast()) + "+00:00" : text
    }
}
