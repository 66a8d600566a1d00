import Foundation
import Logging
import SaferDomain
import SaferReports
import SaferStorage

/// What controllers are given: repositories, clock, ids and settings. No globals.
public struct AppServices: Sendable {
    public let configuration: AppConfiguration
    public let storage: Storage
    public let clock: any SaferClock
    public let ids: any IDGenerator
    public let passwords: PasswordHasher
    public let throttle: LoginThrottle
    /// Waits before answering a throttled sign-in; tests pass one that records instead.
    public let sleep: @Sendable (TimeInterval) async -> Void
    public let logger: Logger
    /// The database check behind `/health`, shared by every request.
    public let health: HealthService
    /// The performance reports' inputs, kept while the data version they were built at stands.
    public let performanceCache = VersionedCache<String, PerformanceInputs>()
    /// Finished performance reports (as the API sends them), by report and period, kept the same way.
    public let reportCache = VersionedCache<String, any Sendable>()

    public init(configuration: AppConfiguration, storage: Storage, clock: any SaferClock = SystemClock(),
                ids: any IDGenerator = UUIDGenerator(), throttle: LoginThrottle = LoginThrottle(),
                sleep: @escaping @Sendable (TimeInterval) async -> Void = { try? await Task.sleep(for: .seconds($0)) },
                logger: Logger = Logger(label: "safer")) {
        self.configuration = configuration
        self.storage = storage
        self.clock = clock
        self.ids = ids
        self.passwords = PasswordHasher(cost: configuration.bcryptCost)
        self.throttle = throttle
        self.sleep = sleep
        self.logger = logger
        self.health = HealthService(database: storage.database, clock: clock)
    }

    /// Account operations shared by the web pages, the API and the CLI.
    public var accounts: AccountService { AccountService(services: self) }
}
