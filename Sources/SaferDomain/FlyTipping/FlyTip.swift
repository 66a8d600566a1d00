import Foundation

/// A fly-tipping incident: one pile of dumped waste at one place, from report to clearance.
public struct FlyTip: Sendable, Hashable, Identifiable {
    public var id: String
    /// The reference officers and crews quote, e.g. "FT-7K3M9Q".
    public var reference: String
    /// The id a field device made for this report, so that a retried upload finds it again.
    public var clientID: String?
    /// Latitude and longitude (WGS84), as phones give them.
    public var position: WGS84Point
    /// Easting and northing (OSGB36 National Grid), as the council's GIS uses them.
    public var gridPoint: NationalGridPoint
    /// The road and locality, as an officer writes it: "Oldbury Road, Hartshill".
    public var location: String
    public var landType: LandType
    /// One or more waste types; the first is the main one, under which Defra's return counts it.
    public var wasteTypes: [WasteType]
    public var size: FlyTipSize
    /// Hazardous material needing a specialist contractor, in a fixed order.
    public var hazards: [Hazard]
    public var source: FlyTipSource
    public var status: FlyTipStatus
    public var reportedAt: Date
    public var inspectedAt: Date?
    public var clearedAt: Date?
    /// The incident this one repeats, when closed as a duplicate.
    public var duplicateOf: String?
    /// The clearance cost entered by hand, for tipper-lorry and multi-load incidents only.
    public var enteredCost: Money?
    public var notes: String
    /// Who recorded the incident (an account's label) and when.
    public var recordedBy: String
    public var recordedAt: Date

    public init(id: String, reference: String, clientID: String? = nil, position: WGS84Point, gridPoint: NationalGridPoint,
                location: String, landType: LandType, wasteTypes: [WasteType], size: FlyTipSize, hazards: [Hazard] = [],
                source: FlyTipSource, status: FlyTipStatus = .reported, reportedAt: Date, inspectedAt: Date? = nil,
                clearedAt: Date? = nil, duplicateOf: String? = nil, enteredCost: Money? = nil, notes: String = "",
                recordedBy: String, recordedAt: Date) {
        self.id = id
        self.reference = reference
        self.clientID = clientID
        self.position = position
        self.gridPoint = gridPoint
        self.location = location
        self.landType = landType
        var seen = Set<WasteType>()
        self.wasteTypes = wasteTypes.filter { seen.insert($0).inserted }
        self.size = size
        self.hazards = Hazard.allCases.filter(Set(hazards).union(wasteTypes.compactMap(\.hazard)).contains)
        self.source = source
        self.status = status
        self.reportedAt = reportedAt
        self.inspectedAt = inspectedAt
        self.clearedAt = clearedAt
        self.duplicateOf = duplicateOf
        self.enteredCost = enteredCost
        self.notes = notes
        self.recordedBy = recordedBy
        self.recordedAt = recordedAt
    }

    /// The main waste type, under which Defra's return counts the incident.
    public var mainWasteType: WasteType { wasteTypes.first ?? .other }

    /// Needs a specialist contractor (asbestos, clinical or chemical waste).
    public var needsSpecialistClearance: Bool { !hazards.isEmpty }

    /// The clearance cost: entered by hand for the largest sizes, otherwise the council's unit
    /// cost for the size. Nil when a large incident has no cost entered yet.
    public func clearanceCost(using costs: ClearanceCosts) -> Money? {
        size.costEnteredPerIncident ? enteredCost : costs.unitCost(for: size)
    }

    /// Checks the rules every stored incident keeps, collecting every problem: a place inside
    /// Great Britain, a location name, at least one waste type, no time in the future (five
    /// minutes' grace for phone clocks), times in order, a cleared time exactly when cleared,
    /// a duplicate pointing at another incident, and a cost only where it is entered by hand.
    public func validate(now: Date) throws {
        var problems = ValidationProblems()
        if let problem = Self.positionProblem(position) { problems.add(problem, field: "position") }
        if let problem = Self.locationProblem(location) { problems.add(problem, field: "location") }
        if wasteTypes.isEmpty { problems.add("At least one waste type is needed.", field: "wasteTypes") }
        if notes.count > 4000 { problems.add("The notes are \(notes.count) characters long: keep them to 4,000 or fewer.", field: "notes") }
        for (field, message) in Self.futureProblems(reportedAt: reportedAt, inspectedAt: inspectedAt, clearedAt: clearedAt, now: now) {
            problems.add(message, field: field)
        }
        if let inspectedAt, inspectedAt < reportedAt { problems.add("The inspected time is before the reported time.", field: "inspectedAt") }
        if let clearedAt, clearedAt < reportedAt { problems.add("The cleared time is before the reported time.", field: "clearedAt") }
        if status == .cleared, clearedAt == nil { problems.add("A cleared incident needs the time it was cleared.", field: "clearedAt") }
        if status != .cleared, clearedAt != nil { problems.add("A cleared time is given but the status is \(status.label.lowercased()): set the status to cleared or remove the time.", field: "clearedAt") }
        if status == .duplicate, duplicateOf == nil { problems.add("A duplicate needs the reference of the incident it repeats.", field: "duplicateOf") }
        if status != .duplicate, duplicateOf != nil { problems.add("Only a duplicate refers to another incident.", field: "duplicateOf") }
        if let duplicateOf, duplicateOf == id { problems.add("An incident cannot be a duplicate of itself.", field: "duplicateOf") }
        if let enteredCost {
            if !size.costEnteredPerIncident {
                problems.add("A \(size.label.lowercased()) is costed at the council's unit cost: leave the cost empty (it is entered only for tipper lorry and multi-load incidents).", field: "cost")
            } else if enteredCost.pence < 0 {
                problems.add("The clearance cost cannot be negative.", field: "cost")
            }
        }
        try problems.throwIfAny()
    }

    /// What is wrong with a position, if anything: it must be in Great Britain.
    static func positionProblem(_ position: WGS84Point) -> String? {
        NationalGrid.isInGreatBritain(position) ? nil
            : "The position \(format(position)) is not in Great Britain: check the latitude and longitude (or easting and northing)."
    }

    /// The times that are in the future, allowing five minutes for a phone's clock.
    static func futureProblems(reportedAt: Date?, inspectedAt: Date?, clearedAt: Date?, now: Date) -> [(field: String, message: String)] {
        let latest = now.addingTimeInterval(5 * 60)
        return [("reported", "reportedAt", reportedAt), ("inspected", "inspectedAt", inspectedAt), ("cleared", "clearedAt", clearedAt)]
            .compactMap { name, field, date in
                guard let date, date > latest else { return nil }
                return (field, "The \(name) time is in the future: check the date and the device's clock.")
            }
    }

    /// What is wrong with a location name, if anything: it is needed, and 200 characters at most.
    static func locationProblem(_ location: String) -> String? {
        let trimmed = location.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "A location is needed: the road and locality, e.g. \"Oldbury Road, Hartshill\"." }
        if trimmed.count > 200 { return "The location is \(trimmed.count) characters long: shorten it to 200 or fewer and put detail in the notes." }
        return nil
    }

    static func format(_ point: WGS84Point) -> String {
        String(format: "%.6f, %.6f", point.latitude, point.longitude)
    }
}
