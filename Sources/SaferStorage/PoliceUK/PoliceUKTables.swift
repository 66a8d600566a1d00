import Foundation
import SQLKit

/// Table names of the police.uk data (migration 4).
enum PoliceUKTables {
    static let crimes = "police_crimes"
    static let crimeTypes = "police_crime_types"
    static let outcomes = "police_outcomes"
    static let forces = "police_forces"
    static let locations = "police_locations"
    static let lsoas = "police_lsoas"
    static let imports = "police_imports"

    /// Ids a month can hold: a row's id is `firstID(month) + n`, n from 1 (migration 7).
    static let idsPerMonth: Int64 = 1_000_000_000

    /// The id before a month's first row: YYYYMM × `idsPerMonth`.
    static func firstID(_ monthKey: Int64) -> Int64 { monthKey * idsPerMonth }

    /// `column BETWEEN` the first and last id the months from `first` to `last` (YYYYMM) can have.
    static func inMonths(_ first: Int64, _ last: Int64, column: some SQLExpression = SQLIdentifier("id")) -> any SQLExpression {
        SQLBetween(operand: column, lowerBound: SQLBind(firstID(first)), upperBound: SQLBind(firstID(last) + idsPerMonth - 1))
    }
}
