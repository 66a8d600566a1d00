import Foundation

/// The smallest grid-aligned rectangle holding a set of points: the extent of a cluster.
public struct NationalGridExtent: Sendable, Hashable, Codable {
    /// The westernmost easting, in metres.
    public var minEasting: Double
    /// The southernmost northing, in metres.
    public var minNorthing: Double
    /// The easternmost easting, in metres.
    public var maxEasting: Double
    /// The northernmost northing, in metres.
    public var maxNorthing: Double

    /// Makes an extent from its edges.
    public init(minEasting: Double, minNorthing: Double, maxEasting: Double, maxNorthing: Double) {
        self.minEasting = minEasting
        self.minNorthing = minNorthing
        self.maxEasting = maxEasting
        self.maxNorthing = maxNorthing
    }

    /// The extent of some points, or nil when there are none.
    public init?(of points: some Sequence<NationalGridPoint>) {
        var iterator = points.makeIterator()
        guard let first = iterator.next() else { return nil }
        var extent = NationalGridExtent(minEasting: first.easting, minNorthing: first.northing, maxEasting: first.easting, maxNorthing: first.northing)
        while let point = iterator.next() { extent.include(point) }
        self = extent
    }

    /// West–east size in metres.
    public var width: Double { maxEasting - minEasting }
    /// South–north size in metres.
    public var height: Double { maxNorthing - minNorthing }

    /// Whether the point lies inside or on the edge.
    public func contains(_ point: NationalGridPoint) -> Bool {
        point.easting >= minEasting && point.easting <= maxEasting && point.northing >= minNorthing && point.northing <= maxNorthing
    }

    /// Grows the extent to hold the point.
    public mutating func include(_ point: NationalGridPoint) {
        minEasting = Swift.min(minEasting, point.easting)
        maxEasting = Swift.max(maxEasting, point.easting)
        minNorthing = Swift.min(minNorthing, point.northing)
        maxNorthing = Swift.max(maxNorthing, point.northing)
    }
}
