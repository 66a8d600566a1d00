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
        #expect(problems(input(latitude: nil, longitude: nil)) == ["A position is needed: a grid reference, an easting and northing, or a latitude and longitude."])
        #expect(problems(input(latitude: 52.5, longitude: nil)) == ["Give both latitude and longitude, or neither."])
    }

    @Test func positionsOutsideGreatBritainAreRefused() {
        let dublin = problems(input(latitude: 53.3498, longitude: -6.2603))
        #expect(dublin.count == 1 && dublin[0].contains("is not in Great Britain"))
        #expect(problems(input(latitude: 0, longitude: 0)).count == 1)
        #expect(problems(input(latitude: nil, longitude: nil, easting: -5, northing: 100)).first?.contains("outside the National Grid") == true)
    }

    /// A finite but huge number is valid JSON; it once reached `Int(...)` and stopped the server.
    @Test(arguments: [1e300, -1e300, Double.greatestFiniteMagnitude, -Double.greatestFiniteMagnitude, 9.3e18, -9.3e18])
    func hugeCoordinatesAreRefusedWithAMessage(value: Double) {
        let gridOnly = problems(input(latitude: nil, longitude: nil, easting: value, northing: 294_000))
        #expect(gridOnly.count == 1 && gridOnly[0].contains("easting") && gridOnly[0].contains("outside the National Grid"), "\(gridOnly)")
        let northing = problems(input(latitude: nil, longitude: nil, easting: 433_000, northing: value))
        #expect(northing.count == 1 && northing[0].contains("northing"), "\(northing)")
        // With a GPS fix as well, the distance between the two pairs would be huge.
        let both = problems(input(easting: value, northing: value))
        #expect(both.count == 2 && both.allSatisfy { $0.contains("outside the National Grid") }, "\(both)")
        #expect(problems(input(latitude: value, longitude: value)).count == 2)
    }

    @Test func wholeNumberTextNeverTraps() {
        #expect(1234.6.wholeNumberText == "1235")
        #expect((-0.4).wholeNumberText == "0")
        #expect(1e300.wholeNumberText == "1e+300")
        #expect(Double.nan.wholeNumberText == "nan")
        #expect((-Double.infinity).wholeNumberText == "-inf")
        #expect(Int("9223372036854775807", in: 1...1_000_000) == nil && Int(" 42 ", in: 1...100) == 42 && Int(nil, in: 1...2) == nil)
    }

    @Test func councilAreaOutsideTheGridOrInsideOutIsRefused() {
        func messages(_ settings: FlyTipSettings) -> [String] {
            do { try settings.validate(); return [] } catch let error as ValidationError { return error.messages } catch { return ["\(error)"] }
        }
        #expect(messages(FlyTipSettings()).isEmpty)
        let huge = FlyTipSettings(councilArea: NationalGridExtent(minEasting: -1e300, minNorthing: 280_000, maxEasting: 1e300, maxNorthing: 310_000))
        #expect(messages(huge) == ["The area must lie on the National Grid: eastings 0–700,000 and northings 0–1,300,000 metres."])
        let insideOut = FlyTipSettings(councilArea: NationalGridExtent(minEasting: 438_000, minNorthing: 280_000, maxEasting: 415_000, maxNorthing: 310_000))
        #expect(messages(insideOut) == ["The area's minimum easting and northing must be below the maximum ones."])
        #expect(FlyTipSettings().warning(for: NationalGridPoint(easting: 1e300, northing: 0))?.contains("easting 1e+300") == true)
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
