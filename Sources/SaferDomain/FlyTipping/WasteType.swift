import Foundation

/// What was dumped, as Defra's incident return counts it. One incident may have several.
public enum WasteType: String, DefraCategory {
    case animalCarcass = "animal-carcass"
    case green
    case vehicleParts = "vehicle-parts"
    case whiteGoods = "white-goods"
    case otherElectrical = "other-electrical"
    case tyres
    case asbestos
    case clinical
    case constructionDemolitionExcavation = "construction-demolition-excavation"
    case blackBagsCommercial = "black-bags-commercial"
    case blackBagsHousehold = "black-bags-household"
    case chemicalDrumsOilFuel = "chemical-drums-oil-fuel"
    case otherHousehold = "other-household"
    case otherCommercial = "other-commercial"
    case other

    public static let listName = "waste type"

    public var label: String {
        switch self {
        case .animalCarcass: "Animal Carcass"
        case .green: "Green"
        case .vehicleParts: "Vehicle Parts"
        case .whiteGoods: "White Goods"
        case .otherElectrical: "Other Electrical"
        case .tyres: "Tyres"
        case .asbestos: "Asbestos"
        case .clinical: "Clinical"
        case .constructionDemolitionExcavation: "Constr / Demol / Excav"
        case .blackBagsCommercial: "Black Bags - Commercial"
        case .blackBagsHousehold: "Black Bags - Household"
        case .chemicalDrumsOilFuel: "Chemical Drums, Oil, Fuel"
        case .otherHousehold: "Other Household Waste"
        case .otherCommercial: "Other Commercial Waste"
        case .other: "Other (unidentified)"
        }
    }

    /// The hazard this waste carries, which sends the incident to a specialist contractor.
    public var hazard: Hazard? {
        switch self {
        case .asbestos: .asbestos
        case .clinical: .clinical
        case .chemicalDrumsOilFuel: .chemical
        default: nil
        }
    }
}
