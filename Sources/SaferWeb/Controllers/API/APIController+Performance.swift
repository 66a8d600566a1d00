import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Performance operations: the same `PerformanceService` as the pages and the command line.
extension APIController {
    var performance: PerformanceService { PerformanceService(services: services) }

    func listIndicators(_ input: Operations.ListIndicators.Input) async throws -> Operations.ListIndicators.Output {
        let items = try await services.storage.indicators.list().map { indicator in
            Components.Schemas.Indicator(key: indicator.key, name: indicator.name, theme: indicator.themeKey,
                                         polarity: .init(indicator.polarity), thresholdPercent: indicator.thresholdPercent,
                                         parent: indicator.parentKey, kind: .init(indicator.kind),
                                         base: indicator.baseKey, source: .init(indicator.source),
                                         crimeTypes: indicator.crimeTypes)
        }
        return .ok(.init(body: .json(.init(items: items))))
    }

    func setFigures(_ input: Operations.SetFigures.Input) async throws -> Operations.SetFigures.Output {
        guard case .json(let body) = input.body else { throw APIProblem.notJSON }
        let district = try await performance.district()
        var problems = ValidationProblems()
        var figures: [MonthlyFigure] = []
        for (index, figure) in body.figures.enumerated() {
            guard let month = Month(figure.month) else {
                problems.add("figures[\(index)]: '\(figure.month.quoted())' is not a month: use YYYY-MM, e.g. 2018-04.")
                continue
            }
            let value: FigureValue = switch figure.value {
            case .case1(let number): .number(number)
            case .case2: .tbc
            case nil: .notReported
            }
            figures.append(MonthlyFigure(indicatorKey: figure.indicator, areaKey: figure.area ?? district.key, month: month, value: value))
        }
        try problems.throwIfAny()
        let changed = try await performance.set(figures, by: try identity.actor(channel: .api))
        return .ok(.init(body: .json(.init(changed: changed))))
    }

    func getBoroughReport(_ input: Operations.GetBoroughReport.Input) async throws -> Operations.GetBoroughReport.Output {
        let year = try FinancialYear(parsing: input.query.fy), through = try input.query.through.map { try Month(parsing: $0) }
        return .ok(.init(body: .json(try await cachedReport("borough|\(year)|\(through?.description ?? "")") {
            try Self.bridge(try await performance.borough(year: year, through: through).json)
        })))
    }

    func getBaselineReport(_ input: Operations.GetBaselineReport.Input) async throws -> Operations.GetBaselineReport.Output {
        let through = try Month(parsing: input.query.through)
        return .ok(.init(body: .json(try await cachedReport("baseline|\(through)") {
            try Self.bridge(try await performance.baseline(through: through).json)
        })))
    }

    func getBeatReport(_ input: Operations.GetBeatReport.Input) async throws -> Operations.GetBeatReport.Output {
        let quarter = try Quarter(parsing: input.query.quarter)
        return .ok(.init(body: .json(try await cachedReport("beats|\(quarter)") {
            try Self.bridge(try await performance.beats(quarter: quarter).json)
        })))
    }

    /// A performance report as the API sends it, built once per data version: while no table
    /// the reports read has changed (on any node), the same request is answered from memory.
    func cachedReport<T: Sendable>(_ key: String, _ build: @escaping @Sendable () async throws -> T) async throws -> T {
        guard let version = try await performance.dataVersion() else { return try await build() }
        if let value = try await services.reportCache.value(for: key, at: version, build: { try await build() }) as? T { return value }
        return try await build()
    }

    /// The reports' JSON (shared with downloads and the CLI) as the document's wire type: the
    /// round trip fails loudly, and the API tests catch it, if the two ever drift apart.
    static func bridge<From: Encodable, To: Decodable>(_ value: From) throws -> To {
        let encoder = JSONEncoder()
        let decoder = JSONDecoder()
        return try decoder.decode(To.self, from: try encoder.encode(value))
    }
}
