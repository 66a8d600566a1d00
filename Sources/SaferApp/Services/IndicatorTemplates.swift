import Foundation
import SaferDomain

/// A starter catalogue a council applies and then edits: themes and indicators, nothing built in.
public struct IndicatorTemplate: Sendable {
    public let key: String
    public let description: String
    public let themes: [Theme]
    public let indicators: [Indicator]

    /// The templates Safer ships.
    public static func all() throws -> [IndicatorTemplate] { [try communitySafety()] }

    /// The template with this key, or a message listing those there are.
    public static func named(_ key: String) throws -> IndicatorTemplate {
        let templates = try all()
        guard let template = templates.first(where: { $0.key == key }) else {
            throw ValidationError("'\(key.quoted())' is not a template: use \(templates.map(\.key).joined(separator: " or ")).", field: "template")
        }
        return template
    }

    /// The community-safety catalogue: the 37 indicators in 13 themes of North Warwickshire
    /// CSP's 2019 tables (`Resources/Demo/themes.csv` and `indicators.csv`, see NOTES.md), with
    /// the police.uk crime types each counts and their rates per 1,000 (domain.md section 3:
    /// per 1,000 people, burglary dwelling per 1,000 homes, none for proportions).
    static func communitySafety() throws -> IndicatorTemplate {
        let themes = try DemoLoader.records("themes.csv").enumerated().map { index, record in
            Theme(key: record["key"] ?? "", name: record["name"] ?? "", position: index + 1)
        }
        let indicators = try DemoLoader.records("indicators.csv").enumerated().map { index, record in
            let key = record["key"] ?? ""
            let rateBase: Indicator.RateBase? = record["kind"] == "proportion" || key.hasPrefix("marac-outcome") ? nil
                : key == "burglary-residential-dwelling" ? .residentialProperties : .population
            return Indicator(
                key: key, name: record["name"] ?? "", themeKey: record["theme"].flatMap { $0.isEmpty ? nil : $0 },
                polarity: try Polarity(parsing: record["polarity"] ?? "fewer-is-better"),
                thresholdPercent: Double(record["threshold"] ?? "") ?? 5,
                parentKey: record["parent"].flatMap { $0.isEmpty ? nil : $0 },
                kind: Indicator.Kind(rawValue: record["kind"] ?? "") ?? .count,
                baseKey: record["base"].flatMap { $0.isEmpty ? nil : $0 },
                source: Indicator.Source(rawValue: record["source"] ?? "") ?? .partner,
                crimeTypes: (record["police_uk_crime_types"] ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) },
                position: index + 1, rateBase: rateBase)
        }
        return IndicatorTemplate(key: "community-safety",
                                 description: "Community safety: crime, anti-social behaviour, domestic abuse, road safety and fly-tipping, as a Community Safety Partnership reports them",
                                 themes: themes, indicators: indicators)
    }
}

/// Applies a template to the catalogue: adds the themes and indicators it lacks, leaving those
/// already there (and any edits made to them) as they are.
public struct IndicatorTemplateService: Sendable {
    let indicators: any IndicatorRepository

    public init(indicators: any IndicatorRepository) { self.indicators = indicators }
    public init(services: AppServices) { self.init(indicators: services.storage.indicators) }

    /// What applying did.
    public struct Applied: Sendable, Equatable {
        public var themesAdded = 0
        public var indicatorsAdded = 0
        /// Themes and indicators whose keys were already in the catalogue.
        public var kept = 0

        public var sentence: String {
            "Added \(themesAdded) theme\(themesAdded == 1 ? "" : "s") and \(indicatorsAdded) indicator\(indicatorsAdded == 1 ? "" : "s")"
                + (kept > 0 ? "; \(kept) already in the catalogue were left as they are." : ".")
        }
    }

    @discardableResult
    public func apply(_ template: IndicatorTemplate, by actor: Actor) async throws -> Applied {
        var applied = Applied()
        let stored = try await indicators.themes()
        let themes = Set(stored.map(\.key))
        let existing = try await indicators.list()
        let keys = Set(existing.map(\.key))
        // After the catalogue's own: a council that added indicators first keeps their order.
        let offset = existing.map(\.position).max() ?? 0
        let themeOffset = stored.map(\.position).max() ?? 0
        for theme in template.themes where !themes.contains(theme.key) {
            var theme = theme
            theme.position += themeOffset
            try await indicators.save(theme, by: actor)
            applied.themesAdded += 1
        }
        applied.kept += template.themes.filter { themes.contains($0.key) }.count
        for indicator in template.indicators {
            guard !keys.contains(indicator.key) else { applied.kept += 1; continue }
            var indicator = indicator
            indicator.position += offset
            try await indicators.create(indicator, by: actor)
            applied.indicatorsAdded += 1
        }
        return applied
    }
}
