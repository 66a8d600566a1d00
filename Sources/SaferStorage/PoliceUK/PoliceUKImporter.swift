import Foundation
import SQLKit
import SaferDomain

/// Imports police.uk street-level crime files (`YYYY-MM-<force>-street.csv`) into the
/// normalised tables of migration 4.
///
/// - Files of any size are streamed in chunks; no file is held in memory.
/// - Every file's header is checked before anything is written: a file lacking a police.uk
///   column is rejected, naming the columns, and then nothing is imported (its months are
///   unknown, so importing the other files could leave a month with only part of its rows).
/// - A bad row (wrong number of fields, a month that is not `YYYY-MM`, coordinates that are not
///   numbers, no crime type) is reported with its file and line, and the rest is imported.
/// - The whole run is ONE transaction. Each month found in the files replaces that month's rows
///   and import record, so re-importing never duplicates, and a failure or interruption at any
///   point leaves the database exactly as it was.
/// - Rows are read into column arrays in batches of 1,000 and written while the next batches are
///   read (`WriteQueue`). On SQLite each INSERT is prepared once on the transaction's connection
///   and reused for the whole import (`SQLiteCrimeWriter`); elsewhere each batch is one multi-row
///   INSERT with binds. Lookups are interned by raw bytes, so a repeated text costs a hash, not a `String`.
/// - A row's id is its month's first id plus its place in the month (migration 7), so a month's
///   rows are one range of the primary key: replaced and read as a range.
/// - `PRAGMA synchronous` is left alone: a whole import is one transaction, so it syncs once.
public struct PoliceUKImporter: Sendable {
    /// How an import runs.
    public struct Options: Sendable {
        /// Which rows to keep.
        public var area: PoliceUKAreaFilter
        /// Rows per INSERT statement (at most 2,500, to stay within both engines' bind limits).
        public var batchRows: Int
        /// Bytes read from a file at a time.
        public var chunkBytes: Int

        public init(area: PoliceUKAreaFilter = .northWarwickshire, batchRows: Int = 1_000, chunkBytes: Int = 1 << 20) {
            self.area = area
            self.batchRows = min(max(batchRows, 1), 2_500)
            self.chunkBytes = max(chunkBytes, 4_096)
        }
    }

    /// Called after each chunk read. Throwing from it stops the import and changes nothing.
    public typealias ProgressHandler = @Sendable (PoliceUKImportProgress) throws -> Void

    let database: SaferDatabase
    let clock: any SaferClock

    public init(database: SaferDatabase, clock: any SaferClock = SystemClock()) {
        self.database = database
        self.clock = clock
    }

    /// Imports `files` (paths) in one transaction and says what was done. Throws
    /// `PoliceUKImportError.filesRejected` (nothing imported) when any file is not a police.uk
    /// street-level file, and rolls everything back on any other failure or on cancellation.
    @discardableResult
    public func importFiles(_ files: [String], options: Options = Options(),
                            progress: ProgressHandler? = nil) async throws -> PoliceUKImportSummary {
        var seen = Set<String>()
        let files = files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
        var rejected: [PoliceUKRejectedFile] = []
        var totalBytes: Int64 = 0
        for file in files {
            switch Self.checkHeader(file) {
            case .success: totalBytes += Self.size(of: file)
            case .failure(let rejection): rejected.append(rejection)
            }
        }
        if !rejected.isEmpty { throw PoliceUKImportError.filesRejected(rejected) }

        let engine = database.engine
        let clock = clock
        let total = totalBytes
        return try await database.transaction { db in
            if engine == .postgres {
                // One police.uk import at a time: lookup ids are assigned here, and two imports of the
                // same month must not interleave their delete and insert.
                try await db.raw("SELECT pg_advisory_xact_lock(727274)").run()
            }
            let writer = try CrimeRowWriter.best(for: db)
            var run = ImportRun(options: options, totalBytes: total, progress: progress, writer: writer)
            try await run.load(from: db)
            try await run.importAll(files, into: db)
            try await run.recordImports(in: db, at: clock.now())
            try await writer.close()
            return run.summary
        }
    }

    /// Whether `file` is a police.uk street-level file, judged by its header: the columns'
    /// positions, or why it is rejected.
    public static func checkHeader(_ file: String) -> Result<[PoliceUKColumn: Int], PoliceUKRejectedFile> {
        do {
            var reader = try CSVByteReader(path: file, chunkSize: 64 << 10)
            return try header(of: &reader)
        } catch {
            return .failure(ImportRun.rejection(file, error))
        }
    }

    /// Reads the header line (the first record) of a file.
    static func header(of reader: inout CSVByteReader) throws -> Result<[PoliceUKColumn: Int], PoliceUKRejectedFile> {
        guard try reader.next() else {
            return .failure(PoliceUKRejectedFile(path: reader.path, reason: "it is empty; a police.uk street-level file starts with the header line \(PoliceUKColumn.headerLine)"))
        }
        let names = (0..<reader.fieldCount).map { reader.string($0) }
        switch PoliceUKColumn.positions(in: names) {
        case .success(let positions):
            return .success(positions)
        case .failure(let missing):
            let labels = missing.columns.map(\.label)
            let list = labels.count == 1 ? "the column \(labels[0])" : "the columns \(labels.dropLast().joined(separator: ", ")) and \(labels.last!)"
            return .failure(PoliceUKRejectedFile(
                path: reader.path,
                reason: "its header lacks \(list), so it is not a police.uk street-level file (line 1 should be \(PoliceUKColumn.headerLine))",
                missingColumns: missing.columns))
        }
    }

    static func size(of file: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.int64Value ?? 0
    }
}

// MARK: - One run

/// The state of one import, a local value of the task running the transaction (a struct, so the
/// per-row work needs no run-time exclusivity checks).
struct ImportRun {
    let options: PoliceUKImporter.Options
    let totalBytes: Int64
    let progress: PoliceUKImporter.ProgressHandler?
    var summary = PoliceUKImportSummary()

    // Lookups: text → id, loaded from the database, extended as new texts appear.
    var crimeTypes = ByteInterner()
    var outcomes = ByteInterner()
    var forces = ByteInterner()
    var locations = ByteInterner(capacity: 4_096)
    var lsoas = ByteInterner(capacity: 1_024)
    /// Months (YYYYMM) imported before, with the rows they held.
    var previousImports: [Int64: Int] = [:]

    // What the next write holds, and how it is written.
    var unit: WriteUnit
    let writer: CrimeRowWriter

    // Months seen in this run.
    var months: [MonthState] = []
    var monthIndexByKey: [Int64: Int] = [:]
    var lastMonthKey: Int64 = -1
    var lastMonthIndex = -1

    var bytesOfEarlierFiles: Int64 = 0
    var fileIndex = 0
    var fileName = ""

    /// The prefix's bytes, lower-cased, when filtering.
    let prefix: [UInt8]?
    /// The LSOA codes kept, as bytes, for `.lsoaCodes`.
    let codes: Set<[UInt8]>?

    struct MonthState {
        let key: Int64
        let month: Month
        var rowsKept = 0
        var rowsOutsideArea = 0
        var rowsBad = 0
        var files: [String] = []
        var lastFileIndex = -1
    }

    init(options: PoliceUKImporter.Options, totalBytes: Int64, progress: PoliceUKImporter.ProgressHandler?, writer: CrimeRowWriter) {
        self.options = options
        self.totalBytes = totalBytes
        self.progress = progress
        self.prefix = options.area.prefix.map { Array($0.utf8).map(ImportRun.lower) }
        if case .lsoaCodes(let codes) = options.area { self.codes = Set(codes.map { Array($0.utf8) }) } else { self.codes = nil }
        self.writer = writer
        self.unit = WriteUnit(rows: CrimeRows(capacity: options.batchRows))
        summary.area = options.area
    }

    // MARK: Loading

    /// Loads the lookup tables and earlier import records (streamed row by row, not collected).
    mutating func load(from db: any SQLDatabase) async throws {
        crimeTypes = try await Self.loadLookup(PoliceUKTables.crimeTypes, "label", from: db, capacity: 64)
        outcomes = try await Self.loadLookup(PoliceUKTables.outcomes, "label", from: db, capacity: 64)
        forces = try await Self.loadLookup(PoliceUKTables.forces, "name", from: db, capacity: 64)
        locations = try await Self.loadLookup(PoliceUKTables.locations, "name", from: db, capacity: 4_096)
        lsoas = try await Self.loadLookup(PoliceUKTables.lsoas, "code", from: db, capacity: 1_024)
        let records = try await db.select().column("month").column("rows_kept").from(PoliceUKTables.imports).all()
        for row in records {
            previousImports[try row.decode(column: "month", as: Int64.self)] = try row.decode(column: "rows_kept", as: Int.self)
        }
    }

    private static func loadLookup(_ table: String, _ column: String, from db: any SQLDatabase, capacity: Int) async throws -> ByteInterner {
        let box = LockedInterner(ByteInterner(capacity: capacity))
        try await db.select().column("id").column(column).from(table).run { row in
            guard let id = try? row.decode(column: "id", as: Int64.self),
                  let text = try? row.decode(column: column, as: String.self) else { return }
            box.add(text, id: id)
        }
        return box.value
    }

    // MARK: Reading

    /// Reads every file, writing full batches while the next are read (see `WriteQueue`).
    mutating func importAll(_ files: [String], into db: any SQLDatabase) async throws {
        var writes = WriteQueue()
        do {
            for (index, file) in files.enumerated() {
                fileIndex = index
                fileName = URL(fileURLWithPath: file).lastPathComponent
                summary.files.append(fileName)
                var reader: CSVByteReader
                do { reader = try CSVByteReader(path: file, chunkSize: options.chunkBytes) } catch { throw Self.rejectionError(file, error) }
                let columns: [PoliceUKColumn: Int]
                switch try Self.readHeader(&reader, file: file) {
                case .success(let positions): columns = positions
                case .failure(let rejection): throw PoliceUKImportError.filesRejected([rejection])
                }
                let layout = ColumnLayout(columns, headerFields: reader.fieldCount)
                var reportedBytes: Int64 = -1
                let rowsBefore = summary.rowsRead, badBefore = summary.badRowCount, listedBefore = summary.badRows.count
                while try Self.next(&reader, file: fileName) {
                    if reader.unclosedQuote {
                        // Every line after the quote was read into one field: the file's rows are unknown.
                        throw PoliceUKImportError.unreadable(file: fileName, line: reader.line, problem: "a quote opened in the record starting on this line is never closed, so every line after it reads as one field; close the quote (a quote inside a field is written twice: \"\") and import again")
                    }
                    readRow(reader, layout)
                    if unit.rows.count >= options.batchRows {
                        try await writes.add(takeUnit(), to: db, with: writer)
                    }
                    if reader.bytesRead != reportedBytes {
                        reportedBytes = reader.bytesRead
                        try report(bytes: reader.bytesRead)
                    }
                }
                try report(bytes: reader.bytesRead)
                let rows = summary.rowsRead - rowsBefore
                if rows > 0 && summary.badRowCount - badBefore == rows {
                    let first = summary.badRows.count > listedBefore ? ", the first on line \(summary.badRows[listedBefore].line): \(summary.badRows[listedBefore].problem)" : ""
                    throw PoliceUKImportError.filesRejected([PoliceUKRejectedFile(path: file, reason: "every one of its \(PoliceUKBadRow.grouped(rows)) rows is bad\(first)")])
                }
                warnIfMisnamed(file: fileName)
                bytesOfEarlierFiles += reader.bytesRead
            }
            try await writes.add(takeUnit(), to: db, with: writer)
            try await writes.finish()
        } catch {
            // Never leave a write running on the session while the transaction rolls back.
            await writes.abandon()
            throw error
        }
        summary.months = months.sorted { $0.month < $1.month }.map { state in
            PoliceUKMonthImport(month: state.month, rowsKept: state.rowsKept, rowsOutsideArea: state.rowsOutsideArea,
                                rowsBad: state.rowsBad, rowsReplaced: previousImports[state.key] ?? 0,
                                wasImportedBefore: previousImports[state.key] != nil, files: state.files)
        }
    }

    private static func readHeader(_ reader: inout CSVByteReader, file: String) throws -> Result<[PoliceUKColumn: Int], PoliceUKRejectedFile> {
        do { return try PoliceUKImporter.header(of: &reader) } catch { throw rejectionError(file, error) }
    }

    private static func next(_ reader: inout CSVByteReader, file: String) throws -> Bool {
        do { return try reader.next() } catch CSVByteReaderError.recordTooLong(let line, let limit) {
            throw PoliceUKImportError.unreadable(file: file, line: line, problem: "a row runs on for more than \(limit >> 20) MB, so a quote is probably left open")
        } catch CSVByteReaderError.readFailed(let reason) {
            throw PoliceUKImportError.unreadable(file: file, line: reader.line, problem: "the file could not be read (\(reason))")
        } catch CSVByteReaderError.nulByte(let line) {
            throw PoliceUKImportError.unreadable(file: file, line: line, problem: "a NUL byte is on this line, so the file is not text (a damaged copy?); get the file again from police.uk")
        }
    }

    static func rejection(_ file: String, _ error: any Error) -> PoliceUKRejectedFile {
        switch error {
        case CSVByteReaderError.cannotOpen(let reason): PoliceUKRejectedFile(path: file, reason: "it cannot be opened (\(reason))")
        case CSVByteReaderError.readFailed(let reason): PoliceUKRejectedFile(path: file, reason: "it cannot be read (\(reason))")
        case CSVByteReaderError.recordTooLong: PoliceUKRejectedFile(path: file, reason: "its first line never ends, so it is not a CSV file")
        case CSVByteReaderError.utf16:
            PoliceUKRejectedFile(path: file, reason: "it is UTF-16 text (as Excel's \"Unicode text\" saves); save it as \"CSV UTF-8\" and import that")
        case CSVByteReaderError.carriageReturnLineEnds:
            PoliceUKRejectedFile(path: file, reason: "its lines end with a carriage return alone (an old Mac format), so it reads as one line; save it with ordinary line ends (LF or CRLF)")
        case CSVByteReaderError.nulByte(let line):
            PoliceUKRejectedFile(path: file, reason: "it holds a NUL byte (on line \(line)), so it is not a text file; check it is the CSV police.uk gave, not a damaged copy")
        default: PoliceUKRejectedFile(path: file, reason: "it cannot be read (\(error))")
        }
    }

    private static func rejectionError(_ file: String, _ error: any Error) -> PoliceUKImportError {
        .filesRejected([rejection(file, error)])
    }

    private func report(bytes: Int64) throws {
        if Task.isCancelled { throw PoliceUKImportError.cancelled }
        try progress?(PoliceUKImportProgress(bytesRead: bytesOfEarlierFiles + bytes, totalBytes: totalBytes,
                                             rowsRead: summary.rowsRead, rowsKept: summary.rowsKept, file: fileName))
    }

    /// Where each police.uk column is in the current file.
    struct ColumnLayout {
        /// The number of fields in the header: every row must have as many.
        let fieldCount: Int
        let crimeID, month, reportedBy, fallsWithin, longitude, latitude, location: Int
        let lsoaCode, lsoaName, crimeType, lastOutcome, context: Int

        init(_ positions: [PoliceUKColumn: Int], headerFields: Int) {
            // `checkHeader` accepted the file only with every column present, so each lookup succeeds.
            crimeID = positions[.crimeID]!; month = positions[.month]!
            reportedBy = positions[.reportedBy]!; fallsWithin = positions[.fallsWithin]!
            longitude = positions[.longitude]!; latitude = positions[.latitude]!; location = positions[.location]!
            lsoaCode = positions[.lsoaCode]!; lsoaName = positions[.lsoaName]!; crimeType = positions[.crimeType]!
            lastOutcome = positions[.lastOutcome]!; context = positions[.context]!
            fieldCount = headerFields
        }
    }

    // MARK: One row

    /// Checks, filters, maps and queues one data row.
    private mutating func readRow(_ reader: borrowing CSVByteReader, _ layout: ColumnLayout) {
        summary.rowsRead += 1
        if reader.fieldCount < layout.fieldCount {
            bad(reader.line, nil, "it has \(reader.fieldCount) field\(reader.fieldCount == 1 ? "" : "s") but the header has \(layout.fieldCount) (is a comma missing, or a field not quoted?)")
            return
        }
        let monthField = reader.field(layout.month)
        guard let monthKey = Self.monthKey(monthField) else {
            bad(reader.line, nil, "Month '\(Self.text(monthField))' is not a month: use YYYY-MM, e.g. 2018-05")
            return
        }
        let month = monthState(monthKey)
        if reader.fieldCount > layout.fieldCount && !Self.extraFieldsAreEmpty(reader, from: layout.fieldCount) {
            bad(reader.line, month, "it has \(reader.fieldCount) fields but the header has \(layout.fieldCount) (is a comma inside a field not quoted?)")
            return
        }

        // The area filter comes before the remaining checks: a row outside the area is not ours to judge.
        let lsoaName = reader.field(layout.lsoaName)
        let lsoaCode = reader.field(layout.lsoaCode)
        let outside = if let prefix { !Self.hasPrefix(lsoaName, prefix) } else if let codes { !codes.contains(Array(lsoaCode)) } else { false }
        if outside {
            summary.rowsOutsideArea += 1
            if lsoaCode.isEmpty { summary.rowsOutsideAreaWithoutLSOA += 1 }
            months[month].rowsOutsideArea += 1
            return
        }

        let longitudeField = reader.field(layout.longitude)
        let latitudeField = reader.field(layout.latitude)
        var longitude = Double.nan, latitude = Double.nan
        if !longitudeField.isEmpty || !latitudeField.isEmpty {
            if longitudeField.isEmpty || latitudeField.isEmpty {
                let (given, missing, value) = longitudeField.isEmpty ? ("Latitude", "Longitude", latitudeField) : ("Longitude", "Latitude", longitudeField)
                bad(reader.line, month, "it has \(given) '\(Self.text(value))' but no \(missing): give both or neither")
                return
            }
            guard let x = Self.coordinate(longitudeField), (-180...180).contains(x) else {
                bad(reader.line, month, "Longitude '\(Self.text(longitudeField))' is not a number from -180 to 180")
                return
            }
            guard let y = Self.coordinate(latitudeField), (-90...90).contains(y) else {
                bad(reader.line, month, "Latitude '\(Self.text(latitudeField))' is not a number from -90 to 90")
                return
            }
            longitude = x
            latitude = y
        }
        let crimeTypeField = reader.field(layout.crimeType)
        if crimeTypeField.isEmpty {
            bad(reader.line, month, "Crime type is empty: every police.uk row has one, e.g. Burglary")
            return
        }
        guard months[month].rowsKept < PoliceUKTables.idsPerMonth - 1 else {
            bad(reader.line, month, "\(Self.month(monthKey)) already has \(months[month].rowsKept) rows, the most one month can hold")
            return
        }

        // Map the repeated texts to ids; a text new to the database is queued for its lookup table.
        var isNew = false
        let crimeType: Int64
        (crimeType, isNew) = crimeTypes.intern(crimeTypeField)
        if isNew { unit.crimeTypes.append((crimeType, decode(crimeTypeField, line: reader.line))) }

        let outcomeField = reader.field(layout.lastOutcome)
        var outcome: Int64 = 0
        if !outcomeField.isEmpty {
            (outcome, isNew) = outcomes.intern(outcomeField)
            if isNew { unit.outcomes.append((outcome, decode(outcomeField, line: reader.line))) }
        }
        let reportedByField = reader.field(layout.reportedBy)
        var reportedBy: Int64 = 0
        if !reportedByField.isEmpty {
            (reportedBy, isNew) = forces.intern(reportedByField)
            if isNew { unit.forces.append((reportedBy, decode(reportedByField, line: reader.line))) }
        }
        let fallsWithinField = reader.field(layout.fallsWithin)
        var fallsWithin: Int64 = 0
        if Self.same(fallsWithinField, reportedByField) {
            fallsWithin = reportedBy
        } else if !fallsWithinField.isEmpty {
            (fallsWithin, isNew) = forces.intern(fallsWithinField)
            if isNew { unit.forces.append((fallsWithin, decode(fallsWithinField, line: reader.line))) }
        }
        let locationField = reader.field(layout.location)
        var location: Int64 = 0
        if !locationField.isEmpty && !Self.isNoLocation(locationField) {
            (location, isNew) = locations.intern(locationField)
            if isNew { unit.locations.append((location, decode(locationField, line: reader.line))) }
        }
        var lsoa: Int64 = 0
        if !lsoaCode.isEmpty {
            (lsoa, isNew) = lsoas.intern(lsoaCode)
            if isNew { unit.lsoas.append((lsoa, decode(lsoaCode, line: reader.line), decode(lsoaName, line: reader.line))) }
        }
        months[month].rowsKept += 1
        let id = PoliceUKTables.firstID(monthKey) + Int64(months[month].rowsKept)
        func append(_ crimeID: UnsafeBufferPointer<UInt8>, _ context: UnsafeBufferPointer<UInt8>) {
            unit.rows.append(id: id, month: monthKey, crimeID: crimeID,
                             reportedBy: reportedBy, fallsWithin: fallsWithin, longitude: longitude, latitude: latitude,
                             location: location, lsoa: lsoa, crimeType: crimeType, outcome: outcome, context: context)
        }
        let crimeIDField = reader.field(layout.crimeID), contextField = reader.field(layout.context)
        if PoliceUKText.isUTF8(crimeIDField) && PoliceUKText.isUTF8(contextField) {
            append(crimeIDField, contextField)
        } else {
            // Rare: store the Windows-1252 reading as UTF-8, as every other text field is.
            noteNotUTF8(line: reader.line)
            var crimeID = PoliceUKText.decode(crimeIDField).text, context = PoliceUKText.decode(contextField).text
            crimeID.withUTF8 { crimeID in context.withUTF8 { context in append(crimeID, context) } }
        }
        summary.rowsKept += 1
        if longitude.isNaN || location == 0 { summary.keptWithoutLocation += 1 }
        if lsoa == 0 { summary.keptWithoutLSOA += 1 }
    }

    /// The month's place in `months`, adding it (to be replaced) when first seen.
    @inline(__always)
    private mutating func monthState(_ key: Int64) -> Int {
        if key == lastMonthKey { return noteFile(lastMonthIndex) }
        let index: Int
        if let known = monthIndexByKey[key] {
            index = known
        } else {
            index = months.count
            months.append(MonthState(key: key, month: Self.month(key)))
            monthIndexByKey[key] = index
            unit.replaceMonths.append(key)
        }
        lastMonthKey = key
        lastMonthIndex = index
        return noteFile(index)
    }

    @inline(__always)
    private mutating func noteFile(_ index: Int) -> Int {
        if months[index].lastFileIndex != fileIndex {
            months[index].lastFileIndex = fileIndex
            months[index].files.append(fileName)
        }
        return index
    }

    /// Text for storing: UTF-8, or else Windows-1252 with a warning (see `PoliceUKText`).
    private mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, line: Int) -> String {
        let (text, wasUTF8) = PoliceUKText.decode(bytes)
        if !wasUTF8 { noteNotUTF8(line: line) }
        return text
    }

    private mutating func noteNotUTF8(line: Int) {
        if summary.notUTF8.count == 0 { summary.notUTF8.firstFile = fileName; summary.notUTF8.firstLine = line }
        summary.notUTF8.count += 1
    }

    /// A file named for a month (police.uk's `YYYY-MM-force-street.csv`) whose rows are for others.
    private mutating func warnIfMisnamed(file: String) {
        guard file.count >= 7, let named = try? Month(parsing: String(file.prefix(7))) else { return }
        let held = months.filter { $0.files.last == file }.map(\.month)
        guard !held.isEmpty, held != [named] else { return }
        summary.warnings.append("\(file) is named for \(named) but its rows are for \(held.map(\.description).joined(separator: ", ")): check it is the file you meant")
    }

    private mutating func bad(_ line: Int, _ month: Int?, _ problem: String) {
        summary.badRowCount += 1
        if let month { months[month].rowsBad += 1 }
        if summary.badRows.count < PoliceUKImportSummary.badRowListLimit {
            summary.badRows.append(PoliceUKBadRow(file: fileName, line: line, problem: problem))
        }
    }

    /// Hands over what is queued, ready to write.
    private mutating func takeUnit() -> WriteUnit {
        var ready = WriteUnit(rows: CrimeRows(capacity: options.batchRows))
        swap(&ready, &unit)
        return ready
    }

    // MARK: Import records

    /// Replaces the import record of every month this run held.
    func recordImports(in db: any SQLDatabase, at now: Date) async throws {
        let millis = Int64((now.timeIntervalSince1970 * 1000).rounded())
        for month in summary.months {
            let key = Self.key(month.month)
            let files = String(decoding: try JSONEncoder().encode(month.files), as: UTF8.self)
            try await db.delete(from: PoliceUKTables.imports).where("month", .equal, key).run()
            let values: [any Encodable & Sendable] = [key, files, options.area.storedLabel,
                                                     month.rowsKept, month.rowsOutsideArea, month.rowsBad, millis]
            try await db.insert(into: PoliceUKTables.imports)
                .columns("month", "source_files", "area_prefix", "rows_kept", "rows_skipped", "rows_bad", "imported_at")
                .values(values)
                .run()
        }
    }

    // MARK: Months as stored

    /// A month as stored: the integer YYYYMM (201805 for May 2018).
    static func key(_ month: Month) -> Int64 { PoliceUKMonthKey(month).value }

    /// The month a YYYYMM read by `monthKey(_:)` stands for. That parser yields only years
    /// 1–9999 and months 1–12, so the key is always valid here.
    static func month(_ key: Int64) -> Month { PoliceUKMonthKey(stored: key)!.month }

    // MARK: Byte-level parsing

    @inline(__always)
    /// A field as a message quotes it: its first bytes only, however long it is.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        PoliceUKText.decode(UnsafeBufferPointer(rebasing: bytes.prefix(320))).text.quoted()
    }

    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    /// `YYYY-MM` as the integer YYYYMM, or nil.
    @inline(__always)
    static func monthKey(_ f: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard f.count == 7, f[4] == UInt8(ascii: "-") else { return nil }
        var year = 0
        for i in 0..<4 {
            let d = Int(f[i]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            year = year * 10 + d
        }
        let m1 = Int(f[5]) - 48, m2 = Int(f[6]) - 48
        guard m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9, year >= 1 else { return nil }
        let month = m1 * 10 + m2
        guard month >= 1 && month <= 12 else { return nil }
        return Int64(year * 100 + month)
    }

    private static let powersOfTen: [Double] = (0...22).map { pow(10, Double($0)) }

    /// A decimal number. Plain decimals of up to 15 digits are read directly (exactly as
    /// `Double(String)` would: one correctly rounded division); anything else goes to `Double(String)`.
    @inline(__always)
    static func coordinate(_ f: UnsafeBufferPointer<UInt8>) -> Double? {
        var i = 0
        var negative = false
        if f.count > 0 && (f[0] == UInt8(ascii: "-") || f[0] == UInt8(ascii: "+")) {
            negative = f[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var seenPoint = false
        while i < f.count {
            let c = f[i]
            if c >= 48 && c <= 57 {
                mantissa = mantissa &* 10 &+ UInt64(c - 48)
                digits += 1
                if seenPoint { fractionDigits += 1 }
            } else if c == UInt8(ascii: ".") && !seenPoint {
                seenPoint = true
            } else {
                digits = 99     // not a plain decimal
                break
            }
            i += 1
        }
        if digits > 0 && digits <= 15 {
            let value = Double(mantissa) / powersOfTen[fractionDigits]
            return negative ? -value : value
        }
        guard let value = Double(text(f).trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
        return value
    }

    @inline(__always)
    static func hasPrefix(_ field: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard field.count >= prefix.count else { return false }
        for i in 0..<prefix.count where lower(field[i]) != prefix[i] { return false }
        return true
    }

    @inline(__always)
    static func same(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        // A buffer with a count above 0 has a base address.
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    private static let noLocation = Array("No Location".utf8)

    /// police.uk writes "No Location" where a row has none.
    @inline(__always)
    static func isNoLocation(_ f: UnsafeBufferPointer<UInt8>) -> Bool {
        f.count == noLocation.count && noLocation.withUnsafeBufferPointer { same(f, $0) }
    }

    /// Trailing empty fields beyond the header (a trailing comma) are harmless.
    static func extraFieldsAreEmpty(_ reader: borrowing CSVByteReader, from index: Int) -> Bool {
        (index..<reader.fieldCount).allSatisfy { reader.field($0).isEmpty }
    }
}

/// The writes of an import, run one after another in the order added while the reader goes
/// on. Up to `depth` may wait, so neither side stalls when the other briefly runs slower (with
/// one write in flight, the reader and the writer each stood idle a third of the time).
struct WriteQueue {
    static let depth = 4
    private var queued: [Task<Void, any Error>] = []

    /// Queues `unit`; waits first when `depth` writes are already queued.
    mutating func add(_ unit: WriteUnit, to db: any SQLDatabase, with writer: CrimeRowWriter) async throws {
        let previous = queued.last
        // Each write waits for the one before; a failed write fails every write after it unwritten.
        queued.append(Task {
            try await previous?.value
            try await unit.write(to: db, with: writer)
        })
        if queued.count > Self.depth { try await queued.removeFirst().value }
    }

    /// Waits for every write; throws the first failure.
    mutating func finish() async throws {
        defer { queued = [] }
        try await queued.last?.value
    }

    /// Waits for every write, ignoring failures.
    mutating func abandon() async {
        _ = try? await queued.last?.value
        queued = []
    }
}

/// Gives the streaming row callback somewhere safe to put what it reads.
private final class LockedInterner: @unchecked Sendable {
    private let lock = NSLock()
    private var interner: ByteInterner
    init(_ interner: ByteInterner) { self.interner = interner }
    func add(_ text: String, id: Int64) { lock.withLock { interner.add(text, id: id) } }
    var value: ByteInterner { lock.withLock { interner } }
}

