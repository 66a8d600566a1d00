import Foundation

/// The council's real outline once its beats' boundaries are uploaded: the beats together cover
/// the district, so a point inside one is inside the district.
public struct CouncilBoundary: Sendable {
    /// Where a point lies against the boundary.
    public enum Placement: Sendable, Equatable {
        case inside
        /// Outside, but within `nearMetres` of the boundary: a crew on the border, or GPS drift.
        case near(metres: Double)
        case outside(metres: Double)
    }

    /// How far outside the boundary a point still counts as on it.
    public static let nearMetres = 100.0

    public let polygons: [GridPolygon]

    /// The boundary from the beats' outlines, or nil when none has three corners.
    public init?(beats: [BeatBoundary]) {
        polygons = beats.flatMap(\.rings).filter { $0.count >= 3 }.map(GridPolygon.init)
        if polygons.isEmpty { return nil }
    }

    public func placement(of point: NationalGridPoint) -> Placement {
        let distance = polygons.compactMap { $0.distance(to: point) }.min() ?? .infinity
        if distance == 0 { return .inside }
        return distance <= Self.nearMetres ? .near(metres: distance) : .outside(metres: distance)
    }

    /// What to say about a point: nothing inside; a note within 100 m; a warning beyond.
    public func warning(for point: NationalGridPoint, councilName: String) -> String? {
        switch placement(of: point) {
        case .inside: nil
        case .near(let metres):
            "This position is \(metres.wholeNumberText) m outside \(councilName)'s boundary, within \(Self.nearMetres.wholeNumberText) m of it: check which side of the boundary it is."
        case .outside(let metres):
            "This position is \(metres.wholeNumberText) m outside \(councilName)'s boundary: check it is right."
        }
    }
}
