import Foundation

/// A camera put up at a place for a time, with the surveillance-camera compliance dates.
public struct Deployment: Sendable, Hashable, Identifiable {
    public var id: String
    public var cameraID: String
    public var location: String
    public var position: WGS84Point
    public var gridPoint: NationalGridPoint
    public var from: CalendarDay
    /// Nil while the camera is still there.
    public var to: CalendarDay?
    public var reason: String
    /// Whether CCTV warning signs are up.
    public var signage: Bool
    /// When the data protection impact assessment was done.
    public var dpiaDate: CalendarDay?
    /// When the Surveillance Camera Code self-assessment was last reviewed.
    public var selfAssessmentDate: CalendarDay?

    public init(id: String, cameraID: String, location: String, position: WGS84Point, from: CalendarDay, to: CalendarDay? = nil,
                reason: String = "", signage: Bool = true, dpiaDate: CalendarDay? = nil, selfAssessmentDate: CalendarDay? = nil) {
        self.id = id
        self.cameraID = cameraID
        self.location = location
        self.position = position
        self.gridPoint = NationalGrid.gridPoint(from: position)
        self.from = from
        self.to = to
        self.reason = reason
        self.signage = signage
        self.dpiaDate = dpiaDate
        self.selfAssessmentDate = selfAssessmentDate
    }

    /// The assessments are reviewed every year while a camera is deployed.
    public static let reviewMonths = 12

    /// Whether the camera was up on any day of the range.
    public func overlaps(_ range: DayRange) -> Bool { from <= range.last && (to.map { $0 >= range.first } ?? true) }

    /// Whether the camera is up on a day.
    public func isActive(on day: CalendarDay) -> Bool { from <= day && (to.map { day <= $0 } ?? true) }

    /// What is overdue on a day for a deployment still in place: a missing assessment, or one
    /// more than a year old. Each message says what to do.
    public func complianceProblems(on day: CalendarDay) -> [String] {
        guard isActive(on: day) else { return [] }
        var problems: [String] = []
        for (name, date) in [("Data protection impact assessment", dpiaDate), ("Self-assessment", selfAssessmentDate)] {
            guard let date else { problems.append("\(name) not recorded"); continue }
            let due = date.adding(months: Self.reviewMonths)
            if due < day { problems.append("\(name) due for review on \(due.label)") }
        }
        return problems
    }

    /// Checks the place, the dates and the position.
    public func validate() throws {
        var problems = ValidationProblems()
        if location.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Give the place the camera is deployed, e.g. Nuneaton Road (near Hoar Park).", field: "location") }
        if let to, to < from { problems.add("The deployment ends (\(to)) before it starts (\(from)).", field: "to") }
        if !NationalGrid.isInGreatBritain(position) { problems.add("The position is not in Great Britain: check the latitude and longitude.", field: "latitude") }
        try problems.throwIfAny()
    }
}
