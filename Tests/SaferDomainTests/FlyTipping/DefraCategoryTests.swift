import Foundation
import Testing
@testable import SaferDomain

@Suite("Defra's fly-tipping lists")
struct DefraCategoryTests {
    @Test func theListsHaveDefrasLengthsAndExactLabels() {
        #expect(LandType.allCases.count == 10)
        #expect(WasteType.allCases.count == 15)
        #expect(FlyTipSize.allCases.count == 7)
        #expect(LandType.footpathBridleway.label == "Footpath / Bridleway")
        #expect(WasteType.constructionDemolitionExcavation.label == "Constr / Demol / Excav")
        #expect(WasteType.chemicalDrumsOilFuel.label == "Chemical Drums, Oil, Fuel")
        #expect(FlyTipSize.significantMultiLoads.label == "Significant / Multi Loads")
    }

    @Test func labelsAndKeysAreReadWhateverTheSpacingAndCase() throws {
        #expect(LandType(label: "footpath/bridleway") == .footpathBridleway)
        #expect(LandType(label: "Footpath / Bridleway") == .footpathBridleway)
        #expect(LandType(label: "footpath-bridleway") == .footpathBridleway)
        #expect(WasteType(label: "black bags - household") == .blackBagsHousehold)
        #expect(FlyTipSize(label: "CAR BOOT OR LESS") == .carBootOrLess)
        for size in FlyTipSize.allCases { #expect(try FlyTipSize.parse(size.label) == size) }
    }

    @Test func aCategoryOffTheListIsRefusedNamingTheAllowedOnes() {
        #expect(throws: ValidationError.self) { try LandType.parse("Lay-by") }
        do { _ = try WasteType.parse("Fridge") } catch let error as ValidationError {
            #expect(error.messages[0].contains("'Fridge' is not a waste type on Defra's list"))
            #expect(error.messages[0].contains("White Goods"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func onlyTipperLorryAndMultiLoadCostsAreEnteredByHand() {
        #expect(FlyTipSize.allCases.filter(\.costEnteredPerIncident) == [.tipperLorryLoad, .significantMultiLoads])
        #expect(FlyTipSize.singleBlackBag < FlyTipSize.transitVanLoad)
    }

    @Test func asbestosClinicalAndChemicalWasteAreHazards() {
        #expect(WasteType.allCases.compactMap(\.hazard) == [.asbestos, .clinical, .chemical])
        let tip = FlyTipFixtures.flyTip(waste: [.green, .asbestos])
        #expect(tip.hazards == [.asbestos])
        #expect(tip.needsSpecialistClearance)
        #expect(tip.mainWasteType == .green)
    }
}
