import Foundation

/// One row of a named-location hot-spot table: "Oldbury Road, Hartshill — 5 (+2)".
public struct LocationRankingRow: Sendable, Hashable, Codable {
    /// 1 for the location with most incidents; rows are numbered in order, ties included.
    public let rank: Int
    /// The key the spellings share ("oldbury road").
    public let key: String
    /// The spelling used most often in the period ("Oldbury Road, Hartshill"); on a tie, the
    /// first in code-point order (so "Oldbury Road" before "oldbury road").
    public let name: String
    /// Incidents in the period.
    public let count: Int
    /// Incidents in the period of the same length just before it.
    public let previousCount: Int
    /// Every spelling counted in the period, most used first (ties in code-point order).
    public let spellings: [String]

    /// `count - previousCount`.
    public var change: Int { count - previousCount }
}
