import Foundation

/// Counts and whole percentages of items by status, as the pack summarises a plan: "Green 9
/// (82%), Amber 2 (18%), Red 0 (0%), Total 11 (100%)".
///
/// **Percentages add up to 100** by the largest-remainder method: each status gets the whole
/// part of count × 100 ÷ total; the points still missing from 100 go one each to the statuses
/// with the largest remainders. Remainders are compared exactly (integer arithmetic). Equal
/// remainders go to the status with more items, then in the pack's order Green, Amber, Red —
/// so 1/1/1 is 34%/33%/33%. With no items every percentage, and the total's, is 0.
public struct StatusSummary: Sendable, Hashable, Codable {
    /// One status's line of the summary.
    public struct Row: Sendable, Hashable, Codable {
        /// The status.
        public let status: RAGStatus
        /// How many items have it.
        public let count: Int
        /// Its whole percentage of the total (the rows add up to 100).
        public let percentage: Int

        /// The line as the pack prints it, e.g. `Green 9 (82%)`.
        public var text: String { "\(status.displayName) \(DisplayFormat.count(count)) (\(percentage)%)" }
    }

    /// One row per status, in the pack's order Green, Amber, Red (a status with no items has
    /// a row with 0).
    public let rows: [Row]

    /// Summarises the statuses of a set of items.
    public init(statuses: some Sequence<RAGStatus>) {
        var counts: [RAGStatus: Int] = [:]
        for status in statuses { counts[status, default: 0] += 1 }
        self.init(counts: counts)
    }

    /// Summarises counts by status (a missing status counts 0; negative counts are taken as 0).
    public init(counts: [RAGStatus: Int]) {
        let counted = RAGStatus.allCases.map { (status: $0, count: max(0, counts[$0] ?? 0)) }
        let total = counted.reduce(0) { $0 + $1.count }
        guard total > 0 else {
            rows = counted.map { Row(status: $0.status, count: $0.count, percentage: 0) }
            return
        }
        var percentages = counted.map { $0.count * 100 / total }
        let remainders = counted.map { $0.count * 100 % total }
        let missing = 100 - percentages.reduce(0, +)
        // Largest remainder first; then more items; then the pack's order (index).
        let order = counted.indices.sorted { a, b in
            if remainders[a] != remainders[b] { return remainders[a] > remainders[b] }
            if counted[a].count != counted[b].count { return counted[a].count > counted[b].count }
            return a < b
        }
        for index in order.prefix(missing) { percentages[index] += 1 }
        rows = counted.indices.map { Row(status: counted[$0].status, count: counted[$0].count, percentage: percentages[$0]) }
    }

    /// The number of items.
    public var total: Int { rows.reduce(0) { $0 + $1.count } }

    /// 100, or 0 when there are no items.
    public var totalPercentage: Int { total > 0 ? 100 : 0 }

    /// The number of items with `status`.
    public func count(of status: RAGStatus) -> Int { rows.first { $0.status == status }?.count ?? 0 }

    /// The whole percentage of items with `status`.
    public func percentage(of status: RAGStatus) -> Int { rows.first { $0.status == status }?.percentage ?? 0 }

    /// The total line as the pack prints it, e.g. `Total 11 (100%)`.
    public var totalText: String { "Total \(DisplayFormat.count(total)) (\(totalPercentage)%)" }
}
