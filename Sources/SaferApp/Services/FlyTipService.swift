import Crypto
import Foundation
import SaferDomain
import SaferReports
import SaferStorage

/// Fly-tipping for the pages, the API and the command line: recording incidents (with the
/// photo's GPS position when the phone had no fix), moving them through their statuses,
/// public reports and their triage, and the figures for the dashboard and Defra's return.
public struct FlyTipService: Sendable {
    let flyTips: any FlyTipRepository
    let publicReports: any PublicReportRepository
    let enforcement: any EnforcementRepository
    let savedSettings: any SettingsRepository
    let defaultSettings: FlyTipSettings
    let rateLimitSecret: String
    let clock: any SaferClock
    let ids: any IDGenerator

    /// A service with only what it uses.
    public init(flyTips: any FlyTipRepository, publicReports: any PublicReportRepository, enforcement: any EnforcementRepository, savedSettings: any SettingsRepository, defaultSettings: FlyTipSettings, rateLimitSecret: String, clock: any SaferClock, ids: any IDGenerator) {
        self.flyTips = flyTips
        self.publicReports = publicReports
        self.enforcement = enforcement
        self.savedSettings = savedSettings
        self.defaultSettings = defaultSettings
        self.rateLimitSecret = rateLimitSecret
        self.clock = clock
        self.ids = ids
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(flyTips: services.storage.flyTips, publicReports: services.storage.publicReports, enforcement: services.storage.enforcement, savedSettings: services.storage.settings,
                  defaultSettings: services.configuration.flyTipping, rateLimitSecret: services.configuration.sessionSecret, clock: services.clock, ids: services.ids)
    }

    /// The settings an administrator saved, or the configured defaults. A council set up under
    /// another name than the defaults' has no area to check positions against until it saves
    /// one: the defaults' rectangle is another district's.
    public func settings() async throws -> FlyTipSettings {
        if let saved = try await savedSettings.flyTipSettings() { return saved }
        guard let council = try await savedSettings.council(), council.name != defaultSettings.councilName else { return defaultSettings }
        var settings = defaultSettings
        settings.councilName = council.name
        settings.councilArea = NationalGrid.extent
        return settings
    }

    /// The council's boundary from its beats' outlines, or nil before they are uploaded.
    public func boundary() async throws -> CouncilBoundary? {
        CouncilBoundary(beats: try await savedSettings.beatBoundaries())
    }

    /// What recording an incident did.
    public struct Recorded: Sendable {
        public let flyTip: FlyTip
        /// False when an incident with the same client id already existed (a retried upload).
        public let created: Bool
        /// Things to check that did not stop the incident being recorded.
        public let warnings: [String]
    }

    // MARK: - Incidents

    /// What a crew's upload became: an incident, or a report awaiting a position.
    public enum Captured: Sendable {
        case recorded(Recorded)
        case awaitingPosition(PublicReport, created: Bool)
    }

    /// A crew's upload: an incident when it has a position (given, or in the photo's GPS data);
    /// otherwise a report in the triage queue marked "position needed", so nothing a crew saves
    /// is lost. The phone's client id names the report, so a retried upload finds it again.
    public func capture(_ input: FlyTipInput, photo: Data?, by actor: Actor) async throws -> Captured {
        let photoPosition = photo.flatMap { ExifGPS.position(inJPEG: [UInt8]($0)) }
        guard !input.givesPosition, photoPosition == nil, let clientID = input.clientID else {
            return .recorded(try await record(input, photo: photo, by: actor))
        }
        let id = "crew-" + SHA256.hash(data: Data(clientID.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined()
        if let existing = try await publicReports.find(id: id) { return .awaitingPosition(existing, created: false) }
        let now = clock.now()
        let report = try input.reportAwaitingPosition(id: id, reference: ReferenceCode.make(prefix: "TIP", from: id), recordedBy: actor.label, now: now)
        let stored = try photo.flatMap { $0.isEmpty ? nil : try Photo.checked(id: ids.next(), owner: .publicReport, ownerID: id, data: $0, addedAt: now) }
        do {
            try await publicReports.add(report, photo: stored, clientKey: "crew", by: actor)
        } catch {
            // The same upload arriving twice at once: the other one stored it.
            if let existing = try await publicReports.find(id: id) { return .awaitingPosition(existing, created: false) }
            throw error
        }
        return .awaitingPosition(report, created: true)
    }

    /// Records an incident from a form, the API or a phone's queue. Without a position, the
    /// photo's EXIF GPS position is used when it has one.
    public func record(_ input: FlyTipInput, photo: Data?, by actor: Actor, defaultSource: FlyTipSource = .crew) async throws -> Recorded {
        var input = input
        var notes: [String] = []
        let id = ids.next()
        let now = clock.now()
        var photos: [Photo] = []
        if let photo, !photo.isEmpty {
            photos.append(try Photo.checked(id: ids.next(), owner: .flyTip, ownerID: id, data: photo, addedAt: now))
        }
        if !input.givesPosition, let photo = photos.first, photo.kind == .jpeg, let position = ExifGPS.position(inJPEG: [UInt8](photo.data)) {
            input.latitude = position.latitude
            input.longitude = position.longitude
            notes.append("Position taken from the photo's GPS data.")
        }
        if input.latitude == nil, input.easting == nil, photos.isEmpty == false, input.longitude == nil, input.northing == nil {
            throw ValidationError("No position: the phone gave no location and the photo has no GPS data. Turn on location, or type the easting and northing.", field: "latitude")
        }
        if !notes.isEmpty { input.notes = ([input.notes] + notes).filter { !$0.isEmpty }.joined(separator: "\n") }
        let flyTip = try input.flyTip(id: id, reference: ReferenceCode.make(prefix: "FT", from: id), recordedBy: actor.label,
                                      now: now, defaultSource: defaultSource)
        let (stored, created) = try await flyTips.add(flyTip, photos: photos, by: actor)
        return Recorded(flyTip: stored, created: created, warnings: try await settings().warnings(for: stored.gridPoint, boundary: try await boundary()))
    }

    /// The incident with this id or reference, or a not-found error.
    public func flyTip(_ idOrReference: String) async throws -> FlyTip {
        if let found = try await flyTips.find(id: idOrReference) { return found }
        if let found = try await flyTips.find(reference: idOrReference) { return found }
        throw DomainError.notFound(entity: "fly-tip", id: idOrReference)
    }

    /// Moves an incident to a new status. Times default to now; a duplicate names the incident
    /// it repeats by reference; a large incident may have its clearance cost entered on clearing.
    public func changeStatus(of id: String, to status: FlyTipStatus, at time: Date?, duplicateOf: String?, cost: Money?,
                             note: String, by actor: Actor) async throws -> FlyTip {
        let before = try await flyTip(id)
        let now = clock.now()
        // The original of a duplicate is looked up here; the move itself is the domain's rule.
        var original: String?
        if status == .duplicate, let reference = duplicateOf, !reference.isEmpty { original = try await flyTip(reference).id }
        let after = try before.movingTo(status, at: time ?? now, originalID: original, cost: cost, note: note)
        try after.validate(now: now)
        try await flyTips.update(after, by: actor)
        return after
    }

    // MARK: - Public reports

    /// How many reports one client may send in an hour before being asked to wait.
    public static let reportsPerHour = 5

    /// A key for the rate limit that does not store the client's address.
    public func clientKey(for address: String) -> String {
        let digest = SHA256.hash(data: Data((rateLimitSecret + "|" + address).utf8))
        return digest.map { String(format: "%02x", $0) }.joined()
    }

    /// Stores a public report after the rate limit; the caller has already checked the honeypot.
    public func submitPublicReport(_ input: PublicReportInput, photo: Data?, clientAddress: String) async throws -> PublicReport {
        let key = clientKey(for: clientAddress)
        let now = clock.now()
        let recent = try await publicReports.submissions(clientKey: key, since: now.addingTimeInterval(-3600))
        if recent >= Self.reportsPerHour {
            throw RateLimited(message: "You have sent \(recent) reports in the last hour. Thank you: please wait an hour before sending another, or phone the council.")
        }
        let id = ids.next()
        let report = try input.report(id: id, reference: ReferenceCode.make(prefix: "TIP", from: id), now: now)
        var stored: Photo?
        if let photo, !photo.isEmpty {
            stored = try Photo.checked(id: ids.next(), owner: .publicReport, ownerID: id, data: photo, addedAt: now)
        }
        try await publicReports.add(report, photo: stored, clientKey: key, by: Actor(userID: nil, label: "member of the public", channel: .web))
        return try await publicReports.find(id: id) ?? report
    }

    /// Open incidents that may be the same fly-tip as a report.
    public func mergeCandidates(for report: PublicReport) async throws -> [(flyTip: FlyTip, distance: Double)] {
        let day = CalendarDay(containing: report.receivedAt)
        let window = try DayRange(first: day.adding(days: -15), last: day.adding(days: 15))
        let open = try await flyTips.list(FlyTipFilter(range: window, statuses: FlyTipStatus.allCases.filter(\.isOpen)))
        return report.mergeCandidates(among: open)
    }

    // MARK: - Figures

    /// Every incident reported in a range.
    public func flyTips(in range: DayRange) async throws -> [FlyTip] {
        try await flyTips.list(FlyTipFilter(range: range))
    }

    /// How many reports were received in a range, duplicates included: the pack's "we have received 910 reported incidents".
    public func reportedCount(in range: DayRange) async throws -> Int {
        try await flyTips.count(FlyTipFilter(range: range))
    }

    /// Defra's return for a range of days.
    public func defraReturn(_ range: DayRange) async throws -> DefraReturn {
        DefraReturn(range: range, flyTips: try await flyTips(in: range), actions: try await enforcement.allActions(),
                    costs: try await settings().clearanceCosts)
    }

    /// The dashboard for a range of days.
    public func dashboard(_ range: DayRange) async throws -> FlyTipDashboard {
        FlyTipDashboard(range: range, flyTips: try await flyTips(in: range), cases: try await enforcement.list(),
                        actions: try await enforcement.allActions(),
                        openNow: try await flyTips.count(FlyTipFilter(statuses: FlyTipStatus.allCases.filter(\.isOpen))))
    }

    /// The days asked for (`YYYY-MM-DD`, or `YYYY-MM` for whole months), or `defaultRange()`
    /// when neither date is given: what every page, download and API call of a period uses.
    public func range(from: String?, to: String?) async throws -> DayRange {
        let from = from ?? "", to = to ?? ""
        return from.isEmpty && to.isEmpty ? try await defaultRange() : try DayRange.parse(from: from, to: to)
    }

    /// The places in Safer's own gazetteer (locations named on incidents) whose names contain
    /// every word of `text`, most incidents first.
    public func places(matching text: String) async throws -> [GazetteerPlace] {
        let words = text.trimmingCharacters(in: .whitespaces)
        guard words.count >= 2, words.count <= 100 else { return [] }
        return GazetteerPlace.search(try await flyTips.places(), for: words)
    }

    /// The period a dashboard shows when none is asked for: the financial year of the latest
    /// incident (the current year when there are none), up to that incident's day or today.
    public func defaultRange() async throws -> DayRange {
        let today = CalendarDay(containing: clock.now())
        let latest = try await flyTips.list(FlyTipFilter(limit: 1)).first.map { CalendarDay(containing: $0.reportedAt) } ?? today
        let year = latest.calendarMonth.financialYear
        let first = CalendarDay.first(of: year.firstMonth)
        let end = min(CalendarDay.last(of: year.lastMonth), max(latest, min(today, CalendarDay.last(of: year.lastMonth))))
        return try DayRange(first: first, last: end)
    }
}

/// Too many requests from one client: the message says how long to wait.
public struct RateLimited: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

// MARK: - Files

extension FlyTipService {
    /// What importing a file did.
    public struct ImportSummary: Sendable {
        /// Incidents stored.
        public var created = 0
        /// Rows whose client id was already stored (a file imported twice adds nothing).
        public var existing = 0
        /// Rows refused, each with its line and what to fix.
        public var problems: [String] = []
        /// Rows outside the council's area (stored, but worth a look).
        public var warnings: [String] = []
    }

    /// Imports incidents from a CSV file (`FlyTipFile`). A bad row is reported with its line and
    /// the others kept; rows with a client id already stored are skipped, so importing a file
    /// again adds nothing. Rows are stored 5,000 to a transaction; duplicates are stored after
    /// the rows they repeat, one at a time. `progress` is called with rows done and rows in all.
    public func importFile(_ text: String, by actor: Actor, progress: @Sendable (Int, Int) -> Void = { _, _ in }) async throws -> ImportSummary {
        let parsed = try FlyTipFile.parse(text)
        var summary = ImportSummary(problems: parsed.problems)
        let settings = try await settings(), boundary = try await boundary()
        let total = parsed.rows.count
        func record(_ line: Int, _ stored: FlyTip, created: Bool) {
            if created { summary.created += 1 } else { summary.existing += 1 }
            summary.warnings += settings.warnings(for: stored.gridPoint, boundary: boundary).map { "Line \(line): \($0)" }
        }
        func refuse(_ line: Int, _ error: any Error) throws {
            switch error {
            case let error as ValidationError: summary.problems.append("Line \(line): \(error.messages.joined(separator: " "))")
            case let error as DomainError: summary.problems.append("Line \(line): \(error.description)")
            default: throw error
            }
        }
        func build(_ input: FlyTipInput) throws -> FlyTip {
            let id = ids.next()
            return try input.flyTip(id: id, reference: ReferenceCode.make(prefix: "FT", from: id), recordedBy: actor.label, now: clock.now())
        }

        var built: [(line: Int, flyTip: FlyTip)] = []
        for (line, row) in parsed.rows where row.duplicateOf == nil {
            do { built.append((line, try build(row))) } catch { try refuse(line, error) }
        }
        var done = total - built.count - parsed.rows.filter { $0.input.duplicateOf != nil }.count
        for start in stride(from: 0, to: built.count, by: 5_000) {
            progress(done, total)
            let chunk = built[start..<min(start + 5_000, built.count)]
            for ((line, _), (stored, created)) in zip(chunk, try await flyTips.addAll(chunk.map(\.flyTip), by: actor)) {
                record(line, stored, created: created)
            }
            done += chunk.count
        }
        for (line, row) in parsed.rows where row.duplicateOf != nil {
            progress(done, total)
            done += 1
            var input = row
            do {
                let repeats = input.duplicateOf ?? ""
                var original = try await flyTips.find(clientID: repeats)
                if original == nil { original = try await flyTips.find(reference: repeats) }
                guard let original else {
                    throw ValidationError("duplicate_of '\(repeats)' is neither a client id in the file nor an incident's reference")
                }
                input.duplicateOf = original.id
                let (stored, created) = try await flyTips.add(try build(input), photos: [], by: actor)
                record(line, stored, created: created)
            } catch {
                try refuse(line, error)
            }
        }
        progress(total, total)
        return summary
    }
}
