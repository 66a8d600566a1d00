import Foundation
import Hummingbird
import NIOCore
import SaferApp
import SaferDomain
import SaferStorage

/// Getting data in: the month grid and CSV upload for partners' figures, the police.uk upload,
/// and (administrators) the indicator catalogue and the LSOA lookup.
struct DataController {
    let services: AppServices
    let views: Views
    var performance: PerformanceService { PerformanceService(services: services) }

    typealias Option = SelectOption
    struct FigureCell { let name: String; let id: String; let value: String; let label: String; let error: String? }
    struct GridRow { let name: String; let cells: [FigureCell] }
    struct FiguresPage {
        let chrome: PageChrome
        let year: String
        let months: [String]
        let themes: [Option]
        let theme: String
        let rows: [GridRow]
        let errors: ErrorSummary?
        let templateHref: String
        let clearWord: String
    }
    struct PreviewRow { let indicator: String; let area: String; let month: String; let before: String; let after: String }
    struct PreviewSection { let title: String; let rows: [PreviewRow]; let hasRows: Bool }
    struct FiguresPreviewPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let year: String
        let fileName: String
        let summary: String
        let sections: [PreviewSection]
        let content: String
        let fingerprint: String
        let removedCount: Int
        let hasRemovals: Bool
    }
    struct ImportRow { let month: String; let rows: String; let skipped: String; let bad: String; let files: String; let at: String }
    struct PoliceImportPage {
        let chrome: PageChrome
        let imports: [ImportRow]
        let hasImports: Bool
        let errors: ErrorSummary?
        let result: [String]
        let hasResult: Bool
        /// The LSOA-name prefix the form starts with: the council's, or its name.
        let area: String
        /// The council's match rule, when set up: what an empty prefix keeps.
        let rule: String?
    }
    struct IndicatorRow { let key: String; let name: String; let theme: String; let polarity: String; let threshold: String; let source: String }
    struct ThemeRow { let key: String; let name: String; let position: Int; let indicators: Int }
    struct IndicatorsPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let indicators: [IndicatorRow]
        let themes: [ThemeRow]
        let themeOptions: [Option]
        let polarities: [Option]
        let rateBases: [Option]
        let templates: [Option]
        /// The add forms' values as typed, by field name (`new.key`, `theme.name`, …).
        let form: [String: String]
    }
    struct IndicatorEditPage {
        let chrome: PageChrome
        let key: String
        let name: String
        let threshold: String
        let crimeTypes: String
        let polarities: [Option]
        let rateBases: [Option]
        let errors: ErrorSummary?
    }
    struct AreaRow { let key: String; let name: String; let kind: String; let population: String }
    struct AreasPage { let chrome: PageChrome; let areas: [AreaRow]; let lookupCount: Int; let errors: ErrorSummary?; let done: String; let beatOutlines: Int }

    /// The largest police.uk upload: a busy force's month is a few megabytes; a national month about 120 MB.
    static let maxPoliceUpload = 256 * 1024 * 1024

    func register(on routes: SecureRoutes) {
        routes.page("/performance/figures", .staff) { request, context in
            try await figuresPage(request, context, errors: [])
        }
        routes.form("/performance/figures", .staff) { request, context, form in
            try await saveGrid(request, context, form)
        }
        routes.page("/performance/figures/template.csv", .staff) { request, _ in
            let year = try FinancialYear(parsing: request.query.get("fy") ?? "2018/19")
            let indicators = try await services.storage.indicators.list()
            let district = try await performance.district()
            let stored = try await services.storage.figures.figures(indicatorKeys: indicators.map(\.key), areaKey: district.key)
            let text = FigureFile.template(indicators: indicators, areaKey: district.key, year: year, stored: stored)
            return Response(status: .ok, headers: [.contentType: "text/csv; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"figures-\(year.startYear).csv\""],
                            body: .init(byteBuffer: ByteBuffer(string: text)))
        }
        routes.form("/performance/figures/upload", .staff) { request, context, form in
            guard let file = form.files["file"] else {
                return try await figuresPage(request, context, errors: ["Choose a CSV file to upload."], status: .unprocessableContent)
            }
            let name = (file.filename as NSString).lastPathComponent
            do {
                let text = try UploadedText.decode(file.data, name: file.filename)
                let changes = try await performance.figureChanges(try FigureFile.parse(text, districtKey: try await performance.district().key))
                if changes.isEmpty {
                    return try await figuresPage(request, context, errors: [], notice: "\(name) matches the stored figures: nothing to change.")
                }
                return try await figuresPreview(context, year: form.text("fy"), fileName: name, content: text, changes: changes, errors: [])
            } catch let error as ValidationError {
                return try await figuresPage(request, context, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/performance/figures/upload/confirm", .staff) { request, context, form in
            let name = form.text("fileName")
            guard let data = Data(base64Encoded: form.text("content")) else {
                return try await figuresPage(request, context, errors: ["The preview was damaged in transit: upload the file again."], status: .unprocessableContent)
            }
            let text: String
            do throws(ValidationError) { text = try UploadedText.decode(data, name: name) } catch {
                return try await figuresPage(request, context, errors: error.messages, status: .unprocessableContent)
            }
            do {
                let figures = try FigureFile.parse(text, districtKey: try await performance.district().key)
                let changes = try await performance.store(figures, previewed: form.text("fingerprint"), removalsConfirmed: form["confirmRemovals"] == "on",
                                                          by: context.identity.actor(channel: .web))
                return redirect("/performance/figures?fy=\(form.text("fy"))&uploaded=\(changes.figures.count)")
            } catch let error as FigureEntryError {
                return try await figuresPreview(context, year: form.text("fy"), fileName: name, content: text, changes: error.changes,
                                                errors: [error.description], status: .unprocessableContent)
            } catch let error as ValidationError {
                return try await figuresPage(request, context, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/performance/police-uk", .staff) { _, context in
            try await policePage(context, errors: [], result: [])
        }
        routes.form("/performance/police-uk", .staff, maxBody: Self.maxPoliceUpload) { _, context, form in
            try await importPolice(context, form)
        }
        routes.page("/admin/indicators", .admin) { request, context in
            try await indicatorsPage(context, form: nil, errors: [],
                                     notice: request.query.get("added").map { "Added \($0.quoted()): give it figures on the figures page." }
                                        ?? request.query.get("theme").map { "Theme \($0.quoted()) saved." })
        }
        routes.form("/admin/indicators", .admin) { _, context, form in
            do {
                let types = form.text("crimeTypes").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                // Anything but a number from 0 to 100 is named by `Indicator.validate`, with every other problem.
                let threshold = form.text("threshold").isEmpty ? 5 : Double(form.text("threshold")) ?? .nan
                let indicators = services.storage.indicators
                let indicator = Indicator(key: form.text("key"), name: form.text("name").trimmingCharacters(in: .whitespaces),
                                          themeKey: form.text("theme").isEmpty ? nil : form.text("theme"),
                                          polarity: try Polarity(parsing: form.text("polarity")), thresholdPercent: threshold,
                                          source: types.isEmpty ? .partner : .policeUK, crimeTypes: types,
                                          position: (try await indicators.list().map(\.position).max() ?? 0) + 1,
                                          rateBase: try Self.rateBase(form.text("rateBase")))
                try await indicators.create(indicator, by: context.identity.actor(channel: .web))
                return redirect("/admin/indicators?added=\(indicator.key)")
            } catch let error as ValidationError {
                return try await indicatorsPage(context, form: form, errors: error.messages, status: .unprocessableContent)
            } catch DomainError.conflict(let message) {
                return try await indicatorsPage(context, form: form, errors: [message], status: .conflict)
            }
        }
        routes.form("/admin/themes", .admin) { _, context, form in
            do {
                let key = form.text("themeKey")
                try Indicator.validateKey(key)
                let name = form.text("themeName").trimmingCharacters(in: .whitespaces)
                guard !name.isEmpty else { throw ValidationError("Enter the theme's name, e.g. Violent crime.", field: "themeName") }
                let themes = try await services.storage.indicators.themes()
                let position = themes.first { $0.key == key }?.position ?? (themes.map(\.position).max() ?? 0) + 1
                try await services.storage.indicators.save(Theme(key: key, name: name, position: position), by: context.identity.actor(channel: .web))
                return redirect("/admin/indicators?theme=\(key)")
            } catch let error as ValidationError {
                return try await indicatorsPage(context, form: form, errors: error.messages.map { $0.replacingOccurrences(of: "is not a key", with: "is not a theme key") },
                                                status: .unprocessableContent)
            }
        }
        routes.page("/admin/indicators/:key", .admin) { _, context in
            try await indicatorPage(context, errors: [])
        }
        routes.form("/admin/indicators/template", .admin) { _, context, form in
            do {
                let template = try IndicatorTemplate.named(form.text("template"))
                let applied = try await IndicatorTemplateService(services: services).apply(template, by: context.identity.actor(channel: .web))
                return try await indicatorsPage(context, form: nil, errors: [], notice: applied.sentence)
            } catch let error as ValidationError {
                return try await indicatorsPage(context, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.form("/admin/indicators/:key", .admin) { _, context, form in
            let key = try context.parameters.require("key")
            guard var indicator = try await services.storage.indicators.find(key: key) else { throw DomainError.notFound(entity: "indicator", id: key) }
            do {
                indicator.name = form.text("name")
                indicator.polarity = try Polarity(parsing: form.text("polarity"))
                guard let threshold = Double(form.text("threshold")) else {
                    throw ValidationError("The threshold must be a number of per cent, e.g. 5.", field: "threshold")
                }
                indicator.thresholdPercent = threshold
                indicator.crimeTypes = form.text("crimeTypes").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                indicator.source = indicator.crimeTypes.isEmpty ? .partner : .policeUK
                // A form from before the field existed leaves the rate as it was.
                if let base = form["rateBase"] { indicator.rateBase = try Self.rateBase(base) }
                try await services.storage.indicators.update(indicator, by: context.identity.actor(channel: .web))
                return redirect("/admin/indicators")
            } catch let error as ValidationError {
                return try await indicatorPage(context, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/admin/council", .admin) { request, context in
            try await councilPage(context, form: nil, errors: [], notice: request.query.get("saved") == "1" ? "The council's set-up is saved." : nil)
        }
        routes.form("/admin/council", .admin) { _, context, form in
            func given(_ name: String) -> String? {
                let text = form.text(name).trimmingCharacters(in: .whitespaces)
                return text.isEmpty ? nil : text
            }
            let byLookup = form.text("match") == "lookup"
            let change = CouncilSetUp(name: given("name"), onsCode: given("ons-code"), population: given("population"), populationYear: given("population-year"),
                                      households: given("households"), policeForce: given("police-force"),
                                      // Prefix chosen but left empty is named, not read as "keep the lookup".
                                      lsoaPrefix: byLookup ? nil : form.text("lsoa-prefix"), matchByLookup: byLookup)
            do {
                _ = try await SetUpService(services: services).setUp(change, by: context.identity.actor(channel: .web))
                return redirect("/admin/council?saved=1")
            } catch let error as ValidationError {
                return try await councilPage(context, form: form, errors: error.messages, status: .unprocessableContent)
            }
        }
        routes.page("/admin/areas", .admin) { request, context in
            try await areasPage(context, errors: [], done: request.query.get("rows").map { "The lookup now holds \($0) rows." }
                ?? request.query.get("beats").map { "Outlines stored for \($0) beats." } ?? "")
        }
        routes.form("/admin/areas", .admin) { _, context, form in
            do {
                guard let kind = Area.Kind(rawValue: form.text("kind")) else { throw ValidationError("Choose the kind of area.", field: "kind") }
                func count(_ field: String, _ label: String) throws -> Int? {
                    let text = form.text(field).replacingOccurrences(of: ",", with: "")
                    if text.isEmpty { return nil }
                    guard let value = Int(text), value > 0 else { throw ValidationError("\(label) must be a whole number above 0, e.g. 64069.", field: field) }
                    return value
                }
                try await AreaService(services: services).save(key: form.text("key"), name: form.text("name"), kind: kind,
                                                               population: try count("population", "The population"),
                                                               households: try count("properties", "The number of residential properties"),
                                                               by: context.identity.actor(channel: .web))
                return redirect("/admin/areas")
            } catch let error as ValidationError {
                return try await areasPage(context, errors: error.messages, done: "", status: .unprocessableContent)
            }
        }
        routes.form("/admin/areas/boundaries", .admin, maxBody: 16 * 1024 * 1024) { _, context, form in
            guard let file = form.files["file"] else {
                return try await areasPage(context, errors: ["Choose a GeoJSON file to upload."], done: "", status: .unprocessableContent)
            }
            do {
                let count = try await AreaService(services: services).importBoundaries(file.data, by: context.identity.actor(channel: .web))
                return redirect("/admin/areas?beats=\(count)")
            } catch let error as ValidationError {
                return try await areasPage(context, errors: error.messages, done: "", status: .unprocessableContent)
            }
        }
        routes.form("/admin/areas/lookup", .admin) { _, context, form in
            guard let file = form.files["file"] else {
                return try await areasPage(context, errors: ["Choose a CSV file to upload."], done: "", status: .unprocessableContent)
            }
            do {
                let rows = try LSOALookupFile.parse(try UploadedText.decode(file.data, name: file.filename))
                let count = try await services.storage.areas.replaceLookup(rows, by: context.identity.actor(channel: .web))
                return redirect("/admin/areas?rows=\(count)")
            } catch let error as ValidationError {
                return try await areasPage(context, errors: error.messages, done: "", status: .unprocessableContent)
            }
        }
    }

    // MARK: - Figures

    /// The month grid. `typed` keeps what the person typed when some cells were refused, and
    /// `cellErrors` marks those cells (by field name) with their messages.
    private func figuresPage(_ request: Request, _ context: SignedInContext, errors: [String], notice: String? = nil,
                             typed: [String: String] = [:], cellErrors: [(name: String, message: String)] = [],
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let query = request.query
        let latest = try await performance.latestMonth()
        let requestedYear = typed["fy"] ?? query.get("fy")
        let year = try requestedYear.flatMap { $0.isEmpty ? nil : try FinancialYear(parsing: $0) } ?? latest?.financialYear
            ?? FinancialYear(containing: Month(containing: services.clock.now()))
        let themes = try await services.storage.indicators.themes()
        let theme = typed["theme"] ?? query.get("theme") ?? themes.first?.key ?? ""
        let indicators = try await services.storage.indicators.list().filter { $0.kind == .count && ($0.themeKey ?? "") == theme }
        let district = try await performance.district()
        let figures = try await services.storage.figures.figures(indicatorKeys: indicators.map(\.key), areaKey: district.key)
        let messages = Dictionary(cellErrors.map { ($0.name, $0.message) }, uniquingKeysWith: { first, _ in first })
        let rows = indicators.map { indicator in
            GridRow(name: indicator.name, cells: year.months.map { month in
                let name = Self.cellName(indicator.key, month)
                let stored = (figures[indicator.key]?.months[month] ?? .notReported).displayText.replacingOccurrences(of: ",", with: "")
                return FigureCell(name: name, id: Self.cellID(indicator.key, month), value: typed[name] ?? stored,
                                  label: "\(indicator.name), \(month.label)", error: messages[name])
            })
        }
        var chrome = PageChrome(title: "Enter figures", context: context, current: "/performance", notice: notice)
        if let uploaded = query.get("uploaded") { chrome.notice = "File uploaded: \(uploaded) figures changed." }
        if query.get("saved") != nil { chrome.notice = "Saved: \(query.get("saved") ?? "0") figures changed." }
        let summary = ErrorSummary(items: errors.map { ErrorSummary.Item(text: $0, href: nil) }
            + cellErrors.map { cell in ErrorSummary.Item(text: cell.message, href: "#" + Self.cellID(fromName: cell.name)) })
        let page = FiguresPage(chrome: chrome, year: year.description, months: year.months.map(\.shortName),
                               themes: themes.map { Option(value: $0.key, label: $0.name, selected: $0.key == theme) }, theme: theme,
                               rows: rows, errors: summary, templateHref: "/performance/figures/template.csv?fy=\(year)",
                               clearWord: FigureEntry.clearWord)
        return views.response("figures", page, status: status)
    }

    /// Indicator names by key, for messages and previews that must not show keys.
    private func indicatorNames() async throws -> [String: String] {
        Dictionary(try await services.storage.indicators.list().map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    static func cellName(_ indicatorKey: String, _ month: Month) -> String { "v:\(indicatorKey):\(month)" }
    static func cellID(_ indicatorKey: String, _ month: Month) -> String { "cell-\(indicatorKey)-\(month)" }
    static func cellID(fromName name: String) -> String { "cell-" + name.dropFirst(2).replacingOccurrences(of: ":", with: "-") }

    /// Saves the grid. A blank cell leaves the month as it is and `clear` removes it; when any
    /// cell is refused nothing is stored and the page comes back with every typed value kept.
    private func saveGrid(_ request: Request, _ context: SignedInContext, _ form: FormData) async throws -> Response {
        let district = try await performance.district()
        let names = try await indicatorNames()
        var cellErrors: [(name: String, message: String)] = []
        var typed: [String: String] = ["fy": form.text("fy"), "theme": form.text("theme")]
        var figures: [MonthlyFigure] = []
        for (name, text) in form.pairs where name.hasPrefix("v:") {
            typed[name] = text
            let parts = name.split(separator: ":")
            guard parts.count == 3, let month = Month(String(parts[2])) else { continue }
            let key = String(parts[1])
            do {
                if let value = try FigureEntry(parsing: text).requested {
                    figures.append(MonthlyFigure(indicatorKey: key, areaKey: district.key, month: month, value: value))
                }
            } catch {
                cellErrors.append((name, "\(names[key] ?? key), \(month.label): \(error)"))
            }
        }
        guard cellErrors.isEmpty else {
            return try await figuresPage(request, context, errors: [], typed: typed, cellErrors: cellErrors, status: .unprocessableContent)
        }
        let changes = try await performance.store(figures, previewed: nil, removalsConfirmed: true, by: context.identity.actor(channel: .web))
        return redirect("/performance/figures?fy=\(form.text("fy"))&theme=\(form.text("theme"))&saved=\(changes.figures.count)")
    }

    /// What an upload would change, for the person to check and confirm.
    private func figuresPreview(_ context: SignedInContext, year: String, fileName: String, content: String, changes: FigureChanges,
                                errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let names = try await indicatorNames()
        let areas = Dictionary(try await services.storage.areas.list(kind: nil).map { ($0.key, $0.name) }, uniquingKeysWith: { first, _ in first })
        func rows(_ list: [FigureChanges.Change]) -> [PreviewRow] {
            list.map { PreviewRow(indicator: names[$0.indicatorKey] ?? $0.indicatorKey, area: areas[$0.areaKey] ?? $0.areaKey, month: $0.month.label,
                                  before: $0.before == .notReported ? "none" : $0.before.displayText,
                                  after: $0.after == .notReported ? "removed" : $0.after.displayText) }
        }
        let sections = [("Added", changes.added), ("Changed", changes.changed), ("Removed", changes.removed)].map {
            PreviewSection(title: "\($0.0) (\($0.1.count))", rows: rows($0.1), hasRows: !$0.1.isEmpty)
        }
        let page = FiguresPreviewPage(
            chrome: PageChrome(title: "Check the figures before saving", context: context, current: "/performance"), errors: ErrorSummary(errors),
            year: year, fileName: fileName, summary: changes.summary, sections: sections, content: Data(content.utf8).base64EncodedString(),
            fingerprint: changes.fingerprint, removedCount: changes.removed.count, hasRemovals: !changes.removed.isEmpty)
        return views.response("figures-preview", page, status: status)
    }

    private func collect(_ problems: ValidationProblems) -> [String] {
        do { try problems.throwIfAny(); return [] } catch let error as ValidationError { return error.messages } catch { return [] }
    }

    // MARK: - police.uk

    private func policePage(_ context: SignedInContext, errors: [String], result: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let stamp = DateFormatter.auditStamp
        let imports = try await services.storage.policeCrimes.importedMonths().reversed().map {
            ImportRow(month: $0.month.label, rows: DisplayFormat.count($0.rowsKept), skipped: DisplayFormat.count($0.rowsSkipped),
                      bad: DisplayFormat.count($0.rowsBad), files: $0.files.joined(separator: ", "), at: stamp.string(from: $0.importedAt))
        }
        let match = try await SetUpService(services: services).council()?.policeUKMatch
        let area = match.map { if case .lsoaNamePrefix(let prefix) = $0 { prefix } else { "" } } ?? context.councilName ?? ""
        let page = PoliceImportPage(chrome: PageChrome(title: "Import police.uk data", context: context, current: "/performance"),
                                    imports: Array(imports), hasImports: !imports.isEmpty, errors: ErrorSummary(errors),
                                    result: result, hasResult: !result.isEmpty, area: area, rule: match?.description)
        return views.response("police-import", page, status: status)
    }

    private func importPolice(_ context: SignedInContext, _ form: FormData) async throws -> Response {
        let files = form.files(named: "file")
        guard !files.isEmpty else {
            return try await policePage(context, errors: ["Choose one or more police.uk files: street-level CSVs, or the zip from police.uk's download page."],
                                        result: [], status: .unprocessableContent)
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safer-upload-\(SecureRandom.hex(byteCount: 8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var paths: [String] = []
        for (number, file) in files.enumerated() {
            // Keep the person's file name (for messages and the import record), without any path;
            // each in its own folder, so two files of one name do not collide.
            let name = (file.filename as NSString).lastPathComponent.replacingOccurrences(of: "/", with: "_")
            let folder = directory.appendingPathComponent(String(number))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let path = folder.appendingPathComponent(name.isEmpty ? "upload.csv" : name).path
            try file.data.write(to: URL(fileURLWithPath: path))
            paths.append(path)
        }
        let typed = form.text("area").trimmingCharacters(in: .whitespaces)
        let councilFilter = typed.isEmpty ? try await SetUpService(services: services).policeUKFilter() : nil
        let typedArea = typed.isEmpty ? context.councilName ?? "" : typed
        guard form["all"] == "on" || councilFilter != nil || !typedArea.isEmpty else {
            return try await policePage(context, errors: ["Give the start of the LSOA names to keep (the district's name, as police.uk writes it), or tick \"Keep every row\"."],
                                        result: [], status: .unprocessableContent)
        }
        let area: PoliceUKAreaFilter = form["all"] == "on" ? .all : councilFilter ?? .lsoaNamePrefix(typedArea)
        /// A message with the server's folders taken out: the person sees their own file names.
        func plain(_ text: String) -> String {
            text.replacingOccurrences(of: directory.path + "/", with: "").replacingOccurrences(of: #"(^|[\s(])\d+/"#, with: "$1", options: .regularExpression)
        }
        do {
            let (summary, notes) = try await PoliceUKImportService(services: services).importFiles(paths, area: area, by: context.identity.actor(channel: .web))
            return try await policePage(context, errors: [], result: ([summary.oneLine] + notes + summary.allWarnings.map { "Warning: \($0)." }
                                                                      + summary.badRows.prefix(50).map(\.description)).map(plain))
        } catch let error as PoliceUKImportError {
            return try await policePage(context, errors: [plain(error.description)], result: [], status: .unprocessableContent)
        } catch let error as ValidationError {
            return try await policePage(context, errors: error.messages.map(plain), result: [], status: .unprocessableContent)
        }
    }

    // MARK: - Administration

    private func indicatorsPage(_ context: SignedInContext, form: FormData?, errors: [String], notice: String? = nil,
                                status: HTTPResponse.Status = .ok) async throws -> Response {
        let indicators = try await services.storage.indicators.list()
        let themes = try await services.storage.indicators.themes().sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        let themeNames = Dictionary(themes.map { ($0.key, $0.name) }) { first, _ in first }
        let rows = indicators.map {
            IndicatorRow(key: $0.key, name: $0.name, theme: $0.themeKey.flatMap { themeNames[$0] } ?? "",
                         polarity: $0.polarity == .fewerIsBetter ? "Fewer is better" : "More is better",
                         threshold: "±" + DisplayFormat.number($0.thresholdPercent, decimals: 1) + "%",
                         source: $0.source == .policeUK ? "police.uk: " + $0.crimeTypes.joined(separator: "; ") : "Partner")
        }
        let typed = ["key", "name", "threshold", "crimeTypes", "themeKey", "themeName"].reduce(into: [String: String]()) { $0[$1] = form?.text($1) ?? "" }
        let page = IndicatorsPage(
            chrome: PageChrome(title: "Indicators", context: context, current: "/admin", notice: notice), errors: ErrorSummary(errors),
            indicators: rows,
            themes: themes.map { theme in ThemeRow(key: theme.key, name: theme.name, position: theme.position,
                                                   indicators: indicators.filter { $0.themeKey == theme.key }.count) },
            themeOptions: [Option(value: "", label: "None", selected: (form?.text("theme") ?? "").isEmpty)]
                + themes.map { Option(value: $0.key, label: $0.name, selected: form?.text("theme") == $0.key) },
            polarities: [Option(value: "fewer-is-better", label: "Fewer is better", selected: form?.text("polarity") != "more-is-better"),
                         Option(value: "more-is-better", label: "More is better (e.g. reported hate crime)", selected: form?.text("polarity") == "more-is-better")],
            rateBases: Self.rateBaseOptions(selected: form?.text("rateBase") ?? ""),
            templates: try IndicatorTemplate.all().map { Option(value: $0.key, label: "\($0.key): \($0.indicators.count) indicators in \($0.themes.count) themes", selected: false) },
            form: typed)
        return views.response("admin-indicators", page, status: status)
    }

    private func indicatorPage(_ context: SignedInContext, errors: [String], status: HTTPResponse.Status = .ok) async throws -> Response {
        let key = try context.parameters.require("key")
        guard let indicator = try await services.storage.indicators.find(key: key) else { throw DomainError.notFound(entity: "indicator", id: key) }
        let page = IndicatorEditPage(
            chrome: PageChrome(title: indicator.name, context: context, current: "/admin"), key: indicator.key, name: indicator.name,
            threshold: DisplayFormat.number(indicator.thresholdPercent, decimals: 1), crimeTypes: indicator.crimeTypes.joined(separator: "; "),
            polarities: [Option(value: "fewer-is-better", label: "Fewer is better", selected: indicator.polarity == .fewerIsBetter),
                         Option(value: "more-is-better", label: "More is better (e.g. reported hate crime)", selected: indicator.polarity == .moreIsBetter)],
            rateBases: Self.rateBaseOptions(selected: indicator.rateBase?.rawValue ?? ""),
            errors: ErrorSummary(errors))
        return views.response("admin-indicator", page, status: status)
    }

    struct CouncilPage {
        let chrome: PageChrome
        let errors: ErrorSummary?
        let name, onsCode, population, populationYear, households, policeForce, lsoaPrefix: String
        let byLookup: Bool
        let lookupRows: String
    }

    /// The council's set-up form: what is stored, or what was typed when it was refused.
    private func councilPage(_ context: SignedInContext, form: FormData?, errors: [String], notice: String? = nil,
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let council = try await SetUpService(services: services).council()
        let district = try await services.storage.areas.list(kind: .district).first
        func value(_ field: String, _ stored: String?) -> String { form.map { $0.text(field) } ?? stored ?? "" }
        let prefix: String? = if case .lsoaNamePrefix(let prefix) = council?.policeUKMatch { prefix } else { nil }
        let page = CouncilPage(
            chrome: PageChrome(title: "The council", context: context, current: "/admin", notice: notice), errors: ErrorSummary(errors),
            name: value("name", council?.name ?? district?.name), onsCode: value("ons-code", council?.onsCode),
            population: value("population", district?.population.map(String.init)), populationYear: value("population-year", council?.populationYear.map(String.init)),
            households: value("households", district?.residentialProperties.map(String.init)), policeForce: value("police-force", council?.policeForce),
            lsoaPrefix: value("lsoa-prefix", prefix ?? council?.name ?? district?.name),
            byLookup: form.map { $0.text("match") == "lookup" } ?? (council?.policeUKMatch == .lsoaLookup),
            lookupRows: DisplayFormat.count(try await services.storage.areas.lookup().count))
        return views.response("admin-council", page, status: status)
    }

    /// The rate per 1,000 a form chose: none, residents or residential properties.
    static func rateBase(_ text: String) throws -> Indicator.RateBase? {
        guard !text.isEmpty else { return nil }
        guard let base = Indicator.RateBase(rawValue: text) else {
            throw ValidationError("'\(text.quoted())' is not a rate: choose none, per 1,000 people or per 1,000 homes.", field: "rateBase")
        }
        return base
    }

    static func rateBaseOptions(selected: String) -> [Option] {
        [Option(value: "", label: "None", selected: selected.isEmpty)]
            + Indicator.RateBase.allCases.map { Option(value: $0.rawValue, label: $0.label.prefix(1).uppercased() + $0.label.dropFirst(), selected: selected == $0.rawValue) }
    }

    private func areasPage(_ context: SignedInContext, errors: [String], done: String, status: HTTPResponse.Status = .ok) async throws -> Response {
        let areas = try await AreaService(services: services).list().map {
            AreaRow(key: $0.key, name: $0.name, kind: $0.kind.rawValue.capitalized, population: $0.population.map { DisplayFormat.count($0) } ?? "")
        }
        let page = AreasPage(chrome: PageChrome(title: "Areas", context: context, current: "/admin"), areas: areas,
                             lookupCount: try await services.storage.areas.lookup().count, errors: ErrorSummary(errors), done: done,
                             beatOutlines: try await services.storage.settings.beatBoundaries().count)
        return views.response("admin-areas", page, status: status)
    }
}
