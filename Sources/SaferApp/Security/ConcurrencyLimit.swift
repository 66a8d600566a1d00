import Foundation

/// Runs at most `width` jobs at once and lets at most `queue` more wait; beyond that a job is
/// refused at once with `ServerBusy`, so a burst cannot pile up unbounded work. Jobs marked
/// `first` go ahead of the others (with a queue of their own), so a flood of ordinary jobs cannot
/// starve them.
public actor ConcurrencyLimit {
    public let width: Int
    public let queue: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []
    private var waitingFirst: [CheckedContinuation<Void, Never>] = []

    public init(width: Int, queue: Int) {
        self.width = max(1, width)
        self.queue = max(0, queue)
    }

    /// Runs `job` when a place is free; `first` jobs are given places before the others.
    public func run<T: Sendable>(first: Bool = false, _ job: @Sendable () async throws -> T) async throws -> T {
        if running >= width {
            if first {
                guard waitingFirst.count < queue else { throw ServerBusy() }
                await withCheckedContinuation { waitingFirst.append($0) }   // the place is handed over by `finish`
            } else {
                guard waiting.count < queue else { throw ServerBusy() }
                await withCheckedContinuation { waiting.append($0) }
            }
        } else {
            running += 1
        }
        defer { finish() }
        return try await job()
    }

    private func finish() {
        if !waitingFirst.isEmpty { waitingFirst.removeFirst().resume() }
        else if !waiting.isEmpty { waiting.removeFirst().resume() }
        else { running -= 1 }
    }

    /// Jobs running and waiting now.
    public var load: (running: Int, waiting: Int) { (running, waiting.count + waitingFirst.count) }
}

/// The server is too busy to take this request now; the client should try again shortly.
public struct ServerBusy: Error, CustomStringConvertible {
    public init() {}
    public var description: String { "The server is busy checking other sign-ins. Wait a few seconds and try again." }
}
