import Foundation
import SaferDomain
import SaferReports

/// Hot spots for the pages, the API and the command line: named locations, clusters and Gi*.
public struct HotspotService: Sendable {
    let flyTips: any FlyTipRepository
    let policeCrimes: any PoliceCrimeRepository
    let cctv: any CCTVRepository
    let pspos: any PSPORepository
    let savedSettings: any SettingsRepository

    /// A service with only what it uses.
    public init(flyTips: any FlyTipRepository, policeCrimes: any PoliceCrimeRepository, cctv: any CCTVRepository, pspos: any PSPORepository, savedSettings: any SettingsRepository) {
        self.flyTips = flyTips
        self.policeCrimes = policeCrimes
        self.cctv = cctv
        self.pspos = pspos
        self.savedSettings = savedSettings
    }

    /// The service wired from the application's services.
    public init(services: AppServices) {
        self.init(flyTips: services.storage.flyTips, policeCrimes: services.storage.policeCrimes, cctv: services.storage.cctv, pspos: services.storage.pspos, savedSettings: services.storage.settings)
    }

    /// What to look for hot spots in.
    public enum Source: Sendable, Hashable {
        /// Fly-tips, all or those with one waste type among theirs.
        case flyTips(WasteType?)
        /// Imported police.uk crimes of one type (police.uk's label, e.g. "Burglary").
        case crime(String)

        /// All fly-tips.
        public static let allFlyTips = Source.flyTips(nil)

        /// Reads `fly-tips`, `fly-tips:WASTE` (a Defra waste type's key or label) or `crime:TYPE`.
        public init(parsing text: String) throws {
            if text == "fly-tips" { self = .flyTips(nil); return }
            if text.hasPrefix("fly-tips:"), let waste = WasteType(label: String(text.dropFirst(9))) { self = .flyTips(waste); return }
            if text.hasPrefix("crime:"), text.count > 6 { self = .crime(String(text.dropFirst(6))); return }
            throw ValidationError("'\(text)' is not a source: use fly-tips, fly-tips:WASTE-TYPE (e.g. fly-tips:asbestos), or crime:TYPE with a police.uk crime type, e.g. crime:Burglary.", field: "source")
        }

        public var label: String {
            switch self {
            case .flyTips(nil): "fly-tips"
            case .flyTips(let waste?): "fly-tips with \(waste.label)"
            case .crime(let type): "police.uk crimes: \(type)"
            }
        }

        /// The waste type fly-tips are narrowed to, if any.
        public var waste: WasteType? {
            if case .flyTips(let waste) = self { return waste }
            return nil
        }
    }

    /// Default DBSCAN settings: 150 m and 3 points (a site tipped at three times).
    public static let defaultEps = 150.0
    public static let defaultMinPoints = 3
    /// Default Gi* cell size.
    public static let defaultCellSize = 250.0

    /// Camera deployments with their asset numbers.
    func deployments() async throws -> [(asset: String, deployment: Deployment)] {
        let assets = Dictionary(uniqueKeysWithValues: try await cctv.cameras().map { ($0.id, $0.assetID) })
        return try await cctv.deployments().map { (assets[$0.cameraID] ?? $0.cameraID, $0) }
    }

    /// The top locations over a range, with the change on the range before and CCTV markers.
    public func ranking(_ range: DayRange, limit: Int?, waste: WasteType? = nil) async throws -> HotspotRanking {
        try HotspotParameters.validate(limit: limit)
        let both = try DayRange(first: range.previous.first, last: range.last)
        let tips = try await flyTips.list(FlyTipFilter(range: both)).filter { tip in waste.map(tip.wasteTypes.contains) ?? true }
        return HotspotRanking(range: range, flyTips: tips, deployments: try await deployments(), limit: limit)
    }

    /// The points of a source reported in a range.
    func points(_ source: Source, in range: DayRange) async throws -> [HotspotPoint] {
        switch source {
        case .flyTips(let waste):
            return try await flyTips.list(FlyTipFilter(range: range))
                .filter { tip in tip.status.countsAsIncident && (waste.map(tip.wasteTypes.contains) ?? true) }.map(HotspotPoint.init)
        case .crime(let type):
            // police.uk publishes months: every month the range touches is counted whole.
            let crimes = try await policeCrimes.points(from: range.first.calendarMonth, to: range.last.calendarMonth, crimeType: type)
            return crimes.map { crime in
                HotspotPoint(id: String(crime.id), gridPoint: NationalGrid.gridPoint(from: crime.position),
                             date: CalendarDay.first(of: crime.month).start(), location: crime.location)
            }
        }
    }

    /// A period's points read once, with their clusters and (given a cell size, and points to
    /// grid) their Gi* grid: what the hot-spot page and the map both show.
    public struct Analysis: Sendable {
        public let points: [HotspotPoint]
        public let deployments: [(asset: String, deployment: Deployment)]
        public let clusters: ClusterReport
        public let gi: GiReport?
    }

    public func analysis(_ source: Source, range: DayRange, eps: Double, minPoints: Int, cellSize: Double?) async throws -> Analysis {
        try HotspotParameters.validate(eps: eps, minPoints: minPoints, cellSize: cellSize)
        let points = try await points(source, in: range)
        let deployments = try await deployments()
        let clusters: ClusterReport
        do {
            clusters = try ClusterReport(source: source.label, range: range, points: points, eps: eps, minPoints: minPoints, deployments: deployments)
        } catch let error as DBSCANError { throw ValidationError("\(error)") }
        let gi = cellSize.flatMap { size in points.isEmpty ? nil : try? GiReport(source: source.label, range: range, points: points, cellSize: size) }
        return Analysis(points: points, deployments: deployments, clusters: clusters, gi: gi)
    }

    /// DBSCAN clusters of a source over a range.
    public func clusters(_ source: Source, range: DayRange, eps: Double, minPoints: Int) async throws -> ClusterReport {
        try await analysis(source, range: range, eps: eps, minPoints: minPoints, cellSize: nil).clusters
    }

    /// Gi* of a source over a range.
    public func giStar(_ source: Source, range: DayRange, cellSize: Double) async throws -> GiReport {
        try HotspotParameters.validate(cellSize: cellSize)
        do {
            return try GiReport(source: source.label, range: range, points: try await points(source, in: range), cellSize: cellSize)
        } catch let error as GiStarError {
            throw ValidationError("\(error)")
        }
    }

    /// The map of a period: points, clusters, significant Gi* cells, cameras and PSPO areas.
    public func map(_ source: Source, range: DayRange, eps: Double, minPoints: Int, cellSize: Double) async throws -> HotspotMap {
        let a = try await analysis(source, range: range, eps: eps, minPoints: minPoints, cellSize: cellSize)
        return HotspotMap(title: "Hot spots: \(source.label), \(range.label)", points: a.points, clusters: a.clusters, gi: a.gi,
                          deployments: a.deployments, range: range, orders: try await pspos.list(),
                          beats: try await savedSettings.beatBoundaries())
    }
}
