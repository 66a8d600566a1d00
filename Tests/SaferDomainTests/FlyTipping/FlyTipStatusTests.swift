import Foundation
import Testing
@testable import SaferDomain

@Suite("Fly-tip statuses")
struct FlyTipStatusTests {
    @Test func openIncidentsMoveForwardOrCloseAndFinishedOnesStay() {
        #expect(FlyTipStatus.reported.allowedNext.contains(.cleared))
        #expect(FlyTipStatus.scheduled.allowedNext == [.cleared, .duplicate, .noTrace, .notCouncilLand])
        #expect(!FlyTipStatus.verified.allowedNext.contains(.reported))
        for finished in [FlyTipStatus.cleared, .duplicate, .noTrace, .notCouncilLand] { #expect(finished.allowedNext.isEmpty) }
    }

    @Test func duplicatesAndNoTraceAreNotCountedAndNotCouncilLandIsLeftOffTheReturn() {
        #expect(FlyTipStatus.allCases.filter(\.countsAsIncident) == [.reported, .verified, .scheduled, .cleared, .notCouncilLand])
        #expect(FlyTipStatus.allCases.filter(\.countsInReturn) == [.reported, .verified, .scheduled, .cleared])
    }

    @Test func movingStatusRecordsTheTimestampsTheMoveImplies() throws {
        let tip = FlyTipFixtures.flyTip()
        let at = FlyTipFixtures.time("2019-02-12 10:00"), later = FlyTipFixtures.time("2019-02-13 10:00")
        let verified = try tip.movingTo(.verified, at: at, originalID: nil, cost: nil, note: "Seen")
        #expect(verified.status == .verified && verified.inspectedAt == at && verified.clearedAt == nil && verified.notes.hasSuffix("Seen"))
        let cleared = try verified.movingTo(.cleared, at: later, originalID: nil, cost: Money(pence: 31_250), note: "")
        #expect(cleared.inspectedAt == at && cleared.clearedAt == later && cleared.enteredCost == Money(pence: 31_250), "inspection kept")
        let straightToCleared = try tip.movingTo(.cleared, at: later, originalID: nil, cost: nil, note: "")
        #expect(straightToCleared.inspectedAt == later && straightToCleared.clearedAt == later)
        #expect(try tip.movingTo(.duplicate, at: at, originalID: "t0", cost: nil, note: "").duplicateOf == "t0")
        #expect(throws: ValidationError.self) { try tip.movingTo(.duplicate, at: at, originalID: nil, cost: nil, note: "") }
        #expect(throws: ValidationError.self) { try cleared.movingTo(.reported, at: later, originalID: nil, cost: nil, note: "") }
    }

    @Test func statusesAreReadFromKeysWithSpacesOrUnderscores() throws {
        #expect(try FlyTipStatus.parse("no trace") == .noTrace)
        #expect(try FlyTipStatus.parse("NOT_COUNCIL_LAND") == .notCouncilLand)
        #expect(throws: ValidationError.self) { try FlyTipStatus.parse("done") }
    }
}
