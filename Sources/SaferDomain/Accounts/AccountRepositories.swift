import Foundation

/// People's accounts. Every change is written to the audit log in the same transaction.
public protocol UserRepository: Sendable {
    /// Stores a new account; a taken e-mail address is a conflict.
    func create(_ user: User, by actor: Actor) async throws
    /// Replaces an account's fields, recording what changed.
    func update(_ user: User, by actor: Actor) async throws
    /// The account with this id.
    func find(id: String) async throws -> User?
    /// The account with this e-mail address (compared without case).
    func find(email: String) async throws -> User?
    /// Every account, by name.
    func list() async throws -> [User]
}

/// Partner organisations.
public protocol OrganisationRepository: Sendable {
    /// Stores a new organisation; a taken name is a conflict.
    func create(_ organisation: Organisation, by actor: Actor) async throws
    /// Replaces an organisation's fields, recording what changed.
    func update(_ organisation: Organisation, by actor: Actor) async throws
    /// The organisation with this id.
    func find(id: String) async throws -> Organisation?
    /// The organisation with this name (compared without case).
    func find(name: String) async throws -> Organisation?
    /// Every organisation, by name.
    func list() async throws -> [Organisation]
}

/// Signed-in browsers, shared by every node.
public protocol SessionRepository: Sendable {
    /// Stores a new session.
    func create(_ session: Session) async throws
    /// The unexpired session with this token hash.
    func find(tokenHash: String, at now: Date) async throws -> Session?
    /// Ends one session (sign out).
    func delete(tokenHash: String) async throws
    /// Ends every session of an account (disabled, or password changed).
    func deleteAll(userID: String) async throws
    /// Removes expired sessions.
    func purge(before now: Date) async throws
}

/// API bearer tokens.
public protocol APITokenRepository: Sendable {
    /// Stores a new token (its hash only).
    func create(_ token: APIToken, by actor: Actor) async throws
    /// The unrevoked token with this hash, marking it used.
    func use(tokenHash: String, at now: Date) async throws -> APIToken?
    /// An account's tokens.
    func list(userID: String) async throws -> [APIToken]
}

/// Sign-in attempts, counted per key (see `LoginThrottle`) and shared by every node so the
/// back-off cannot be dodged by reaching another node or by guessing in parallel.
public protocol LoginAttemptRepository: Sendable {
    /// Reads the states of `keys`, locked against every other attempt, and stores what `change`
    /// returns for them, in one transaction; states older than a day are dropped.
    func update<Result: Sendable>(keys: [String], now: Date,
                                  _ change: @escaping @Sendable ([String: LoginThrottleState]) -> (states: [String: LoginThrottleState], result: Result))
        async throws -> Result
    /// The states of `keys` as last stored, without a lock (nothing is written).
    func states(keys: [String]) async throws -> [String: LoginThrottleState]
}

/// The append-only record of every change.
public protocol AuditLogRepository: Sendable {
    /// Appends an entry written outside a repository's own change (e.g. a sign-in).
    func append(_ entry: AuditEntry) async throws
    /// Entries matching a filter, newest first.
    func list(_ filter: AuditFilter) async throws -> [AuditEntry]
    /// How many entries match a filter.
    func count(_ filter: AuditFilter) async throws -> Int
    /// The kinds of record the log holds entries for, alphabetically.
    func entities() async throws -> [String]
}
