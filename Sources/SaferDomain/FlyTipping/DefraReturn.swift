import Foundation

/// Defra's fly-tipping incident return for a period: incidents by land type × size with
/// clearance costs, incidents by main waste type, and enforcement actions by type.
///
/// Incidents count by the day they were reported, when the council dealt with them (open or
/// cleared: not duplicates, "no trace" or not the council's land). An incident with several
/// waste types counts once, under its main (first) waste type, so that every table adds up to
/// the same total, as on WasteDataFlow.
public struct DefraReturn: Sendable, Hashable {
    public let range: DayRange
    /// Incidents by land type and size.
    public let landBySize: [LandType: [FlyTipSize: Int]]
    /// Clearance cost by size (unit cost × incidents, or the entered costs).
    public let costBySize: [FlyTipSize: Money]
    /// Clearance cost by land type and size.
    public let costByLandAndSize: [LandType: [FlyTipSize: Money]]
    /// Incidents by main waste type.
    public let byWasteType: [WasteType: Int]
    /// Enforcement actions dated in the period, by type.
    public let enforcement: [EnforcementActionType: Int]
    /// Tipper-lorry and multi-load incidents with no cost entered: the total cost is short by these.
    public let incidentsMissingCost: Int
    /// Incidents with hazardous waste.
    public let hazardous: Int

    public init(range: DayRange, flyTips: [FlyTip], actions: [EnforcementAction], costs: ClearanceCosts) {
        self.range = range
        var landBySize: [LandType: [FlyTipSize: Int]] = [:]
        var costBySize: [FlyTipSize: Money] = [:]
        var costByLandAndSize: [LandType: [FlyTipSize: Money]] = [:]
        var byWasteType: [WasteType: Int] = [:]
        var missing = 0, hazardous = 0
        for tip in flyTips where tip.status.countsInReturn && range.contains(tip.reportedAt) {
            landBySize[tip.landType, default: [:]][tip.size, default: 0] += 1
            byWasteType[tip.mainWasteType, default: 0] += 1
            if let cost = tip.clearanceCost(using: costs) {
                costBySize[tip.size, default: .zero] += cost
                costByLandAndSize[tip.landType, default: [:]][tip.size, default: .zero] += cost
            } else {
                missing += 1
            }
            if tip.needsSpecialistClearance { hazardous += 1 }
        }
        var enforcement: [EnforcementActionType: Int] = [:]
        for action in actions where range.contains(action.date) { enforcement[action.type, default: 0] += 1 }
        self.landBySize = landBySize
        self.costBySize = costBySize
        self.costByLandAndSize = costByLandAndSize
        self.byWasteType = byWasteType
        self.enforcement = enforcement
        self.incidentsMissingCost = missing
        self.hazardous = hazardous
    }

    /// Incidents of a land type and size.
    public func count(_ land: LandType, _ size: FlyTipSize) -> Int { landBySize[land]?[size] ?? 0 }
    /// Incidents of a land type.
    public func total(_ land: LandType) -> Int { landBySize[land]?.values.reduce(0, +) ?? 0 }
    /// Incidents of a size.
    public func total(_ size: FlyTipSize) -> Int { landBySize.values.reduce(0) { $0 + ($1[size] ?? 0) } }
    /// All incidents on the return.
    public var total: Int { landBySize.values.reduce(0) { $0 + $1.values.reduce(0, +) } }
    /// The clearance cost of all incidents.
    public var totalCost: Money { costBySize.values.reduce(.zero, +) }
}
