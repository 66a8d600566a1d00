import Foundation
import SaferDomain

/// Where things stood when a pack was built: each indicator's Red/Amber/Green status and
/// 12-month total, each plan item's status, and the top fly-tipping locations. It travels in the
/// pack, so a published pack freezes it, and the next pack compares its own with this one.
public struct PackSnapshot: Sendable, Hashable, Codable {
    public struct Indicator: Sendable, Hashable, Codable {
        public let key: String
        public let name: String
        /// The status on baseline; nil when the figures are not complete enough for one.
        public let status: RAGStatus?
        /// The 12-month total when complete.
        public let value: Double?
        public init(key: String, name: String, status: RAGStatus?, value: Double?) {
            self.key = key
            self.name = name
            self.status = status
            self.value = value
        }
    }

    public struct PlanItem: Sendable, Hashable, Codable {
        /// The item's reference within its plan ("4.2"), which stays the same when a plan rolls forward.
        public let key: String
        /// "Community Safety Partnership plan 2019/20: Reduce fly-tipping".
        public let name: String
        public let status: RAGStatus?
        public init(key: String, name: String, status: RAGStatus?) {
            self.key = key
            self.name = name
            self.status = status
        }
    }

    public struct Hotspot: Sendable, Hashable, Codable {
        public let location: String
        public let count: Int
        public init(location: String, count: Int) {
            self.location = location
            self.count = count
        }
    }

    /// "12 months to February 2019 against the 2017/18 baseline".
    public let indicatorPeriod: String
    public let indicators: [Indicator]
    /// "Latest statuses in 2018/19".
    public let planPeriod: String
    public let planItems: [PlanItem]
    /// "1 December 2018 to 28 February 2019".
    public let hotspotPeriod: String
    /// The top locations by fly-tips, most first.
    public let hotspots: [Hotspot]
    /// What could not be taken, in words ("Indicators: no district is set up yet.").
    public let notes: [String]

    public init(indicatorPeriod: String, indicators: [Indicator], planPeriod: String, planItems: [PlanItem],
                hotspotPeriod: String, hotspots: [Hotspot], notes: [String] = []) {
        self.indicatorPeriod = indicatorPeriod
        self.indicators = indicators
        self.planPeriod = planPeriod
        self.planItems = planItems
        self.hotspotPeriod = hotspotPeriod
        self.hotspots = hotspots
        self.notes = notes
    }

    /// How many top locations a snapshot keeps.
    public static let hotspotCount = 10
    /// The fewest fly-tips that make a location a hot spot: one fly-tip is not a pattern, and
    /// locations with one each would fill the list in alphabetical order.
    public static let hotspotMinimum = 2

    /// The three months a snapshot's hot spots cover: the last full month on or before the cut-off and the two before it.
    public static func hotspotRange(cutOff: CalendarDay) throws -> DayRange {
        let last = cutOff.lastCompleteMonth
        return try DayRange(first: CalendarDay.first(of: last.adding(months: -2)), last: CalendarDay.last(of: last))
    }
}

extension Pack {
    /// What moved between the previous published pack's snapshot and this pack's.
    public struct Changes: Sendable, Hashable, Codable {
        /// A status that moved: "Violence with injury", Green → Red (nil: no status).
        public struct StatusChange: Sendable, Hashable, Codable {
            public let name: String
            public let from: RAGStatus?
            public let to: RAGStatus?
        }

        /// A number that moved, and by how much in words: "down 134, 10.9%".
        public struct NumberChange: Sendable, Hashable, Codable {
            public let name: String
            public let from: Double
            public let to: Double
            public let text: String
        }

        /// "the pack for Thursday 31 January 2019 (published version 1)".
        public let since: String
        public let indicatorStatuses: [StatusChange]
        public let planStatuses: [StatusChange]
        public let newHotspots: [String]
        public let droppedHotspots: [String]
        public let largestChanges: [NumberChange]
        /// The periods each snapshot covers, and what either could not take.
        public let notes: [String]
        /// Whether there were two snapshots to compare (false: the previous pack predates snapshots).
        public let compared: Bool

        /// How many of the largest changes in numbers are listed.
        public static let largestCount = 5

        init(since: String, indicatorStatuses: [StatusChange], planStatuses: [StatusChange], newHotspots: [String], droppedHotspots: [String],
             largestChanges: [NumberChange], notes: [String], compared: Bool) {
            self.since = since
            self.indicatorStatuses = indicatorStatuses
            self.planStatuses = planStatuses
            self.newHotspots = newHotspots
            self.droppedHotspots = droppedHotspots
            self.largestChanges = largestChanges
            self.notes = notes
            self.compared = compared
        }

        /// The previous pack was published before packs kept a snapshot: nothing to compare with, said so.
        public static func unavailable(since: String) -> Changes {
            Changes(since: since, indicatorStatuses: [], planStatuses: [], newHotspots: [], droppedHotspots: [], largestChanges: [],
                    notes: ["The previous pack was published before Safer kept a snapshot of where things stood, so there is nothing to compare with."], compared: false)
        }

        public var isEmpty: Bool {
            indicatorStatuses.isEmpty && planStatuses.isEmpty && newHotspots.isEmpty && droppedHotspots.isEmpty && largestChanges.isEmpty
        }

        /// Compares two snapshots: statuses that moved (a status gained or lost counts, "no status"),
        /// locations that entered or left the top list, and the indicators whose 12-month totals moved
        /// most, by share of the earlier total (any change from zero first).
        public init(since: String, from old: PackSnapshot, to new: PackSnapshot) {
            self.since = since
            func statusChanges<T>(_ before: [T], _ after: [T], key: (T) -> String, name: (T) -> String, status: (T) -> RAGStatus?) -> [StatusChange] {
                let earlier = Dictionary(before.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
                return after.compactMap { item in
                    guard let previous = earlier[key(item)], status(previous) != status(item) else { return nil }
                    return StatusChange(name: name(item), from: status(previous), to: status(item))
                }
            }
            indicatorStatuses = statusChanges(old.indicators, new.indicators, key: \.key, name: \.name, status: \.status)
            planStatuses = statusChanges(old.planItems, new.planItems, key: \.key, name: \.name, status: \.status)
            let before = Set(old.hotspots.map { $0.location.lowercased() }), after = Set(new.hotspots.map { $0.location.lowercased() })
            newHotspots = new.hotspots.filter { !before.contains($0.location.lowercased()) }.map(\.location)
            droppedHotspots = old.hotspots.filter { !after.contains($0.location.lowercased()) }.map(\.location)

            let earlier = Dictionary(old.indicators.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
            let moved: [(change: NumberChange, weight: Double)] = new.indicators.compactMap { indicator in
                guard let to = indicator.value, let from = earlier[indicator.key]?.value, to != from else { return nil }
                let difference = to - from
                let share = from == 0 ? nil : abs(difference) / abs(from)
                let words = (difference > 0 ? "up " : "down ") + DisplayFormat.number(abs(difference))
                    + (share.map { ", " + DisplayFormat.number($0 * 100, decimals: 1) + "%" } ?? "")
                return (NumberChange(name: indicator.name, from: from, to: to, text: words), share ?? .infinity)
            }
            largestChanges = moved.sorted { ($0.weight, abs($0.change.to - $0.change.from), $1.change.name) > ($1.weight, abs($1.change.to - $1.change.from), $0.change.name) }
                .prefix(Self.largestCount).map(\.change)
            var notes = ["Indicators: \(old.indicatorPeriod), then \(new.indicatorPeriod).",
                         "Plan items: \(old.planPeriod), then \(new.planPeriod).",
                         "Top \(PackSnapshot.hotspotCount) fly-tipping locations with \(PackSnapshot.hotspotMinimum) or more fly-tips: \(old.hotspotPeriod), then \(new.hotspotPeriod)."]
            notes += old.notes.map { "Then: \($0)" } + new.notes.map { "Now: \($0)" }
            self.notes = notes
            compared = true
        }

        /// What the table's figures come from.
        public var period: String { "the snapshot frozen with \(since), and this pack's" }

        /// The changes as one table, a group for each kind, statuses in words as well as colour.
        public var table: ReportTable {
            func status(_ status: RAGStatus?) -> ReportTable.Cell { status.map { .init($0.displayName, status: $0) } ?? .init("No status") }
            var rows: [ReportTable.Row] = []
            func group(_ heading: String, _ items: [ReportTable.Row]) { if !items.isEmpty { rows += [.init(heading: heading)] + items } }
            group("Indicators whose status changed", indicatorStatuses.map { .init(cells: [.init($0.name), status($0.from), status($0.to)]) })
            group("Plan items whose status changed", planStatuses.map { .init(cells: [.init($0.name), status($0.from), status($0.to)]) })
            let top = "In the top \(PackSnapshot.hotspotCount)"
            group("Fly-tipping locations new to the top \(PackSnapshot.hotspotCount)", newHotspots.map { .init(cells: [.init($0), .init("Not in the top \(PackSnapshot.hotspotCount)"), .init(top)]) })
            group("Fly-tipping locations no longer in the top \(PackSnapshot.hotspotCount)", droppedHotspots.map { .init(cells: [.init($0), .init(top), .init("Not in the top \(PackSnapshot.hotspotCount)")]) })
            group("Largest changes in 12-month totals", largestChanges.map { .init(cells: [.init($0.name), .count($0.from), .init("\(DisplayFormat.number($0.to)) (\($0.text))", number: $0.to)]) })
            return ReportTable(title: "What changed since \(since)", columns: [.init("What"), .init("Then"), .init("Now")], rows: rows,
                               notes: (isEmpty && compared ? ["Nothing moved: no status changed, the top locations are the same and no 12-month total changed."] : []) + notes)
        }
    }
}
