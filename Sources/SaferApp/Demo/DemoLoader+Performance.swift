import Foundation
import SaferDomain
import SaferStorage

extension DemoLoader {
    /// Loads the indicator catalogue, the district and its beats, the monthly figures and the
    /// totals the seed gives without months. Returns how many figures were stored.
    func loadPerformance() async throws -> Int {
        let actor = Actor.system
        let storage = services.storage
        // The catalogue is the community-safety template, applied as a council would.
        let template = try IndicatorTemplate.named("community-safety")
        try await IndicatorTemplateService(indicators: storage.indicators).apply(template, by: actor)
        let kinds = Dictionary(template.indicators.map { ($0.key, $0.kind) }) { first, _ in first }
        var district: String?
        for record in try Self.records("areas.csv") {
            let area = Area(key: record["key"] ?? "", name: record["name"] ?? "", kind: .district,
                            population: Int(record["population"] ?? ""), residentialProperties: Int(record["residential_properties"] ?? ""))
            district = district ?? area.key
            try await storage.areas.save(area, by: actor)
        }
        // The council as `safer setup` would record it: E07000218 is North Warwickshire's ONS
        // code; the seed gives no year for its population.
        if try await storage.settings.council() == nil {
            try await storage.settings.save(Council(name: "North Warwickshire", onsCode: "E07000218", policeForce: "warwickshire",
                                                    policeUKMatch: .lsoaNamePrefix("North Warwickshire")), by: actor)
        }
        for record in try Self.records("beats.csv") {
            try await storage.areas.save(Area(key: record["key"] ?? "", name: record["name"] ?? "", kind: .beat, parentKey: district,
                                              population: Int(record["population"] ?? "")), by: actor)
        }
        var figures: [MonthlyFigure] = []
        for record in try Self.records("figures.csv") {
            let value = try FigureValue(parsing: record["value"] ?? "")
            guard value != .notReported, let month = Month(record["month"] ?? "") else { continue }
            figures.append(MonthlyFigure(indicatorKey: record["indicator"] ?? "", areaKey: record["area"] ?? district ?? "",
                                         month: month, value: value))
        }
        let stored = try await storage.figures.set(figures, by: actor)
        // Baselines: the seed gives 2017/18 as year totals only. Shares are computed from their
        // two counts, so their printed percentages are not stored as totals.
        for record in try Self.records("annual-totals.csv") where kinds[record["indicator"] ?? ""] == .count {
            guard let value = Double(record["value"] ?? "") else { continue }
            try await storage.figures.setSuppliedTotal(indicatorKey: record["indicator", default: ""], areaKey: record["area"] ?? district ?? "",
                                                       period: try FinancialYear(parsing: record["financial_year"] ?? "").period,
                                                       value: value, by: actor)
        }
        // The CSP table's "Last 12 Months" column (to December 2018), as printed (NOTES.md, section 4).
        for record in try Self.records("stated-totals.csv")
        where record["measure"] == "rolling-12-months" && record["source"] == "item-7-appendix-b-section-1" {
            guard let value = Double(record["value"] ?? ""), let range = record["period"]?.components(separatedBy: ".."), range.count == 2,
                  let first = Month(range[0]), let last = Month(range[1]) else { continue }
            try await storage.figures.setSuppliedTotal(indicatorKey: record["indicator", default: ""], areaKey: record["area"] ?? district ?? "",
                                                       period: try Period(first: first, last: last), value: value, by: actor)
        }
        // The seed's Q3 beat table: quarter totals per beat and category.
        for record in try Self.records("beat-comparison.csv") {
            guard let value = Double(record["value"] ?? "") else { continue }
            try await storage.figures.setSuppliedTotal(indicatorKey: record["category"] ?? "", areaKey: record["beat"] ?? "",
                                                       period: try Quarter(parsing: record["quarter"] ?? "").period, value: value, by: actor)
        }
        return stored
    }
}
