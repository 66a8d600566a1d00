import Foundation

/// Themes and indicators, and the mapping of police.uk crime types to indicators.
public protocol IndicatorRepository: Sendable {
    /// Adds or replaces a theme (admin setting; audited).
    func save(_ theme: Theme, by actor: Actor) async throws
    /// Every theme, in table order.
    func themes() async throws -> [Theme]
    /// Adds an indicator; a taken key is a conflict.
    func create(_ indicator: Indicator, by actor: Actor) async throws
    /// Changes an indicator, recording what changed.
    func update(_ indicator: Indicator, by actor: Actor) async throws
    /// The indicator with this key.
    func find(key: String) async throws -> Indicator?
    /// Every indicator, in table order.
    func list() async throws -> [Indicator]
}

/// The district, beats and wards, and the LSOA lookup.
public protocol AreaRepository: Sendable {
    /// Adds or replaces an area (audited).
    func save(_ area: Area, by actor: Actor) async throws
    /// Removes an area that nothing refers to (audited): no figures, totals, lookup rows or
    /// areas under it. Otherwise throws a validation error saying what still uses it.
    func remove(key: String, by actor: Actor) async throws
    /// The area with this key.
    func find(key: String) async throws -> Area?
    /// Every area of a kind, by name.
    func list(kind: Area.Kind?) async throws -> [Area]
    /// Replaces the whole LSOA lookup in one transaction; returns how many rows it holds.
    func replaceLookup(_ rows: [LSOAMapping], by actor: Actor) async throws -> Int
    /// The LSOA lookup.
    func lookup() async throws -> [LSOAMapping]
    /// Sets an area's population and homes for a year (audited).
    func save(_ population: AreaPopulation, by actor: Actor) async throws
    /// An area's populations by year, earliest first.
    func populations(areaKey: String) async throws -> [AreaPopulation]
}

/// Monthly figures and supplied totals. Every change is audited.
public protocol FigureRepository: Sendable {
    /// Sets figures (a number or TBC) or clears them (not reported), all in one transaction.
    /// Returns how many changed.
    @discardableResult
    func set(_ figures: [MonthlyFigure], by actor: Actor) async throws -> Int
    /// Sets (or, with nil, removes) a total a source gave for a run of months without the
    /// months themselves, e.g. a financial year's baseline.
    func setSuppliedTotal(indicatorKey: String, areaKey: String, period: Period, value: Double?, by actor: Actor) async throws
    /// Everything known for these indicators in one area, keyed by indicator.
    func figures(indicatorKeys: [String], areaKey: String) async throws -> [String: IndicatorFigures]
    /// Everything known for one indicator in every area, keyed by area.
    func figuresByArea(indicatorKey: String) async throws -> [String: IndicatorFigures]
}

/// Counters bumped by the database on every write to a group of tables (migration 10: the
/// `performance` group is every table the performance reports read), on whichever node writes.
public protocol DataVersionRepository: Sendable {
    /// The group's version now.
    func version(_ name: String) async throws -> Int64
}
