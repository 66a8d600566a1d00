import Foundation
import Logging
import NIOCore
import PostgresNIO

/// Writes batches of crime rows with `COPY police_crimes (...) FROM STDIN` in PostgreSQL's text
/// format: one message of tab-separated lines per batch instead of an INSERT whose every value
/// is a bind for the server to parse and plan.
struct PostgresCrimeCopier: Sendable {
    let connection: PostgresConnection
    let logger: Logger

    func copy(_ rows: CrimeRows) async throws {
        guard rows.count > 0 else { return }
        let data = Self.text(of: rows)
        try await connection.copyFrom(table: PoliceUKTables.crimes, columns: CrimeColumns.all, logger: logger) { writer in
            try await writer.write(data)
        }
    }

    /// The rows in COPY's text format, columns in `CrimeColumns.all` order.
    static func text(of rows: CrimeRows) -> ByteBuffer {
        var out = ByteBufferAllocator().buffer(capacity: rows.count * 160)
        for i in 0..<rows.count {
            integer(rows.id[i], &out); tab(&out)
            integer(rows.month[i], &out); tab(&out)
            text(rows.crimeID, i, &out); tab(&out)
            id(rows.reportedBy[i], &out); tab(&out)
            id(rows.fallsWithin[i], &out); tab(&out)
            number(rows.longitude[i], &out); tab(&out)
            number(rows.latitude[i], &out); tab(&out)
            id(rows.location[i], &out); tab(&out)
            id(rows.lsoa[i], &out); tab(&out)
            integer(rows.crimeType[i], &out); tab(&out)
            id(rows.outcome[i], &out); tab(&out)
            text(rows.context, i, &out)
            out.writeInteger(UInt8(ascii: "\n"))
        }
        return out
    }

    private static func tab(_ out: inout ByteBuffer) { out.writeInteger(UInt8(ascii: "\t")) }
    private static func null(_ out: inout ByteBuffer) { out.writeStaticString("\\N") }

    private static func integer(_ value: Int64, _ out: inout ByteBuffer) { out.writeString(String(value)) }

    /// An id; 0 is NULL.
    private static func id(_ value: Int64, _ out: inout ByteBuffer) {
        if value == 0 { null(&out) } else { integer(value, &out) }
    }

    /// NaN is NULL; otherwise the shortest text that reads back as the same double.
    private static func number(_ value: Double, _ out: inout ByteBuffer) {
        if value.isNaN { null(&out) } else { out.writeString(value.description) }
    }

    /// Empty is NULL. Backslash, tab, line feed and carriage return are escaped as COPY requires;
    /// text that is not UTF-8 is read as Windows-1252 (`PoliceUKText`), as through the SQLite writer.
    private static func text(_ column: TextColumn, _ index: Int, _ out: inout ByteBuffer) {
        let range = column.range(index)
        guard !range.isEmpty else { return null(&out) }
        column.bytes.withUnsafeBufferPointer { all in
            let bytes = UnsafeBufferPointer(rebasing: all[range])
            if bytes.allSatisfy({ $0 < 0x80 }) {
                escape(bytes, &out)
            } else {
                var repaired = PoliceUKText.decode(bytes).text
                repaired.withUTF8 { escape($0, &out) }
            }
        }
    }

    private static func escape(_ bytes: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): out.writeStaticString("\\\\")
            case UInt8(ascii: "\t"): out.writeStaticString("\\t")
            case UInt8(ascii: "\n"): out.writeStaticString("\\n")
            case UInt8(ascii: "\r"): out.writeStaticString("\\r")
            default: out.writeInteger(byte)
            }
        }
    }
}
