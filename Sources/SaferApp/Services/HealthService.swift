import Foundation
import SaferStorage

/// Whether the database answers, for `/health` and a load balancer's checks.
public struct HealthService: Sendable {
    let database: SaferDatabase

    public init(database: SaferDatabase) { self.database = database }

    /// The database engine's name (sqlite or postgres).
    public var engine: String { database.engine.rawValue }

    /// Whether the database answered a ping within `timeout` seconds.
    public func databaseAnswers(within timeout: Double = 3) async -> Bool {
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

extension AppServices {
    /// The health check.
    public var health: HealthService { HealthService(database: storage.database) }
}
