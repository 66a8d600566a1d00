import Foundation

/// A category of the police beat comparison table. Encoded as its slug, e.g.
/// `"vehicle-crime"` (the same slugs as the demo CSV and police.uk where they overlap).
public enum BeatCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// All recorded crime.
    case totalRecordedCrime = "total-recorded-crime"
    /// Vehicle crime (police.uk "Vehicle crime").
    case vehicleCrime = "vehicle-crime"
    /// Anti-social behaviour incidents (police.uk "Anti-social behaviour").
    case antiSocialBehaviour = "anti-social-behaviour"

    /// The table heading: `Total Recorded Crime`, `Vehicle Crime`, `ASB`.
    public var displayName: String {
        switch self {
        case .totalRecordedCrime: "Total Recorded Crime"
        case .vehicleCrime: "Vehicle Crime"
        case .antiSocialBehaviour: "ASB"
        }
    }

    /// The words the narrative uses: `Total crime`, `Vehicle crime`, `ASB`.
    public var narrativeName: String {
        switch self {
        case .totalRecordedCrime: "Total crime"
        case .vehicleCrime: "Vehicle crime"
        case .antiSocialBehaviour: "ASB"
        }
    }
}
