import Foundation

/// A partnership indicator: what is counted, which way is better, and when it turns Red.
public struct Indicator: Sendable, Hashable, Codable, Identifiable {
    /// Counted directly, or a proportion of another indicator (e.g. the domestic-abuse share).
    public enum Kind: String, Sendable, Codable, CaseIterable { case count, proportion }
    /// Where the monthly figures come from.
    public enum Source: String, Sendable, Codable, CaseIterable {
        /// Counted from imported police.uk street-level rows of the mapped crime types.
        case policeUK = "police-uk"
        /// Monthly figures supplied by a partner.
        case partner
    }

    /// Stable kebab-case key, e.g. `violence-with-injury`.
    public var key: String
    public var name: String
    public var themeKey: String?
    public var polarity: Polarity
    /// Percentage either side of the baseline that is still Amber (default 5).
    public var thresholdPercent: Double
    public var parentKey: String?
    public var kind: Kind
    /// The denominator's key, for proportions.
    public var baseKey: String?
    public var source: Source
    /// police.uk crime-type labels counted for this indicator (source police-uk).
    public var crimeTypes: [String]
    /// Order in tables.
    public var position: Int
    /// What a rate per 1,000 divides by, if the indicator has one.
    public var rateBase: RateBase?

    /// The denominators of rates per 1,000 (domain.md section 3).
    public enum RateBase: String, Sendable, Codable, CaseIterable {
        /// Per 1,000 residents.
        case population
        /// Per 1,000 residential properties (burglary dwelling).
        case residentialProperties = "residential-properties"

        /// The area's denominator, if it has one.
        public func denominator(in area: Area) -> Int? {
            self == .population ? area.population : area.residentialProperties
        }

        /// "per 1,000 people" or "per 1,000 homes".
        public var label: String { self == .population ? "per 1,000 people" : "per 1,000 homes" }
    }

    public var id: String { key }

    /// Why a figure cannot be this indicator's, or nil when it can: no figure is negative, and a
    /// count is a whole number (a proportion's figures, like the domestic-abuse share, may have
    /// fractions).
    public func problem(with value: FigureValue) -> String? {
        guard let number = value.number else { return nil }
        if number < 0 { return "\(DisplayFormat.number(number)) is negative; figures count or measure something, so they are 0 or more." }
        if number > 1e12 { return "\(String(number).quoted()) is more than a million million; check the cell." }
        if kind == .count && number.rounded() != number {
            return "\(DisplayFormat.number(number)) is not a whole number, and \(name) is a count."
        }
        return nil
    }

    public init(key: String, name: String, themeKey: String? = nil, polarity: Polarity = .fewerIsBetter,
                thresholdPercent: Double = 5, parentKey: String? = nil, kind: Kind = .count, baseKey: String? = nil,
                source: Source = .partner, crimeTypes: [String] = [], position: Int = 0, rateBase: RateBase? = nil) {
        self.key = key
        self.name = name
        self.themeKey = themeKey
        self.polarity = polarity
        self.thresholdPercent = thresholdPercent
        self.parentKey = parentKey
        self.kind = kind
        self.baseKey = baseKey
        self.source = source
        self.crimeTypes = crimeTypes
        self.position = position
        self.rateBase = rateBase
    }

    /// The status rule this indicator's settings give.
    public var ragRule: RAGRule { RAGRule(threshold: thresholdPercent / 100, polarity: polarity) }

    /// Checks a key typed by a person: lower-case words joined by hyphens.
    public static func validateKey(_ key: String, example: String = "theft-from-vehicle") throws {
        guard key.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil, key.count <= 80 else {
            throw ValidationError("'\(key.quoted())' is not a key: use lower-case letters and digits joined by hyphens, e.g. \(example).", field: "key")
        }
    }

    /// Checks everything a person can set.
    public func validate() throws {
        var problems = ValidationProblems()
        do { try Self.validateKey(key) } catch let error as ValidationError { problems.add(error.messages[0], field: "key") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { problems.add("Enter the indicator's name.", field: "name") }
        if !(0...100).contains(thresholdPercent) || thresholdPercent.isNaN {
            problems.add("The threshold must be a percentage from 0 to 100 (the default is 5).", field: "threshold")
        }
        if kind == .proportion && (baseKey ?? "").isEmpty {
            problems.add("A proportion needs the indicator it is a share of.", field: "base")
        }
        try problems.throwIfAny()
    }
}

extension Polarity {
    /// Parses `fewer-is-better` or `more-is-better`.
    public init(parsing text: String) throws {
        switch text.lowercased() {
        case "fewer-is-better", "fewer": self = .fewerIsBetter
        case "more-is-better", "more": self = .moreIsBetter
        default: throw ValidationError("'\(text)' is not a polarity: use fewer-is-better or more-is-better.", field: "polarity")
        }
    }

    /// The kebab-case name used in files and commands.
    public var key: String { self == .fewerIsBetter ? "fewer-is-better" : "more-is-better" }
}

extension Indicator: Auditable {
    public static let auditEntity = "indicator"
    public var auditID: String { key }
    public var auditFields: [String: String] {
        ["name": name, "theme": themeKey ?? "", "polarity": polarity.key, "threshold": DisplayFormat.number(thresholdPercent, decimals: 1),
         "parent": parentKey ?? "", "kind": kind.rawValue, "base": baseKey ?? "", "source": source.rawValue,
         "crime types": crimeTypes.joined(separator: "; "), "rate per 1,000": rateBase?.rawValue ?? ""]
    }
}

/// A group of indicators in the performance tables, e.g. "Violent Crime".
public struct Theme: Sendable, Hashable, Codable {
    public var key: String
    public var name: String
    public var position: Int
    public init(key: String, name: String, position: Int) { self.key = key; self.name = name; self.position = position }
}
