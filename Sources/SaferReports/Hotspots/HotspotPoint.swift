import Foundation
import SaferDomain

/// One thing on the map to count and cluster: a fly-tip or an imported police.uk crime.
public struct HotspotPoint: Sendable, Hashable {
    /// A fly-tip's reference, or a crime's row id.
    public let id: String
    public let gridPoint: NationalGridPoint
    public let date: Date
    /// A road name for fly-tips; police.uk's "On or near …" for crimes.
    public let location: String
    /// A fly-tip's main waste type; nil for crimes.
    public let wasteType: WasteType?
    /// Whether the incident still waits for the crews (always false for crimes).
    public let isOpen: Bool

    public init(id: String, gridPoint: NationalGridPoint, date: Date, location: String, wasteType: WasteType? = nil, isOpen: Bool = false) {
        self.id = id
        self.gridPoint = gridPoint
        self.date = date
        self.location = location
        self.wasteType = wasteType
        self.isOpen = isOpen
    }

    /// A fly-tip as a point.
    public init(_ tip: FlyTip) {
        self.init(id: tip.reference, gridPoint: tip.gridPoint, date: tip.reportedAt, location: tip.location,
                  wasteType: tip.mainWasteType, isOpen: tip.status.isOpen)
    }
}
