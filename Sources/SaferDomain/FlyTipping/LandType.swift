import Foundation

/// Where a fly-tip lies, as Defra's incident return counts it.
public enum LandType: String, DefraCategory {
    case highway
    case footpathBridleway = "footpath-bridleway"
    case backAlleyway = "back-alleyway"
    case railway
    case councilLand = "council-land"
    case agricultural
    case privateResidential = "private-residential"
    case commercialIndustrial = "commercial-industrial"
    case watercourseBank = "watercourse-bank"
    case other

    public static let listName = "land type"

    public var label: String {
        switch self {
        case .highway: "Highway"
        case .footpathBridleway: "Footpath / Bridleway"
        case .backAlleyway: "Back Alleyway"
        case .railway: "Railway"
        case .councilLand: "Council Land"
        case .agricultural: "Agricultural"
        case .privateResidential: "Private / Residential"
        case .commercialIndustrial: "Commercial / Industrial"
        case .watercourseBank: "Watercourse / Bank"
        case .other: "Other (unidentified)"
        }
    }
}
