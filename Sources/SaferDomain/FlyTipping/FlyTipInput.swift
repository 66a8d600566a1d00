import Foundation

/// A fly-tip as it arrives from a form, the API, a phone's queue or a file: text and optional
/// numbers, checked and turned into a `FlyTip` with every problem reported at once.
public struct FlyTipInput: Sendable, Hashable {
    public var clientID: String?
    public var latitude: Double?
    public var longitude: Double?
    public var easting: Double?
    public var northing: Double?
    /// An OS grid reference such as "SP 2856 9637": another way to give the easting and northing.
    public var gridReference: String?
    public var location: String
    public var landType: String
    public var wasteTypes: [String]
    public var size: String
    public var hazards: [String]
    public var source: String?
    public var status: String?
    public var reportedAt: Date?
    public var inspectedAt: Date?
    public var clearedAt: Date?
    public var duplicateOf: String?
    public var cost: String?
    public var notes: String

    public init(clientID: String? = nil, latitude: Double? = nil, longitude: Double? = nil, easting: Double? = nil, northing: Double? = nil,
                gridReference: String? = nil, location: String, landType: String, wasteTypes: [String], size: String, hazards: [String] = [],
                source: String? = nil, status: String? = nil, reportedAt: Date? = nil, inspectedAt: Date? = nil,
                clearedAt: Date? = nil, duplicateOf: String? = nil, cost: String? = nil, notes: String = "") {
        self.clientID = clientID
        self.gridReference = gridReference
        self.latitude = latitude
        self.longitude = longitude
        self.easting = easting
        self.northing = northing
        self.location = location
        self.landType = landType
        self.wasteTypes = wasteTypes
        self.size = size
        self.hazards = hazards
        self.source = source
        self.status = status
        self.reportedAt = reportedAt
        self.inspectedAt = inspectedAt
        self.clearedAt = clearedAt
        self.duplicateOf = duplicateOf
        self.cost = cost
        self.notes = notes
    }

    /// Both coordinate pairs, from whichever was given. When both are given they must agree
    /// to within 50 metres, or one of them is wrong.
    public func resolvedPosition() throws -> (WGS84Point, NationalGridPoint) {
        if let reference = gridReference?.trimmingCharacters(in: .whitespaces), !reference.isEmpty {
            guard easting == nil, northing == nil else {
                throw ValidationError("Give a grid reference or an easting and northing, not both.", field: "gridReference")
            }
            let point = try GridReference.parse(reference)
            var input = self
            (input.gridReference, input.easting, input.northing) = (nil, point.easting, point.northing)
            return try input.resolvedPosition()
        }
        let hasLatLong = latitude != nil || longitude != nil
        let hasGrid = easting != nil || northing != nil
        var problems = ValidationProblems()
        if hasLatLong, latitude == nil || longitude == nil {
            problems.add("Give both latitude and longitude, or neither.", field: latitude == nil ? "latitude" : "longitude")
        }
        if hasGrid, easting == nil || northing == nil {
            problems.add("Give both easting and northing, or neither.", field: easting == nil ? "easting" : "northing")
        }
        if !hasLatLong, !hasGrid {
            problems.add("A position is needed: a grid reference, an easting and northing, or a latitude and longitude.", field: "latitude")
        }
        for (name, value) in [("latitude", latitude), ("longitude", longitude), ("easting", easting), ("northing", northing)] {
            if let value, !value.isFinite { problems.add("The \(name) is not a number.", field: name) }
        }
        if let latitude, !(-90...90).contains(latitude) { problems.add("The latitude must be between -90 and 90 degrees.", field: "latitude") }
        if let longitude, !(-180...180).contains(longitude) { problems.add("The longitude must be between -180 and 180 degrees.", field: "longitude") }
        // Ranges before any arithmetic: a finite but huge value (1e300) must not reach a conversion.
        let grid = NationalGrid.extent
        if let easting, easting.isFinite, !(grid.minEasting...grid.maxEasting).contains(easting) {
            problems.add("The easting \(easting.wholeNumberText) is outside the National Grid: eastings run 0–700,000 metres.", field: "easting")
        }
        if let northing, northing.isFinite, !(grid.minNorthing...grid.maxNorthing).contains(northing) {
            problems.add("The northing \(northing.wholeNumberText) is outside the National Grid: northings run 0–1,300,000 metres.", field: "northing")
        }
        try problems.throwIfAny()
        if let latitude, let longitude {
            let position = WGS84Point(latitude: latitude, longitude: longitude)
            let computed = NationalGrid.gridPoint(from: position)
            if let easting, let northing {
                let given = NationalGridPoint(easting: easting, northing: northing)
                let apart = given.distance(to: computed)
                if apart > 50 {
                    throw ValidationError("The easting and northing are \(apart.wholeNumberText) m from the latitude and longitude: give one pair, or check both.", field: "easting")
                }
                return (position, given)
            }
            return (position, computed)
        }
        // The checks above throw when either of a pair is missing or neither pair is given.
        guard let easting, let northing else { throw ValidationError("A position is needed: a grid reference, an easting and northing, or a latitude and longitude.", field: "latitude") }
        let point = NationalGridPoint(easting: easting, northing: northing)
        return (NationalGrid.wgs84(from: point), point)
    }

    /// Whether any way of giving a position is filled in.
    public var givesPosition: Bool {
        latitude != nil || longitude != nil || easting != nil || northing != nil
            || !(gridReference ?? "").trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// A crew's report that has no position (no fix, no GPS in the photo), kept as a report
    /// awaiting triage and marked "position needed" for an officer to place. It is checked like
    /// an incident apart from its position, so the officer only has to place it.
    public func reportAwaitingPosition(id: String, reference: String, recordedBy: String, now: Date) throws -> PublicReport {
        var problems = ValidationProblems()
        func attempt<T>(_ field: String, _ body: () throws -> T) -> T? {
            do { return try body() } catch let error as ValidationError {
                error.messages.forEach { problems.add($0, field: field) }
            } catch { problems.add("\(error)", field: field) }
            return nil
        }
        if let problem = FlyTip.locationProblem(location) { problems.add(problem, field: "location") }
        let landType = attempt("landType") { try LandType.parse(self.landType) }
        let size = attempt("size") { try FlyTipSize.parse(self.size) }
        let wasteTypes = wasteTypes.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { text in attempt("wasteTypes") { try WasteType.parse(text) } }
        if wasteTypes.isEmpty, problems.isEmpty { problems.add("At least one waste type is needed.", field: "wasteTypes") }
        for (field, message) in FlyTip.futureProblems(reportedAt: reportedAt, inspectedAt: nil, clearedAt: nil, now: now) { problems.add(message, field: field) }
        try problems.throwIfAny()
        guard let landType, let size else { throw ValidationError("The report could not be read.") }
        let note = notes.trimmingCharacters(in: .whitespacesAndNewlines)
        return PublicReport(id: id, reference: reference, receivedAt: reportedAt ?? now, position: nil, gridPoint: nil,
                            place: location.trimmingCharacters(in: .whitespacesAndNewlines), wasteTypes: wasteTypes, size: size, landType: landType,
                            description: "Position needed: recorded by \(recordedBy) with no position from the phone or the photo." + (note.isEmpty ? "" : " " + note),
                            contact: nil)
    }

    /// The incident this input describes, checked against every rule.
    /// - Parameters:
    ///   - defaultSource: the source when none is given (a crew's phone, the public form).
    ///   - defaultReportedAt: the time when none is given, normally now.
    public func flyTip(id: String, reference: String, recordedBy: String, now: Date,
                       defaultSource: FlyTipSource = .crew) throws -> FlyTip {
        var problems = ValidationProblems()
        func attempt<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let error as ValidationError {
                for message in error.messages { problems.add(message, field: error.fields.first(where: { $0.value == message })?.key) }
                return nil
            } catch { problems.add("\(error)"); return nil }
        }
        let position = attempt { try resolvedPosition() }
        let landType = attempt { try LandType.parse(self.landType) }
        let size = attempt { try FlyTipSize.parse(self.size) }
        let wasteTypes = wasteTypes.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { text in attempt { try WasteType.parse(text) } }
        let hazards = hazards.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.compactMap { text in attempt { try Hazard.parse(text) } }
        let source = source.flatMap { $0.isEmpty ? nil : $0 }.map { text in attempt { try FlyTipSource.parse(text) } } ?? defaultSource
        let status = status.flatMap { $0.isEmpty ? nil : $0 }.map { text in attempt { try FlyTipStatus.parse(text) } } ?? .reported
        let cost = cost.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }.map { text in attempt { try Money.parse(text, field: "cost") } } ?? nil
        if let clientID, clientID.isEmpty || clientID.count > 100 {
            problems.add("The client id must be 1 to 100 characters.", field: "clientId")
        }
        guard let position, let landType, let size, let source, let status, problems.isEmpty else {
            // Everything else that can be checked without the missing parts, so one answer lists it all.
            if let problem = FlyTip.locationProblem(location) { problems.add(problem, field: "location") }
            if let position, let problem = FlyTip.positionProblem(position.0) { problems.add(problem, field: "position") }
            for (field, message) in FlyTip.futureProblems(reportedAt: reportedAt, inspectedAt: inspectedAt, clearedAt: clearedAt, now: now) {
                problems.add(message, field: field)
            }
            if wasteTypes.isEmpty, self.wasteTypes.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                problems.add("At least one waste type is needed.", field: "wasteTypes")
            }
            try problems.throwIfAny()
            throw ValidationError("The incident could not be read.")
        }
        let tip = FlyTip(id: id, reference: reference, clientID: clientID, position: position.0, gridPoint: position.1,
                         location: location.trimmingCharacters(in: .whitespacesAndNewlines), landType: landType, wasteTypes: wasteTypes,
                         size: size, hazards: hazards, source: source, status: status, reportedAt: reportedAt ?? now,
                         inspectedAt: inspectedAt, clearedAt: clearedAt, duplicateOf: duplicateOf?.isEmpty == true ? nil : duplicateOf,
                         enteredCost: cost, notes: notes.trimmingCharacters(in: .whitespacesAndNewlines), recordedBy: recordedBy, recordedAt: now)
        try tip.validate(now: now)
        return tip
    }
}
