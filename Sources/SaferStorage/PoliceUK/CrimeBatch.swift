import Foundation
import SQLKit

/// Crime rows waiting to be inserted, column by column. Ids of 0 and NaN coordinates stand
/// for NULL (lookup ids start at 1).
struct CrimeBatch: Sendable {
    /// The `police_crimes` columns written, in VALUES order.
    static let columns = ["month", "crime_id", "reported_by_id", "falls_within_id", "longitude", "latitude",
                          "location_id", "lsoa_id", "crime_type_id", "outcome_id", "context"]

    private(set) var months: [String] = []
    private(set) var crimeIDs: [String?] = []
    private(set) var reportedBy: [Int64] = []
    private(set) var fallsWithin: [Int64] = []
    private(set) var longitudes: [Double] = []
    private(set) var latitudes: [Double] = []
    private(set) var locations: [Int64] = []
    private(set) var lsoas: [Int64] = []
    private(set) var crimeTypes: [Int64] = []
    private(set) var outcomes: [Int64] = []
    private(set) var contexts: [String?] = []

    var count: Int { months.count }

    mutating func reserve(_ rows: Int) {
        months.reserveCapacity(rows); crimeIDs.reserveCapacity(rows); reportedBy.reserveCapacity(rows)
        fallsWithin.reserveCapacity(rows); longitudes.reserveCapacity(rows); latitudes.reserveCapacity(rows)
        locations.reserveCapacity(rows); lsoas.reserveCapacity(rows); crimeTypes.reserveCapacity(rows)
        outcomes.reserveCapacity(rows); contexts.reserveCapacity(rows)
    }

    @inline(__always)
    mutating func append(month: String, crimeID: String?, reportedBy: Int64, fallsWithin: Int64, longitude: Double,
                         latitude: Double, location: Int64, lsoa: Int64, crimeType: Int64, outcome: Int64, context: String?) {
        months.append(month); crimeIDs.append(crimeID); self.reportedBy.append(reportedBy)
        self.fallsWithin.append(fallsWithin); longitudes.append(longitude); latitudes.append(latitude)
        locations.append(location); lsoas.append(lsoa); crimeTypes.append(crimeType)
        outcomes.append(outcome); contexts.append(context)
    }
}

/// The dialect's bind placeholders (`?1`, `$1`, ...), asked of the dialect once per import
/// rather than once per value: a batch has up to tens of thousands of binds.
struct BindPlaceholders: Sendable {
    private let texts: [String]

    init(for db: any SQLDatabase, count: Int) {
        var texts = [""]
        texts.reserveCapacity(count + 1)
        for position in 1...max(count, 1) {
            var serializer = SQLSerializer(database: db)
            db.dialect.bindPlaceholder(at: position).serialize(to: &serializer)
            texts.append(serializer.sql)
        }
        self.texts = texts
    }

    subscript(position: Int) -> String { texts[position] }
}

/// `VALUES (...), (...)` for a batch: every value a bind, NULL written as the keyword.
///
/// Equivalent to `SQLInsertBuilder.values(...)` row by row, but without boxing each value in an
/// `SQLBind` expression: at hundreds of thousands of rows that boxing is most of the cost.
struct CrimeRowsExpression: SQLExpression {
    let batch: CrimeBatch
    let placeholders: BindPlaceholders

    func serialize(to serializer: inout SQLSerializer) {
        serializer.sql.reserveCapacity(serializer.sql.utf8.count + batch.count * 100)
        serializer.binds.reserveCapacity(serializer.binds.count + batch.count * CrimeBatch.columns.count)
        serializer.write("VALUES ")
        for row in 0..<batch.count {
            serializer.sql += row == 0 ? "(" : ",("
            bind(batch.months[row], &serializer, first: true)
            bind(batch.crimeIDs[row], &serializer)
            bind(id: batch.reportedBy[row], &serializer)
            bind(id: batch.fallsWithin[row], &serializer)
            bind(batch.longitudes[row], &serializer)
            bind(batch.latitudes[row], &serializer)
            bind(id: batch.locations[row], &serializer)
            bind(id: batch.lsoas[row], &serializer)
            bind(id: batch.crimeTypes[row], &serializer)
            bind(id: batch.outcomes[row], &serializer)
            bind(batch.contexts[row], &serializer)
            serializer.sql += ")"
        }
    }

    @inline(__always)
    private func bind(_ value: String?, _ serializer: inout SQLSerializer, first: Bool = false) {
        if !first { serializer.sql += "," }
        if let value {
            serializer.binds.append(value)
            serializer.sql += placeholders[serializer.binds.count]
        } else {
            serializer.sql += "NULL"
        }
    }

    @inline(__always)
    private func bind(id: Int64, _ serializer: inout SQLSerializer) {
        serializer.sql += ","
        if id != 0 {
            serializer.binds.append(id)
            serializer.sql += placeholders[serializer.binds.count]
        } else {
            serializer.sql += "NULL"
        }
    }

    @inline(__always)
    private func bind(_ value: Double, _ serializer: inout SQLSerializer) {
        serializer.sql += ","
        if !value.isNaN {
            serializer.binds.append(value)
            serializer.sql += placeholders[serializer.binds.count]
        } else {
            serializer.sql += "NULL"
        }
    }
}

/// One write of an import: the months to empty first, the new lookup texts, then the rows.
struct WriteUnit: Sendable {
    var replaceMonths: [String] = []
    var crimeTypes: [(Int64, String)] = []
    var outcomes: [(Int64, String)] = []
    var forces: [(Int64, String)] = []
    var locations: [(Int64, String)] = []
    var lsoas: [(Int64, String, String)] = []
    var rows = CrimeBatch()

    /// Lookup rows per INSERT.
    private static let lookupBatch = 1_000

    func write(to db: any SQLDatabase, placeholders: BindPlaceholders) async throws {
        for month in replaceMonths {
            try await db.delete(from: PoliceUKTables.crimes).where("month", .equal, month).run()
        }
        try await insertLookups(crimeTypes, into: PoliceUKTables.crimeTypes, column: "label", db)
        try await insertLookups(outcomes, into: PoliceUKTables.outcomes, column: "label", db)
        try await insertLookups(forces, into: PoliceUKTables.forces, column: "name", db)
        try await insertLookups(locations, into: PoliceUKTables.locations, column: "name", db)
        var start = 0
        while start < lsoas.count {
            let insert = db.insert(into: PoliceUKTables.lsoas).columns("id", "code", "name")
            for (id, code, name) in lsoas[start..<min(start + Self.lookupBatch, lsoas.count)] {
                insert.values([id, code, name] as [any Encodable & Sendable])
            }
            try await insert.run()
            start += Self.lookupBatch
        }
        if rows.count > 0 {
            let insert = db.insert(into: PoliceUKTables.crimes).columns(CrimeBatch.columns)
            insert.insert.valueQuery = CrimeRowsExpression(batch: rows, placeholders: placeholders)
            try await insert.run()
        }
    }

    private func insertLookups(_ values: [(Int64, String)], into table: String, column: String, _ db: any SQLDatabase) async throws {
        var start = 0
        while start < values.count {
            let insert = db.insert(into: table).columns("id", column)
            for (id, text) in values[start..<min(start + Self.lookupBatch, values.count)] {
                insert.values([id, text] as [any Encodable & Sendable])
            }
            try await insert.run()
            start += Self.lookupBatch
        }
    }
}
