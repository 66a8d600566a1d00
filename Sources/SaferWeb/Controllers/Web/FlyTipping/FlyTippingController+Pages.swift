import Foundation
import Hummingbird
import SaferDomain
import SaferReports

extension FlyTippingController {
    // MARK: - View models

    struct Fact { let label: String; let value: String }
    struct Count { let label: String; let count: String; let percent: String }

    struct DashboardPage {
        let chrome: PageChrome
        let period: String
        let from: String
        let to: String
        let facts: [Fact]
        let months: TableView
        let sizes: [Count]
        let wasteTypes: [Count]
        let landTypes: [Count]
        let sources: [Count]
        let enforcement: String
        let canRecord: Bool
        let canTriage: Bool
        let pendingReports: Int
        let defraHref: String
        let incidentsHref: String
    }

    struct IncidentRow {
        let href: String, reference: String, reported: String, location: String, size: String, wasteTypes: String
        let status: String, statusClass: String, hazardous: Bool
    }

    struct ListPage {
        let chrome: PageChrome
        let period: String
        let from: String
        let to: String
        let statuses: [SelectOption]
        let incidents: [IncidentRow]
        let hasIncidents: Bool
        let total: String
        let showing: String
        let previousHref: String
        let nextHref: String
        let hasPrevious: Bool
        let hasNext: Bool
        let csvHref: String
        let xlsxHref: String
        let geoJSONHref: String
        let canRecord: Bool
    }

    struct FieldError { let field: String; let message: String }

    /// The position picker's fields (`position-picker.mustache`): as typed, else as given.
    struct PositionFields {
        let gridReference: String, easting: String, northing: String, latitude: String, longitude: String

        init(_ form: FormData?, latitude: Double? = nil, longitude: Double? = nil) {
            gridReference = form?.text("gridReference") ?? ""
            easting = form?.text("easting") ?? ""
            northing = form?.text("northing") ?? ""
            self.latitude = form?.text("latitude") ?? latitude.map { String(format: "%.6f", $0) } ?? ""
            self.longitude = form?.text("longitude") ?? longitude.map { String(format: "%.6f", $0) } ?? ""
        }
    }

    struct NewPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let location: String
        let position: PositionFields
        let reportedAt: String, cost: String, notes: String
        let landTypes: [SelectOption]
        let wasteTypes: [SelectOption]
        let sizes: [SelectOption]
        let hazards: [SelectOption]
        let sources: [SelectOption]
        let showSource: Bool
    }

    struct PhotoView { let href: String; let alt: String }

    struct IncidentPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let reference: String
        let facts: [Fact]
        let status: String
        let statusClass: String
        let hazardous: Bool
        let hazards: String
        let notes: [String]
        let hasNotes: Bool
        let photos: [PhotoView]
        let hasPhotos: Bool
        let canChange: Bool
        let nextStatuses: [SelectOption]
        let costNeeded: Bool
        let formAction: String
        let warning: String
        let hasWarning: Bool
    }

    struct DefraPage {
        let chrome: PageChrome
        let from: String
        let to: String
        let tables: [TableView]
        let csvHref: String
        let xlsxHref: String
        let jsonHref: String
    }

    // MARK: - Pages

    func dashboardPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let range = try await range(request)
        let dashboard = try await flyTips.dashboard(range)
        let role = context.identity.user.role
        func counts<T>(_ pairs: [(T, Int)], _ label: (T) -> String) -> [Count] {
            pairs.filter { $0.1 > 0 }.map {
                Count(label: label($0.0), count: DisplayFormat.number(Double($0.1)),
                      percent: dashboard.total == 0 ? "" : "\(Int((Double($0.1) / Double(dashboard.total) * 100).rounded()))%")
            }
        }
        var facts = [Fact(label: "Incidents reported", value: DisplayFormat.number(Double(dashboard.total))),
                     Fact(label: "Cleared", value: DisplayFormat.number(Double(dashboard.cleared))),
                     Fact(label: "Still open from the period", value: DisplayFormat.number(Double(dashboard.open))),
                     Fact(label: "Open now (all periods)", value: DisplayFormat.number(Double(dashboard.openNow))),
                     Fact(label: "Hazardous waste (specialist clearance)", value: DisplayFormat.number(Double(dashboard.hazardous)))]
        if let days = dashboard.meanDaysToClear { facts.append(Fact(label: "Average days from report to clearance", value: String(format: "%.1f", days))) }
        let pending = RoleSet.staff.allows(role) ? try await services.storage.publicReports.list(status: .pending).count : 0
        let query = "from=\(range.first)&to=\(range.last)"
        let page = DashboardPage(
            chrome: PageChrome(title: "Fly-tipping", context: context, current: "/fly-tipping"),
            period: range.label, from: range.first.description, to: range.last.description, facts: facts,
            months: TableView(dashboard.monthTable), sizes: counts(dashboard.bySize, \.label),
            wasteTypes: counts(dashboard.byWasteType, \.label), landTypes: counts(dashboard.byLandType, \.label),
            sources: counts(dashboard.bySource, \.label), enforcement: dashboard.enforcement.sentence + ".",
            canRecord: Self.recorderRoles.allows(role), canTriage: RoleSet.staff.allows(role), pendingReports: pending,
            defraHref: "/fly-tipping/defra-return?\(query)", incidentsHref: "/fly-tipping/incidents?\(query)")
        return views.response("fly-tipping", page)
    }

    static let recorderRoles = RoleSet(.admin, .officer, .field)
    static let pageSize = 50

    func listPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let range = try await range(request)
        let statusText = request.query.get("status") ?? ""
        let statuses: [FlyTipStatus] = statusText.isEmpty ? [] : (statusText == "open" ? FlyTipStatus.allCases.filter(\.isOpen) : [try FlyTipStatus.parse(statusText)])
        let query = "from=\(range.first)&to=\(range.last)" + (statusText.isEmpty ? "" : "&status=\(statusText)")
        let format = request.query.get("format") ?? "html"
        if format != "html" {
            let all = try await services.storage.flyTips.list(FlyTipFilter(range: range, statuses: statuses))
            return try FlyTipExport.response(all, costs: try await flyTips.settings().clearanceCosts, format: format, name: "fly-tips-\(range.first)-to-\(range.last)")
        }
        // A page past any real list is still answered (with nothing on it), but never overflows the offset.
        let page = Int(request.query.get("page"), in: 1...1_000_000) ?? 1
        let filter = FlyTipFilter(range: range, statuses: statuses, limit: Self.pageSize, offset: (page - 1) * Self.pageSize)
        let total = try await services.storage.flyTips.count(filter)
        let incidents = try await services.storage.flyTips.list(filter)
        let first = (page - 1) * Self.pageSize
        let statusOptions = [SelectOption(value: "", label: "Any status", selected: statusText.isEmpty),
                             SelectOption(value: "open", label: "Open (reported, verified or scheduled)", selected: statusText == "open")]
            + FlyTipStatus.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: $0.rawValue == statusText) }
        let view = ListPage(
            chrome: PageChrome(title: "Fly-tipping incidents", context: context, current: "/fly-tipping"),
            period: range.label, from: range.first.description, to: range.last.description, statuses: statusOptions,
            incidents: incidents.map(Self.row), hasIncidents: !incidents.isEmpty, total: DisplayFormat.number(Double(total)),
            showing: incidents.isEmpty ? "" : "\(first + 1)–\(first + incidents.count)",
            previousHref: "/fly-tipping/incidents?\(query)&page=\(page - 1)", nextHref: "/fly-tipping/incidents?\(query)&page=\(page + 1)",
            hasPrevious: page > 1, hasNext: first + incidents.count < total,
            csvHref: "/fly-tipping/incidents?\(query)&format=csv", xlsxHref: "/fly-tipping/incidents?\(query)&format=xlsx",
            geoJSONHref: "/fly-tipping/incidents?\(query)&format=geojson", canRecord: Self.recorderRoles.allows(context.identity.user.role))
        return views.response("fly-tipping-incidents", view)
    }

    static func row(_ tip: FlyTip) -> IncidentRow {
        IncidentRow(href: "/fly-tipping/incidents/\(tip.id)", reference: tip.reference, reported: Self.display(tip.reportedAt),
                    location: tip.location, size: tip.size.label, wasteTypes: tip.wasteTypes.map(\.label).joined(separator: ", "),
                    status: tip.status.label, statusClass: "status status-\(tip.status.rawValue)", hazardous: !tip.hazards.isEmpty)
    }

    /// "11 Feb 2019 09:30" in UK time.
    static func display(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "d MMM yyyy HH:mm"
        return formatter.string(from: date)
    }

    /// A `datetime-local` value in UK time.
    static func inputValue(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "yyyy-MM-dd'T'HH:mm"
        return formatter.string(from: date)
    }

    func newPage(_ context: SignedInContext, form: FormData?, errors: [String: String], messages: [String],
                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let chosenWaste = Set(form?.all("wasteTypes") ?? [])
        let chosenHazards = Set(form?.all("hazards") ?? [])
        let role = context.identity.user.role
        let page = NewPage(
            chrome: PageChrome(title: "Record a fly-tip", context: context, current: "/fly-tipping"),
            errors: ErrorSummary(messages), location: form?.text("location") ?? "", position: PositionFields(form),
            reportedAt: form?.text("reportedAt") ?? Self.inputValue(services.clock.now()), cost: form?.text("cost") ?? "",
            notes: form?.text("notes") ?? "",
            landTypes: LandType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: form?.text("landType") == $0.rawValue) },
            wasteTypes: WasteType.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: chosenWaste.contains($0.rawValue)) },
            sizes: FlyTipSize.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: form?.text("size") == $0.rawValue) },
            hazards: Hazard.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: chosenHazards.contains($0.rawValue)) },
            sources: FlyTipSource.allCases.map { SelectOption(value: $0.rawValue, label: $0.label, selected: (form?.text("source") ?? (role == .field ? "crew" : "")) == $0.rawValue) },
            showSource: role != .field)
        return views.response("fly-tipping-new", page, status: status)
    }

    func incidentPage(_ request: Request, _ context: SignedInContext, id: String, errors: [String],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let tip = try await flyTips.flyTip(id)
        let photos = try await services.storage.flyTips.photos(owner: .flyTip, ownerID: tip.id)
        var facts = [Fact(label: "Location", value: tip.location),
                     Fact(label: "Latitude, longitude", value: String(format: "%.6f, %.6f", tip.position.latitude, tip.position.longitude)),
                     Fact(label: "Easting, northing", value: String(format: "%.0f, %.0f", tip.gridPoint.easting, tip.gridPoint.northing)),
                     Fact(label: "Grid reference", value: GridReference.text(tip.gridPoint) ?? "Outside the National Grid"),
                     Fact(label: "Land type", value: tip.landType.label),
                     Fact(label: "Waste", value: tip.wasteTypes.map(\.label).joined(separator: ", ")),
                     Fact(label: "Size", value: tip.size.label),
                     Fact(label: "Source", value: tip.source.label),
                     Fact(label: "Reported", value: Self.display(tip.reportedAt))]
        if let inspected = tip.inspectedAt { facts.append(Fact(label: "Inspected", value: Self.display(inspected))) }
        if let cleared = tip.clearedAt { facts.append(Fact(label: "Cleared", value: Self.display(cleared))) }
        if let cost = tip.clearanceCost(using: try await flyTips.settings().clearanceCosts) {
            facts.append(Fact(label: tip.size.costEnteredPerIncident ? "Clearance cost (entered)" : "Clearance cost (unit cost)", value: cost.description))
        } else if tip.size.costEnteredPerIncident {
            facts.append(Fact(label: "Clearance cost", value: "Not entered yet"))
        }
        if let duplicateOf = tip.duplicateOf, let original = try await services.storage.flyTips.find(id: duplicateOf) {
            facts.append(Fact(label: "Duplicate of", value: original.reference))
        }
        facts.append(Fact(label: "Recorded by", value: "\(tip.recordedBy), \(Self.display(tip.recordedAt))"))
        let warning = request.query.get("warning") == "1"
            ? try await flyTips.settings().warnings(for: tip.gridPoint, boundary: try await flyTips.boundary()).joined(separator: " ") : ""
        let page = IncidentPage(
            chrome: PageChrome(title: "Incident \(tip.reference)", context: context, current: "/fly-tipping", notice: Self.notice(request, tip)),
            errors: ErrorSummary(errors), reference: tip.reference, facts: facts, status: tip.status.label,
            statusClass: "status status-\(tip.status.rawValue)", hazardous: !tip.hazards.isEmpty,
            hazards: tip.hazards.map(\.label).joined(separator: ", "),
            notes: tip.notes.split(separator: "\n").map(String.init), hasNotes: !tip.notes.isEmpty,
            photos: photos.map { PhotoView(href: "/fly-tipping/photos/\($0.id)", alt: "Photo of incident \(tip.reference) at \(tip.location)") },
            hasPhotos: !photos.isEmpty, canChange: Self.recorderRoles.allows(context.identity.user.role) && !tip.status.allowedNext.isEmpty,
            nextStatuses: tip.status.allowedNext.map { SelectOption(value: $0.rawValue, label: $0.label, selected: false) },
            costNeeded: tip.size.costEnteredPerIncident, formAction: "/fly-tipping/incidents/\(tip.id)/status",
            warning: warning, hasWarning: !warning.isEmpty)
        return views.response("fly-tipping-incident", page, status: status)
    }

    /// The line confirming what the last form did, from the redirect's query.
    static func notice(_ request: Request, _ tip: FlyTip) -> String? {
        let query = request.query
        if query.get("saved") == "1" { return "Incident \(tip.reference) recorded." }
        if query.get("updated") == "1" { return "Status changed to \(tip.status.label.lowercased())." }
        if let merged = query.get("merged"), merged.range(of: #"^TIP-[0-9A-Z]{6}$"#, options: .regularExpression) != nil {
            return "Public report \(merged) merged into this incident."
        }
        return nil
    }

    func defraPage(_ request: Request, _ context: SignedInContext) async throws -> Response {
        let range = try await range(request)
        let report = DefraReturnReport(try await flyTips.defraReturn(range))
        let name = "defra-fly-tipping-return-\(range.first)-to-\(range.last)"
        switch request.query.get("format") ?? "html" {
        case "html": break
        case "csv": return download(Data(report.csv.utf8), "\(name).csv", MediaType.csv)
        case "xlsx": return download(try XLSXWriter.render(report.tables), "\(name).xlsx", MediaType.xlsx)
        case "json": return download(try JSONEncoder.safer.encode(report.document), "\(name).json", MediaType.json)
        case let other: throw ValidationError("'\(other)' is not a download format: use csv, xlsx or json.")
        }
        let query = "from=\(range.first)&to=\(range.last)"
        let page = DefraPage(chrome: PageChrome(title: "Defra fly-tipping return", context: context, current: "/fly-tipping"),
                             from: range.first.description, to: range.last.description, tables: report.tables.map(TableView.init),
                             csvHref: "/fly-tipping/defra-return?\(query)&format=csv", xlsxHref: "/fly-tipping/defra-return?\(query)&format=xlsx",
                             jsonHref: "/fly-tipping/defra-return?\(query)&format=json")
        return views.response("fly-tipping-defra", page)
    }
}
