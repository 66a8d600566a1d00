import Foundation
import SQLKit
import Testing
import SaferDomain
@testable import SaferStorage
import SaferTestSupport

/// The police.uk importer and the counts built on it, on every engine available.
@Suite("police.uk import")
struct PoliceUKImportTests {
    static let engines = TestEngine.available

    // MARK: - Files

    @Test(arguments: engines)
    func aFileWhoseHeaderLacksPoliceColumnsIsRejectedNamingThemAndNothingIsImported(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let good = try files.write("2018-05-street.csv", [row(month: "2018-05")])
            let bad = try files.write("renamed.csv", header: "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,Crime type,Last outcome category",
                                      ["x,2018-06,Warwickshire Police,Warwickshire Police,-1.5,52.6,On or near A Road,E01031035,Burglary,Under investigation"])

            let error = await #expect(throws: PoliceUKImportError.self) {
                try await PoliceUKImporter(database: database).importFiles([good, bad], options: .init(area: .all))
            }
            guard case .filesRejected(let rejected)? = error else { Issue.record("expected a rejection, got \(String(describing: error))"); return }
            #expect(rejected.count == 1)
            #expect(rejected.first?.path == bad)
            #expect(rejected.first?.missingColumns == [.lsoaName, .context])
            let message = String(describing: error!)
            #expect(message.contains("renamed.csv"))
            #expect(message.contains("the columns LSOA name and Context"))
            #expect(message.contains("Nothing was imported"))
            #expect(try await total(database) == 0, "the good file is not imported either")
        }
    }

    @Test(arguments: engines)
    func aBadRowIsReportedWithFileAndLineAndTheRestIsImported(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(month: "2018-05"),                                           // line 2
                row(month: "2018-13"),                                           // line 3: not a month
                row(month: "2018-05", crimeType: "Burglary"),                    // line 4
                row(month: "2018-05", longitude: "west"),                        // line 5: not a number
                "a,2018-05,Warwickshire Police",                                 // line 6: 3 fields
                row(month: "2018-05", latitude: ""),                             // line 7: longitude without latitude
                row(month: "2018-05", latitude: "95.1"),                         // line 8: out of range
                row(month: "2018-05", crimeType: ""),                            // line 9: no crime type
                row(month: "2018-05", crimeType: "Drugs"),                       // line 10
            ])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))

            #expect(summary.rowsRead == 9)
            #expect(summary.rowsKept == 3)
            #expect(summary.badRowCount == 6)
            #expect(summary.badRows.map(\.line) == [3, 5, 6, 7, 8, 9])
            #expect(summary.badRows[0].description == "2018-05-street.csv line 3: Month '2018-13' is not a month: use YYYY-MM, e.g. 2018-05")
            #expect(summary.badRows[1].description.contains("Longitude 'west' is not a number"))
            #expect(summary.badRows[2].description.contains("it has 3 fields but the header has 12"))
            #expect(summary.badRows[3].description.contains("Longitude '-1.55' but no Latitude"))
            #expect(summary.badRows[4].description.contains("Latitude '95.1' is not a number from -90 to 90"))
            #expect(summary.badRows[5].description.contains("Crime type is empty"))
            #expect(summary.months.map(\.rowsBad) == [4], "the bad rows whose month could be read count against it")
            #expect(try await total(database) == 3)
            let records = try await SQLPoliceCrimeRepository(database: database).importedMonths()
            #expect(records.map(\.rowsBad) == [4])
        }
    }

    @Test(arguments: engines)
    func theAreaFilterKeepsOnlyRowsWhoseLSOANameStartsWithThePrefix(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(lsoaCode: "E01031035", lsoaName: "North Warwickshire 001A"),
                row(lsoaCode: "E01031036", lsoaName: "north warwickshire 001B"),     // case does not matter
                row(lsoaCode: "E01009000", lsoaName: "Birmingham 123A"),
                row(lsoaCode: "E01031300", lsoaName: "Nuneaton and Bedworth 001A"),
                row(location: "No Location", longitude: "", latitude: "", lsoaCode: "", lsoaName: ""),
            ])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .northWarwickshire))

            #expect(summary.rowsKept == 2)
            #expect(summary.rowsOutsideArea == 3)
            #expect(summary.rowsOutsideAreaWithoutLSOA == 1, "a row without an LSOA cannot be placed in the area")
            #expect(summary.months.first?.rowsOutsideArea == 3)
            let byLSOA = try await SQLPoliceCrimeRepository(database: database).counts(from: month("2018-05"), to: month("2018-05"), by: [.lsoa])
            #expect(byLSOA.map(\.lsoaCode) == ["E01031035", "E01031036"])
            #expect(byLSOA.map(\.lsoaName) == ["North Warwickshire 001A", "north warwickshire 001B"])
        }
    }

    /// A council matched by its LSOA lookup: the code decides, whatever the name says.
    @Test(arguments: engines)
    func theLookupFilterKeepsOnlyRowsWhoseLSOACodeIsInIt(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(lsoaCode: "E01031035", lsoaName: "Anytown 001A"),
                row(lsoaCode: "E01031036", lsoaName: "Renamed since 001B"),
                row(lsoaCode: "E01009000", lsoaName: "Anytown 123A"),                // the name matches, the code does not
                row(location: "No Location", longitude: "", latitude: "", lsoaCode: "", lsoaName: ""),
            ])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .lsoaCodes(["E01031035", "E01031036"])))
            #expect(summary.rowsKept == 2 && summary.rowsOutsideArea == 2 && summary.rowsOutsideAreaWithoutLSOA == 1)
            #expect(summary.oneLine.contains("2 outside the area (LSOA not in the lookup)"))
            let byLSOA = try await SQLPoliceCrimeRepository(database: database).counts(from: month("2018-05"), to: month("2018-05"), by: [.lsoa])
            #expect(byLSOA.map(\.lsoaCode) == ["E01031035", "E01031036"])
            #expect(try await SQLPoliceCrimeRepository(database: database).importedMonths().map(\.areaPrefix) == ["the 2 LSOAs of the lookup"])
        }
    }

    @Test(arguments: engines)
    func rowsWithoutLocationOrLSOAAreCountedAndKeptWithNulls(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(),
                row(crimeID: "", location: "No Location", longitude: "", latitude: "", lsoaCode: "", lsoaName: "", crimeType: "Anti-social behaviour", outcome: ""),
                row(location: "", longitude: "", latitude: ""),
                row(lsoaCode: "", lsoaName: ""),
            ])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))

            #expect(summary.rowsKept == 4)
            #expect(summary.keptWithoutLocation == 2)
            #expect(summary.keptWithoutLSOA == 2)
            let nulls = try await database.sql.select()
                .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("police_crimes")
                .where("longitude", .is, SQLLiteral.null).where("location_id", .is, SQLLiteral.null)
                .first(decodingColumn: "n", as: Int.self)
            #expect(nulls == 2)
            let asb = try await database.sql.select().column("crime_id").column("outcome_id").from("police_crimes")
                .where("lsoa_id", .is, SQLLiteral.null).where("location_id", .is, SQLLiteral.null).all()
            #expect(asb.count == 1)
            try await expectEveryIDResolves(database)
            #expect(try asb.first?.decodeNil(column: "crime_id") == true)
            #expect(try asb.first?.decodeNil(column: "outcome_id") == true)
        }
    }

    @Test(arguments: engines)
    func quotedFieldsMayHoldCommasQuotesAndLineBreaks(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(location: "\"On or near Church Lane, Fillongley\""),                            // line 2
                row(location: "\"On or near \"\"The Green\"\", Hartshill\""),                        // line 3
                row(location: "\"On or near Station Road,\nWater Orton\""),                          // lines 4-5
                row(month: "2018-14"),                                                               // line 6
            ])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))

            #expect(summary.rowsKept == 3)
            #expect(summary.badRows.map(\.line) == [6], "a line break inside quotes still counts as a line")
            let names = try await database.sql.select().column("name").from("police_locations").orderBy("id").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(names == ["On or near Church Lane, Fillongley", "On or near \"The Green\", Hartshill", "On or near Station Road,\nWater Orton"])
        }
    }

    @Test(arguments: engines)
    func everyValueIsStoredExactlyWhateverTheWriter(engine: TestEngine) async throws {
        // SQLite writes through a reused prepared statement, PostgreSQL through COPY's text
        // format, which has its own escapes: both must store the same values.
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            var text = PoliceUKColumn.headerLine + "\n"
            text += row(crimeID: "id-1", longitude: "-1.553621", latitude: "52.601234", context: "\"tab\there, back\\slash \\N, \"\"quoted\"\"\r\nnext line, café\"") + "\n"
            text += row(crimeID: "", location: "No Location", longitude: "", latitude: "", lsoaCode: "", outcome: "", context: "") + "\n"
            let file = folderFile(files, "2018-05-street.csv", Data(text.utf8) + Data(row(crimeID: "bad-\u{1}", context: "x").utf8.map { $0 == 1 ? 0xFF : $0 }) + Data("\n".utf8))
            try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))

            struct Stored: Decodable, Equatable {
                let crime_id: String?, context: String?, longitude: Double?, latitude: Double?
                let lsoa_id: Int64?, location_id: Int64?, outcome_id: Int64?
            }
            let stored = try await database.sql.select().columns("crime_id", "context", "longitude", "latitude", "lsoa_id", "location_id", "outcome_id")
                .from("police_crimes").orderBy("id").all(decoding: Stored.self)
            try #require(stored.count == 3)
            #expect(stored[0].crime_id == "id-1")
            #expect(stored[0].context == "tab\there, back\\slash \\N, \"quoted\"\r\nnext line, café")
            #expect(stored[0].longitude == -1.553621)
            #expect(stored[0].latitude == 52.601234)
            #expect(stored[1] == Stored(crime_id: nil, context: nil, longitude: nil, latitude: nil, lsoa_id: nil, location_id: nil, outcome_id: nil))
            #expect(stored[2].crime_id == "bad-\u{FF}", "a byte that is not UTF-8 is read as Windows-1252 (0xFF: ÿ), never U+FFFD")
        }
    }

    // MARK: - Files that are not what they seem (each refused or warned about, never half-read)

    /// Imports `file` and returns the error, checking that nothing was stored.
    private func refusal(_ database: SaferDatabase, _ file: String, storedBefore: Int = 0) async throws -> String {
        let error = await #expect(throws: PoliceUKImportError.self) {
            try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))
        }
        #expect(try await total(database) == storedBefore, "nothing is imported")
        return error.map(String.init(describing:)) ?? ""
    }

    @Test(arguments: engines)
    func aQuoteNeverClosedRefusesTheFileNamingTheLineWhereItOpened(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            var rows = Array(repeating: row(), count: 20)
            rows[5] = row(location: "\"On or near Long Street")                 // line 7: the quote opens here
            let message = try await refusal(database, try files.write("2018-05-street.csv", rows))
            #expect(message.contains("2018-05-street.csv line 7: a quote opened in the record starting on this line is never closed"))
        }
    }

    @Test(arguments: engines)
    func aFileWhoseEveryRowIsBadIsRefused(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let good = try files.write("2018-05-street.csv", [row()])
            let bad = try files.write("2018-06-street.csv", [row(month: "June"), row(month: "2018-13")])
            let error = await #expect(throws: PoliceUKImportError.self) {
                try await PoliceUKImporter(database: database).importFiles([good, bad], options: .init(area: .all))
            }
            #expect(String(describing: error!).contains("every one of its 2 rows is bad, the first on line 2: Month 'June' is not a month"))
            #expect(try await total(database) == 0)
        }
    }

    @Test(arguments: engines)
    func textThatIsNotUTF8IsReadAsWindows1252AndSaidSo(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let text = PoliceUKColumn.headerLine + "\n" + row() + "\n" + row(location: "On or near Caf\u{E9} Lane") + "\n"
            let latin1 = Data(text.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) })
            let summary = try await PoliceUKImporter(database: database).importFiles([folderFile(files, "2018-05-street.csv", latin1)], options: .init(area: .all))
            #expect(summary.rowsKept == 2)
            #expect(summary.notUTF8 == .init(count: 1, firstFile: "2018-05-street.csv", firstLine: 3))
            #expect(summary.allWarnings.first?.contains("1 text field was not UTF-8 (the first in 2018-05-street.csv line 3) and was read as Windows-1252") == true)
            let names = try await database.sql.select().column("name").from("police_locations").all().map { try $0.decode(column: "name", as: String.self) }
            #expect(names.contains("On or near Caf\u{E9} Lane"))
        }
    }

    @Test(arguments: engines)
    func nulBytesUTF16AndLoneCarriageReturnsAreNamed(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let text = PoliceUKColumn.headerLine + "\n" + row() + "\n" + row() + "\n"
            var nul = Data(text.utf8)
            nul.insert(0, at: nul.count - 3)                                     // on line 3
            #expect(try await refusal(database, folderFile(files, "nul.csv", nul)).contains("a NUL byte (on line 3)"))
            let utf16 = try #require(text.data(using: .utf16))
            #expect(try await refusal(database, folderFile(files, "utf16.csv", utf16)).contains("it is UTF-16 text"))
            let utf16NoMark = Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            #expect(try await refusal(database, folderFile(files, "utf16le.csv", utf16NoMark)).contains("it is UTF-16 text"))
            let mac = try files.writeRaw("mac.csv", text.replacingOccurrences(of: "\n", with: "\r"))
            #expect(try await refusal(database, mac).contains("its lines end with a carriage return alone"))
        }
    }

    @Test(arguments: engines)
    func aFileNamedForOneMonthHoldingAnotherIsWarnedAbout(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let right = try files.write("2018-05-warwickshire-street.csv", [row(month: "2018-05")])
            let wrong = try files.write("2019-02-warwickshire-street.csv", [row(month: "2019-02"), row(month: "2019-03")])
            let summary = try await PoliceUKImporter(database: database).importFiles([right, wrong], options: .init(area: .all))
            #expect(summary.rowsKept == 3)
            #expect(summary.warnings == ["2019-02-warwickshire-street.csv is named for 2019-02 but its rows are for 2019-02, 2019-03: check it is the file you meant"])
        }
    }

    @Test(arguments: engines)
    func aHugeBadValueIsQuotedShort(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let huge = String(repeating: "9", count: 5 << 20)
            let summary = try await PoliceUKImporter(database: database).importFiles(
                [try files.write("2018-05-street.csv", [row(), row(longitude: huge)])], options: .init(area: .all))
            let problem = try #require(summary.badRows.first?.problem)
            #expect(problem.count < 160)
            #expect(problem.hasPrefix("Longitude '99999"))
            #expect(problem.contains("…' is not a number"))
            // Past 8 MB a row is taken for a quote left open: the file is refused, the value not repeated.
            let tooLong = try await refusal(database, try files.write("2018-06-street.csv", [row(month: "2018-06", location: String(repeating: "x", count: 10 << 20))]), storedBefore: 1)
            #expect(tooLong.count < 300 && tooLong.contains("a row runs on for more than 8 MB"))
        }
    }

    @Test(arguments: engines)
    func crlfLineEndingsAndAByteOrderMarkAreRead(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let text = "\u{FEFF}" + PoliceUKColumn.headerLine + "\r\n" + row() + "\r\n" + row(context: "Seen by a neighbour") + "\r\n"
            let file = try files.writeRaw("crlf.csv", text)
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))
            #expect(summary.rowsKept == 2)
            #expect(summary.badRowCount == 0)
            let contexts = try await database.sql.select().column("context").from("police_crimes")
                .where("context", .isNot, SQLLiteral.null).all().map { try $0.decode(column: "context", as: String.self) }
            #expect(contexts == ["Seen by a neighbour"], "no stray carriage return")
        }
    }

    // MARK: - Months

    @Test(arguments: engines)
    func aFileWithSeveralMonthsIsGroupedByMonth(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("mixed.csv", [row(month: "2018-06"), row(month: "2018-05"), row(month: "2018-06"), row(month: "2018-05"), row(month: "2018-06")])
            let summary = try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))
            #expect(summary.months.map(\.month) == [month("2018-05"), month("2018-06")])
            #expect(summary.months.map(\.rowsKept) == [2, 3])
            let counts = try await SQLPoliceCrimeRepository(database: database).counts(from: month("2018-01"), to: month("2018-12"), by: [.month])
            #expect(counts.map(\.count) == [2, 3])
        }
    }

    @Test(arguments: engines)
    func reimportingAMonthReplacesItsRows(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let may = try files.write("2018-05-street.csv", [row(month: "2018-05"), row(month: "2018-05", crimeType: "Drugs")])
            let june = try files.write("2018-06-street.csv", [row(month: "2018-06")])
            let importer = PoliceUKImporter(database: database)
            let first = try await importer.importFiles([may, june], options: .init(area: .all))
            let before = try await counts(database)
            let second = try await importer.importFiles([may, june], options: .init(area: .all))

            #expect(try await counts(database) == before)
            #expect(try await total(database) == 3)
            #expect(first.monthsReplaced.isEmpty)
            #expect(second.monthsReplaced == [month("2018-05"), month("2018-06")])
            #expect(second.months.map(\.rowsReplaced) == [2, 1])

            // A corrected May replaces May only.
            let corrected = try files.write("2018-05-corrected.csv", [row(month: "2018-05", crimeType: "Robbery")])
            try await importer.importFiles([corrected], options: .init(area: .all))
            let after = try await SQLPoliceCrimeRepository(database: database).counts(from: month("2018-05"), to: month("2018-06"), by: [.month, .crimeType])
            #expect(after.map { "\($0.month!) \($0.crimeType!) \($0.count)" } == ["2018-05 Robbery 1", "2018-06 Burglary 1"])
            let records = try await SQLPoliceCrimeRepository(database: database).importedMonths()
            #expect(records.map(\.files) == [["2018-05-corrected.csv"], ["2018-06-street.csv"]])
            #expect(records.map(\.rowsKept) == [1, 1])
        }
    }

    @Test(arguments: engines)
    func rowsAreNumberedWithinTheirMonth(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let both = try files.write("mixed.csv", [row(month: "2018-06"), row(month: "2018-05"), row(month: "2018-06"), row(month: "2018-05")])
            let importer = PoliceUKImporter(database: database)
            try await importer.importFiles([both], options: .init(area: .all))
            try await importer.importFiles([both], options: .init(area: .all))
            #expect(try await ids(database) == [201805000000001, 201805000000002, 201806000000001, 201806000000002],
                    "ids are the month's first id plus the row's place in the month, the same after a re-import")
        }
    }

    @Test(arguments: engines)
    func migrationSevenKeysExistingRowsByMonthAndKeepsThem(engine: TestEngine) async throws {
        try await TestDatabase.with(engine, migrate: false) { database async throws in
            try await Migrator(database: database, migrations: Array(Migrations.all.prefix(6))).migrate()
            try await database.sql.insert(into: "police_crime_types").columns("id", "label").values(SQLBind(1), SQLBind("Burglary")).run()
            for (month, crimeID) in [(201806, "b"), (201805, "a"), (201806, "c")] {
                try await database.sql.insert(into: "police_crimes").columns("month", "crime_id", "crime_type_id", "latitude", "longitude")
                    .values(SQLBind(month), SQLBind(crimeID), SQLBind(1), SQLBind(52.6), SQLBind(-1.55)).run()
            }

            try await Migrator(database: database).migrate()

            struct Row: Decodable, Equatable { let id: Int64, month: Int64, crime_id: String, latitude: Double }
            let rows = try await database.sql.select().columns("id", "month", "crime_id", "latitude").from("police_crimes").orderBy("id").all(decoding: Row.self)
            #expect(rows == [Row(id: 201805000000001, month: 201805, crime_id: "a", latitude: 52.6),
                             Row(id: 201806000000001, month: 201806, crime_id: "b", latitude: 52.6),
                             Row(id: 201806000000002, month: 201806, crime_id: "c", latitude: 52.6)])
            let counts = try await SQLPoliceCrimeRepository(database: database).counts(from: month("2018-06"), to: month("2018-06"), by: [.month])
            #expect(counts.map(\.count) == [2])
        }
    }

    @Test(arguments: engines)
    func rowsGoThroughTheEnginesBulkPath(engine: TestEngine) async throws {
        // SQLite's fast path reaches SQLiteNIO's private handle by reflection; if a new SQLiteNIO
        // moves it, imports still work (through SQL) but this test says the fast path is lost.
        try await TestDatabase.with(engine) { database async throws in
            let kind = try await database.transaction { db -> String in
                switch try CrimeRowWriter.best(for: db) {
                case .sqlite: "prepared statements"
                case .postgres: "COPY"
                case .sql: "multi-row INSERTs"
                }
            }
            #expect(kind == (engine == .sqlite ? "prepared statements" : "COPY"))
        }
    }

    @Test(arguments: engines)
    func theSQLFallbackWritesTheSameRows(engine: TestEngine) async throws {
        // Used when the bulk path is not available (see above).
        try await TestDatabase.with(engine) { database async throws in
            var unit = WriteUnit(rows: CrimeRows(capacity: 2))
            unit.crimeTypes = [(1, "Burglary")]
            unit.forces = [(1, "Warwickshire Police")]
            func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
            for (n, context) in [(1, "tab\there"), (2, "")] {
                bytes("id-\(n)").withUnsafeBufferPointer { crimeID in
                    bytes(context).withUnsafeBufferPointer { context in
                        unit.rows.append(id: 201805_000_000_000 + Int64(n), month: 201805, crimeID: crimeID, reportedBy: 1, fallsWithin: 1,
                                         longitude: n == 1 ? -1.55 : .nan, latitude: n == 1 ? 52.6 : .nan, location: 0, lsoa: 0,
                                         crimeType: 1, outcome: 0, context: context)
                    }
                }
            }
            let ready = unit
            try await database.transaction { db in
                try await ready.write(to: db, with: .sql)
            }
            struct Stored: Decodable, Equatable { let id: Int64, crime_id: String, context: String?, latitude: Double?, reported_by_id: Int64 }
            let stored = try await database.sql.select().columns("id", "crime_id", "context", "latitude", "reported_by_id")
                .from("police_crimes").orderBy("id").all(decoding: Stored.self)
            #expect(stored == [Stored(id: 201805000000001, crime_id: "id-1", context: "tab\there", latitude: 52.6, reported_by_id: 1),
                               Stored(id: 201805000000002, crime_id: "id-2", context: nil, latitude: nil, reported_by_id: 1)])
        }
    }

    @Test(arguments: engines)
    func aMonthSpreadOverSeveralFilesIsReplacedByAllOfThem(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let warwickshire = try files.write("2018-05-warwickshire-street.csv", [row(), row()])
            let westMidlands = try files.write("2018-05-west-midlands-street.csv", [row(reportedBy: "West Midlands Police", fallsWithin: "West Midlands Police")])
            let importer = PoliceUKImporter(database: database)
            try await importer.importFiles([warwickshire, westMidlands], options: .init(area: .all))
            let summary = try await importer.importFiles([warwickshire, westMidlands], options: .init(area: .all))
            #expect(try await total(database) == 3)
            #expect(summary.months.first?.files == ["2018-05-warwickshire-street.csv", "2018-05-west-midlands-street.csv"])
            let forces = try await database.sql.select().column("name").from("police_forces").orderBy("name").all()
                .map { try $0.decode(column: "name", as: String.self) }
            #expect(forces == ["Warwickshire Police", "West Midlands Police"], "each force is stored once")
            try await expectEveryIDResolves(database)
        }
    }

    // MARK: - Failures change nothing

    @Test(arguments: engines)
    func aRejectedFileAfterAGoodOneLeavesEarlierDataUnchanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let importer = PoliceUKImporter(database: database)
            try await importer.importFiles([try files.write("2018-05-street.csv", [row(), row(crimeType: "Drugs")])], options: .init(area: .all))
            let before = try await counts(database)
            let recordsBefore = try await SQLPoliceCrimeRepository(database: database).importedMonths()

            let newMay = try files.write("2018-05-new.csv", [row(crimeType: "Robbery")])
            let broken = try files.write("broken.csv", header: "Crime ID;Month;Crime type", ["a;2018-05;Burglary"])
            await #expect(throws: PoliceUKImportError.self) {
                try await importer.importFiles([newMay, broken], options: .init(area: .all))
            }
            #expect(try await counts(database) == before)
            #expect(try await SQLPoliceCrimeRepository(database: database).importedMonths() == recordsBefore)
        }
    }

    @Test(arguments: engines)
    func anImportStoppedMidwayLeavesEarlierDataUnchanged(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            let files = try Files()
            defer { files.remove() }
            let importer = PoliceUKImporter(database: database)
            try await importer.importFiles([try files.write("2018-05-street.csv", [row(), row(crimeType: "Drugs")])], options: .init(area: .all))
            let before = try await counts(database)
            let recordsBefore = try await SQLPoliceCrimeRepository(database: database).importedMonths()
            let lookupsBefore = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("police_locations").first(decodingColumn: "n", as: Int.self)

            // A new May (many rows, written in small batches) then a June; the import fails while
            // reading June, after many of May's batches have been written inside the transaction.
            let newMay = try files.write("2018-05-new.csv", (0..<3_000).map { row(crimeID: "n\($0)", location: "On or near Road \($0)", crimeType: "Robbery") })
            let june = try files.write("2018-06-street.csv", (0..<3_000).map { row(crimeID: "j\($0)", month: "2018-06") })
            let stop = StopAfter(bytes: Int64(try Data(contentsOf: URL(fileURLWithPath: newMay)).count) + 10_000)
            await #expect(throws: StopAfter.Stopped.self) {
                try await importer.importFiles([newMay, june], options: .init(area: .all, batchRows: 50, chunkBytes: 4_096),
                                               progress: { try stop.check($0) })
            }
            #expect(stop.rowsWhenStopped > 3_000, "the failure came after May was written")
            #expect(try await counts(database) == before)
            #expect(try await SQLPoliceCrimeRepository(database: database).importedMonths() == recordsBefore)
            let lookupsAfter = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("police_locations").first(decodingColumn: "n", as: Int.self)
            #expect(lookupsAfter == lookupsBefore, "new lookup texts are rolled back too")

            // And the same import, not stopped, goes through.
            let summary = try await importer.importFiles([newMay, june], options: .init(area: .all, batchRows: 50, chunkBytes: 4_096))
            #expect(summary.rowsKept == 6_000)
            #expect(try await total(database) == 6_000)
            try await expectEveryIDResolves(database)
        }
    }

    // MARK: - Counts

    @Test(arguments: engines)
    func countsByBeatGoThroughTheLSOALookupAndNameUnmappedRows(engine: TestEngine) async throws {
        try await TestDatabase.with(engine) { database async throws in
            try await database.sql.insert(into: "areas").columns("key", "name", "kind")
                .values("fillongley", "Fillongley", "beat").values("hartshill", "Hartshill", "beat").run()
            try await database.sql.insert(into: "lsoa_lookup").columns("lsoa_code", "lsoa_name", "beat_key")
                .values("E01031035", "North Warwickshire 001A", "fillongley")
                .values("E01031036", "North Warwickshire 001B", "hartshill").run()
            let files = try Files()
            defer { files.remove() }
            let file = try files.write("2018-05-street.csv", [
                row(lsoaCode: "E01031035", lsoaName: "North Warwickshire 001A"),
                row(lsoaCode: "E01031035", lsoaName: "North Warwickshire 001A", crimeType: "Vehicle crime"),
                row(lsoaCode: "E01031036", lsoaName: "North Warwickshire 001B"),
                row(lsoaCode: "E01031099", lsoaName: "North Warwickshire 007D"),       // not in the lookup
                row(location: "No Location", longitude: "", latitude: "", lsoaCode: "", lsoaName: ""),
            ])
            try await PoliceUKImporter(database: database).importFiles([file], options: .init(area: .all))
            let repository = SQLPoliceCrimeRepository(database: database)

            let byBeat = try await repository.counts(from: month("2018-05"), to: month("2018-05"), by: [.beat])
            #expect(byBeat.map { "\($0.beatName!) \($0.count)" } == ["Fillongley 2", "Hartshill 1", "(unmapped) 2"])
            #expect(byBeat.map(\.beatKey) == ["fillongley", "hartshill", nil])

            let byBeatAndType = try await repository.counts(from: month("2018-05"), to: month("2018-05"), by: [.beat, .crimeType])
            #expect(byBeatAndType.map { "\($0.beatName!)/\($0.crimeType!) \($0.count)" }
                    == ["Fillongley/Burglary 1", "Fillongley/Vehicle crime 1", "Hartshill/Burglary 1", "(unmapped)/Burglary 2"])

            let overall = try await repository.counts(from: month("2018-05"), to: month("2018-05"), by: [])
            #expect(overall.map(\.count) == [5])
            let outside = try await repository.counts(from: month("2018-06"), to: month("2018-09"), by: [.month])
            #expect(outside.isEmpty)
        }
    }

    // MARK: - Real data

    /// The North Warwickshire extracts in the shared data folder, next to the repository.
    static let realDataFolder: URL? = {
        let folder = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()   // the repository
            .appendingPathComponent("../shared/data/police-uk/north-warwickshire").standardizedFileURL
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    @Test(.enabled(if: PoliceUKImportTests.realDataFolder != nil || PoliceUKImportTests.isCI,
                   "Skipped: ../shared/data/police-uk/north-warwickshire (next to the repository) is absent; CI=true makes this a failure."),
          arguments: engines)
    func theRealNorthWarwickshireFilesMatchAnIndependentRecount(engine: TestEngine) async throws {
        let folder = try #require(Self.realDataFolder, "CI=true but the police.uk extracts are missing: ../shared/data/police-uk/north-warwickshire must be next to the repository")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
            .map { folder.appendingPathComponent($0).path }
        #expect(files.count == 12)
        let expected = try recount(files)

        try await TestDatabase.with(engine) { database async throws in
            let importer = PoliceUKImporter(database: database)
            let summary = try await importer.importFiles(files, options: .init(area: .northWarwickshire))
            #expect(summary.badRowCount == 0)
            #expect(summary.rowsKept == expected.values.reduce(0, +))
            #expect(summary.rowsKept == 5_985)
            #expect(summary.months.count == 12)

            let repository = SQLPoliceCrimeRepository(database: database)
            func stored() async throws -> [String: Int] {
                let counts = try await repository.counts(from: month("2017-10"), to: month("2018-09"), by: [.month, .crimeType])
                return Dictionary(uniqueKeysWithValues: counts.map { ("\($0.month!)|\($0.crimeType!)", $0.count) })
            }
            #expect(try await stored() == expected)

            // Small chunks and batches (records cut across chunk ends) give the same result.
            let again = try await importer.importFiles(files, options: .init(area: .northWarwickshire, batchRows: 7, chunkBytes: 4_096))
            #expect(again.rowsKept == 5_985)
            #expect(again.monthsReplaced.count == 12)
            #expect(try await stored() == expected)
            try await expectEveryIDResolves(database)
        }
    }

    /// Month × crime type counts by plain Foundation line splitting, independent of the importer.
    private func recount(_ files: [String]) throws -> [String: Int] {
        var counts: [String: Int] = [:]
        for file in files {
            let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
            let header = splitCSVLine(String(lines[0]))
            let month = header.firstIndex(of: "Month")!, type = header.firstIndex(of: "Crime type")!, name = header.firstIndex(of: "LSOA name")!
            for line in lines.dropFirst() {
                let fields = splitCSVLine(String(line))
                guard fields[name].hasPrefix("North Warwickshire") else { continue }
                counts["\(fields[month])|\(fields[type])", default: 0] += 1
            }
        }
        return counts
    }

    /// A tiny quote-aware split of one line.
    private func splitCSVLine(_ line: String) -> [String] {
        var fields: [String] = [], current = "", quoted = false
        for character in line {
            if character == "\"" { quoted.toggle() }
            else if character == "," && !quoted { fields.append(current); current = "" }
            else { current.append(character) }
        }
        fields.append(current)
        return fields
    }

    // MARK: - Helpers

    private func month(_ text: String) -> Month { try! Month(parsing: text) }

    private func total(_ database: SaferDatabase) async throws -> Int {
        try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("police_crimes")
            .first(decodingColumn: "n", as: Int.self) ?? 0
    }

    /// Every lookup id in `police_crimes` names a row of its lookup table (the columns are
    /// foreign keys by design, without declared constraints: see migration 4).
    private func expectEveryIDResolves(_ database: SaferDatabase, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let references = [("reported_by_id", "police_forces"), ("falls_within_id", "police_forces"), ("location_id", "police_locations"),
                          ("lsoa_id", "police_lsoas"), ("crime_type_id", "police_crime_types"), ("outcome_id", "police_outcomes")]
        for (column, table) in references {
            let dangling = try await database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from(SQLAlias(SQLIdentifier("police_crimes"), as: SQLIdentifier("c")))
                .join(SQLAlias(SQLIdentifier(table), as: SQLIdentifier("l")), method: SQLJoinMethod.left,
                      on: SQLColumn("id", table: "l"), .equal, SQLColumn(column, table: "c"))
                .where(SQLColumn(column, table: "c"), .isNot, SQLLiteral.null)
                .where(SQLColumn("id", table: "l"), .is, SQLLiteral.null)
                .first(decodingColumn: "n", as: Int.self)
            #expect(dangling == 0, "police_crimes.\(column) has ids missing from \(table)", sourceLocation: sourceLocation)
        }
    }

    private func ids(_ database: SaferDatabase) async throws -> [Int64] {
        try await database.sql.select().column("id").from("police_crimes").orderBy("id").all(decodingColumn: "id", as: Int64.self)
    }

    private func counts(_ database: SaferDatabase) async throws -> [CrimeCount] {
        try await SQLPoliceCrimeRepository(database: database).counts(from: month("2000-01"), to: month("2030-12"), by: [.month, .crimeType, .lsoa])
    }
}

/// One police.uk line; every field can be overridden.
private func row(crimeID: String = "c0ffee", month: String = "2018-05", reportedBy: String = "Warwickshire Police",
                 fallsWithin: String = "Warwickshire Police", location: String = "On or near Long Street",
                 longitude: String = "-1.55", latitude: String = "52.6", lsoaCode: String = "E01031035",
                 lsoaName: String = "North Warwickshire 001A", crimeType: String = "Burglary",
                 outcome: String = "Under investigation", context: String = "") -> String {
    [crimeID, month, reportedBy, fallsWithin, longitude, latitude, location, lsoaCode, lsoaName, crimeType, outcome, context]
        .joined(separator: ",")
}

/// Writes raw bytes into `files`' folder.
private func folderFile(_ files: Files, _ name: String, _ data: Data) -> String {
    let url = files.folder.appendingPathComponent(name)
    try! data.write(to: url)
    return url.path
}

/// A temporary folder of CSV files; `remove()` deletes it.
private struct Files {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("police-uk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }

    func write(_ name: String, header: String = PoliceUKColumn.headerLine, _ rows: [String]) throws -> String {
        try writeRaw(name, ([header] + rows).joined(separator: "\n") + "\n")
    }

    func writeRaw(_ name: String, _ text: String) throws -> String {
        let url = folder.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }
}

/// A progress handler that fails the import once enough bytes have been read.
private final class StopAfter: @unchecked Sendable {
    struct Stopped: Error {}
    private let bytes: Int64
    private let lock = NSLock()
    private var rows = 0

    init(bytes: Int64) { self.bytes = bytes }

    var rowsWhenStopped: Int { lock.withLock { rows } }

    func check(_ progress: PoliceUKImportProgress) throws {
        if progress.bytesRead >= bytes {
            lock.withLock { rows = progress.rowsRead }
            throw Stopped()
        }
    }
}
