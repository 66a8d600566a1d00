import Foundation

/// Maps repeated texts (crime types, forces, locations...) to their database ids, looked up by
/// raw UTF-8 bytes so that a value already seen costs a hash and a compare, not a `String`.
///
/// Open addressing with linear probing over a power-of-two table; the texts live in one byte
/// arena. Not thread-safe: one import owns it.
struct ByteInterner {
    private var arena: [UInt8] = []
    private var offsets: [Int] = []
    private var lengths: [Int] = []
    private var hashes: [UInt64] = []
    private var ids: [Int64] = []
    /// Entry index + 1; 0 is an empty slot.
    private var slots: [Int32]
    private var mask: Int
    /// The largest id held, so new ids continue from it.
    private(set) var maxID: Int64 = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The number of texts held.
    var count: Int { ids.count }

    /// The id of `bytes`, or nil if they are not held.
    func id(of bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if hashes[entry - 1] == hash && equals(entry - 1, bytes) { return ids[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// The id of `bytes`, adding them with the next free id when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> (id: Int64, isNew: Bool) {
        let hash = Self.hash(bytes)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            if hashes[entry - 1] == hash && equals(entry - 1, bytes) { return (ids[entry - 1], false) }
            slot = (slot + 1) & mask
        }
        let id = maxID + 1
        insert(bytes, hash: hash, id: id, at: slot)
        return (id, true)
    }

    /// Adds a text already stored with `id` (when loading a lookup table). A repeated text keeps its first id.
    mutating func add(_ text: String, id: Int64) {
        var text = text
        text.withUTF8 { bytes in
            let hash = Self.hash(bytes)
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let entry = Int(slots[slot])
                if entry == 0 { break }
                if hashes[entry - 1] == hash && equals(entry - 1, bytes) { return }
                slot = (slot + 1) & mask
            }
            insert(bytes, hash: hash, id: id, at: slot)
        }
    }

    private mutating func insert(_ bytes: UnsafeBufferPointer<UInt8>, hash: UInt64, id: Int64, at slot: Int) {
        offsets.append(arena.count)
        lengths.append(bytes.count)
        arena.append(contentsOf: bytes)
        hashes.append(hash)
        ids.append(id)
        maxID = max(maxID, id)
        slots[slot] = Int32(ids.count)
        if ids.count * 4 >= slots.count * 3 { grow() }   // keep the load under 3/4
    }

    private func equals(_ entry: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let length = lengths[entry]
        guard length == bytes.count else { return false }
        if length == 0 { return true }
        return arena.withUnsafeBufferPointer { stored in
            // Both buffers hold `length` > 0 bytes here, so both have base addresses.
            memcmp(stored.baseAddress! + offsets[entry], bytes.baseAddress!, length) == 0
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for entry in hashes.indices {
            var slot = Int(truncatingIfNeeded: hashes[entry]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(entry + 1)
        }
    }

    /// A fast 64-bit hash of a short byte string, eight bytes at a time (not for untrusted keys
    /// at scale: a crafted file could only make the import slower, never wrong).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        let n = bytes.count
        while i + 8 <= n {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            h = (h ^ word) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < n {
                tail |= UInt64(base[i]) << shift
                shift += 8
                i += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return h
    }
}
