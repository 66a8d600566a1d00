import Foundation

/// How much was dumped, as Defra's incident return counts it, smallest first.
public enum FlyTipSize: String, DefraCategory, Comparable {
    case singleBlackBag = "single-black-bag"
    case singleItem = "single-item"
    case carBootOrLess = "car-boot-or-less"
    case smallVanLoad = "small-van-load"
    case transitVanLoad = "transit-van-load"
    case tipperLorryLoad = "tipper-lorry-load"
    case significantMultiLoads = "significant-multi-loads"

    public static let listName = "size"

    public var label: String {
        switch self {
        case .singleBlackBag: "Single Black Bag"
        case .singleItem: "Single Item"
        case .carBootOrLess: "Car Boot or Less"
        case .smallVanLoad: "Small Van Load"
        case .transitVanLoad: "Transit Van Load"
        case .tipperLorryLoad: "Tipper Lorry Load"
        case .significantMultiLoads: "Significant / Multi Loads"
        }
    }

    /// Tipper-lorry and multi-load clearances vary too much for a unit cost: the cost of each
    /// such incident is entered by hand (Defra dropped national unit costs from 2017/18).
    public var costEnteredPerIncident: Bool { self >= .tipperLorryLoad }

    public static func < (lhs: FlyTipSize, rhs: FlyTipSize) -> Bool {
        (allCases.firstIndex(of: lhs) ?? 0) < (allCases.firstIndex(of: rhs) ?? 0)   // allCases holds every case
    }
}
