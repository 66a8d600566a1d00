import Foundation

/// The plain words the public report form offers, each mapped to Defra's categories, so that
/// a resident never has to know what "Constr / Demol / Excav" means.
public enum PlainWords {
    /// "What is it?" choices, in the order the form shows them.
    public static let waste: [(key: String, words: String, type: WasteType)] = [
        ("bags", "Household rubbish or black bags", .blackBagsHousehold),
        ("furniture", "Furniture, mattresses, carpets or other household items", .otherHousehold),
        ("garden", "Garden waste: grass, hedge cuttings, branches", .green),
        ("fridge", "Fridges, freezers, washing machines or cookers", .whiteGoods),
        ("electrical", "TVs, computers or other electrical items", .otherElectrical),
        ("rubble", "Building rubble, bricks, soil, plasterboard or kitchen units", .constructionDemolitionExcavation),
        ("tyres", "Tyres", .tyres),
        ("car-parts", "Car parts or batteries", .vehicleParts),
        ("asbestos", "Asbestos or sheets that might be asbestos (do not touch)", .asbestos),
        ("clinical", "Needles, syringes or medical waste (do not touch)", .clinical),
        ("chemicals", "Drums, oil, fuel, paint or chemicals (do not touch)", .chemicalDrumsOilFuel),
        ("business", "Waste from a shop or business", .otherCommercial),
        ("business-bags", "Black bags from a shop or business", .blackBagsCommercial),
        ("animal", "A dead animal", .animalCarcass),
        ("other", "Something else", .other),
    ]

    /// "How much is there?" choices, smallest first.
    public static let amount: [(key: String, words: String, size: FlyTipSize)] = [
        ("bag", "One bag", .singleBlackBag),
        ("item", "One item, such as a mattress or a fridge", .singleItem),
        ("car-boot", "About a car boot full", .carBootOrLess),
        ("small-van", "About a small van load", .smallVanLoad),
        ("large-van", "About a large (Transit) van load", .transitVanLoad),
        ("lorry", "About a lorry load", .tipperLorryLoad),
        ("several-loads", "More than a lorry load", .significantMultiLoads),
    ]

    /// "Where is it?" choices.
    public static let land: [(key: String, words: String, type: LandType)] = [
        ("road", "On a road, verge or lay-by", .highway),
        ("footpath", "On a footpath or bridleway", .footpathBridleway),
        ("alley", "In an alley behind houses", .backAlleyway),
        ("field", "In a field or farm gateway", .agricultural),
        ("council", "In a park, car park or other council land", .councilLand),
        ("water", "In or beside a river, stream or canal", .watercourseBank),
        ("private", "On private land or a garden", .privateResidential),
        ("business", "On a business or industrial estate", .commercialIndustrial),
        ("railway", "On or beside a railway", .railway),
        ("unsure", "I'm not sure", .other),
    ]

    /// The waste types for some "What is it?" keys; unknown keys are refused with a message.
    public static func wasteTypes(forKeys keys: [String]) throws -> [WasteType] {
        try keys.map { key in
            guard let match = waste.first(where: { $0.key == key }) else {
                throw ValidationError("'\(key)' is not one of the choices for what was dumped.", field: "what")
            }
            return match.type
        }
    }

    /// The size for a "How much?" key.
    public static func size(forKey key: String) throws -> FlyTipSize {
        guard let match = amount.first(where: { $0.key == key }) else {
            throw ValidationError("Choose how much has been dumped.", field: "amount")
        }
        return match.size
    }

    /// The land type for a "Where is it?" key; "I'm not sure" when none is chosen.
    public static func landType(forKey key: String?) throws -> LandType {
        guard let key, !key.isEmpty else { return .other }
        guard let match = land.first(where: { $0.key == key }) else {
            throw ValidationError("'\(key)' is not one of the choices for where it is.", field: "land")
        }
        return match.type
    }
}
