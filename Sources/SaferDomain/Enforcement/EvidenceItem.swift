import Foundation

/// Something kept for a case: CCTV footage, photos, documents, statements.
public struct EvidenceItem: Sendable, Hashable, Identifiable {
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case cctvFootage = "cctv-footage", photo, document, witnessStatement = "witness-statement"

        public var label: String {
            switch self {
            case .cctvFootage: "CCTV footage"
            case .photo: "Photo"
            case .document: "Document"
            case .witnessStatement: "Witness statement"
            }
        }
    }

    public var id: String
    public var caseID: String
    public var kind: Kind
    public var date: CalendarDay
    /// Where the item is kept, e.g. the footage reference shared with the police.
    public var reference: String
    public var description: String

    public init(id: String, caseID: String, kind: Kind, date: CalendarDay, reference: String, description: String) {
        self.id = id
        self.caseID = caseID
        self.kind = kind
        self.date = date
        self.reference = reference
        self.description = description
    }
}
