import Foundation
import SQLKit
import SaferDomain

/// Table names of the police.uk data (migration 4).
enum PoliceUKTables {
    static let crimes = "police_crimes"
    static let crimeTypes = "police_crime_types"
    static let outcomes = "police_outcomes"
    static let forces = "police_forces"
    static let locations = "police_locations"
    static let lsoas = "police_lsoas"
    static let imports = "police_imports"

    /// Ids a month can hold (migration 7; see `PoliceUKMonthKey`).
    static let idsPerMonth = PoliceUKMonthKey.idsPerMonth

    /// The id before a month's first row: YYYYMM × `idsPerMonth`.
    static func firstID(_ monthKey: Int64) -> Int64 { monthKey * idsPerMonth }

    /// `column BETWEEN` the first and last id the months from `first` to `last` (YYYYMM) can have.
    static func inMonths(_ first: Int64, _ last: Int64, column: some SQLExpression = SQLIdentifier("id")) -> any SQLExpression {
        SQLBetween(operand: column, lowerBound: SQLBind(firstID(first)), upperBound: SQLBind(firstID(last) + idsPerMonth - 1))
    }

    /// The same, for months.
    static func inMonths(_ first: Month, _ last: Month, column: some SQLExpression = SQLIdentifier("id")) -> any SQLExpression {
        inMonths(PoliceUKMonthKey(first).value, PoliceUKMonthKey(last).value, column: column)
    }

    /// The month of a stored key, or an error naming the row.
    static func month(_ key: Int64, table: String, id: String) throws -> Month {
        guard let month = PoliceUKMonthKey(stored: key)?.month else {
            throw StoredValueError(table: table, id: id, column: "month", value: String(key))
        }
        return month
    }
}
