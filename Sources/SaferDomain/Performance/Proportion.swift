import Foundation

/// A part of a whole: a share such as the domestic-abuse share of violence with injury
/// (48 of 133 = 36%), or a concentration such as the share of an area's offences on one road
/// (34% of Fillongley's dwelling burglaries on Tamworth Road).
public struct Proportion: Sendable, Hashable, Codable {
    /// The part, e.g. offences with the domestic-abuse flag.
    public let part: Double
    /// The whole it is a part of, e.g. all violence-with-injury offences.
    public let whole: Double

    /// The proportion `part` of `whole`.
    public init(_ part: Double, of whole: Double) {
        self.part = part
        self.whole = whole
    }

    /// The proportion `part` of `whole`, for counts.
    public init(_ part: Int, of whole: Int) {
        self.init(Double(part), of: Double(whole))
    }

    /// The proportion of two totals, or nil when either is incomplete (a share of a TBC
    /// quarter is not known).
    public init?(_ part: Total, of whole: Total) {
        guard part.isComplete, whole.isComplete else { return nil }
        self.init(part.value, of: whole.value)
    }

    /// The share as a ratio (0.36 is 36%), or nil when the whole is 0.
    public var ratio: Double? { whole == 0 ? nil : part / whole }

    /// The share as a whole percentage, e.g. `36%`; `n/a` when the whole is 0.
    public var wholePercentageText: String {
        ratio.map { DisplayFormat.wholePercentage($0) } ?? "n/a"
    }

    /// The share as a percentage to `decimals` places, e.g. `36.1%`; `n/a` when the whole is 0.
    public func percentageText(decimals: Int = 1) -> String {
        ratio.map { DisplayFormat.percentage($0, decimals: decimals) } ?? "n/a"
    }
}
