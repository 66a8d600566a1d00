import Foundation
import SQLKit

extension Migrations {
    /// A floating-point column that is 8 bytes on both engines (SQLKit's `.real` is 4 bytes on PostgreSQL).
    static let double = SQLDataType.custom(SQLRaw("DOUBLE PRECISION"))

    /// Indicator catalogue, areas, the LSOA lookup and the monthly figures.
    static func performance(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        try await db.create(table: "themes")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("position", type: .bigint, .notNull)
            .run()
        try await db.create(table: "areas")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("kind", type: .text, .notNull)              // district, beat, ward
            .column("parent_key", type: .text)
            .column("population", type: .bigint)
            .column("residential_properties", type: .bigint)
            .run()
        try await db.create(table: "lsoa_lookup")
            .column("lsoa_code", type: .text, .primaryKey(autoIncrement: false))
            .column("lsoa_name", type: .text, .notNull)
            .column("beat_key", type: .text, .references("areas", "key"))
            .column("ward_key", type: .text, .references("areas", "key"))
            .run()
        try await db.create(table: "indicators")
            .column("key", type: .text, .primaryKey(autoIncrement: false))
            .column("name", type: .text, .notNull)
            .column("theme_key", type: .text, .references("themes", "key"))
            .column("polarity", type: .text, .notNull)
            .column("threshold", type: double, .notNull)
            .column("parent_key", type: .text)
            .column("kind", type: .text, .notNull)              // count, proportion
            .column("base_key", type: .text)
            .column("source", type: .text, .notNull)            // police-uk, partner
            .column("position", type: .bigint, .notNull)
            .column("rate_base", type: .text)                   // population, residential-properties
            .run()
        try await db.create(table: "indicator_crime_types")
            .column("indicator_key", type: .text, .notNull, .references("indicators", "key"))
            .column("crime_type", type: .text, .notNull)
            .primaryKey("indicator_key", "crime_type")
            .run()
        // A row is a number or TBC; a month with no row is not reported.
        try await db.create(table: "figures")
            .column("indicator_key", type: .text, .notNull, .references("indicators", "key"))
            .column("area_key", type: .text, .notNull, .references("areas", "key"))
            .column("month", type: .text, .notNull)             // YYYY-MM
            .column("value", type: double)                      // NULL with status tbc
            .column("status", type: .text, .notNull)            // number, tbc
            .primaryKey("indicator_key", "area_key", "month")
            .run()
        // Totals a source gives for a run of months without the months (a year's baseline,
        // a quarter's beat figure, a "last 12 months" column).
        try await db.create(table: "supplied_totals")
            .column("indicator_key", type: .text, .notNull, .references("indicators", "key"))
            .column("area_key", type: .text, .notNull, .references("areas", "key"))
            .column("first_month", type: .text, .notNull)       // YYYY-MM
            .column("last_month", type: .text, .notNull)        // YYYY-MM
            .column("value", type: double, .notNull)
            .primaryKey("indicator_key", "area_key", "first_month", "last_month")
            .run()
    }
}
