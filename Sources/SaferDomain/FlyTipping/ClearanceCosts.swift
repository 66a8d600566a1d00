import Foundation

/// The council's unit clearance cost for each size a unit cost applies to (everything below a
/// tipper lorry load). Defra dropped its national unit costs from 2017/18 as out of date, so
/// these are a council setting; the defaults are the old national figures, to be replaced.
public struct ClearanceCosts: Sendable, Hashable, Codable {
    /// Cost per incident by size.
    public var unitCosts: [FlyTipSize: Money]

    public init(unitCosts: [FlyTipSize: Money]) { self.unitCosts = unitCosts }

    /// Defra's former national unit costs (about £7, £29, £29, £56, £115), used until the
    /// council sets its own; a single item is costed as a car boot load.
    public static let formerNational = ClearanceCosts(unitCosts: [
        .singleBlackBag: Money(pence: 700), .singleItem: Money(pence: 2900), .carBootOrLess: Money(pence: 2900),
        .smallVanLoad: Money(pence: 5600), .transitVanLoad: Money(pence: 11500),
    ])

    /// The unit cost for a size; nil for the sizes costed per incident.
    public func unitCost(for size: FlyTipSize) -> Money? {
        size.costEnteredPerIncident ? nil : (unitCosts[size] ?? .zero)
    }
}
