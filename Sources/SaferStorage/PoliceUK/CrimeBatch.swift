import Foundation
import PostgresNIO
import SQLKit
import SQLiteNIO

/// The `police_crimes` columns an import writes, in VALUES order.
enum CrimeColumns {
    static let all = ["id", "month", "crime_id", "reported_by_id", "falls_within_id", "longitude", "latitude",
                      "location_id", "lsoa_id", "crime_type_id", "outcome_id", "context"]
}

/// Writes the dialect's bind placeholders (`?1`, `$1`, ...) fast. The dialect is asked once per
/// import: when its placeholders are a prefix and the bind's position (both SQLite's and
/// PostgreSQL's are) they are written as bytes; otherwise the dialect's own texts are cached.
struct BindPlaceholders: Sendable {
    /// The one byte before the number, e.g. `?` or `$`; 0 when the dialect writes something else.
    private let prefix: UInt8
    private let texts: [[UInt8]]

    init(for db: any SQLDatabase, count: Int) {
        func placeholder(_ position: Int) -> String {
            var serializer = SQLSerializer(database: db)
            db.dialect.bindPlaceholder(at: position).serialize(to: &serializer)
            return serializer.sql
        }
        let one = placeholder(1), many = placeholder(4_321)
        if one.utf8.count == 2, one.hasSuffix("1"), many == one.dropLast() + "4321" {
            prefix = one.utf8.first!
            texts = []
        } else {
            prefix = 0
            texts = [[]] + (1...max(count, 1)).map { Array(placeholder($0).utf8) }
        }
    }

    /// Appends the placeholder for the bind at `position` (1-based).
    @inline(__always)
    func write(_ position: Int, to sql: inout [UInt8]) {
        guard prefix != 0 else {
            sql.append(contentsOf: texts[position])
            return
        }
        sql.append(prefix)
        if position < 10 {
            sql.append(UInt8(truncatingIfNeeded: 48 + position))
            return
        }
        var divisor = 10
        while divisor * 10 <= position { divisor *= 10 }
        var rest = position
        while divisor > 0 {
            sql.append(UInt8(truncatingIfNeeded: 48 + rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }
}

/// One batch of crime rows as read, column by column: ids (0 = none), coordinates (NaN = none)
/// and the two free texts as bytes. Cheap to fill while reading; each engine's writer turns it
/// into statements or data (`SQLiteCrimeWriter`, `PostgresCrimeCopier`, `CrimeRowsBuilder`).
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
        return range.isEmpty ? nil : String(decoding: bytes[range], as: UTF8.self)
    }
}

/// Builds the `VALUES (...), (...)` of one multi-row INSERT of a batch: how rows are written
/// when the engine's bulk path is not available (see `CrimeRowWriter`).
///
/// Every value is a bind; a missing value is the keyword NULL. A value already bound among the
/// statement's first few binds (the month, usually the force, common crime types and outcomes)
/// reuses that placeholder instead of binding again: fewer binds to convert, and SQLite looks a
/// reused placeholder up by scanning the placeholders before it, which is cheap only near the start.
struct CrimeRowsBuilder {
    /// Only placeholders up to this position are reused (see above).
    private static let reuseLimit = 48

    private let placeholders: BindPlaceholders
    private(set) var rows = 0
    private var sql: [UInt8] = []
    private var binds: [any Encodable & Sendable] = []
    /// Bind positions of reusable values: months (YYYYMM), and ids per lookup (index = id).
    private var monthPositions: [(Int64, Int)] = []
    private var sharedPositions: [[Int32]] = [[], [], []]
    private static let forces = 0, crimeTypes = 1, outcomes = 2

    init(placeholders: BindPlaceholders, capacity: Int) {
        self.placeholders = placeholders
        sql.reserveCapacity(capacity * 64 + 16)
        binds.reserveCapacity(capacity * 6)
        sql.append(contentsOf: "VALUES ".utf8)
    }

    /// The VALUES of `batch`.
    static func values(of batch: CrimeRows, placeholders: BindPlaceholders) -> PreparedRows {
        var builder = CrimeRowsBuilder(placeholders: placeholders, capacity: batch.count)
        for i in 0..<batch.count {
            builder.append(id: batch.id[i], month: batch.month[i], crimeID: batch.crimeID.string(i),
                           reportedBy: batch.reportedBy[i], fallsWithin: batch.fallsWithin[i],
                           longitude: batch.longitude[i], latitude: batch.latitude[i],
                           location: batch.location[i], lsoa: batch.lsoa[i],
                           crimeType: batch.crimeType[i], outcome: batch.outcome[i], context: batch.context.string(i))
        }
        return builder.finished()
    }

    /// Adds one row. Ids of 0 and NaN coordinates are NULL.
    @inline(__always)
    mutating func append(id: Int64, month: Int64, crimeID: String?, reportedBy: Int64, fallsWithin: Int64,
                         longitude: Double, latitude: Double, location: Int64, lsoa: Int64,
                         crimeType: Int64, outcome: Int64, context: String?) {
        if rows > 0 { sql.append(UInt8(ascii: ",")) }
        sql.append(UInt8(ascii: "("))
        _ = newBind(id)
        comma(); bindMonth(month)
        comma(); bind(crimeID)
        comma(); bind(reportedBy, shared: Self.forces)
        comma(); bind(fallsWithin, shared: Self.forces)
        comma(); bind(longitude)
        comma(); bind(latitude)
        comma(); bind(location)
        comma(); bind(lsoa)
        comma(); bind(crimeType, shared: Self.crimeTypes)
        comma(); bind(outcome, shared: Self.outcomes)
        comma(); bind(context)
        sql.append(UInt8(ascii: ")"))
        rows += 1
    }

    /// The statement's VALUES, ready to write.
    func finished() -> PreparedRows {
        PreparedRows(sql: String(decoding: sql, as: UTF8.self), binds: binds, rows: rows)
    }

    // MARK: - Binding

    @inline(__always) private mutating func comma() { sql.append(UInt8(ascii: ",")) }
    @inline(__always) private mutating func null() { sql.append(contentsOf: [78, 85, 76, 76]) }     // NULL

    @inline(__always)
    private mutating func newBind(_ value: any Encodable & Sendable) -> Int {
        binds.append(value)
        placeholders.write(binds.count, to: &sql)
        return binds.count
    }

    @inline(__always)
    private mutating func bindMonth(_ month: Int64) {
        for (known, position) in monthPositions where known == month {
            return placeholders.write(position, to: &sql)
        }
        let position = newBind(month)
        if position <= Self.reuseLimit { monthPositions.append((month, position)) }
    }

    @inline(__always)
    private mutating func bind(_ id: Int64, shared kind: Int) {
        if id == 0 { return null() }
        let index = Int(id)
        if index < sharedPositions[kind].count {
            let known = Int(sharedPositions[kind][index])
            if known != 0 { return placeholders.write(known, to: &sql) }
        }
        let position = newBind(id)
        if position <= Self.reuseLimit {
            let count = sharedPositions[kind].count
            if index >= count { sharedPositions[kind].append(contentsOf: repeatElement(0, count: index + 1 - count)) }
            sharedPositions[kind][index] = Int32(position)
        }
    }

    @inline(__always)
    private mutating func bind(_ id: Int64) {
        if id == 0 { return null() }
        _ = newBind(id)
    }

    @inline(__always)
    private mutating func bind(_ value: Double) {
        if value.isNaN { return null() }
        _ = newBind(value)
    }

    @inline(__always)
    private mutating func bind(_ text: String?) {
        guard let text else { return null() }
        _ = newBind(text)
    }
}

/// The VALUES of a multi-row INSERT, built with placeholders numbered from 1, and their binds.
struct PreparedRows: SQLExpression {
    let sql: String
    let binds: [any Encodable & Sendable]
    let rows: Int

    func serialize(to serializer: inout SQLSerializer) {
        // The placeholders are numbered from 1: nothing before the VALUES of an INSERT binds.
        precondition(serializer.binds.isEmpty, "PreparedRows must hold the statement's first binds")
        serializer.write(sql)
        serializer.binds.append(contentsOf: binds)
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
            let ids = PoliceUKTables.ids(month, month)
            try await db.delete(from: PoliceUKTables.crimes)
                .where("id", .greaterThanOrEqual, ids.lowerBound).where("id", .lessThanOrEqual, ids.upperBound).run()
        }
        switch writer {
        case .sqlite(let statements):
            try await SQLiteBulkStatement.run { try statements.write(self) }
        case .postgres(let copier):
            try await insertLookups(db)
            try await copier.copy(rows)
        case .sql(let placeholders):
            try await insertLookups(db)
            if rows.count > 0 {
                let insert = db.insert(into: PoliceUKTables.crimes).columns(CrimeColumns.all)
                insert.insert.valueQuery = CrimeRowsBuilder.values(of: rows, placeholders: placeholders)
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
    /// Any engine: multi-row INSERTs through SQLKit.
    case sql(BindPlaceholders)

    /// The fastest way `db` offers.
    static func best(for db: any SQLDatabase, batchRows: Int) throws -> CrimeRowWriter {
        if let session = db as? ConnectionSession<SQLiteConnection>, let handle = session.transactionHandle() {
            return .sqlite(try SQLiteCrimeWriter(handle: handle))
        }
        if let session = db as? ConnectionSession<PostgresConnection> {
            return .postgres(PostgresCrimeCopier(connection: session.connection, logger: session.logger))
        }
        return .sql(BindPlaceholders(for: db, count: batchRows * CrimeColumns.all.count))
    }
}
