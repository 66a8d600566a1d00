import Foundation

/// Footage handed to the police or Environmental Health: the log the Surveillance Camera Code asks for.
public struct FootageShare: Sendable, Hashable, Identifiable {
    public enum Recipient: String, Sendable, Hashable, Codable, CaseIterable {
        case police
        case environmentalHealth = "environmental-health"

        public var label: String { self == .police ? "Police" : "Environmental Health" }
    }

    public var id: String
    public var cameraID: String
    public var sharedWith: Recipient
    public var date: CalendarDay
    /// The recipient's reference (crime number, case number).
    public var reference: String
    public var note: String

    public init(id: String, cameraID: String, sharedWith: Recipient, date: CalendarDay, reference: String, note: String = "") {
        self.id = id
        self.cameraID = cameraID
        self.sharedWith = sharedWith
        self.date = date
        self.reference = reference
        self.note = note
    }
}
