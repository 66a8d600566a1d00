import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing
import SaferDomain
import SaferStorage
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// The real police.uk extracts for North Warwickshire (`../shared/data/police-uk`, next to the
/// repository) through the import and the performance API. Needs ../shared: skipped in a
/// user's own clone, required in CI.
@Suite("Real police.uk data")
struct RealDataTests {
    static let folder: URL? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../../shared/data/police-uk/north-warwickshire").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// An independent recount: whole lines split on commas outside quotes, keeping North
    /// Warwickshire LSOAs, counted per month for one crime type.
    static func recount(_ files: [URL], crimeType: String) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
            for line in lines {
                var fields: [String] = [], field = "", quoted = false
                for character in line {
                    if character == "\"" { quoted.toggle() } else if character == "," && !quoted { fields.append(field); field = "" } else { field.append(character) }
                }
                fields.append(field)
                guard fields.count >= 10, fields[8].hasPrefix("North Warwickshire"), fields[9] == crimeType else { continue }
                counts[fields[1], default: 0] += 1
            }
        }
        return counts
    }

    @Test(.enabled(if: folder != nil || isCI, "Skipped: ../shared/data/police-uk is absent (CI=true makes this a failure)."),
          arguments: TestEngine.available)
    func importedMonthsFeedTheBoroughTableWithTheSameCounts(engine: TestEngine) async throws {
        let folder = try #require(Self.folder, "CI=true but ../shared/data/police-uk/north-warwickshire is missing")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "csv" }.sorted { $0.path < $1.path }
        let expected = try Self.recount(files, crimeType: "Vehicle crime")
        try await WebHarness.run(engine) { harness, client in
            let storage = harness.services.storage
            try await storage.areas.save(Area(key: "north-warwickshire", name: "North Warwickshire", kind: .district), by: .system)
            try await storage.indicators.create(Indicator(key: "vehicle-crime", name: "Vehicle crime", source: .policeUK,
                                                          crimeTypes: ["Vehicle crime"]), by: .system)
            _ = try await PoliceUKImporter(database: storage.database).importFiles(files.map(\.path))
            let token = try await harness.apiToken(.councillor)
            let response = try await client.execute(uri: "/api/v1/reports/borough?fy=2018/19", method: .get,
                                                    headers: [.authorization: "Bearer \(token)"])
            #expect(response.status == .ok)
            struct Report: Decodable { struct Row: Decodable { let indicator: String; let months: [String: FigureValue] }; let rows: [Row] }
            let row = try #require(try JSONDecoder().decode(Report.self, from: Data(buffer: response.body)).rows.first { $0.indicator == "vehicle-crime" })
            for month in ["2018-04", "2018-05", "2018-06", "2018-07", "2018-08", "2018-09"] {
                #expect(row.months[month] == .count(expected[month] ?? -1), "\(month)")
            }
            #expect(row.months["2018-10"] == nil, "October 2018 was not imported: not reported, not 0")
            // The previous year is incomplete (the extracts start in October 2017) and says so.
            let previous = try await PerformanceService(services: harness.services).borough(year: try FinancialYear(parsing: "2018/19"))
            let vehicle = try #require(previous.rows.first { $0.indicator.key == "vehicle-crime" })
            #expect(vehicle.previousYear?.isComplete == false)
            #expect(vehicle.previousYear?.coverage.label == "Oct–Mar")
            #expect(vehicle.versusSamePeriod?.isComplete == false)
        }
    }
}
