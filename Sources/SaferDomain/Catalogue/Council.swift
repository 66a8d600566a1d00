import Foundation

/// The council Safer is set up for: its name and ONS code, the year its population figure is
/// for, its police force, and how police.uk rows are matched to its district. The population and
/// households themselves are the district `Area`'s, where the rates read them.
public struct Council: Sendable, Hashable, Codable {
    /// The district as reports name it, e.g. "North Warwickshire".
    public var name: String
    /// The ONS code of the local authority, e.g. E07000218.
    public var onsCode: String
    /// The year the district's population and households are for (mid-year estimate or census).
    public var populationYear: Int?
    /// The police force as police.uk names it in its files, e.g. "warwickshire".
    public var policeForce: String?
    /// How police.uk rows are matched to the district.
    public var policeUKMatch: PoliceUKMatch

    public init(name: String, onsCode: String, populationYear: Int? = nil, policeForce: String? = nil, policeUKMatch: PoliceUKMatch) {
        self.name = name
        self.onsCode = onsCode
        self.populationYear = populationYear
        self.policeForce = policeForce
        self.policeUKMatch = policeUKMatch
    }
}

/// How police.uk rows are matched to the council's district.
public enum PoliceUKMatch: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Rows whose LSOA name starts with this: "North Warwickshire" keeps "North Warwickshire 001A".
    case lsoaNamePrefix(String)
    /// Rows whose LSOA code is in the council's LSOA lookup (as it stands at each import).
    case lsoaLookup

    public var description: String {
        switch self {
        case .lsoaNamePrefix(let prefix): "LSOA names starting '\(prefix)'"
        case .lsoaLookup: "LSOA codes in the lookup"
        }
    }

    /// The import filter, given the lookup's LSOA codes.
    public func filter(lookupCodes: @autoclosure () -> Set<String>) -> PoliceUKAreaFilter {
        switch self {
        case .lsoaNamePrefix(let prefix): .lsoaNamePrefix(prefix)
        case .lsoaLookup: .lsoaCodes(lookupCodes())
        }
    }
}

/// A change to the council's set-up, as typed on the command line or the set-up page: each
/// value as text, nil where not given. The first set-up needs a name, an ONS code and a match
/// rule; a later one changes only what it names.
public struct CouncilSetUp: Sendable, Hashable {
    public var name: String?
    public var onsCode: String?
    public var population: String?
    public var populationYear: String?
    public var households: String?
    public var policeForce: String?
    public var lsoaPrefix: String?
    /// Match police.uk rows by the LSOA lookup's codes instead of a name prefix.
    public var matchByLookup = false

    public init(name: String? = nil, onsCode: String? = nil, population: String? = nil, populationYear: String? = nil, households: String? = nil,
                policeForce: String? = nil, lsoaPrefix: String? = nil, matchByLookup: Bool = false) {
        self.name = name
        self.onsCode = onsCode
        self.population = population
        self.populationYear = populationYear
        self.households = households
        self.policeForce = policeForce
        self.lsoaPrefix = lsoaPrefix
        self.matchByLookup = matchByLookup
    }

    /// Whether nothing is to change.
    public var isEmpty: Bool { self == CouncilSetUp() }

    /// The council and its district after this change to what is stored (nil on a new
    /// database), or every problem found. A new district's key is made from its name.
    public func applied(to council: Council?, district: Area?) throws -> (council: Council, district: Area) {
        var problems = ValidationProblems()
        let name = text(self.name, "name", "the council's name, e.g. --name \"North Warwickshire\"", &problems) ?? council?.name
        let onsCode = onsCode.flatMap { Self.onsCode($0, &problems) } ?? council?.onsCode
        let population = population.flatMap { Self.count($0, "population", "a whole number of residents, e.g. 64069", &problems) } ?? district?.population
        let households = households.flatMap { Self.count($0, "households", "a whole number of residential properties, e.g. 28000", &problems) } ?? district?.residentialProperties
        let year = populationYear.flatMap { Self.year($0, &problems) } ?? council?.populationYear
        let force = policeForce.flatMap { Self.force($0, &problems) } ?? council?.policeForce
        let prefix = text(lsoaPrefix, "lsoa-prefix", "the start of the district's LSOA names, e.g. --lsoa-prefix \"North Warwickshire\"", &problems)
        if prefix != nil && matchByLookup {
            problems.add("Match police.uk rows by an LSOA prefix or by the LSOA lookup, not both.", field: "lsoa-prefix")
        }
        let match = prefix.map(PoliceUKMatch.lsoaNamePrefix) ?? (matchByLookup ? .lsoaLookup : council?.policeUKMatch)
        if self.name == nil && name == nil { problems.add("Give the council's name, e.g. --name \"North Warwickshire\".", field: "name") }
        if self.onsCode == nil && onsCode == nil { problems.add("Give the council's ONS code, e.g. --ons-code E07000218.", field: "ons-code") }
        if match == nil && lsoaPrefix == nil {
            problems.add("Say how police.uk rows are matched to the district: --lsoa-prefix \"North Warwickshire\" (the start of its LSOA names) or --lsoa-lookup FILE.", field: "lsoa-prefix")
        }
        try problems.throwIfAny()
        guard let name, let onsCode, let match else { throw ValidationError("The set-up is incomplete.") }
        let key = district?.key ?? Self.key(for: name)
        let area = Area(key: key, name: name, kind: .district, population: population, residentialProperties: households)
        return (Council(name: name, onsCode: onsCode, populationYear: year, policeForce: force, policeUKMatch: match), area)
    }

    // MARK: - Values

    /// A field as a message names it, for the set-up page and the command line alike:
    /// "The ONS code (--ons-code)".
    static func named(_ field: String) -> String {
        let label = switch field {
        case "name": "The name"
        case "ons-code": "The ONS code"
        case "population": "The population"
        case "population-year": "The population year"
        case "households": "The number of households"
        case "police-force": "The police force"
        default: "The LSOA-name prefix"
        }
        return "\(label) (--\(field))"
    }

    /// A district's key from its name: "Anytown & District" → "anytown-district".
    public static func key(for name: String) -> String {
        let words = name.lowercased().folding(options: .diacriticInsensitive, locale: nil)
            .split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        let key = words.prefix(8).joined(separator: "-")
        return key.isEmpty ? "district" : key
    }

    private func text(_ value: String?, _ field: String, _ example: String, _ problems: inout ValidationProblems) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { problems.add("\(Self.named(field)) is empty: give \(example).", field: field); return nil }
        if trimmed.count > 200 { problems.add("\(Self.named(field)) is longer than 200 characters: give \(example).", field: field); return nil }
        return trimmed
    }

    /// An ONS local-authority code: E06 (unitary), E07 (district), E08 (metropolitan), E09
    /// (London borough) or W06 (Welsh), then six digits.
    static func onsCode(_ text: String, _ problems: inout ValidationProblems) -> String? {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.range(of: #"^(E0[6-9]|W06)[0-9]{6}$"#, options: .regularExpression) != nil else {
            problems.add("\(named("ons-code")) '\(text.quoted())' is not a local authority's ONS code: E06, E07, E08, E09 or W06 and six digits, e.g. E07000218.", field: "ons-code")
            return nil
        }
        return code
    }

    /// A people or homes count as typed: a whole number above 0 of at most nine digits, thousands
    /// may be separated by commas ("64,069"); nil for anything else (1e300, -5, 12.5).
    public static func wholeCount(_ text: String) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")
        guard digits.count <= 9, digits.allSatisfy(\.isASCIIDigit), let value = Int(digits), value > 0 else { return nil }
        return value
    }

    static func count(_ text: String, _ field: String, _ example: String, _ problems: inout ValidationProblems) -> Int? {
        guard let value = wholeCount(text) else {
            problems.add("\(named(field)) '\(text.quoted())' is not a whole number above 0: give \(example).", field: field)
            return nil
        }
        return value
    }

    static func year(_ text: String, _ problems: inout ValidationProblems) -> Int? {
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard digits.count == 4, digits.allSatisfy(\.isASCIIDigit), let year = Int(digits), (1981...2100).contains(year) else {
            problems.add("\(named("population-year")) '\(text.quoted())' is not a year: give the year of the population figure, e.g. 2021.", field: "population-year")
            return nil
        }
        return year
    }

    /// A police.uk force id: "Avon and Somerset" → "avon-and-somerset".
    static func force(_ text: String, _ problems: inout ValidationProblems) -> String? {
        let id = text.trimmingCharacters(in: .whitespaces).lowercased().split(separator: " ").joined(separator: "-")
        guard id.count <= 60, id.range(of: #"^[a-z]+(-[a-z]+)*$"#, options: .regularExpression) != nil else {
            problems.add("\(named("police-force")) '\(text.quoted())' is not a police force as police.uk names it: letters and hyphens, e.g. warwickshire or avon-and-somerset.", field: "police-force")
            return nil
        }
        return id
    }
}
