import Foundation

/// The council's fly-tipping settings: unit costs and the area it covers.
public struct FlyTipSettings: Sendable, Hashable, Codable {
    /// Unit clearance costs by size.
    public var clearanceCosts: ClearanceCosts
    /// The council's area as a National Grid rectangle. A fly-tip outside it is accepted with
    /// a warning, because crews do cross the boundary and a wrong fix should be noticed.
    public var councilArea: NationalGridExtent
    /// What the area is called in the warning.
    public var councilName: String

    public init(clearanceCosts: ClearanceCosts = .formerNational, councilArea: NationalGridExtent = Self.northWarwickshire,
                councilName: String = "North Warwickshire") {
        self.clearanceCosts = clearanceCosts
        self.councilArea = councilArea
        self.councilName = councilName
    }

    /// North Warwickshire's bounding rectangle, with a few hundred metres to spare.
    public static let northWarwickshire = NationalGridExtent(minEasting: 415_000, minNorthing: 280_000, maxEasting: 438_000, maxNorthing: 310_000)

    /// What to check about a position: outside the council's boundary (its beats' outlines, once
    /// uploaded) or else its rectangle, and converted with the Helmert fallback outside OSTN15's grid.
    public func warnings(for point: NationalGridPoint, boundary: CouncilBoundary? = nil) -> [String] {
        let area = boundary.map { $0.warning(for: point, councilName: councilName) } ?? warning(for: point)
        return [area, NationalGrid.method(at: point) == .helmert ? NationalGrid.helmertWarning : nil].compactMap { $0 }
    }

    /// A warning for a position outside the council's area, or nil inside it.
    public func warning(for point: NationalGridPoint) -> String? {
        councilArea.contains(point) ? nil
            : "This position (easting \(point.easting.wholeNumberText), northing \(point.northing.wholeNumberText)) is outside \(councilName): check it is right."
    }
}
