import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads an RFC 4180 CSV file in fixed-size chunks and hands out one record at a time as
/// byte ranges into its buffer, so a file of any size is read in constant memory and no
/// `String` is made for a field unless the caller wants one.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; they are unquoted in place.
/// Lines end with LF or CRLF; a UTF-8 byte-order mark at the start is skipped; blank lines are
/// skipped. A field is valid until the next call to `next()`.
///
/// A non-copyable struct rather than a class: it owns its buffers (freed in `deinit`), and its
/// state is checked for exclusive access at compile time instead of on every access at run time.
struct CSVByteReader: ~Copyable {
    let path: String
    private let descriptor: Int32
    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private let maxRecordBytes: Int
    /// Unconsumed bytes are `buffer[start..<end]`.
    private var start = 0
    private var end = 0
    private var atEOF = false
    private var atFileStart = true
    /// Bytes read from the file so far.
    private(set) var bytesRead: Int64 = 0
    /// The line the next record starts on.
    private var nextLine = 1

    // Where the search for the current record's end got to, so a refill resumes rather than restarts.
    private var scanOffset = 0
    private var scanInQuotes = false
    private var scanSawQuote = false
    private var scanNewlines = 0

    /// The current record's fields, as offsets into `buffer`.
    private var fieldStarts: UnsafeMutablePointer<Int>
    private var fieldEnds: UnsafeMutablePointer<Int>
    private var fieldCapacity = 64
    /// How many fields the current record has.
    private(set) var fieldCount = 0
    /// The line the current record starts on (1-based).
    private(set) var line = 0
    /// Whether the current record ends inside a quoted field (the file ended first).
    private(set) var unclosedQuote = false

    /// Opens `path`; `chunkSize` is how much is read at a time.
    init(path: String, chunkSize: Int = 1 << 20, maxRecordBytes: Int = 8 << 20) throws {
        self.path = path
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CSVByteReaderError.cannotOpen(reason: String(cString: strerror(errno))) }
        descriptor = fd
        capacity = max(chunkSize, 64)
        self.maxRecordBytes = max(maxRecordBytes, capacity)
        buffer = .allocate(capacity: capacity)
        fieldStarts = .allocate(capacity: fieldCapacity)
        fieldEnds = .allocate(capacity: fieldCapacity)
    }

    deinit {
        close(descriptor)
        buffer.deallocate()
        fieldStarts.deallocate()
        fieldEnds.deallocate()
    }

    /// The bytes of field `index` of the current record.
    @inline(__always)
    func field(_ index: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: buffer + fieldStarts[index], count: fieldEnds[index] - fieldStarts[index])
    }

    /// Field `index` as text (invalid UTF-8 is repaired with U+FFFD).
    func string(_ index: Int) -> String { String(decoding: field(index), as: UTF8.self) }

    /// Moves to the next non-blank record; false at the end of the file.
    mutating func next() throws -> Bool {
        while true {
            guard let (recordEnd, consumedEnd) = try findRecordEnd() else { return false }
            let recordStart = start
            var contentEnd = recordEnd
            if contentEnd > recordStart && buffer[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            line = nextLine
            nextLine += 1 + scanNewlines
            unclosedQuote = scanInQuotes
            let quoted = scanSawQuote
            start = consumedEnd
            resetScan()
            if contentEnd == recordStart { continue }      // a blank line
            if quoted { splitQuoted(recordStart, contentEnd) } else { splitPlain(recordStart, contentEnd) }
            return true
        }
    }

    // MARK: - Finding records

    private mutating func resetScan() {
        scanOffset = 0
        scanInQuotes = false
        scanSawQuote = false
        scanNewlines = 0
    }

    /// The end of the next record (its line break, or the end of the file) and where the one
    /// after it starts; nil when no bytes are left.
    private mutating func findRecordEnd() throws -> (Int, Int)? {
        while true {
            var i = start + scanOffset
            if !scanInQuotes && !scanSawQuote {
                // Fast path: a line without quotes is found by two memchr calls.
                let newline = memchr(buffer + i, Int32(UInt8(ascii: "\n")), end - i).map { $0.assumingMemoryBound(to: UInt8.self) - buffer }
                let limit = newline ?? end
                if memchr(buffer + i, Int32(UInt8(ascii: "\"")), limit - i) == nil {
                    if let newline { return (newline, newline + 1) }
                    i = end
                } else {
                    scanSawQuote = true
                }
            }
            if scanSawQuote {
                while i < end {
                    let c = buffer[i]
                    if c == UInt8(ascii: "\"") {
                        scanInQuotes.toggle()
                    } else if c == UInt8(ascii: "\n") {
                        if !scanInQuotes { return (i, i + 1) }
                        scanNewlines += 1
                    }
                    i += 1
                }
            }
            scanOffset = i - start
            if atEOF {
                if start == end { return nil }
                return (end, end)
            }
            try refill()
        }
    }

    /// Moves the unconsumed bytes to the front and reads more, growing the buffer only for a
    /// record longer than it.
    private mutating func refill() throws {
        if start > 0 {
            let remaining = end - start
            if remaining > 0 { memmove(buffer, buffer + start, remaining) }
            start = 0
            end = remaining
        }
        if end == capacity {
            guard capacity < maxRecordBytes else {
                throw CSVByteReaderError.recordTooLong(line: nextLine, limit: maxRecordBytes)
            }
            let larger = min(capacity * 2, maxRecordBytes)
            let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: larger)
            grown.update(from: buffer, count: end)
            buffer.deallocate()
            buffer = grown
            capacity = larger
        }
        var count: Int
        repeat { count = read(descriptor, buffer + end, capacity - end) } while count < 0 && errno == EINTR
        guard count >= 0 else { throw CSVByteReaderError.readFailed(reason: String(cString: strerror(errno))) }
        if count == 0 { atEOF = true }
        let fresh = end
        end += count
        bytesRead += Int64(count)
        if atFileStart && (end >= 3 || atEOF) {
            atFileStart = false
            if end >= 2 && ((buffer[0] == 0xFF && buffer[1] == 0xFE) || (buffer[0] == 0xFE && buffer[1] == 0xFF) || buffer[0] == 0 || buffer[1] == 0) {
                throw CSVByteReaderError.utf16
            }
            if end >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF { start = 3 }
            if memchr(buffer, Int32(UInt8(ascii: "\r")), end) != nil && memchr(buffer, Int32(UInt8(ascii: "\n")), end) == nil {
                throw CSVByteReaderError.carriageReturnLineEnds
            }
        }
        // Text never holds NUL; memchr keeps the check to a fraction of the read's cost.
        if count > 0, let nul = memchr(buffer + fresh, 0, count) {
            let offset = nul.assumingMemoryBound(to: UInt8.self) - buffer
            var line = nextLine
            for i in start..<offset where buffer[i] == UInt8(ascii: "\n") { line += 1 }
            throw CSVByteReaderError.nulByte(line: line)
        }
    }

    // MARK: - Splitting fields

    @inline(__always)
    private mutating func appendField(_ from: Int, _ to: Int) {
        if fieldCount == fieldCapacity { growFields() }
        fieldStarts[fieldCount] = from
        fieldEnds[fieldCount] = to
        fieldCount += 1
    }

    private mutating func growFields() {
        let larger = fieldCapacity * 2
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: larger)
        starts.update(from: fieldStarts, count: fieldCount)
        ends.update(from: fieldEnds, count: fieldCount)
        fieldStarts.deallocate()
        fieldEnds.deallocate()
        fieldStarts = starts
        fieldEnds = ends
        fieldCapacity = larger
    }

    private mutating func splitPlain(_ from: Int, _ to: Int) {
        fieldCount = 0
        var i = from
        while true {
            if let comma = memchr(buffer + i, Int32(UInt8(ascii: ",")), to - i) {
                let at = comma.assumingMemoryBound(to: UInt8.self) - buffer
                appendField(i, at)
                i = at + 1
            } else {
                appendField(i, to)
                return
            }
        }
    }

    /// Splits a record holding quotes, unquoting each quoted field in place (it only shrinks).
    /// Text after a closing quote is kept, as most CSV readers do (`"a"b` reads `ab`).
    private mutating func splitQuoted(_ from: Int, _ to: Int) {
        fieldCount = 0
        var i = from
        while true {
            let fieldStart = i
            var write = i
            var inQuotes = false
            while i < to {
                let c = buffer[i]
                if inQuotes {
                    if c == UInt8(ascii: "\"") {
                        if i + 1 < to && buffer[i + 1] == UInt8(ascii: "\"") {
                            buffer[write] = c
                            write += 1
                            i += 2
                            continue
                        }
                        inQuotes = false
                    } else {
                        buffer[write] = c
                        write += 1
                    }
                } else if c == UInt8(ascii: ",") {
                    break
                } else if c == UInt8(ascii: "\"") {
                    inQuotes = true
                } else {
                    buffer[write] = c
                    write += 1
                }
                i += 1
            }
            appendField(fieldStart, write)
            if i >= to { return }
            i += 1      // the comma
        }
    }
}

/// A CSV file that could not be read.
enum CSVByteReaderError: Error {
    case cannotOpen(reason: String)
    case readFailed(reason: String)
    case recordTooLong(line: Int, limit: Int)
    /// A NUL byte: not text. `line` is where the record holding it starts.
    case nulByte(line: Int)
    /// UTF-16 text (a byte-order mark, or NULs between ASCII letters).
    case utf16
    /// Lines end with a lone CR (classic Mac), so the whole file would be one line.
    case carriageReturnLineEnds
}
