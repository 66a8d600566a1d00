import Foundation

/// A police.uk month as stored and as row ids are numbered: the integer YYYYMM (201805 for May
/// 2018), and row ids `YYYYMM × idsPerMonth + n`, so a month's rows are one range of ids. The
/// importer writes with it and the repository reads with it, so both agree by construction.
public struct PoliceUKMonthKey: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The key, YYYYMM.
    public let value: Int64

    /// Ids a month can hold: a row's id is `firstID + n`, n from 1.
    public static let idsPerMonth: Int64 = 1_000_000_000

    /// The key of a month.
    public init(_ month: Month) { value = Int64(month.year * 100 + month.month) }

    /// A stored key, or nil when it is not YYYYMM of a real month.
    public init?(stored value: Int64) {
        guard (1...9999).contains(value / 100), (1...12).contains(value % 100) else { return nil }
        self.value = value
    }

    /// The month the key stands for.
    public var month: Month {
        // Both initialisers guarantee a year of 1...9999 and a month of 1...12, which is what Month requires.
        try! Month(year: Int(value / 100), month: Int(value % 100))
    }

    /// The id before the month's first row.
    public var firstID: Int64 { value * Self.idsPerMonth }
    /// The largest id the month's rows can have.
    public var lastID: Int64 { firstID + Self.idsPerMonth - 1 }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.value < rhs.value }
    public var description: String { String(value) }
}
