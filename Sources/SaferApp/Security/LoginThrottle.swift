import Foundation
import SaferDomain

/// Slows down repeated failed sign-ins, per account and per client: the first few failures
/// answer at once; after that each answer waits twice as long as the last, up to a cap.
public struct LoginThrottle: Sendable {
    /// Failures within this window count.
    public var window: TimeInterval = 15 * 60
    /// Failures answered without delay.
    public var freeFailures = 3
    /// The longest wait.
    public var maximumDelay: TimeInterval = 16

    public init() {}

    /// The wait before answering, given the recent failures for the account or the client
    /// (whichever is higher): 0, 0, 0, then 1 s, 2 s, 4 s ... capped.
    public func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures >= freeFailures else { return 0 }
        return min(pow(2, Double(failures - freeFailures)), maximumDelay)
    }

    /// The keys a sign-in attempt is counted under.
    public static func keys(email: String, client: String) -> [String] {
        ["email:\(User.normalisedEmail(email))", "client:\(client)"]
    }
}
