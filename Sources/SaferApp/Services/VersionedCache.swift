import Foundation

/// Values kept per key together with the data version they were built at: a value is used
/// only while the version stands, so a write anywhere (any node) makes the next read rebuild.
public actor VersionedCache<Key: Hashable & Sendable, Value: Sendable> {
    private var entries: [Key: (version: Int64, value: Value)] = [:]
    /// Keys are areas: a district's wards and beats at most. Beyond this the cache starts afresh.
    private let capacity: Int

    public init(capacity: Int = 64) { self.capacity = capacity }

    /// The value for `key` built at `version`, building (and keeping) it when there is none.
    public func value(for key: Key, at version: Int64, build: @Sendable () async throws -> Value) async throws -> Value {
        if let entry = entries[key], entry.version == version { return entry.value }
        let value = try await build()
        if entries.count >= capacity { entries.removeAll() }
        // Another build for a newer version may have finished meanwhile: keep the newest.
        if (entries[key]?.version ?? .min) <= version { entries[key] = (version, value) }
        return value
    }
}
