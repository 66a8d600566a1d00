import Foundation
import Testing
import SaferDomain
import SaferStorage
import SaferTestSupport
@testable import SaferApp

/// Issue 12.9: backups that restore to the same rows, and personal data purged on time.
@Suite("Backups, restores and retention")
struct MaintenanceTests {
    @Test(arguments: TestEngine.available)
    func aBackupRestoresEveryTableWithTheSameRowsAndChecksums(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            _ = try await DemoLoader(services: makeTestServices(database)).load()
            let schema = engine == .postgres ? try await database.sql.raw("SELECT current_schema() AS s").all(decodingColumn: "s", as: String.self).first : nil
            let before = try await DatabaseBackup.fingerprint(database, schema: schema)
            #expect(before.count >= 40 && before.reduce(0) { $0 + $1.rows } > 4_000, "every table of the demo")
            #expect(before.first { $0.table == "fly_tips" }?.rows == 1_198)
            let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safer-backup-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let file = directory.appendingPathComponent("backup").path
            try await DatabaseBackup.backup(database, to: file, schema: schema)
            await #expect(throws: ValidationError.self, "an existing file is never overwritten") { try await DatabaseBackup.backup(database, to: file, schema: schema) }

            let target: DatabaseURL
            if let schema {
                // pg_restore recreates the schema by name: move the original aside first.
                try await database.sql.raw("ALTER SCHEMA \(ident: schema) RENAME TO \(ident: schema + "_source")").run()
                target = .postgres(url: try #require(TestEngine.postgresURL))
            } else {
                target = .sqlite(path: directory.appendingPathComponent("restored.sqlite").path)
            }
            do {
                try await DatabaseBackup.restore(from: file, into: target, schema: schema)
                let restored = try await SaferDatabase.open(target, searchPath: schema.map { [$0] }, connectionsPerThread: 1)
                let after = try await DatabaseBackup.fingerprint(restored, schema: schema)
                try await restored.shutdown()
                #expect(after == before)
                // A second restore would overwrite data: refused, and nothing changes.
                await #expect(throws: ValidationError.self) { try await DatabaseBackup.restore(from: file, into: target, schema: schema) }
            } catch {
                if let schema { try? await database.sql.raw("DROP SCHEMA \(ident: schema + "_source") CASCADE").run() }
                throw error
            }
            if let schema { try await database.sql.raw("DROP SCHEMA \(ident: schema + "_source") CASCADE").run() }
        }
    }

    @Test func aFileThatIsNotASaferBackupIsRefusedByName() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("safer-backup-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let other = directory.appendingPathComponent("other.sqlite").path
        let database = try await SaferDatabase.open(.sqlite(path: other))
        try await database.sql.raw("CREATE TABLE notes (text TEXT)").run()
        try await database.shutdown()
        let target = directory.appendingPathComponent("new.sqlite").path
        await #expect { try await DatabaseBackup.restore(from: other, into: .sqlite(path: target)) } throws: { error in
            "\(error)".contains("not a Safer backup")
        }
        #expect(!FileManager.default.fileExists(atPath: target), "nothing written")
        let text = directory.appendingPathComponent("notes.txt")
        try Data("not a database".utf8).write(to: text)
        await #expect { try await DatabaseBackup.restore(from: text.path, into: .sqlite(path: target)) } throws: { error in
            "\(error)".contains("is not an SQLite file")
        }
        // A backup into a folder that does not exist names the folder.
        let source = try await SaferDatabase.open(.sqlite(path: other))
        await #expect { try await DatabaseBackup.backup(source, to: directory.appendingPathComponent("missing/backup").path) } throws: { error in
            "\(error)".contains("The folder \(directory.appendingPathComponent("missing").path) does not exist")
        }
        try await source.shutdown()
    }

    static let received = Date(timeIntervalSince1970: 1_549_877_400)   // 2019-02-11 09:30 UTC

    static func report(_ id: String, at: Date, contact: PublicReport.Contact?) -> PublicReport {
        let grid = NationalGridPoint(easting: 433_000, northing: 294_000)
        return PublicReport(id: id, reference: "TIP-\(id)", receivedAt: at, position: NationalGrid.wgs84(from: grid), gridPoint: grid,
                            place: "Oldbury Road lay-by", wasteTypes: [.blackBagsHousehold], size: .carBootOrLess, landType: .highway,
                            description: "Bags by the bin", contact: contact)
    }

    @Test(arguments: TestEngine.available)
    func contactsAfterTwelveMonthsAndSuspectsSixYearsAfterTheCaseClosesArePurgedWithACountOnlyAuditEntry(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let clock = TestClock(Self.received)
            let services = makeTestServices(database, clock: clock)
            let storage = services.storage
            let day = CalendarDay(containing: Self.received)
            try await storage.publicReports.add(Self.report("old", at: Self.received, contact: .init(name: "Pat Resident", email: "pat@example.org")),
                                                photo: nil, clientKey: "a", by: .system)
            try await storage.publicReports.add(Self.report("anonymous", at: Self.received, contact: nil), photo: nil, clientKey: "b", by: .system)
            try await storage.publicReports.add(Self.report("recent", at: Self.received + 200 * 86_400, contact: .init(phone: "07700 900123")),
                                                photo: nil, clientKey: "c", by: .system)
            for (id, closed) in [("closed-long-ago", day), ("closed-recently", day.adding(months: 60)), ("open", nil as CalendarDay?)] {
                try await storage.enforcement.create(EnforcementCase(id: id, reference: "ENF-\(id)", title: "Case \(id)", opened: day.adding(days: -30), closed: closed), by: .system)
                try await storage.enforcement.addSuspect(Suspect(id: "s-\(id)", caseID: id, name: "A. Tipper \(id)", address: "1 Lane"), by: .system)
            }
            // Six years and a day after the first case closed; the recent report is 5.5 years old.
            clock.advance(by: Double(day.days(to: day.adding(months: 72).adding(days: 1))) * 86_400)
            let retention = RetentionService(services: services)
            let found = try await retention.candidates()
            #expect(found.reports.map(\.reference) == ["TIP-old", "TIP-recent"], "the anonymous report has nothing to purge")
            #expect(found.cases.map(\.reference) == ["ENF-closed-long-ago"] && found.suspectCount == 1)
            #expect(try await storage.publicReports.find(id: "old")?.contact != nil, "finding removes nothing")

            try await retention.purge(by: .cli("officer"))
            #expect(try await storage.publicReports.find(id: "old")?.contact == nil)
            #expect(try await storage.publicReports.find(id: "old") != nil, "the report itself stays")
            #expect(try await storage.enforcement.file(caseID: "closed-long-ago")?.suspects.isEmpty == true)
            #expect(try await storage.enforcement.file(caseID: "closed-recently")?.suspects.count == 1)
            #expect(try await storage.enforcement.file(caseID: "open")?.suspects.count == 1)
            let entries = try await storage.auditLog.list(AuditFilter(entity: PurgeRecord.auditEntity))
            let entry = try #require(entries.first)
            #expect(entries.count == 1 && entry.actor.label == "command line (officer)")
            let logged = entry.changes.map { "\($0)" }.joined(separator: " ")
            let counts = Dictionary(uniqueKeysWithValues: entry.changes.map { ($0.field, $0.after ?? "") })
            #expect(counts["contactDetailsRemoved"] == "2" && counts["suspectsRemoved"] == "1" && counts["cases"] == "1")
            #expect(!logged.contains("Pat") && !logged.contains("pat@example.org") && !logged.contains("07700") && !logged.contains("Tipper"),
                    "the audit entry records the purge, not the data")
            #expect(try await retention.candidates().isEmpty, "nothing left to purge")
        }
    }

    @Test func theRetentionPeriodsAreConfigurableAndChecked() throws {
        let configuration = try AppConfiguration.resolve(flags: [:], environment: ["SAFER_CONTACT_RETENTION_MONTHS": "24", "SAFER_SUSPECT_RETENTION_YEARS": "7"])
        #expect(configuration.retention == RetentionPolicy(contactMonths: 24, suspectYears: 7))
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(flags: [:], environment: ["SAFER_CONTACT_RETENTION_MONTHS": "1e300"]) }
        let policy = RetentionPolicy()
        let today = CalendarDay("2026-12-06")!
        #expect(policy.contactCutoff(today: today) == CalendarDay("2025-12-06") && policy.suspectCutoff(today: today) == CalendarDay("2020-12-06"))
    }
}
