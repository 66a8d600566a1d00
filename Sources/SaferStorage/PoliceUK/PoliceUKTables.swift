import Foundation

/// Table names of the police.uk data (migration 4).
enum PoliceUKTables {
    static let crimes = "police_crimes"
    static let crimeTypes = "police_crime_types"
    static let outcomes = "police_outcomes"
    static let forces = "police_forces"
    static let locations = "police_locations"
    static let lsoas = "police_lsoas"
    static let imports = "police_imports"
}
