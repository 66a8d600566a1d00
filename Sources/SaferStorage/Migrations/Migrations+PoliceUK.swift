import Foundation
import SQLKit

extension Migrations {
    /// Street-level crime rows imported from police.uk, normalised: every repeated text (crime
    /// type, outcome, force, LSOA, location) is stored once in a lookup table and the fact table
    /// `police_crimes` holds integer keys.
    ///
    /// - `month` is the integer YYYYMM (201805 for May 2018): it reads almost like `YYYY-MM`, sorts
    ///   and compares as a number, and keeps the fact table's rows and its index small (an import
    ///   inserts hundreds of thousands of index entries; integer keys compare fastest).
    /// - Lookup ids are assigned by the importer (it holds the write lock while importing), so
    ///   both engines use plain BIGINT keys and new values go in with batched inserts.
    /// - The `*_id` columns of `police_crimes` are foreign keys by design but not declared as
    ///   constraints: checking six of them per row made a national month (550,000 rows) import
    ///   2.3 times slower on PostgreSQL (40 s against 17 s; a trigger and a row lock per check) and
    ///   14% slower on SQLite. The importer is the only writer of these tables, inserts each new
    ///   lookup row in the same transaction before any crime row refers to it, and nothing deletes
    ///   lookup rows; the import tests check that every id resolves.
    /// - Beats are not copied into crime rows: counts by beat join `police_lsoas.code` to
    ///   `lsoa_lookup.lsoa_code` (migration 3), so a corrected lookup applies to old months too.
    /// - `police_imports` has one row per month imported; re-importing a month replaces its crime
    ///   rows and this row in the same transaction.
    static func policeUK(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        // One small table per repeated text: (id, text UNIQUE).
        for (table, column) in [(PoliceUKTables.crimeTypes, "label"), (PoliceUKTables.outcomes, "label"),
                                (PoliceUKTables.forces, "name"), (PoliceUKTables.locations, "name")] {
            try await db.create(table: table)
                .column("id", type: .bigint, .primaryKey(autoIncrement: false))
                .column(column, type: .text, .notNull, .unique)
                .run()
        }
        try await db.create(table: PoliceUKTables.lsoas)
            .column("id", type: .bigint, .primaryKey(autoIncrement: false))
            .column("code", type: .text, .notNull, .unique)      // E01031035
            .column("name", type: .text, .notNull)               // North Warwickshire 001A
            .run()
        // `.primaryKey(autoIncrement: true)` is INTEGER PRIMARY KEY (the rowid) on SQLite and an
        // identity column on PostgreSQL.
        try await db.create(table: PoliceUKTables.crimes)
            .column("id", type: .bigint, .primaryKey(autoIncrement: true))
            .column("month", type: .bigint, .notNull)            // YYYYMM, e.g. 201805
            .column("crime_id", type: .text)                     // NULL for anti-social behaviour
            .column("reported_by_id", type: .bigint)             // police_forces.id
            .column("falls_within_id", type: .bigint)            // police_forces.id
            .column("longitude", type: double)                   // NULL: no location
            .column("latitude", type: double)
            .column("location_id", type: .bigint)                // police_locations.id; NULL: no location
            .column("lsoa_id", type: .bigint)                    // police_lsoas.id; NULL: no LSOA
            .column("crime_type_id", type: .bigint, .notNull)    // police_crime_types.id
            .column("outcome_id", type: .bigint)                 // police_outcomes.id; NULL for ASB
            .column("context", type: .text)
            .run()
        // Replacing a month deletes by month; counts scan a month range grouped by type and LSOA,
        // which this index answers without reading the table.
        try await db.create(index: "police_crimes_month").on(PoliceUKTables.crimes)
            .column("month").column("crime_type_id").column("lsoa_id").run()
        try await db.create(table: PoliceUKTables.imports)
            .column("month", type: .bigint, .primaryKey(autoIncrement: false))   // YYYYMM
            .column("source_files", type: .text, .notNull)       // JSON array of file names
            .column("area_prefix", type: .text)                  // NULL: all areas
            .column("rows_kept", type: .bigint, .notNull)
            .column("rows_skipped", type: .bigint, .notNull)     // outside the area
            .column("rows_bad", type: .bigint, .notNull)
            .column("imported_at", type: .bigint, .notNull)      // milliseconds since 1970, UTC
            .run()
    }

    /// Keys `police_crimes` by month: a row's id is its month's first id plus its place in the
    /// month (`PoliceUKTables.firstID`, e.g. 201805000000001), and the secondary index on
    /// `(month, crime_type_id, lsoa_id)` goes.
    ///
    /// Every read and the replacement of a month select a month range, which is now a range of
    /// the primary key: on SQLite the rowid itself, so a month's rows lie together in the table,
    /// an import appends to its end, and a month is deleted as one range. Maintaining the index
    /// cost more than inserting the rows (a national month, 550,000 rows: 1.95 s with it, 1.1 s
    /// without, on SQLite); counts now read the month's rows instead of the index, which for a
    /// district's thousand rows a month is immaterial.
    static func policeUKByMonth(_ db: any SQLDatabase, _ engine: SaferDatabase.Engine) async throws {
        // New ids are YYYYMM × 10⁹ + n, above 10¹⁴ for any month police.uk has published, far
        // above any id the old numbering (1, 2, 3, ...) gave: no row's new id can meet another
        // row's old one while the UPDATE runs.
        try await db.raw("""
            UPDATE \(unsafeRaw: PoliceUKTables.crimes) SET id = numbered.new_id
            FROM (SELECT id AS old_id,
                         month * \(unsafeRaw: String(PoliceUKTables.idsPerMonth)) + ROW_NUMBER() OVER (PARTITION BY month ORDER BY id) AS new_id
                  FROM \(unsafeRaw: PoliceUKTables.crimes)) AS numbered
            WHERE \(unsafeRaw: PoliceUKTables.crimes).id = numbered.old_id
            """).run()
        try await db.drop(index: "police_crimes_month").run()
    }
}
