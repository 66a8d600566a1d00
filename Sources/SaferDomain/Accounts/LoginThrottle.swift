import Foundation

/// Where one throttle key stands: its attempts in the current window and the earliest time
/// its next attempt may be checked.
public struct LoginThrottleState: Sendable, Equatable {
    public var attempts: Int
    public var windowStart: Date
    public var nextAt: Date

    public init(attempts: Int, windowStart: Date, nextAt: Date) {
        self.attempts = attempts
        self.windowStart = windowStart
        self.nextAt = nextAt
    }
}

/// Slows down guessing passwords. Each attempt is counted, atomically and before the password is
/// checked, under two keys: the account as tried from this client, and the client alone. The
/// first few attempts of a key are checked at once; after that each is given a slot spaced twice
/// as far after the last, up to a cap, so parallel guesses queue one behind the other rather
/// than all waiting the same time. An attempt whose slot is further off than the cap is refused
/// at once (to be tried again later) and not counted.
///
/// One client's failures never slow another client: a correct password from elsewhere is
/// answered at once. A client trying many accounts is slowed by its own key, which allows more
/// free attempts because offices share one address.
public struct LoginThrottle: Sendable {
    /// Attempts within this window count.
    public var window: TimeInterval = 15 * 60
    /// Attempts at an account from one client checked without delay.
    public var freeFailures = 3
    /// Attempts from one client (whatever the accounts) checked without delay.
    public var freeClientFailures = 10
    /// The longest spacing between attempts, and the furthest a slot is given ahead.
    public var maximumDelay: TimeInterval = 16

    public init() {}

    /// The decision for one attempt.
    public enum Decision: Sendable, Equatable {
        /// Check the password after waiting this long (0: at once).
        case check(after: TimeInterval)
        /// Too many attempts: answer at once, asking the user to wait this long.
        case refuse(retryAfter: TimeInterval)
    }

    /// The spacing after `attempts` attempts with `free` of them free: 0, 0, 0, then 1 s, 2 s, 4 s … capped.
    public func delay(afterFailures attempts: Int, free: Int? = nil) -> TimeInterval {
        let free = free ?? freeFailures
        guard attempts >= free else { return 0 }
        return min(pow(2, Double(min(attempts - free, 32))), maximumDelay)
    }

    /// The keys an attempt is counted under: the account from this client, and the client.
    public static func keys(email: String, client: String) -> [String] {
        ["account:\(User.normalisedEmail(email))|client:\(client)", "client:\(client)"]
    }

    private func free(for key: String) -> Int { key.hasPrefix("client:") ? freeClientFailures : freeFailures }

    private func current(_ state: LoginThrottleState?, now: Date) -> LoginThrottleState {
        guard let state, now.timeIntervalSince(state.windowStart) < window else {
            return LoginThrottleState(attempts: 0, windowStart: now, nextAt: now)
        }
        return state
    }

    /// The refusal an attempt would get now, or nil when it would be checked: read without a
    /// lock, so that refusing a flood costs no write.
    public func refusal(keys: [String], states: [String: LoginThrottleState], now: Date) -> Decision? {
        let slot = keys.map { current(states[$0], now: now).nextAt }.max().map { max($0, now) } ?? now
        let wait = slot.timeIntervalSince(now)
        return wait > maximumDelay ? .refuse(retryAfter: wait.rounded(.up)) : nil
    }

    /// Whether the client has made no attempt within the window: its check goes first.
    public func isQuiet(client key: String, states: [String: LoginThrottleState], now: Date) -> Bool {
        current(states[key], now: now).attempts == 0
    }

    /// Counts an attempt under `keys`, given their stored states; returns the states to store and
    /// the decision. Run it in one transaction with the states locked.
    public func attempt(keys: [String], states: [String: LoginThrottleState], now: Date)
        -> (states: [String: LoginThrottleState], decision: Decision) {
        if let refusal = refusal(keys: keys, states: states, now: now) { return ([:], refusal) }
        let current = Dictionary(uniqueKeysWithValues: keys.map { ($0, self.current(states[$0], now: now)) })
        let slot = current.values.map(\.nextAt).max().map { max($0, now) } ?? now
        let wait = slot.timeIntervalSince(now)
        var updated = current
        for key in keys {
            guard var state = updated[key] else { continue }
            state.attempts += 1
            state.nextAt = max(state.nextAt, slot) + delay(afterFailures: state.attempts, free: free(for: key))
            updated[key] = state
        }
        return (updated, .check(after: wait))
    }

    /// After a correct password: the account's key from this client starts again, and the
    /// client's key no longer counts this attempt.
    public func succeeded(keys: [String], states: [String: LoginThrottleState], now: Date) -> [String: LoginThrottleState] {
        var updated: [String: LoginThrottleState] = [:]
        for key in keys {
            if key.hasPrefix("client:"), var state = states[key] {
                state.attempts = max(0, state.attempts - 1)
                updated[key] = state
            } else {
                updated[key] = LoginThrottleState(attempts: 0, windowStart: now, nextAt: now)
            }
        }
        return updated
    }
}
