import Foundation
import HummingbirdBcrypt
import NIOPosix

/// bcrypt, run off the event loops (a hash takes a quarter of a second at cost 12), one hash per
/// core at a time with a bounded queue: a burst of sign-ins cannot take every thread or pile up
/// without end; beyond the queue a sign-in is answered "busy" (503) at once.
public struct PasswordHasher: Sendable {
    public let cost: UInt8
    let limit: ConcurrencyLimit

    public init(cost: UInt8, concurrent: Int = ProcessInfo.processInfo.activeProcessorCount, queue: Int = 64) {
        self.cost = cost
        self.limit = ConcurrencyLimit(width: concurrent, queue: queue)
    }

    /// A new hash for a password.
    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await limit.run { try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) } }
    }

    /// Whether a password matches a stored hash.
    public func verify(_ password: String, hash: String) async throws -> Bool {
        try await limit.run { try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) } }
    }
}
