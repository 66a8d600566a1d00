import Foundation
import SaferDomain
import SaferStorage

/// Whether the database answers, for `/health` and a load balancer's checks, without making the
/// check queue behind reports: a ping that succeeded within `freshFor` (2 s) is the answer at
/// once, and a new ping is started in the background; only an older or failed result waits for a
/// ping (at most 3 s). So `/health` is at most two seconds stale, and a database that stops
/// answering is reported by the next check after that.
public actor HealthService {
    let database: SaferDatabase
    let clock: any SaferClock
    let freshFor: TimeInterval
    private var lastAnswered: Date?
    private var pinging: Task<Bool, Never>?

    public init(database: SaferDatabase, clock: any SaferClock, freshFor: TimeInterval = 2) {
        self.database = database
        self.clock = clock
        self.freshFor = freshFor
    }

    /// The database engine's name (sqlite or postgres).
    public nonisolated var engine: String { database.engine.rawValue }

    /// Whether the database answered: recently, or to a ping within `timeout` seconds.
    public func databaseAnswers(within timeout: Double = 3) async -> Bool {
        if let lastAnswered, clock.now().timeIntervalSince(lastAnswered) < freshFor {
            if pinging == nil { pinging = ping(timeout) }   // refresh, without waiting for it
            return true
        }
        let task = pinging ?? ping(timeout)
        pinging = task
        return await task.value
    }

    private func ping(_ timeout: Double) -> Task<Bool, Never> {
        Task {
            let answered = await Self.ping(database, within: timeout)
            finish(answered)
            return answered
        }
    }

    private func finish(_ answered: Bool) {
        lastAnswered = answered ? clock.now() : nil
        pinging = nil
    }

    private static func ping(_ database: SaferDatabase, within timeout: Double) async -> Bool {
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await database.ping() }
                group.addTask { try await Task.sleep(for: .seconds(timeout)); throw CancellationError() }
                try await group.next()
                group.cancelAll()
            }
            return true
        } catch {
            return false
        }
    }
}
