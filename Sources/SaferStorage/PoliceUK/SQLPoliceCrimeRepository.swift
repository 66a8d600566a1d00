import Foundation
import SQLKit
import SaferDomain

/// Counts of imported police.uk rows, grouped in SQL.
///
/// Beats come from the council's LSOA lookup at query time (`lsoa_lookup`, migration 3): an
/// LSOA not in the lookup, or a row without an LSOA, counts under beat "(unmapped)".
public struct SQLPoliceCrimeRepository: PoliceCrimeRepository {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    /// Rows of the months from `first` to `last`: a range of the primary key (migration 7).
    static func inMonths(_ first: Month, _ last: Month) -> any SQLExpression {
        PoliceUKTables.inMonths(first, last, column: SQLColumn("id", table: "c"))
    }

    public func points(from: Month, to: Month, crimeType: String) async throws -> [CrimePoint] {
        guard from <= to else { throw PeriodError.periodEndsBeforeItStarts(first: from, last: to) }
        struct Row: Decodable { let id: Int64, month: Int64, latitude: Double, longitude: Double, location: String? }
        return try await database.sql.select()
            .column(SQLColumn("id", table: "c"), as: "id").column(SQLColumn("month", table: "c"), as: "month")
            .column(SQLColumn("latitude", table: "c"), as: "latitude").column(SQLColumn("longitude", table: "c"), as: "longitude")
            .column(SQLColumn("name", table: "l"), as: "location")
            .from(SQLAlias(SQLIdentifier(PoliceUKTables.crimes), as: SQLIdentifier("c")))
            .join(SQLAlias(SQLIdentifier(PoliceUKTables.crimeTypes), as: SQLIdentifier("t")), method: SQLJoinMethod.inner,
                  on: SQLColumn("id", table: "t"), .equal, SQLColumn("crime_type_id", table: "c"))
            .join(SQLAlias(SQLIdentifier(PoliceUKTables.locations), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                  on: SQLColumn("id", table: "l"), .equal, SQLColumn("location_id", table: "c"))
            .where(SQLColumn("label", table: "t"), .equal, SQLBind(crimeType))
            .where(Self.inMonths(from, to))
            .where(SQLColumn("latitude", table: "c"), .isNot, SQLLiteral.null)
            .where(SQLColumn("longitude", table: "c"), .isNot, SQLLiteral.null)
            .orderBy(SQLColumn("id", table: "c"))
            .all(decoding: Row.self)
            .map { CrimePoint(id: $0.id, month: try PoliceUKTables.month($0.month, table: PoliceUKTables.crimes, id: String($0.id)), position: WGS84Point(latitude: $0.latitude, longitude: $0.longitude),
                              location: $0.location ?? "") }
    }

    public func counts(from: Month, to: Month, by groupings: [CrimeCountGrouping]) async throws -> [CrimeCount] {
        guard from <= to else { throw PeriodError.periodEndsBeforeItStarts(first: from, last: to) }
        let wanted = Set(groupings)
        let query = database.sql.select()
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(SQLAlias(SQLIdentifier(PoliceUKTables.crimes), as: SQLIdentifier("c")))
            .where(Self.inMonths(from, to))
        var groupBy: [any SQLExpression] = []
        func group(_ column: SQLColumn, as alias: String) {
            query.column(column, as: alias)
            groupBy.append(column)
        }
        if wanted.contains(.month) {
            group(SQLColumn("month", table: "c"), as: "month")
        }
        if wanted.contains(.crimeType) {
            query.join(SQLAlias(SQLIdentifier(PoliceUKTables.crimeTypes), as: SQLIdentifier("t")), method: SQLJoinMethod.inner,
                       on: SQLColumn("id", table: "t"), .equal, SQLColumn("crime_type_id", table: "c"))
            group(SQLColumn("label", table: "t"), as: "crime_type")
        }
        if wanted.contains(.beat) || wanted.contains(.lsoa) {
            query.join(SQLAlias(SQLIdentifier(PoliceUKTables.lsoas), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                       on: SQLColumn("id", table: "s"), .equal, SQLColumn("lsoa_id", table: "c"))
        }
        if wanted.contains(.beat) {
            query.join(SQLAlias(SQLIdentifier("lsoa_lookup"), as: SQLIdentifier("k")), method: SQLJoinMethod.left,
                       on: SQLColumn("lsoa_code", table: "k"), .equal, SQLColumn("code", table: "s"))
            query.join(SQLAlias(SQLIdentifier("areas"), as: SQLIdentifier("b")), method: SQLJoinMethod.left,
                       on: SQLColumn("key", table: "b"), .equal, SQLColumn("beat_key", table: "k"))
            group(SQLColumn("beat_key", table: "k"), as: "beat_key")
            group(SQLColumn("name", table: "b"), as: "beat_name")
        }
        if wanted.contains(.lsoa) {
            group(SQLColumn("code", table: "s"), as: "lsoa_code")
            group(SQLColumn("name", table: "s"), as: "lsoa_name")
        }
        for column in groupBy { query.groupBy(column) }

        var counts: [CrimeCount] = []
        for row in try await query.all() {
            var count = CrimeCount(count: try row.decode(column: "n", as: Int.self))
            if wanted.contains(.month) {
                count.month = try PoliceUKTables.month(try row.decode(column: "month", as: Int64.self), table: PoliceUKTables.crimes, id: "(counted)")
            }
            if wanted.contains(.crimeType) { count.crimeType = try row.decode(column: "crime_type", as: String.self) }
            if wanted.contains(.beat) {
                count.beatKey = try row.decode(column: "beat_key", as: String?.self)
                count.beatName = count.beatKey == nil
                    ? CrimeCount.unmappedBeat
                    : try row.decode(column: "beat_name", as: String?.self) ?? count.beatKey
            }
            if wanted.contains(.lsoa) {
                count.lsoaCode = try row.decode(column: "lsoa_code", as: String?.self)
                count.lsoaName = try row.decode(column: "lsoa_name", as: String?.self)
            }
            counts.append(count)
        }
        return CrimeCount.sorted(counts, by: groupings)
    }

    public func importedMonths() async throws -> [PoliceUKImportRecord] {
        try await database.sql.select()
            .columns("month", "source_files", "area_prefix", "rows_kept", "rows_skipped", "rows_bad", "imported_at")
            .from(PoliceUKTables.imports)
            .orderBy("month")
            .all()
            .map { row in
                let files = try JSONDecoder().decode([String].self, from: Data(try row.decode(column: "source_files", as: String.self).utf8))
                return PoliceUKImportRecord(
                    month: try PoliceUKTables.month(try row.decode(column: "month", as: Int64.self), table: PoliceUKTables.imports, id: "(month)"), files: files,
                    areaPrefix: try row.decode(column: "area_prefix", as: String?.self),
                    rowsKept: try row.decode(column: "rows_kept", as: Int.self),
                    rowsSkipped: try row.decode(column: "rows_skipped", as: Int.self),
                    rowsBad: try row.decode(column: "rows_bad", as: Int.self),
                    importedAt: Date(storedMillis: try row.decode(column: "imported_at", as: Int64.self)))
            }
    }
}
