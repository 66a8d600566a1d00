import Foundation
import Logging
import SaferApp
import SaferDomain
import SaferStorage

/// A clock that stands still unless moved.
public final class TestClock: SaferClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_552_348_800)) { current = start } // 12 March 2019

    public func now() -> Date { lock.withLock { current } }

    /// Moves time on.
    public func advance(by seconds: TimeInterval) { lock.withLock { current += seconds } }
}

/// Ids "id-1", "id-2" ... in order.
public final class SequentialIDs: IDGenerator, @unchecked Sendable {
    private let lock = NSLock()
    private var counter = 0
    public init() {}
    public func next() -> String { lock.withLock { counter += 1; return "id-\(counter)" } }
}

/// Records the waits the sign-in back-off asked for, instead of waiting.
public final class RecordedSleeps: @unchecked Sendable {
    private let lock = NSLock()
    private var waits: [TimeInterval] = []
    public init() {}
    public func record(_ seconds: TimeInterval) { lock.withLock { waits.append(seconds) } }
    public var all: [TimeInterval] { lock.withLock { waits } }
}

/// Services over a test database, with a fixed clock, sequential ids, cheap bcrypt and no real waits.
public func makeTestServices(_ database: SaferDatabase, clock: TestClock = TestClock(), sleeps: RecordedSleeps = RecordedSleeps(),
                             logger: Logger = Logger(label: "safer"), configure: (inout AppConfiguration) -> Void = { _ in }) -> AppServices {
    var configuration = AppConfiguration()
    configuration.database = database.url
    configuration.bcryptCost = 4
    configuration.sessionSecret = String(repeating: "s", count: 40)
    configure(&configuration)
    let ids = SequentialIDs()
    return AppServices(configuration: configuration, storage: Storage(database: database, clock: clock, ids: ids),
                       clock: clock, ids: ids, sleep: { sleeps.record($0) }, logger: logger)
}

/// One account per role, all with the password `TestData.password`.
public enum TestData {
    public static let password = "correct horse battery staple"

    /// The e-mail address of the test account for a role.
    public static func email(_ role: Role) -> String { "\(role.rawValue)@test.example" }

    /// Adds the council and Warwickshire Police, and an account for every role (partners at the police).
    @discardableResult
    public static func seedAccounts(_ services: AppServices) async throws -> [Role: User] {
        let council = Organisation(id: "org-council", name: "North Warwickshire Borough Council", kind: .council)
        let police = Organisation(id: "org-police", name: "Warwickshire Police", kind: .police)
        try await services.storage.organisations.create(council, by: .system)
        try await services.storage.organisations.create(police, by: .system)
        var users: [Role: User] = [:]
        for role in Role.allCases {
            users[role] = try await services.accounts.addUser(
                email: email(role), name: "Test \(role.label)", role: role.rawValue,
                organisation: role == .partner ? police.id : council.id, password: password, by: .system)
        }
        return users
    }
}
