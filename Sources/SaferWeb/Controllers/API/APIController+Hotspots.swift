import Foundation
import OpenAPIRuntime
import SaferApp
import SaferDomain
import SaferReports

/// Hot-spot operations: the same `HotspotService` as the pages and `safer report hotspots|clusters|gi`.
extension APIController {
    var hotspotService: HotspotService { HotspotService(services: services) }

    func getHotspotRanking(_ input: Operations.GetHotspotRanking.Input) async throws -> Operations.GetHotspotRanking.Output {
        let ranking = try await hotspotService.ranking(try await flyTipService.range(from: input.query.from, to: input.query.to), limit: input.query.limit ?? 10)
        return .ok(.init(body: .json(try Self.bridge(ranking.rows))))
    }

    func getHotspotClusters(_ input: Operations.GetHotspotClusters.Input) async throws -> Operations.GetHotspotClusters.Output {
        let report = try await hotspotService.clusters(try HotspotService.Source(parsing: input.query.source ?? "fly-tips"),
                                                       range: try await flyTipService.range(from: input.query.from, to: input.query.to),
                                                       eps: input.query.eps ?? HotspotService.defaultEps,
                                                       minPoints: input.query.minPoints ?? HotspotService.defaultMinPoints)
        return .ok(.init(body: .json(try Self.bridge(report))))
    }

    func getHotspotGi(_ input: Operations.GetHotspotGi.Input) async throws -> Operations.GetHotspotGi.Output {
        let report = try await hotspotService.giStar(try HotspotService.Source(parsing: input.query.source ?? "fly-tips"),
                                                     range: try await flyTipService.range(from: input.query.from, to: input.query.to),
                                                     cellSize: input.query.cell ?? HotspotService.defaultCellSize)
        return .ok(.init(body: .json(try Self.bridge(report.document))))
    }

    func getHotspotMap(_ input: Operations.GetHotspotMap.Input) async throws -> Operations.GetHotspotMap.Output {
        let map = try await hotspotService.map(try HotspotService.Source(parsing: input.query.source ?? "fly-tips"),
                                               range: try await flyTipService.range(from: input.query.from, to: input.query.to),
                                               eps: input.query.eps ?? HotspotService.defaultEps,
                                               minPoints: input.query.minPoints ?? HotspotService.defaultMinPoints,
                                               cellSize: input.query.cell ?? HotspotService.defaultCellSize)
        return .ok(.init(body: .json(try JSONDecoder().decode(Components.Schemas.FreeForm.self, from: try map.geoJSON()))))
    }
}
