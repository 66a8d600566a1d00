import Foundation
import Testing
@testable import SaferDomain

@Suite("Defra's fly-tipping return")
struct DefraReturnTests {
    typealias F = FlyTipFixtures

    /// The hand-checked fixture, read through the same file reader as imports and the demo.
    static func fixture() throws -> [FlyTip] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/defra-q3-2018.csv")
        let parsed = try FlyTipFile.parse(try String(contentsOf: url, encoding: .utf8))
        #expect(parsed.problems.isEmpty)
        var tips: [FlyTip] = []
        for (line, input) in parsed.rows {
            var input = input
            if line == 9 { input.duplicateOf = "line-8" }   // row 8 repeats row 7 (file line 8)
            tips.append(try input.flyTip(id: "line-\(line)", reference: "FT-\(line)", recordedBy: "fixture", now: F.now))
        }
        return tips
    }

    static let actions = [
        ("2018-10-10", EnforcementActionType.warningLetter), ("2018-12-20", .warningLetter), ("2018-11-05", .fpnIssued),
        ("2018-11-20", .fpnPaid), ("2018-09-01", .investigation), ("2019-01-15", .prosecution),
    ].enumerated().map { EnforcementAction(id: "a\($0.offset)", caseID: "c1", type: $0.element.1, date: F.day($0.element.0)) }

    @Test func theQuarterMatchesTheHandCheckedFixture() throws {
        let r = DefraReturn(range: F.range("2018-10-01", "2018-12-31"), flyTips: try Self.fixture(), actions: Self.actions, costs: .formerNational)
        #expect(r.total == 11)
        #expect(r.count(.highway, .singleBlackBag) == 1)
        #expect(r.count(.highway, .singleItem) == 1)
        #expect(r.count(.highway, .carBootOrLess) == 2)
        #expect(r.count(.highway, .smallVanLoad) == 2)
        #expect(r.count(.highway, .significantMultiLoads) == 1)
        #expect(r.count(.footpathBridleway, .transitVanLoad) == 1)
        #expect(r.count(.agricultural, .smallVanLoad) == 1)
        #expect(r.count(.agricultural, .tipperLorryLoad) == 1)
        #expect(r.count(.watercourseBank, .carBootOrLess) == 1)
        #expect([LandType.highway, .footpathBridleway, .agricultural, .watercourseBank, .councilLand, .privateResidential].map(r.total) == [7, 1, 2, 1, 0, 0])
        #expect(FlyTipSize.allCases.map(r.total) == [1, 1, 3, 3, 1, 1, 1])
        #expect(r.costBySize[.singleBlackBag] == Money(pence: 700))
        #expect(r.costBySize[.carBootOrLess] == Money(pence: 8700))
        #expect(r.costBySize[.smallVanLoad] == Money(pence: 16_800))
        #expect(r.costBySize[.tipperLorryLoad] == Money(pence: 48_000))
        #expect(r.costBySize[.significantMultiLoads] == nil)
        #expect(r.totalCost == Money(pence: 88_600))
        #expect(r.incidentsMissingCost == 1)
        #expect(r.hazardous == 1)
        #expect(r.byWasteType == [.green: 1, .otherHousehold: 2, .whiteGoods: 1, .constructionDemolitionExcavation: 1, .tyres: 2,
                                  .asbestos: 1, .blackBagsHousehold: 1, .otherCommercial: 1, .other: 1])
        #expect(r.enforcement == [.warningLetter: 2, .fpnIssued: 1, .fpnPaid: 1])
        #expect(r.costByLandAndSize[.highway]?[.smallVanLoad] == Money(pence: 11_200))
    }

    @Test func everyTableAddsUpToTheSameTotal() throws {
        let r = DefraReturn(range: F.range("2018-04-01", "2019-03-31"), flyTips: try Self.fixture(), actions: [], costs: .formerNational)
        #expect(r.total == 13)   // the quarter's 11 plus rows 14 and 15
        #expect(r.byWasteType.values.reduce(0, +) == r.total)
        #expect(FlyTipSize.allCases.map(r.total).reduce(0, +) == r.total)
        #expect(LandType.allCases.map(r.total).reduce(0, +) == r.total)
    }

    @Test func aQuarterStartsAndEndsAtUKMidnight() throws {
        let tips = try Self.fixture()
        let q3 = DefraReturn(range: DayRange(try Period(first: Month(parsing: "2018-10"), last: Month(parsing: "2018-12"))),
                             flyTips: tips, actions: [], costs: .formerNational)
        #expect(q3.total == 11)
        let december = DefraReturn(range: F.range("2018-12-31", "2018-12-31"), flyTips: tips, actions: [], costs: .formerNational)
        #expect(december.total == 1)   // 23:30 on 31 December, UK time
    }
}
