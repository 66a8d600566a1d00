import Foundation

/// The ranges a hot-spot analysis accepts from a person, a page or the API. Outside them the
/// answer is meaningless (a 1 mm cell, a 1,000 km radius) or would not fit in memory, and a
/// huge value must never reach a conversion to a whole number.
public enum HotspotParameters {
    /// DBSCAN's neighbourhood radius, in metres.
    public static let eps: ClosedRange<Double> = 10...5000
    /// DBSCAN's points needed for a core point, counting itself.
    public static let minPoints: ClosedRange<Int> = 1...1000
    /// The Gi* cell side, in metres.
    public static let cellSize: ClosedRange<Double> = 50...10000
    /// How many locations a ranking lists.
    public static let limit: ClosedRange<Int> = 1...100

    /// Checks each value given against its range, naming every one that is outside it.
    public static func validate(eps: Double? = nil, minPoints: Int? = nil, cellSize: Double? = nil, limit: Int? = nil) throws {
        var problems = ValidationProblems()
        func check(_ name: String, _ value: Double?, _ range: ClosedRange<Double>) {
            guard let value, !range.contains(value) else { return }
            problems.add("'\(value.wholeNumberText)' is not a valid \(name): use a number from \(range.lowerBound.wholeNumberText) to \(range.upperBound.wholeNumberText).", field: name)
        }
        check("eps", eps, Self.eps)
        check("minPoints", minPoints.map(Double.init), Double(Self.minPoints.lowerBound)...Double(Self.minPoints.upperBound))
        check("cell", cellSize, Self.cellSize)
        check("limit", limit.map(Double.init), Double(Self.limit.lowerBound)...Double(Self.limit.upperBound))
        try problems.throwIfAny()
    }
}
