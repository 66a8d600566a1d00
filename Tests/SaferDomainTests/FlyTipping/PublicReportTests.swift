import Foundation
import Testing
@testable import SaferDomain

@Suite("Public reports")
struct PublicReportTests {
    typealias F = FlyTipFixtures

    func report(_ input: PublicReportInput, at time: String = "2019-02-11 10:00") throws -> PublicReport {
        try input.report(id: "r1", reference: "TIP-1", now: F.time(time))
    }

    @Test func plainWordsMapOntoDefrasCategories() throws {
        let r = try report(PublicReportInput(latitude: 52.5465, longitude: -1.5235, what: ["fridge", "garden"], amount: "small-van", land: "field"))
        #expect(r.wasteTypes == [.whiteGoods, .green])
        #expect(r.size == .smallVanLoad)
        #expect(r.landType == .agricultural)
        #expect(r.gridPoint == NationalGrid.gridPoint(from: F.hartshill))
        #expect(r.contact == nil)
        #expect(PlainWords.waste.map(\.type).sorted { $0.rawValue < $1.rawValue } == WasteType.allCases.sorted { $0.rawValue < $1.rawValue })
        #expect(PlainWords.amount.map(\.size) == FlyTipSize.allCases)
    }

    @Test func triageDecidesOnlyPendingReportsMergesOnlyIntoOpenIncidentsAndRejectsWithAReason() throws {
        let officer = Actor(userID: "u1", label: "officer@example.org", channel: .web), at = F.time("2019-02-12 09:00")
        let pending = try report(PublicReportInput(latitude: 52.5465, longitude: -1.5235, what: ["bags"], amount: "bag", description: "By the gate"))
        let accepted = try pending.accepted(as: "t9", by: officer, at: at)
        #expect(accepted.status == .accepted && accepted.incidentID == "t9" && accepted.decidedBy == officer.label && accepted.decidedAt == at)
        #expect(throws: DomainError.self) { try accepted.rejected(reason: "Twice", by: officer, at: at) }
        let merged = try pending.merged(into: F.flyTip(id: "t1"), by: officer, at: at)
        #expect(merged.report.status == .merged && merged.report.incidentID == "t1")
        #expect(merged.incident.notes.hasSuffix("Also reported by the public: TIP-1 (\"By the gate\")."))
        #expect(throws: DomainError.self) { try pending.merged(into: F.flyTip(id: "t2", status: .cleared), by: officer, at: at) }
        #expect(throws: ValidationError.self) { try pending.rejected(reason: "  ", by: officer, at: at) }
        #expect(try pending.rejected(reason: "Outside the borough", by: officer, at: at).rejectionReason == "Outside the borough")
    }

    @Test func aTypedPlaceIsEnoughWithoutAPin() throws {
        let r = try report(PublicReportInput(place: "Lay-by on Oldbury Road, Hartshill", what: ["bags"], amount: "bag"))
        #expect(r.position == nil && r.landType == .other)
    }

    @Test func problemsAreSaidInPlainWords() {
        do {
            _ = try report(PublicReportInput(what: [], amount: "", contact: .init(email: "not an address", phone: "123")))
            Issue.record("accepted")
        } catch let error as ValidationError {
            #expect(error.messages.contains { $0.hasPrefix("Tell us where it is") })
            #expect(error.messages.contains("Tell us what has been dumped: choose at least one."))
            #expect(error.messages.contains("Choose how much has been dumped."))
            #expect(error.messages.contains { $0.hasPrefix("The e-mail address does not look right") })
            #expect(error.messages.contains { $0.hasPrefix("The phone number does not look right") })
        } catch { Issue.record("unexpected \(error)") }
        #expect(throws: ValidationError.self) { try report(PublicReportInput(latitude: 48.85, longitude: 2.35, what: ["bags"], amount: "bag")) }
    }

    @Test func mergeSuggestionsAreOpenIncidentsWithinFiftyMetresAndFourteenDays() throws {
        let r = try report(PublicReportInput(latitude: 52.5465, longitude: -1.5235, what: ["bags"], amount: "bag"))
        let grid = NationalGrid.gridPoint(from: F.hartshill)
        func tip(_ id: String, metresEast: Double, at time: String, status: FlyTipStatus = .reported) -> FlyTip {
            let position = NationalGrid.wgs84(from: NationalGridPoint(easting: grid.easting + metresEast, northing: grid.northing))
            var t = F.flyTip(id: id, at: time, status: status, position: position)
            if status == .cleared { t.clearedAt = t.reportedAt }
            return t
        }
        let tips = [tip("near", metresEast: 20, at: "2019-02-10 09:00"), tip("nearer", metresEast: 5, at: "2019-01-29 10:00"),
                    tip("edge", metresEast: 49.9, at: "2019-02-24 09:59"), tip("far", metresEast: 51, at: "2019-02-10 09:00"),
                    tip("old", metresEast: 1, at: "2019-01-28 09:59"), tip("cleared", metresEast: 1, at: "2019-02-10 09:00", status: .cleared)]
        #expect(r.mergeCandidates(among: tips).map(\.flyTip.id) == ["nearer", "near", "edge"])
    }
}
