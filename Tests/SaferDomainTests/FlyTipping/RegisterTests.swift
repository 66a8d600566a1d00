import Foundation
import Testing
@testable import SaferDomain

@Suite("CCTV, PSPO and money registers")
struct RegisterTests {
    typealias F = FlyTipFixtures

    @Test func aCamerasStatusOnADayComesFromItsHistory() {
        let camera = Camera(id: "c", assetID: "NWBC-CCTV-01", model: "Trail camera", mobileData: true, history: [
            .init(status: .dummy, from: F.day("2019-01-21")), .init(status: .working, from: F.day("2017-09-04")), .init(status: .damaged, from: F.day("2019-01-10")),
        ])
        #expect(camera.status(on: F.day("2018-12-31")) == .working)
        #expect(camera.status(on: F.day("2019-01-10")) == .damaged)
        #expect(camera.status == .dummy)
        #expect(camera.status(on: F.day("2017-01-01")) == .working, "before the history: its first status")
    }

    @Test func complianceIsOverdueAYearAfterTheLastReviewWhileTheCameraIsUp() {
        let deployment = Deployment(id: "d", cameraID: "c", location: "Nuneaton Road (near Hoar Park)", position: F.hartshill,
                                    from: F.day("2018-10-01"), dpiaDate: F.day("2018-03-31"), selfAssessmentDate: nil)
        #expect(deployment.complianceProblems(on: F.day("2019-03-31")) == ["Self-assessment not recorded"])
        #expect(deployment.complianceProblems(on: F.day("2019-04-01")) == ["Data protection impact assessment due for review on 31 March 2019", "Self-assessment not recorded"])
        var ended = deployment
        ended.to = F.day("2019-02-01")
        #expect(ended.complianceProblems(on: F.day("2019-04-01")).isEmpty, "nothing is due for a camera taken down")
        #expect(F.day("2019-01-31").adding(months: 1) == F.day("2019-02-28"))
    }

    static let lanes = PublicSpacesProtectionOrder(
        id: "p", name: "Fillongley PSPO 2017", roads: ["Didgley Lane, Fillongley", "Bun Lane, Fillongley"],
        polygon: [WGS84Point(latitude: 52.4900, longitude: -1.5930), WGS84Point(latitude: 52.4950, longitude: -1.6045),
                  WGS84Point(latitude: 52.4960, longitude: -1.6035), WGS84Point(latitude: 52.4910, longitude: -1.5920)],
        articles: ["Article 1"], start: F.day("2017-12-01"), expiry: F.day("2020-11-30"))

    @Test func incidentsInsideNearOrOnTheRoadsOfAnOrderAreFound() throws {
        let outline = Self.lanes.polygon.map(NationalGrid.gridPoint(from:))
        let centre = NationalGridPoint(easting: outline.map(\.easting).reduce(0, +) / 4, northing: outline.map(\.northing).reduce(0, +) / 4)
        func tip(_ id: String, east: Double, north: Double, location: String = "Field gate, Fillongley", at: String = "2018-09-01 10:00") -> FlyTip {
            var t = F.flyTip(id: id, at: at, position: NationalGrid.wgs84(from: NationalGridPoint(easting: centre.easting + east, northing: centre.northing + north)))
            t.location = location
            return t
        }
        let tips = [tip("inside", east: 0, north: 0), tip("near", east: 0, north: 0).with(metresFromEdge: 60, of: Self.lanes),
                    tip("far", east: 3000, north: 0), tip("named", east: 3000, north: 0, location: "Bun Lane, Fillongley"),
                    tip("before", east: 0, north: 0, at: "2018-06-30 10:00")]
        let found = Self.lanes.incidents(in: F.range("2018-07-01", "2019-02-28"), among: tips)
        #expect(found.map(\.flyTip.id) == ["inside", "near", "named"])
        #expect(found[0].distance == 0)
        #expect(abs((found[1].distance ?? 0) - 60) < 1)
        #expect((found[2].distance ?? 0) > 1000)
        #expect(Self.lanes.isInForce(on: F.day("2019-03-12")) && !Self.lanes.isInForce(on: F.day("2020-12-01")))
    }

    @Test func anOrderLastsAtMostThreeYears() {
        var order = Self.lanes
        order.expiry = F.day("2020-12-02")
        #expect(throws: ValidationError.self) { try order.validate() }
        #expect(throws: Never.self) { try Self.lanes.validate() }
    }

    @Test func theSeedsSpendLeavesTheBalanceOfTheAllocation() throws {
        let year = try FinancialYear(parsing: "2018/19")
        let allocations = [Allocation(id: "a", financialYear: year, amount: Money(pence: 3_771_000), description: "One-off allocation")]
        let spend = [SpendItem(id: "1", date: F.day("2018-06-14"), category: "Equipment", amount: Money(pence: 21_234)),
                     SpendItem(id: "2", date: F.day("2018-07-23"), category: "Publicity", amount: Money(pence: 24_500)),
                     SpendItem(id: "3", date: F.day("2019-01-15"), category: "CCTV", amount: Money(pence: 219_118)),
                     SpendItem(id: "4", date: F.day("2019-04-02"), category: "CCTV", amount: Money(pence: 10_000))]
        let summary = FundingSummary(financialYear: year, allocations: allocations, spend: spend)
        #expect(summary.spent == Money(pence: 264_852))
        #expect(summary.spent.description == "£2,648.52")
        #expect(summary.balance.description == "£35,061.48")
        #expect(summary.byCategory.map(\.category) == ["CCTV", "Publicity", "Equipment"])
    }
}

extension FlyTip {
    /// The same incident moved to a point the given distance outside an order's first edge.
    func with(metresFromEdge metres: Double, of order: PublicSpacesProtectionOrder) -> FlyTip {
        let a = NationalGrid.gridPoint(from: order.polygon[0]), b = NationalGrid.gridPoint(from: order.polygon[1])
        let mid = NationalGridPoint(easting: (a.easting + b.easting) / 2, northing: (a.northing + b.northing) / 2)
        let dx = b.easting - a.easting, dy = b.northing - a.northing, length = (dx * dx + dy * dy).squareRoot()
        // The outward normal of the first edge: away from the polygon's other corners.
        var normal = (x: dy / length, y: -dx / length)
        let c = NationalGrid.gridPoint(from: order.polygon[2])
        if (c.easting - mid.easting) * normal.x + (c.northing - mid.northing) * normal.y > 0 { normal = (-normal.x, -normal.y) }
        var copy = self
        copy.gridPoint = NationalGridPoint(easting: mid.easting + normal.x * metres, northing: mid.northing + normal.y * metres)
        copy.position = NationalGrid.wgs84(from: copy.gridPoint)
        return copy
    }
}
