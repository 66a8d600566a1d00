import Foundation

/// A fly-tip reported by a member of the public ("Tip us off"), waiting for an officer to
/// accept it as an incident, merge it into one already known, or reject it.
public struct PublicReport: Sendable, Hashable, Identifiable {
    /// Where the report is in triage.
    public enum Status: String, Sendable, Hashable, Codable, CaseIterable {
        case pending, accepted, merged, rejected

        public var label: String {
            switch self {
            case .pending: "Waiting for triage"
            case .accepted: "Accepted as an incident"
            case .merged: "Merged into a known incident"
            case .rejected: "Rejected"
            }
        }
    }

    /// How to reach the reporter: personal data, shown to officers only and deletable on request.
    public struct Contact: Sendable, Hashable, Codable {
        public var name: String
        public var email: String
        public var phone: String

        public init(name: String = "", email: String = "", phone: String = "") {
            self.name = name
            self.email = email
            self.phone = phone
        }

        /// Whether nothing was given.
        public var isEmpty: Bool { name.isEmpty && email.isEmpty && phone.isEmpty }
    }

    public var id: String
    /// The reference shown on the confirmation page, e.g. "TIP-7K3M9Q".
    public var reference: String
    public var receivedAt: Date
    /// The pin or "use my location" position, when given.
    public var position: WGS84Point?
    public var gridPoint: NationalGridPoint?
    /// The place as typed ("lay-by on Oldbury Road near the quarry").
    public var place: String
    public var wasteTypes: [WasteType]
    public var size: FlyTipSize
    public var landType: LandType
    public var description: String
    public var contact: Contact?
    public var status: Status
    /// The incident it became or was merged into.
    public var incidentID: String?
    public var rejectionReason: String?
    /// Who decided, and when.
    public var decidedBy: String?
    public var decidedAt: Date?

    public init(id: String, reference: String, receivedAt: Date, position: WGS84Point?, gridPoint: NationalGridPoint?, place: String,
                wasteTypes: [WasteType], size: FlyTipSize, landType: LandType, description: String, contact: Contact?,
                status: Status = .pending, incidentID: String? = nil, rejectionReason: String? = nil, decidedBy: String? = nil, decidedAt: Date? = nil) {
        self.id = id
        self.reference = reference
        self.receivedAt = receivedAt
        self.position = position
        self.gridPoint = gridPoint
        self.place = place
        self.wasteTypes = wasteTypes
        self.size = size
        self.landType = landType
        self.description = description
        self.contact = contact
        self.status = status
        self.incidentID = incidentID
        self.rejectionReason = rejectionReason
        self.decidedBy = decidedBy
        self.decidedAt = decidedAt
    }

    /// Open incidents that may be the same fly-tip: within 50 metres, reported within 14 days
    /// either side, nearest first. Reports without a position have no suggestions.
    public func mergeCandidates(among flyTips: [FlyTip], within metres: Double = 50, days: Int = 14) -> [(flyTip: FlyTip, distance: Double)] {
        guard let gridPoint else { return [] }
        let window = TimeInterval(days * 24 * 60 * 60)
        return flyTips
            .filter { $0.status.isOpen && abs($0.reportedAt.timeIntervalSince(receivedAt)) <= window }
            .map { ($0, $0.gridPoint.distance(to: gridPoint)) }
            .filter { $0.1 <= metres }
            .sorted { ($0.1, $0.0.reportedAt, $0.0.id) < ($1.1, $1.0.reportedAt, $1.0.id) }
    }
}
