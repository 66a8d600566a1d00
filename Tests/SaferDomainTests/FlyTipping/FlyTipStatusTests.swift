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

    @Test func statusesAreReadFromKeysWithSpacesOrUnderscores() throws {
        #expect(try FlyTipStatus.parse("no trace") == .noTrace)
        #expect(try FlyTipStatus.parse("NOT_COUNCIL_LAND") == .notCouncilLand)
        #expect(throws: ValidationError.self) { try FlyTipStatus.parse("done") }
    }
}
