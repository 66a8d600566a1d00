import Foundation

/// An indicator's figures month by month: each month is a number, TBC, or not reported.
///
/// A month with no entry is not reported; setting a month to `.notReported` removes its
/// entry, so two series with the same figures are equal. Encoded as an object keyed by
/// `YYYY-MM`, e.g. `{"2018-04": 107, "2018-12": "TBC"}`.
public struct MonthlySeries: Sendable, Hashable, Codable {
    /// The months that have a number or TBC. Months absent here are not reported.
    public private(set) var values: [Month: FigureValue]

    /// An empty series: every month not reported.
    public init() { values = [:] }

    /// A series from figures by month (entries of `.notReported` are dropped).
    public init(_ values: [Month: FigureValue]) {
        self.values = values.filter { $0.value != .notReported }
    }

    /// A series of consecutive months starting at `first`, e.g. April to December from a row
    /// of the monthly table.
    public init(startingAt first: Month, _ figures: [FigureValue]) {
        var values: [Month: FigureValue] = [:]
        for (offset, figure) in figures.enumerated() where figure != .notReported {
            values[first.adding(months: offset)] = figure
        }
        self.values = values
    }

    /// A series of consecutive whole-number figures starting at `first`.
    public init(startingAt first: Month, counts: [Int]) {
        self.init(startingAt: first, counts.map(FigureValue.count))
    }

    /// The figure for `month`: `.notReported` when nothing is held.
    public subscript(month: Month) -> FigureValue {
        get { values[month] ?? .notReported }
        set { values[month] = newValue == .notReported ? nil : newValue }
    }

    /// The months with a number, earliest first.
    public var reportedMonths: [Month] { values.filter(\.value.isNumber).keys.sorted() }

    /// The latest month with a number: where "last 12 months" normally ends.
    public var latestReportedMonth: Month? { values.filter(\.value.isNumber).keys.max() }

    /// This series with `other`'s figures written over it month by month (a re-import of
    /// some months replaces just those months).
    public func merging(_ other: MonthlySeries) -> MonthlySeries {
        MonthlySeries(values.merging(other.values) { _, new in new })
    }

    /// Decodes an object keyed by `YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(try container.decode([Month: FigureValue].self))
    }

    /// Encodes an object keyed by `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }
}
