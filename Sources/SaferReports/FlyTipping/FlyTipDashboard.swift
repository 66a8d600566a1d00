import Foundation
import SaferDomain

/// The fly-tipping dashboard for a period: incidents by month, size, waste and land type, the
/// open workload, and enforcement in the committee report's words.
public struct FlyTipDashboard: Sendable {
    public let range: DayRange
    /// Incidents reported in the period (duplicates and "no trace" left out).
    public let total: Int
    /// Incidents in the period still open.
    public let open: Int
    /// Incidents open now, whenever reported.
    public let openNow: Int
    public let cleared: Int
    public let hazardous: Int
    /// Mean days from report to clearance, for incidents cleared.
    public let meanDaysToClear: Double?
    public let byMonth: [(month: Month, count: Int)]
    public let bySize: [(size: FlyTipSize, count: Int)]
    public let byWasteType: [(wasteType: WasteType, count: Int)]
    public let byLandType: [(landType: LandType, count: Int)]
    public let bySource: [(source: FlyTipSource, count: Int)]
    public let enforcement: EnforcementSummary

    public init(range: DayRange, flyTips: [FlyTip], cases: [EnforcementCase], actions: [EnforcementAction], openNow: Int) {
        self.range = range
        let counted = flyTips.filter { $0.status.countsAsIncident && range.contains($0.reportedAt) }
        total = counted.count
        open = counted.filter(\.status.isOpen).count
        self.openNow = openNow
        let clearedTips = counted.filter { $0.status == .cleared }
        cleared = clearedTips.count
        hazardous = counted.filter(\.needsSpecialistClearance).count
        let durations = clearedTips.compactMap { tip in tip.clearedAt.map { $0.timeIntervalSince(tip.reportedAt) / 86_400 } }
        meanDaysToClear = durations.isEmpty ? nil : durations.reduce(0, +) / Double(durations.count)
        let months = Dictionary(grouping: counted) { Month(containing: $0.reportedAt) }
        byMonth = Array(range.first.calendarMonth...range.last.calendarMonth).map { ($0, months[$0]?.count ?? 0) }
        func tally<T: Hashable>(_ all: [T], _ key: (FlyTip) -> T) -> [(T, Int)] {
            let counts = Dictionary(grouping: counted, by: key).mapValues(\.count)
            return all.map { ($0, counts[$0] ?? 0) }
        }
        bySize = tally(FlyTipSize.allCases, \.size)
        byWasteType = tally(Array(WasteType.allCases), \.mainWasteType).sorted { $0.1 > $1.1 }
        byLandType = tally(Array(LandType.allCases), \.landType).sorted { $0.1 > $1.1 }
        bySource = tally(FlyTipSource.allCases, \.source)
        enforcement = EnforcementSummary(cases: cases, actions: actions, range: range)
    }

    /// Incidents by month as a table.
    public var monthTable: ReportTable {
        ReportTable(title: "Incidents by month", subtitle: range.label, columns: [.init("Month"), .init("Incidents", .number)],
                    rows: byMonth.map { ReportTable.Row(cells: [ReportTable.Cell($0.month.label), .count(Double($0.count))]) }
                        + [ReportTable.Row(cells: [ReportTable.Cell("Total"), .count(Double(total))])])
    }
}
