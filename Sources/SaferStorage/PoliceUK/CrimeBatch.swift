import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// The `police_crimes` columns an import writes, in VALUES order.
enum CrimeColumns {
    static let all = ["id", "month", "crime_id", "reported_by_id", "falls_within_id", "longitude", "latitude",
                      "location_id", "lsoa_id", "crime_type_id", "outcome_id", "context"]
}

/// One batch of crime rows as read, column by column: ids (0 = none), coordinates (NaN = none)
/// and the two free texts as bytes. Cheap to fill while reading; each engine's writer turns it
/// into statements or data (`SQLiteCrimeWriter`, `PostgresCrimeCopier`, `values(_:)`).
struct CrimeRows: Sendable {
    var id: [Int64] = [], month: [Int64] = [], reportedBy: [Int64] = [], fallsWithin: [Int64] = []
    var longitude: [Double] = [], latitude: [Double] = []
    var location: [Int64] = [], lsoa: [Int64] = [], crimeType: [Int64] = [], outcome: [Int64] = []
    var crimeID = TextColumn(), context = TextColumn()

    var count: Int { month.count }

    init(capacity: Int) {
        for keyPath in [\Self.id, \.month, \.reportedBy, \.fallsWithin, \.location, \.lsoa, \.crimeType, \.outcome] {
            self[keyPath: keyPath].reserveCapacity(capacity)
        }
        longitude.reserveCapacity(capacity)
        latitude.reserveCapacity(capacity)
        crimeID = TextColumn(capacity: capacity, bytesEach: 64)
        context = TextColumn(capacity: capacity, bytesEach: 0)
    }

    @inline(__always)
    mutating func append(id: Int64, month: Int64, crimeID: UnsafeBufferPointer<UInt8>, reportedBy: Int64, fallsWithin: Int64,
                         longitude: Double, latitude: Double, location: Int64, lsoa: Int64,
                         crimeType: Int64, outcome: Int64, context: UnsafeBufferPointer<UInt8>) {
        self.id.append(id)
        self.month.append(month)
        self.crimeID.append(crimeID)
        self.reportedBy.append(reportedBy)
        self.fallsWithin.append(fallsWithin)
        self.longitude.append(longitude)
        self.latitude.append(latitude)
        self.location.append(location)
        self.lsoa.append(lsoa)
        self.crimeType.append(crimeType)
        self.outcome.append(outcome)
        self.context.append(context)
    }
}

extension CrimeRows {
    /// Row `i`'s values in `CrimeColumns.all` order, NULL as nil, for SQLKit's insert builder.
    func values(_ i: Int) -> [any Encodable & Sendable] {
        func orNull(_ value: Int64) -> Int64? { value == 0 ? nil : value }
        func orNull(_ value: Double) -> Double? { value.isNaN ? nil : value }
        return [id[i], month[i], crimeID.string(i), orNull(reportedBy[i]), orNull(fallsWithin[i]),
                orNull(longitude[i]), orNull(latitude[i]), orNull(location[i]), orNull(lsoa[i]),
                crimeType[i], orNull(outcome[i]), context.string(i)]
    }
}

/// Texts stored end to end in one byte array; an empty text stands for NULL.
struct TextColumn: Sendable {
    private(set) var bytes: [UInt8] = []
    /// Where each value ends in `bytes`; it starts where the one before ends.
    private(set) var ends: [Int] = []

    init(capacity: Int = 0, bytesEach: Int = 0) {
        bytes.reserveCapacity(capacity * bytesEach)
        ends.reserveCapacity(capacity)
    }

    @inline(__always)
    mutating func append(_ value: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: value)
        ends.append(bytes.count)
    }

    @inline(__always)
    func range(_ index: Int) -> Range<Int> { (index == 0 ? 0 : ends[index - 1])..<ends[index] }

    /// The value as a `String`, nil when empty.
    func string(_ index: Int) -> String? {
        let range = range(index)
        return range.isEmpty ? nil : PoliceUKText.decode(bytes[range]).text
    }
}

/// One write of an import: the months to empty first, the new lookup texts, then the rows.
struct WriteUnit: Sendable {
    var replaceMonths: [Int64] = []
    var crimeTypes: [(Int64, String)] = []
    var outcomes: [(Int64, String)] = []
    var forces: [(Int64, String)] = []
    var locations: [(Int64, String)] = []
    var lsoas: [(Int64, String, String)] = []
    var rows: CrimeRows

    /// Lookup rows per INSERT.
    private static let lookupBatch = 1_000

    func write(to db: any SQLDatabase, with writer: CrimeRowWriter) async throws {
        for month in replaceMonths {
            try await db.delete(from: PoliceUKTables.crimes).where(PoliceUKTables.inMonths(month, month)).run()
        }
        switch writer {
        case .sqlite(let statements):
            try await SQLiteBulkStatement.run { try statements.write(self) }
        case .postgres(let copier):
            try await insertLookups(db)
            try await copier.copy(rows)
        case .sql:
            try await insertLookups(db)
            if rows.count > 0 {
                let insert = db.insert(into: PoliceUKTables.crimes).columns(CrimeColumns.all)
                for i in 0..<rows.count { insert.values(rows.values(i)) }
                try await insert.run()
            }
        }
    }

    /// Inserts the new lookup rows through SQLKit.
    private func insertLookups(_ db: any SQLDatabase) async throws {
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

/// How an import's rows reach the database.
enum CrimeRowWriter: Sendable {
    /// SQLite: statements prepared once on the transaction's connection, reused for every row.
    case sqlite(SQLiteCrimeWriter)
    /// PostgreSQL: `COPY ... FROM STDIN` on the transaction's connection.
    case postgres(PostgresCrimeCopier)
    /// Any engine: one multi-row INSERT per batch through SQLKit, when neither of the above is
    /// available.
    case sql

    /// The fastest way `db` offers.
    static func best(for db: any SQLDatabase) throws -> CrimeRowWriter {
        if let session = db as? ConnectionSession<SQLiteConnection>, let handle = session.transactionHandle() {
            return .sqlite(try SQLiteCrimeWriter(handle: handle))
        }
        if let session = db as? ConnectionSession<PostgresConnection> {
            return .postgres(PostgresCrimeCopier(connection: session.connection, logger: session.logger))
        }
        return .sql
    }

    /// Releases what the writer holds on the connection: SQLite's prepared statements are
    /// finalised here, before the transaction commits, not whenever the writer is freed.
    func close() async throws {
        if case .sqlite(let statements) = self { try await SQLiteBulkStatement.run { statements.finalize() } }
    }
}
