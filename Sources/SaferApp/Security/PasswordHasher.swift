import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run off the event loops (a hash takes a quarter of a second at cost 12) on threads of
/// its own, one fewer than the cores: SQLite's queries run on the shared thread pool, and a burst
/// of sign-ins must not hold its threads while queries wait (measured: that starved the single
/// SQLite connection into pool timeouts). The queue is bounded too: beyond it a sign-in is
/// answered "busy" (503) at once rather than piling up without end.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    let limit: ConcurrencyLimit

    /// The hashing threads, started once per process.
    static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: threadCount)
        pool.start()
        return pool
    }()
    static let threadCount = max(1, ProcessInfo.processInfo.activeProcessorCount - 1)

    public init(cost: UInt8, queue: Int = 64) {
        self.cost = cost
        self.limit = ConcurrencyLimit(width: Self.threadCount, queue: queue)
    }

    /// A new hash for a password.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await limit.run { try await Self.threads.runIfActive { Bcrypt.hash(password, cost: cost) } }
    }

    /// Whether a password matches a stored hash; `first` puts the check ahead of others waiting
    /// (a client with no recent failures, so an attack from many addresses cannot lock its owner out).
    public func verify(_ password: String, hash: String, first: Bool = false) async throws -> Bool {
        try await limit.run(first: first) { try await Self.threads.runIfActive { Bcrypt.verify(password, hash: hash) } }
    }
}
