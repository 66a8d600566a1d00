import Foundation

/// Where a fly-tip is in its life: reported → verified → scheduled → cleared, or closed
/// without clearance as a duplicate, no trace found, or not on the council's land.
public enum FlyTipStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case reported, verified, scheduled, cleared
    case duplicate
    case noTrace = "no-trace"
    case notCouncilLand = "not-council-land"

    /// The words on pages and in files.
    public var label: String {
        switch self {
        case .reported: "Reported"
        case .verified: "Verified"
        case .scheduled: "Scheduled for clearance"
        case .cleared: "Cleared"
        case .duplicate: "Closed: duplicate"
        case .noTrace: "Closed: no trace"
        case .notCouncilLand: "Closed: not the council's land"
        }
    }

    /// Still waiting for the crews: counts towards the open workload and may absorb duplicates.
    public var isOpen: Bool { self == .reported || self == .verified || self == .scheduled }

    /// Whether the incident counts as a fly-tip in returns and hot spots. A duplicate is the
    /// same fly-tip reported twice and "no trace" means nothing was found, so neither counts.
    public var countsAsIncident: Bool { self != .duplicate && self != .noTrace }

    /// The statuses an incident may move to from this one. Open incidents move forward, possibly
    /// skipping steps (a crew often clears what it finds on the spot), or close; cleared and
    /// closed incidents are finished.
    public var allowedNext: [FlyTipStatus] {
        switch self {
        case .reported: [.verified, .scheduled, .cleared, .duplicate, .noTrace, .notCouncilLand]
        case .verified: [.scheduled, .cleared, .duplicate, .noTrace, .notCouncilLand]
        case .scheduled: [.cleared, .duplicate, .noTrace, .notCouncilLand]
        case .cleared, .duplicate, .noTrace, .notCouncilLand: []
        }
    }

    /// Whether the incident goes on Defra's return: incidents the council dealt with. Duplicates,
    /// "no trace" and fly-tips found not to be on the council's land are left out.
    public var countsInReturn: Bool { isOpen || self == .cleared }

    /// A status from its key, or a message listing the allowed ones.
    public static func parse(_ text: String) throws -> FlyTipStatus {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: " ", with: "-").replacingOccurrences(of: "_", with: "-")
        if let status = FlyTipStatus(rawValue: key) { return status }
        throw ValidationError("'\(text)' is not a status: use \(allCases.map(\.rawValue).joined(separator: ", ")).", field: "status")
    }
}
