import Foundation

/// Writes batches through prepared statements (see `SQLiteBulkStatement`).
///
/// - Crime rows go `rowsPerStatement` at a time: one step inserts them all through one cursor,
///   instead of opening a cursor and finding its place again for every row.
/// - A row whose id is one more than the table's largest (most rows: a month's rows are
///   numbered in order, and the newest month is usually the last) is given no id, and SQLite
///   assigns that same number (the documented rule for an INTEGER PRIMARY KEY without
///   AUTOINCREMENT). SQLite then appends without first looking the id up (0.95 s → 0.8 s for
///   the national month). Any other row gets its id written out. After every statement the
///   last id SQLite assigned is checked against the expected one.
final class SQLiteCrimeWriter: @unchecked Sendable {
    static let rowsPerStatement = 64
    private let crimes, crimeRows, crimeTypes, outcomes, forces, locations, lsoas, largestID: SQLiteBulkStatement

    init(handle: OpaquePointer) throws {
        func insert(_ table: String, _ columns: [String], rows: Int = 1) throws -> SQLiteBulkStatement {
            let values = (0..<rows).map { row in
                "(" + (1...columns.count).map { "?\(row * columns.count + $0)" }.joined(separator: ",") + ")"
            }
            return try SQLiteBulkStatement(handle: handle, sql: "INSERT INTO \(table) (\(columns.joined(separator: ","))) VALUES \(values.joined(separator: ","))")
        }
        crimes = try insert(PoliceUKTables.crimes, CrimeColumns.all)
        crimeRows = try insert(PoliceUKTables.crimes, CrimeColumns.all, rows: Self.rowsPerStatement)
        crimeTypes = try insert(PoliceUKTables.crimeTypes, ["id", "label"])
        outcomes = try insert(PoliceUKTables.outcomes, ["id", "label"])
        forces = try insert(PoliceUKTables.forces, ["id", "name"])
        locations = try insert(PoliceUKTables.locations, ["id", "name"])
        lsoas = try insert(PoliceUKTables.lsoas, ["id", "code", "name"])
        largestID = try SQLiteBulkStatement(handle: handle, sql: "SELECT max(id) FROM \(PoliceUKTables.crimes)")
    }

    /// Finalises every statement. Blocks: call through `SQLiteBulkStatement.run`.
    func finalize() {
        for statement in [crimes, crimeRows, crimeTypes, outcomes, forces, locations, lsoas, largestID] { statement.finalize() }
    }

    /// Writes `unit`'s lookups and rows. Blocks: call through `SQLiteBulkStatement.run`.
    func write(_ unit: WriteUnit) throws {
        for (statement, values) in [(crimeTypes, unit.crimeTypes), (outcomes, unit.outcomes), (forces, unit.forces), (locations, unit.locations)] {
            for (id, text) in values {
                statement.bind(1, id)
                statement.bind(2, text)
                try statement.step()
            }
        }
        for (id, code, name) in unit.lsoas {
            lsoas.bind(1, id)
            lsoas.bind(2, code)
            lsoas.bind(3, name)
            try lsoas.step()
        }
        let rows = unit.rows
        defer {
            crimes.clear()
            crimeRows.clear()
        }
        try rows.crimeID.bytes.withUnsafeBytes { crimeIDs in
            try rows.context.bytes.withUnsafeBytes { contexts in
                // The table's largest id, after this unit's deletes.
                var largest = try largestID.integer() ?? 0
                func bind(_ i: Int, to statement: SQLiteBulkStatement, slot: Int) {
                    let p = Int32(slot * CrimeColumns.all.count)
                    let id = rows.id[i]
                    statement.bind(id: id == largest + 1 ? 0 : id, at: p + 1)
                    largest = max(largest, id)
                    statement.bind(p + 2, rows.month[i])
                    statement.bind(p + 3, UnsafeRawBufferPointer(rebasing: crimeIDs[rows.crimeID.range(i)]))
                    statement.bind(id: rows.reportedBy[i], at: p + 4)
                    statement.bind(id: rows.fallsWithin[i], at: p + 5)
                    statement.bind(p + 6, rows.longitude[i])
                    statement.bind(p + 7, rows.latitude[i])
                    statement.bind(id: rows.location[i], at: p + 8)
                    statement.bind(id: rows.lsoa[i], at: p + 9)
                    statement.bind(p + 10, rows.crimeType[i])
                    statement.bind(id: rows.outcome[i], at: p + 11)
                    statement.bind(p + 12, UnsafeRawBufferPointer(rebasing: contexts[rows.context.range(i)]))
                }
                var i = 0
                while rows.count - i >= Self.rowsPerStatement {
                    for slot in 0..<Self.rowsPerStatement { bind(i + slot, to: crimeRows, slot: slot) }
                    try crimeRows.step()
                    i += Self.rowsPerStatement
                    try check(expected: rows.id[i - 1], crimeRows)
                }
                while i < rows.count {
                    bind(i, to: crimes, slot: 0)
                    try crimes.step()
                    i += 1
                    try check(expected: rows.id[i - 1], crimes)
                }
            }
        }
    }

    private func check(expected id: Int64, _ statement: SQLiteBulkStatement) throws {
        let stored = statement.lastInsertedRowID
        guard stored == id else {
            throw SQLiteBulkError(code: 0, message: "a police.uk row was stored with id \(stored) instead of \(id); nothing was imported", sql: statement.sql)
        }
    }
}
