import Foundation

/// A count per so many of a population: e.g. offences per 1,000 residents (North
/// Warwickshire 64,069) or burglaries per 1,000 residential properties (25,800).
///
/// The denominators are settings, not constants here: wards and beats need their own, and
/// populations change.
public struct Rate: Sendable, Hashable, Codable {
    /// The count, e.g. offences in the last 12 months.
    public let count: Double
    /// The population or number of properties it is measured against.
    public let denominator: Double
    /// The base of the rate: 1,000 for "per 1,000".
    public let per: Double

    /// A rate of `count` per `per` (default 1,000) of `denominator`.
    public init(count: Double, denominator: Double, per: Double = 1000) {
        self.count = count
        self.denominator = denominator
        self.per = per
    }

    /// The rate, e.g. 10.43 burglaries per 1,000 properties; nil when the denominator is 0.
    public var value: Double? { denominator == 0 ? nil : count / denominator * per }

    /// The rate for a table cell to `decimals` places, e.g. `10.4`; `n/a` when the denominator is 0.
    public func displayText(decimals: Int = 1) -> String {
        value.map { DisplayFormat.number($0, decimals: decimals) } ?? "n/a"
    }
}
