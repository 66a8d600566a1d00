import Foundation
import Testing
@testable import SaferDomain

@Suite("Recording a fly-tip")
struct FlyTipValidationTests {
    typealias F = FlyTipFixtures

    func input(latitude: Double? = 52.5465, longitude: Double? = -1.5235, easting: Double? = nil, northing: Double? = nil) -> FlyTipInput {
        FlyTipInput(clientID: "phone-1", latitude: latitude, longitude: longitude, easting: easting, northing: northing,
                    location: "Oldbury Road, Hartshill", landType: "Highway", wasteTypes: ["Green", "Other Household Waste"],
                    size: "Small Van Load", reportedAt: F.time("2019-02-11 09:30"))
    }

    func problems(_ input: FlyTipInput) -> [String] {
        do { _ = try input.flyTip(id: "x", reference: "FT-X", recordedBy: "crew", now: F.now); return [] }
        catch let error as ValidationError { return error.messages } catch { return ["\(error)"] }
    }

    @Test func latitudeAndLongitudeGiveTheGridReferenceToo() throws {
        let tip = try input().flyTip(id: "x", reference: "FT-X", recordedBy: "crew", now: F.now)
        let expected = NationalGrid.gridPoint(from: WGS84Point(latitude: 52.5465, longitude: -1.5235))
        #expect(tip.gridPoint == expected)
        #expect((432_000...434_000).contains(tip.gridPoint.easting))
        #expect((293_000...296_000).contains(tip.gridPoint.northing))
        #expect(tip.wasteTypes == [.green, .otherHousehold])
        #expect(tip.source == .crew && tip.status == .reported)
    }

    @Test func eastingAndNorthingGiveLatitudeAndLongitudeToo() throws {
        let grid = NationalGrid.gridPoint(from: F.hartshill)
        let tip = try input(latitude: nil, longitude: nil, easting: grid.easting, northing: grid.northing)
            .flyTip(id: "x", reference: "FT-X", recordedBy: "crew", now: F.now)
        #expect(abs(tip.position.latitude - F.hartshill.latitude) < 1e-8)
        #expect(abs(tip.position.longitude - F.hartshill.longitude) < 1e-8)
    }

    @Test func bothPairsMustAgreeWithinFiftyMetres() throws {
        let grid = NationalGrid.gridPoint(from: F.hartshill)
        #expect(problems(input(easting: grid.easting + 30, northing: grid.northing)).isEmpty)
        let far = problems(input(easting: grid.easting + 80, northing: grid.northing))
        #expect(far.count == 1 && far[0].contains("80 m from the latitude and longitude"))
    }

    @Test func aPositionIsNeededAndHalfAPairIsNamed() {
        #expect(problems(input(latitude: nil, longitude: nil)) == ["A position is needed: latitude and longitude, or easting and northing."])
        #expect(problems(input(latitude: 52.5, longitude: nil)) == ["Give both latitude and longitude, or neither."])
    }

    @Test func positionsOutsideGreatBritainAreRefused() {
        let dublin = problems(input(latitude: 53.3498, longitude: -6.2603))
        #expect(dublin.count == 1 && dublin[0].contains("is not in Great Britain"))
        #expect(problems(input(latitude: 0, longitude: 0)).count == 1)
        #expect(problems(input(latitude: nil, longitude: nil, easting: -5, northing: 100)).first?.contains("outside the National Grid") == true)
    }

    @Test func everyProblemIsReportedAtOnce() {
        var bad = input()
        bad.location = " "
        bad.landType = "Lay-by"
        bad.wasteTypes = ["Fridge"]
        bad.size = ""
        let messages = problems(bad)
        #expect(messages.count == 4)
        #expect(messages.contains { $0.contains("'Lay-by' is not a land type") })
        #expect(messages.contains { $0.contains("'Fridge' is not a waste type") })
        #expect(messages.contains { $0.contains("A size is needed") })
        #expect(messages.contains { $0.contains("A location is needed") })
    }

    @Test func noTimeMayBeInTheFutureBeyondFiveMinutesGrace() {
        var soon = input()
        soon.reportedAt = F.now.addingTimeInterval(4 * 60)
        #expect(problems(soon).isEmpty)
        var later = input()
        later.reportedAt = F.now.addingTimeInterval(6 * 60)
        #expect(problems(later) == ["The reported time is in the future: check the date and the device's clock."])
    }

    @Test func clearedTimesGoWithTheClearedStatusAndComeAfterTheReport() {
        var cleared = input()
        cleared.status = "cleared"
        #expect(problems(cleared) == ["A cleared incident needs the time it was cleared."])
        cleared.clearedAt = F.time("2019-02-10 09:00")
        #expect(problems(cleared) == ["The cleared time is before the reported time."])
        cleared.clearedAt = F.time("2019-02-12 10:00")
        #expect(problems(cleared).isEmpty)
        var open = input()
        open.clearedAt = F.time("2019-02-12 10:00")
        #expect(problems(open).first?.contains("but the status is reported") == true)
    }

    @Test func aCostIsEnteredOnlyForTipperLorryAndMultiLoads() throws {
        var small = input()
        small.cost = "40"
        #expect(problems(small).first?.contains("is costed at the council's unit cost") == true)
        var lorry = input()
        lorry.size = "Tipper Lorry Load"
        lorry.cost = "£1,250.5"
        let tip = try lorry.flyTip(id: "x", reference: "FT-X", recordedBy: "crew", now: F.now)
        #expect(tip.enteredCost == Money(pence: 125_050))
        #expect(tip.clearanceCost(using: .formerNational) == Money(pence: 125_050))
        #expect(F.flyTip(size: .transitVanLoad).clearanceCost(using: .formerNational) == Money(pence: 11_500))
        #expect(F.flyTip(size: .significantMultiLoads).clearanceCost(using: .formerNational) == nil)
    }

    @Test func hazardsComeFromTheWasteAndFromTheCrew() throws {
        var input = input()
        input.wasteTypes = ["Asbestos"]
        input.hazards = ["chemical"]
        let tip = try input.flyTip(id: "x", reference: "FT-X", recordedBy: "crew", now: F.now)
        #expect(tip.hazards == [.asbestos, .chemical])
    }

    @Test func theCouncilAreaGivesAWarningNotARefusal() {
        let settings = FlyTipSettings()
        #expect(settings.warning(for: NationalGrid.gridPoint(from: F.hartshill)) == nil)
        let york = NationalGrid.gridPoint(from: WGS84Point(latitude: 53.96, longitude: -1.08))
        #expect(settings.warning(for: york)?.contains("outside North Warwickshire") == true)
    }
}
