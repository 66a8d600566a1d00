import Foundation

/// The enforcement actions Defra's return counts (one incident or case can have several).
public enum EnforcementActionType: String, Sendable, Hashable, Codable, CaseIterable {
    case investigation
    case warningLetter = "warning-letter"
    case statutoryNotice = "statutory-notice"
    case dutyOfCareInspection = "duty-of-care-inspection"
    case fpnIssued = "fpn-issued"
    case fpnPaid = "fpn-paid"
    case fpnUnpaid = "fpn-unpaid"
    case formalCaution = "formal-caution"
    case injunction
    case stopAndSearch = "stop-and-search"
    case vehicleSeized = "vehicle-seized"
    case prosecution

    /// The words on Defra's return and on pages.
    public var label: String {
        switch self {
        case .investigation: "Investigation"
        case .warningLetter: "Warning letter"
        case .statutoryNotice: "Statutory notice"
        case .dutyOfCareInspection: "Duty of care inspection"
        case .fpnIssued: "Fixed penalty notice issued"
        case .fpnPaid: "Fixed penalty notice paid"
        case .fpnUnpaid: "Fixed penalty notice unpaid"
        case .formalCaution: "Formal caution"
        case .injunction: "Injunction"
        case .stopAndSearch: "Stop and search"
        case .vehicleSeized: "Vehicle seized"
        case .prosecution: "Prosecution"
        }
    }

    /// An action type from its key or label, or a message listing the allowed ones.
    public static func parse(_ text: String) throws -> EnforcementActionType {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        if let type = EnforcementActionType(rawValue: key.replacingOccurrences(of: " ", with: "-")) ?? allCases.first(where: { $0.label.lowercased() == key }) {
            return type
        }
        throw ValidationError("'\(text)' is not an enforcement action: use one of \(allCases.map(\.rawValue).joined(separator: ", ")).", field: "type")
    }
}
