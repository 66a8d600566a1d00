import Foundation

/// Settings an administrator changes while Safer runs (not start-up configuration): kept in
/// the database so every node sees the same. Changes are audited.
public protocol SettingsRepository: Sendable {
    /// The fly-tipping settings, or nil while none have been saved (the defaults apply).
    func flyTipSettings() async throws -> FlyTipSettings?
    /// Saves the fly-tipping settings.
    func save(_ settings: FlyTipSettings, by actor: Actor) async throws
    /// The police beats' outlines, empty until uploaded.
    func beatBoundaries() async throws -> [BeatBoundary]
    /// Replaces the beats' outlines.
    func replaceBeatBoundaries(_ boundaries: [BeatBoundary], by actor: Actor) async throws
    /// The bank holidays an administrator loaded, or nil while Safer's own list applies.
    func bankHolidays() async throws -> BankHolidays?
    /// Saves the bank holidays.
    func save(_ holidays: BankHolidays, by actor: Actor) async throws
    /// The council Safer is set up for, or nil before `safer setup`.
    func council() async throws -> Council?
    /// Saves the council's set-up.
    func save(_ council: Council, by actor: Actor) async throws
}

/// The audit entry for replacing the beats' outlines: which beats, and how many corners.
public struct BeatBoundarySet: Auditable {
    public let boundaries: [BeatBoundary]
    public init(boundaries: [BeatBoundary]) { self.boundaries = boundaries }
    public static let auditEntity = "beat-boundaries"
    public var auditID: String { "beats" }
    public var auditFields: [String: String] {
        Dictionary(uniqueKeysWithValues: boundaries.map { ($0.beatKey, "\($0.rings.count) ring(s), \($0.rings.map(\.count).reduce(0, +)) points") })
    }
}

extension Council: Auditable {
    public static let auditEntity = "council"
    public var auditID: String { "council" }
    public var auditFields: [String: String] {
        ["name": name, "onsCode": onsCode, "populationYear": populationYear.map(String.init) ?? "",
         "policeForce": policeForce ?? "", "policeUKMatch": policeUKMatch.description]
    }
}

extension FlyTipSettings: Auditable {
    public static let auditEntity = "settings"
    public var auditID: String { "fly-tipping" }
    public var auditFields: [String: String] {
        var fields = ["councilName": councilName,
                      "councilArea": String(format: "E %.0f–%.0f, N %.0f–%.0f", councilArea.minEasting, councilArea.maxEasting,
                                            councilArea.minNorthing, councilArea.maxNorthing)]
        for size in FlyTipSize.allCases where !size.costEnteredPerIncident {
            fields["unitCost.\(size.rawValue)"] = clearanceCosts.unitCost(for: size)?.plain ?? ""
        }
        return fields
    }

    /// Checks the area is a real rectangle inside the National Grid and the costs are not negative.
    public func validate() throws {
        var problems = ValidationProblems()
        if councilName.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the council's name.", field: "councilName") }
        let a = councilArea
        if !(a.minEasting < a.maxEasting && a.minNorthing < a.maxNorthing) {
            problems.add("The area's minimum easting and northing must be below the maximum ones.", field: "minEasting")
        }
        if !NationalGrid.contains(NationalGridPoint(easting: a.minEasting, northing: a.minNorthing))
            || !NationalGrid.contains(NationalGridPoint(easting: a.maxEasting, northing: a.maxNorthing)) {
            problems.add("The area must lie on the National Grid: eastings 0–700,000 and northings 0–1,300,000 metres.", field: "minEasting")
        }
        if clearanceCosts.unitCosts.values.contains(where: { $0.pence < 0 }) { problems.add("A unit cost cannot be negative.", field: "unitCosts") }
        try problems.throwIfAny()
    }
}
