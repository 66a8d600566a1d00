import Foundation

/// A place figures are counted for: the district, a police beat or a ward.
public struct Area: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable { case district, beat, ward }

    /// Stable key, e.g. `north-warwickshire` or `hartshill`.
    public var key: String
    public var name: String
    public var kind: Kind
    public var parentKey: String?
    /// Residents, for rates per 1,000 people.
    public var population: Int?
    /// Residential properties, for burglary-dwelling rates per 1,000 properties.
    public var residentialProperties: Int?

    public init(key: String, name: String, kind: Kind, parentKey: String? = nil, population: Int? = nil, residentialProperties: Int? = nil) {
        self.key = key
        self.name = name
        self.kind = kind
        self.parentKey = parentKey
        self.population = population
        self.residentialProperties = residentialProperties
    }
}

/// Where an LSOA (a census small area) falls: its beat and ward.
public struct LSOAMapping: Sendable, Hashable, Codable {
    public var lsoaCode: String
    public var lsoaName: String
    public var beatKey: String?
    public var wardKey: String?

    public init(lsoaCode: String, lsoaName: String, beatKey: String?, wardKey: String?) {
        self.lsoaCode = lsoaCode
        self.lsoaName = lsoaName
        self.beatKey = beatKey
        self.wardKey = wardKey
    }
}

/// One figure for an indicator, an area and a month: a number or TBC. A month with no
/// figure is not reported.
public struct MonthlyFigure: Sendable, Hashable, Codable {
    public var indicatorKey: String
    public var areaKey: String
    public var month: Month
    public var value: FigureValue

    public init(indicatorKey: String, areaKey: String, month: Month, value: FigureValue) {
        self.indicatorKey = indicatorKey
        self.areaKey = areaKey
        self.month = month
        self.value = value
    }
}

extension MonthlyFigure: Auditable {
    public static let auditEntity = "figure"
    public var auditID: String { "\(indicatorKey)/\(areaKey)/\(month)" }
    public var auditFields: [String: String] { ["value": value.auditText] }
}

extension FigureValue {
    /// How the audit log shows a value: the number, "TBC", or "(not reported)".
    public var auditText: String {
        switch self {
        case .number(let value): DisplayFormat.number(value, decimals: value.rounded() == value ? 0 : 2)
        case .tbc: "TBC"
        case .notReported: "(not reported)"
        }
    }
}
