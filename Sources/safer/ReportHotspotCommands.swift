import ArgumentParser
import Foundation
import SaferApp
import SaferDomain
import SaferReports
import SaferWeb

/// `safer report hotspots --from YYYY-MM-DD --to YYYY-MM-DD [--limit 5]`.
struct ReportHotspotsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "hotspots",
        abstract: "The top fly-tipping locations over a period, with the change on the period of the same length before and a CCTV marker.")
    @OptionGroup var database: DatabaseOption
    @OptionGroup var period: PeriodOptions
    @Option(help: "How many locations (default 5; 0 for all).") var limit: Int = 5
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let range = try period.range()
        guard limit >= 0 else { throw ArgumentParser.ValidationError("--limit must be 0 (all) or more.") }
        try await withServices(try database.configuration()) { services in
            let ranking = try await HotspotService(services: services).ranking(range, limit: limit == 0 ? nil : limit)
            try output.write(ranking.table, json: ranking.rows)
        }
    }
}

/// `safer report clusters --from --to --eps METRES --min-points N [--source fly-tips|crime:TYPE]`.
struct ReportClustersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "clusters",
        abstract: "Spatial clusters (DBSCAN on National Grid metres) of fly-tips or police.uk crimes, with each cluster's members and the noise points.",
        discussion: "min-points counts the point itself, as scikit-learn's min_samples does. police.uk crimes count whole months.")
    @OptionGroup var database: DatabaseOption
    @OptionGroup var period: PeriodOptions
    @Option(help: ArgumentHelp("Neighbourhood radius in metres (default 150).", valueName: "metres")) var eps: Double = HotspotService.defaultEps
    @Option(help: ArgumentHelp("Points needed within eps for a core point, counting itself (default 3).", valueName: "N")) var minPoints: Int = HotspotService.defaultMinPoints
    @Option(help: ArgumentHelp("fly-tips (default), or crime:TYPE with a police.uk crime type.", valueName: "source")) var source: String = "fly-tips"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let range = try period.range()
        let source = try HotspotService.Source(parsing: source)
        try await withServices(try database.configuration()) { services in
            let report = try await HotspotService(services: services).clusters(source, range: range, eps: eps, minPoints: minPoints)
            try output.write(report.table, json: report)
        }
    }
}

/// `safer report gi --cell METRES --from --to`.
struct ReportGiCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gi",
        abstract: "Getis-Ord Gi* z-scores on a square grid (as PySAL esda's G_Local with binary queen weights, star=True), with 90/95/99% classes.",
        discussion: "CSV has one line per cell: column,row,easting,northing,latitude,longitude,count,z,p,significance.")
    @OptionGroup var database: DatabaseOption
    @Option(help: ArgumentHelp("Cell size in metres (default 250).", valueName: "metres")) var cell: Double = HotspotService.defaultCellSize
    @OptionGroup var period: PeriodOptions
    @Option(help: ArgumentHelp("fly-tips (default), or crime:TYPE.", valueName: "source")) var source: String = "fly-tips"
    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        let range = try period.range()
        let source = try HotspotService.Source(parsing: source)
        try await withServices(try database.configuration()) { services in
            let report = try await HotspotService(services: services).giStar(source, range: range, cellSize: cell)
            try output.write([report.table()], csv: report.csv, json: report.document)
        }
    }
}
