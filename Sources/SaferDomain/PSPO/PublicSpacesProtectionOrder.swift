import Foundation

/// A Public Spaces Protection Order (Anti-social Behaviour, Crime and Policing Act 2014): the
/// area it covers as named roads and a polygon, its articles and exceptions, its term (three
/// years at most) and the variations made since.
public struct PublicSpacesProtectionOrder: Sendable, Hashable, Identifiable {
    /// A change to the order agreed by the committee.
    public struct Variation: Sendable, Hashable, Codable {
        public var date: CalendarDay
        public var text: String

        public init(date: CalendarDay, text: String) {
            self.date = date
            self.text = text
        }
    }

    public var id: String
    public var name: String
    public var roads: [String]
    /// The restricted area's outline; empty when the order names roads only.
    public var polygon: [WGS84Point]
    public var articles: [String]
    public var exceptions: [String]
    public var start: CalendarDay
    public var expiry: CalendarDay
    public var variations: [Variation]

    public init(id: String, name: String, roads: [String], polygon: [WGS84Point], articles: [String], exceptions: [String] = [],
                start: CalendarDay, expiry: CalendarDay, variations: [Variation] = []) {
        self.id = id
        self.name = name
        self.roads = roads
        self.polygon = polygon
        self.articles = articles
        self.exceptions = exceptions
        self.start = start
        self.expiry = expiry
        self.variations = variations.sorted { $0.date < $1.date }
    }

    /// How far from the area an incident still counts as near it.
    public static let nearMetres = 100.0

    /// Whether the order is in force on a day.
    public func isInForce(on day: CalendarDay) -> Bool { start <= day && day <= expiry }

    /// How far a point is from the area in metres: 0 inside the polygon, otherwise the distance
    /// to its nearest edge. Nil when the order has no polygon.
    public func distance(to point: NationalGridPoint) -> Double? {
        GridPolygon(polygon).distance(to: point)
    }

    /// The fly-tips reported in a range inside the area or within `within` metres of it, or on
    /// one of its roads by name, with their distance (nil when matched by road name only).
    public func incidents(in range: DayRange, among flyTips: [FlyTip], within: Double = nearMetres,
                          normaliser: LocationNameNormaliser = .northWarwickshire) -> [(flyTip: FlyTip, distance: Double?)] {
        let roadKeys = Set(roads.map { normaliser.normalise($0).key })
        return flyTips.filter { range.contains($0.reportedAt) && $0.status.countsAsIncident }.compactMap { tip in
            let distance = self.distance(to: tip.gridPoint)
            if let distance, distance <= within { return (tip, distance) }
            if roadKeys.contains(normaliser.normalise(tip.location).key) { return (tip, distance) }
            return nil
        }
    }

    /// Checks a name, an area, at least one article and a term of at most three years.
    public func validate() throws {
        var problems = ValidationProblems()
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("The order needs its name.", field: "name") }
        if roads.isEmpty && polygon.count < 3 { problems.add("Give the area: the roads it covers, or an outline of at least three points.", field: "roads") }
        if articles.isEmpty { problems.add("Give the order's articles.", field: "articles") }
        if expiry < start { problems.add("The order expires before it starts.", field: "expiry") }
        if expiry > start.adding(months: 36) { problems.add("A PSPO lasts at most three years: it may be extended, but record the extension as a variation.", field: "expiry") }
        if polygon.contains(where: { !NationalGrid.isInGreatBritain($0) }) { problems.add("A point of the outline is not in Great Britain.", field: "polygon") }
        try problems.throwIfAny()
    }
}
