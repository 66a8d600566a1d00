import Foundation
import SaferDomain

/// The district, its wards and its police beats, for the admin page and `safer area`: one set of
/// rules whichever way a council sets itself up.
public struct AreaService: Sendable {
    let areas: any AreaRepository
    /// For the beats' outlines, which a removed beat must not leave behind.
    let settings: (any SettingsRepository)?

    public init(areas: any AreaRepository, settings: (any SettingsRepository)? = nil) {
        self.areas = areas
        self.settings = settings
    }
    public init(services: AppServices) { self.init(areas: services.storage.areas, settings: services.storage.settings) }

    /// Every area of a kind (all when nil): the district first, then beats and wards by name.
    public func list(kind: Area.Kind? = nil) async throws -> [Area] {
        let order: [Area.Kind] = [.district, .beat, .ward]
        return try await areas.list(kind: kind).sorted { (order.firstIndex(of: $0.kind) ?? 0, $0.name) < (order.firstIndex(of: $1.kind) ?? 0, $1.name) }
    }

    /// Adds an area, or changes the one with its key. The district comes first and there is one;
    /// wards and beats belong to it. Populations, when given, are whole numbers above 0.
    @discardableResult
    public func save(key: String, name: String, kind: Area.Kind, population: Int? = nil, households: Int? = nil, by actor: Actor) async throws -> Area {
        var problems = ValidationProblems()
        do { try Indicator.validateKey(key, example: "north-warwickshire") } catch let error as ValidationError { problems.add(error.messages[0], field: "key") }
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { problems.add("Enter the area's name.", field: "name") }
        if name.count > 200 { problems.add("The name is longer than 200 characters: shorten it.", field: "name") }
        if let population, population <= 0 { problems.add("The population must be a whole number above 0, e.g. 64069.", field: "population") }
        if let households, households <= 0 { problems.add("The number of residential properties must be a whole number above 0, e.g. 28000.", field: "properties") }
        let district = try await areas.list(kind: .district).first
        let existing = try await areas.find(key: key)
        if let existing, existing.kind != kind {
            problems.add("\(key) is already a \(existing.kind.rawValue); choose another key, or keep it a \(existing.kind.rawValue).", field: "key")
        }
        switch kind {
        case .district:
            if let district, district.key != key {
                problems.add("Safer holds one district, \(district.name) (\(district.key)); change that one instead of adding another.", field: "key")
            }
        case .beat, .ward:
            if district == nil { problems.add("Add the district first: its \(kind.rawValue)s belong to it.", field: "kind") }
        }
        try problems.throwIfAny()
        let area = Area(key: key, name: name, kind: kind, parentKey: kind == .district ? nil : district?.key,
                        population: population, residentialProperties: households)
        try await areas.save(area, by: actor)
        return area
    }

    /// Removes a ward or beat nothing refers to, or the district once it stands alone. An area
    /// with figures, LSOA lookup rows, areas under it or an uploaded outline is kept, and the
    /// message says what still uses it.
    public func remove(key: String, by actor: Actor) async throws {
        guard let area = try await areas.find(key: key) else {
            throw ValidationError("There is no area '\(key.quoted())': see safer area list for the keys.", field: "key")
        }
        if let settings, try await settings.beatBoundaries().contains(where: { $0.beatKey == key }) {
            throw ValidationError("\(area.name) (\(key)) has an uploaded outline: upload the beats' boundaries again without it first.", field: "key")
        }
        try await areas.remove(key: key, by: actor)
    }

    /// Adds or changes the areas of a CSV file (`kind,key,name,population,households`), the
    /// district first. Every row is checked before any is stored: a problem anywhere stores
    /// nothing, and each is named with its line.
    public func importFile(_ text: String, by actor: Actor) async throws -> Int {
        let (columns, rows) = CSV.records(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        let missing = ["kind", "key", "name"].filter { !columns.contains($0) }
        guard missing.isEmpty else {
            throw ValidationError("The file's first line must name the columns kind, key, name (and optionally population, households); \(missing.joined(separator: ", ")) missing.")
        }
        var problems = ValidationProblems()
        var parsed: [(kind: Area.Kind, key: String, name: String, population: Int?, households: Int?)] = []
        for (line, fields) in rows {
            let kindText = fields["kind", default: ""].trimmingCharacters(in: .whitespaces).lowercased()
            guard let kind = Area.Kind(rawValue: kindText) else {
                problems.add("Line \(line): '\(kindText.quoted())' is not a kind of area: use district, beat or ward.")
                continue
            }
            func count(_ column: String) -> Int? {
                let text = fields[column, default: ""].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
                guard !text.isEmpty else { return nil }
                guard let value = CouncilSetUp.wholeCount(text) else {
                    problems.add("Line \(line): \(column) '\(text.quoted())' is not a whole number above 0.")
                    return nil
                }
                return value
            }
            parsed.append((kind, fields["key", default: ""].trimmingCharacters(in: .whitespaces), fields["name", default: ""],
                           count("population"), count("households")))
        }
        if parsed.filter({ $0.kind == .district }).count > 1 { problems.add("The file names more than one district: Safer holds one.") }
        try problems.throwIfAny()
        // The district first, so its beats and wards have it to belong to.
        let ordered = parsed.filter { $0.kind == .district } + parsed.filter { $0.kind != .district }
        try await checkAll(ordered.map { ($0.kind, $0.key, $0.name) })
        for row in ordered {
            try await save(key: row.key, name: row.name, kind: row.kind, population: row.population, households: row.households, by: actor)
        }
        return ordered.count
    }

    /// Checks every row as `save` would before any is stored: keys, names, one district.
    private func checkAll(_ rows: [(kind: Area.Kind, key: String, name: String)]) async throws {
        var problems = ValidationProblems()
        let existing = try await areas.list(kind: nil)
        let district = existing.first { $0.kind == .district }?.key ?? rows.first { $0.kind == .district }?.key
        for (index, row) in rows.enumerated() {
            do { try Indicator.validateKey(row.key, example: "north-warwickshire") } catch let error as ValidationError { problems.add("\(row.name.isEmpty ? "Row \(index + 1)" : row.name): \(error.messages[0])") }
            if row.name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("\(row.key): enter the area's name.") }
            if let found = existing.first(where: { $0.key == row.key }), found.kind != row.kind {
                problems.add("\(row.key) is already a \(found.kind.rawValue); it cannot become a \(row.kind.rawValue).")
            }
            if row.kind == .district, let district, district != row.key {
                problems.add("Safer holds one district (\(district)): \(row.key) would be a second.")
            }
        }
        try problems.throwIfAny()
    }

    /// Replaces the beats' outlines from a GeoJSON file, matched to the beats by key or name.
    public func importBoundaries(_ data: Data, by actor: Actor) async throws -> Int {
        guard let settings else { throw ValidationError("Boundaries need the settings store.") }
        let boundaries = try BeatBoundaryFile.parse(data, beats: try await areas.list(kind: .beat))
        try await settings.replaceBeatBoundaries(boundaries, by: actor)
        return boundaries.count
    }
}
