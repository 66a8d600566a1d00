import Foundation
import SQLKit
import Testing
import SaferDomain
import SaferStorage
import SaferTestSupport

/// Fly-tips, photos, public reports and enforcement on every engine: stored whole, found again
/// by client id, audited in the same transaction, and personal data kept out of the audit log.
@Suite("Fly-tipping repositories")
struct FlyTipRepositoryTests {
    static let crew = Actor(userID: nil, label: "crew@test.example", channel: .api)
    static let reported = Date(timeIntervalSince1970: 1_549_877_400)   // 2019-02-11 09:30 UTC

    static func tip(_ id: String, clientID: String? = nil, metresEast: Double = 0, status: FlyTipStatus = .reported, at: Date = reported) -> FlyTip {
        let grid = NationalGridPoint(easting: 433_000 + metresEast, northing: 294_000)
        return FlyTip(id: id, reference: ReferenceCode.make(prefix: "FT", from: id), clientID: clientID, position: NationalGrid.wgs84(from: grid),
                      gridPoint: grid, location: "Oldbury Road, Hartshill", landType: .highway, wasteTypes: [.green, .tyres],
                      size: .tipperLorryLoad, hazards: [.chemical], source: .crew, status: status, reportedAt: at,
                      enteredCost: Money(pence: 31_250), notes: "By the quarry gate", recordedBy: crew.label, recordedAt: at)
    }

    @Test(arguments: TestEngine.available)
    func anIncidentIsStoredWholeAndTheSameClientIdFindsItAgain(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            let first = Self.tip("t1", clientID: "phone-abc")
            let (stored, created) = try await storage.flyTips.add(first, photos: [], by: Self.crew)
            #expect(created && stored == first)
            #expect(try await storage.flyTips.find(id: "t1") == first, "every field, both coordinate pairs, cost and hazards")
            #expect(try await storage.flyTips.find(reference: first.reference.lowercased()) == first)
            let again = try await storage.flyTips.add(Self.tip("t2", clientID: "phone-abc"), photos: [], by: Self.crew)
            #expect(!again.created && again.flyTip.id == "t1")
            #expect(try await storage.flyTips.count(FlyTipFilter()) == 1)
            #expect(try await storage.auditLog.list(AuditFilter(entity: "fly-tip")).count == 1)
        }
    }

    /// A council's history in one go: 1,203 rows over several statements; a client id already
    /// stored, one repeated in the batch and a reference already taken all come out as one at a
    /// time would; every incident stored is audited, in the same transaction.
    @Test(arguments: TestEngine.available)
    func manyIncidentsAreStoredTogetherAsOneAtATimeWouldStoreThem(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            _ = try await storage.flyTips.add(Self.tip("old", clientID: "c-5"), photos: [], by: Self.crew)
            var batch = (0..<1_200).map { Self.tip("t\($0)", clientID: "c-\($0)", metresEast: Double($0)) }
            batch.append(Self.tip("again", clientID: "c-7"))                        // repeated in the batch
            var clash = Self.tip("clash", clientID: "c-clash")
            clash.reference = batch[0].reference                                    // a reference already used
            batch.append(clash)
            batch.append(Self.tip("no-client-id"))
            let results = try await storage.flyTips.addAll(batch, by: Self.crew)
            #expect(results.count == batch.count)
            #expect(results[5].created == false && results[5].flyTip.id == "old")
            #expect(results[1_200].created == false && results[1_200].flyTip.id == "t7")
            #expect(results[1_201].created && results[1_201].flyTip.reference != batch[0].reference)
            #expect(results.filter(\.created).count == 1_201)
            #expect(try await storage.flyTips.count(FlyTipFilter()) == 1_202)
            #expect(try await storage.flyTips.find(id: "t1199") == batch[1_199], "stored whole")
            #expect(try await storage.auditLog.list(AuditFilter(entity: "fly-tip", limit: 5_000)).count == 1_202)
        }
    }

    /// A stored value this version cannot read once made the row vanish from every list, so
    /// the Defra return undercounted without a word. Now the read fails and names the row.
    @Test(arguments: TestEngine.available)
    func aRowThatNoLongerDecodesIsAnErrorNotALostIncident(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            _ = try await storage.flyTips.add(Self.tip("t1"), photos: [], by: Self.crew)
            _ = try await storage.flyTips.add(Self.tip("t2", metresEast: 10), photos: [], by: Self.crew)
            try await database.sql.update("fly_tips").set("waste_types", to: "green;fridges").where("id", .equal, "t2").run()
            let expected = StoredValueError(table: "fly_tips", id: "t2", column: "waste_types", value: "fridges")
            await #expect(throws: expected) { try await storage.flyTips.list(FlyTipFilter()) }
            await #expect(throws: expected) { try await storage.flyTips.find(id: "t2") }
            #expect(expected.description.contains("fly_tips row 't2' holds 'fridges' in waste_types"))
            try await database.sql.update("fly_tips").set("waste_types", to: "green").set("status", to: "lost").where("id", .equal, "t2").run()
            await #expect(throws: StoredValueError(table: "fly_tips", id: "t2", column: "status", value: "lost")) {
                try await storage.flyTips.list(FlyTipFilter())
            }
        }
    }

    @Test(arguments: TestEngine.available)
    func concurrentUploadsWithOneClientIdMakeOneIncident(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                for n in 0..<6 { group.addTask { try await storage.flyTips.add(Self.tip("c\(n)", clientID: "same"), photos: [], by: Self.crew).created } }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            #expect(results.filter { $0 }.count == 1)
            #expect(try await storage.flyTips.count(FlyTipFilter()) == 1)
        }
    }

    @Test(arguments: TestEngine.available)
    func listsFilterByDayAndStatusNewestFirst(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            for (n, day) in [0, 1, 2, 30].enumerated() {
                var tip = Self.tip("t\(n)", at: Self.reported.addingTimeInterval(Double(day) * 86_400))
                if n == 1 { tip.status = .cleared; tip.clearedAt = tip.reportedAt }
                _ = try await storage.flyTips.add(tip, photos: [], by: Self.crew)
            }
            let february = try DayRange(first: CalendarDay("2019-02-11")!, last: CalendarDay("2019-02-13")!)
            #expect(try await storage.flyTips.list(FlyTipFilter(range: february)).map(\.id) == ["t2", "t1", "t0"])
            #expect(try await storage.flyTips.list(FlyTipFilter(range: february, statuses: [.reported])).map(\.id) == ["t2", "t0"])
            #expect(try await storage.flyTips.count(FlyTipFilter(statuses: [.cleared])) == 1)
            #expect(try await storage.flyTips.list(FlyTipFilter(limit: 2, offset: 1)).map(\.id) == ["t2", "t1"])
        }
    }

    @Test(arguments: TestEngine.available)
    func photosAreKeptByteForByte(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            let bytes = Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<2_000).map { UInt8($0 % 251) })
            let photo = try Photo.checked(id: "p1", owner: .flyTip, ownerID: "t1", data: bytes, addedAt: Self.reported)
            _ = try await storage.flyTips.add(Self.tip("t1"), photos: [photo], by: Self.crew)
            #expect(try await storage.flyTips.photos(owner: .flyTip, ownerID: "t1") == [photo])
            #expect(try await storage.flyTips.photo(id: "p1")?.data == bytes)
            #expect(throws: ValidationError.self) { try Photo.checked(id: "p2", owner: .flyTip, ownerID: "t1", data: Data("GIF89a".utf8), addedAt: Self.reported) }
        }
    }

    static func report(_ id: String, metresEast: Double = 10, contact: PublicReport.Contact? = .init(name: "Pat Resident", email: "pat@example.org")) -> PublicReport {
        let grid = NationalGridPoint(easting: 433_000 + metresEast, northing: 294_000)
        return PublicReport(id: id, reference: "TIP-\(id)", receivedAt: reported.addingTimeInterval(3600), position: NationalGrid.wgs84(from: grid),
                            gridPoint: grid, place: "Oldbury Road lay-by", wasteTypes: [.blackBagsHousehold], size: .carBootOrLess,
                            landType: .highway, description: "Bags by the bin", contact: contact)
    }

    @Test(arguments: TestEngine.available)
    func mergingAReportNotesItOnTheIncidentInOneTransaction(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            _ = try await storage.flyTips.add(Self.tip("t1"), photos: [], by: Self.crew)
            try await storage.publicReports.add(Self.report("r1"), photo: nil, clientKey: "k", by: .system)
            try await storage.publicReports.merge(reportID: "r1", into: "t1", by: Self.crew)
            let report = try await storage.publicReports.find(id: "r1")
            #expect(report?.status == .merged && report?.incidentID == "t1" && report?.decidedBy == Self.crew.label)
            #expect(try await storage.flyTips.find(id: "t1")?.notes.contains("Also reported by the public: TIP-r1 (\"Bags by the bin\").") == true)
            // A report is dealt with once.
            await #expect(throws: DomainError.self) { try await storage.publicReports.reject(reportID: "r1", reason: "again", by: Self.crew) }
            // Only open incidents absorb reports, and nothing changes when refused.
            _ = try await storage.flyTips.add(Self.tip("t2", status: .cleared).with { $0.clearedAt = $0.reportedAt }, photos: [], by: Self.crew)
            try await storage.publicReports.add(Self.report("r2"), photo: nil, clientKey: "k", by: .system)
            await #expect(throws: DomainError.self) { try await storage.publicReports.merge(reportID: "r2", into: "t2", by: Self.crew) }
            #expect(try await storage.publicReports.find(id: "r2")?.status == .pending)
            #expect(try await storage.flyTips.find(id: "t2")?.notes == "By the quarry gate")
            #expect(try await storage.publicReports.submissions(clientKey: "k", since: Self.reported) == 2)
        }
    }

    @Test(arguments: TestEngine.available)
    func acceptingAReportMakesAnIncidentAndAWrongIncidentChangesNothing(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            let photo = try Photo.checked(id: "p1", owner: .publicReport, ownerID: "r1", data: Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]), addedAt: Self.reported)
            try await storage.publicReports.add(Self.report("r1"), photo: photo, clientKey: "k", by: .system)
            var tip = Self.tip("t9")
            tip.source = .public
            tip.duplicateOf = "missing"
            tip.status = .duplicate
            await #expect(throws: DomainError.self) { _ = try await storage.publicReports.accept(reportID: "r1", as: tip, by: Self.crew) }
            #expect(try await storage.publicReports.find(id: "r1")?.status == .pending)
            #expect(try await storage.flyTips.count(FlyTipFilter()) == 0)
            let accepted = try await storage.publicReports.accept(reportID: "r1", as: Self.tip("t1"), by: Self.crew)
            #expect(try await storage.publicReports.find(id: "r1")?.incidentID == accepted.id)
            #expect(try await storage.flyTips.photos(owner: .flyTip, ownerID: "t1").count == 1, "the report's photo goes with it")
        }
    }

    @Test(arguments: TestEngine.available)
    func personalDataNeverReachesTheAuditLog(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            try await storage.publicReports.add(Self.report("r1"), photo: nil, clientKey: "k", by: .system)
            try await storage.publicReports.deleteContact(reportID: "r1", by: Self.crew)
            #expect(try await storage.publicReports.find(id: "r1")?.contact == nil)
            let enforcementCase = EnforcementCase(id: "c1", reference: "ENF-1", title: "Tipping on Oldbury Road", opened: CalendarDay("2019-01-02")!)
            try await storage.enforcement.create(enforcementCase, by: Self.crew)
            try await storage.enforcement.addSuspect(Suspect(id: "s1", caseID: "c1", name: "A. Example", address: "1 Sample Street", vehicle: "DEMO 001"), by: Self.crew)
            try await storage.enforcement.removeSuspect(id: "s1", by: Self.crew)
            let entries = try await storage.auditLog.list(AuditFilter(limit: 100))
            let text = entries.flatMap { $0.changes.flatMap { [$0.before ?? "", $0.after ?? ""] } }.joined(separator: " ")
            for secret in ["Pat Resident", "pat@example.org", "A. Example", "1 Sample Street", "DEMO 001"] {
                #expect(!text.contains(secret), "\(secret) is in the audit log")
            }
            #expect(entries.contains { $0.entity == "public-report" && $0.changes.contains { $0.field == "contact" && $0.before == "(given)" && $0.after == "none" } })
            #expect(entries.filter { $0.entity == "suspect" }.map(\.action).sorted { $0.rawValue < $1.rawValue } == [.create, .delete])
        }
    }

    @Test(arguments: TestEngine.available)
    func aCaseKeepsItsIncidentsActionsAndEvidence(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let storage = makeTestServices(database).storage
            _ = try await storage.flyTips.add(Self.tip("t1"), photos: [], by: Self.crew)
            _ = try await storage.flyTips.add(Self.tip("t2", metresEast: 40), photos: [], by: Self.crew)
            await #expect(throws: DomainError.self) {
                try await storage.enforcement.create(EnforcementCase(id: "c0", reference: "ENF-0", title: "t", opened: CalendarDay("2019-01-02")!, incidentIDs: ["nope"]), by: Self.crew)
            }
            #expect(try await storage.enforcement.list().isEmpty, "nothing half-stored")
            let c = EnforcementCase(id: "c1", reference: "ENF-1", title: "Serial tipping, Oldbury Road", opened: CalendarDay("2019-01-02")!, incidentIDs: ["t2", "t1"])
            try await storage.enforcement.create(c, by: Self.crew)
            let prosecution = EnforcementAction(id: "a1", caseID: "c1", type: .prosecution, date: CalendarDay("2019-03-01")!,
                                                outcome: .init(plea: .guilty, result: .convicted, fine: Money(pence: 40_000), costs: Money(pence: 15_000), sentence: "Suspended sentence"))
            try await storage.enforcement.addAction(prosecution, by: Self.crew)
            try await storage.enforcement.addEvidence(EvidenceItem(id: "e1", caseID: "c1", kind: .cctvFootage, date: CalendarDay("2019-01-05")!, reference: "WP-123", description: "Camera 3"), by: Self.crew)
            let file = try await storage.enforcement.file(caseID: "c1")
            #expect(file?.enforcementCase == c)
            #expect(file?.actions == [prosecution])
            #expect(file?.evidence.first?.reference == "WP-123")
            await #expect(throws: DomainError.self) { try await storage.enforcement.create(EnforcementCase(id: "c2", reference: "ENF-1", title: "x", opened: CalendarDay("2019-01-02")!), by: Self.crew) }
        }
    }
}

extension FlyTip {
    /// A copy with a change, for building test data in one expression.
    func with(_ change: (inout FlyTip) -> Void) -> FlyTip {
        var copy = self
        change(&copy)
        return copy
    }
}
