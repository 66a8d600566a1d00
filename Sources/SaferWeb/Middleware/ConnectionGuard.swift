import Foundation
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes
import SaferApp
import SaferDomain

/// The open connections, per client address and in all, shared by every connection of one server.
/// When the server is full, the connection that has waited longest for a request makes way for a
/// new one: a slow client holding connections cannot keep others out, and one that is working on
/// a request is never cut off.
final class ConnectionCounter: Sendable {
    private struct Entry: Sendable {
        let address: String?
        /// Since when it has been waiting for a request (head or next request); nil while one is being handled.
        var waitingSince: NIODeadline?
        /// Closes the connection to make way.
        let close: @Sendable () -> Void
    }
    private struct State: Sendable {
        var byAddress: [String: Int] = [:]
        var entries: [ObjectIdentifier: Entry] = [:]
    }
    /// Why a connection was not let in.
    enum Refusal: Sendable { case address, total }

    private let state = NIOLockedValueBox(State())
    private let refusedCount = NIOLockedValueBox(0)
    private let evictedCount = NIOLockedValueBox(0)

    /// Counts a refused connection; returns the count since start.
    func refused() -> Int { refusedCount.withLockedValue { $0 += 1; return $0 } }

    /// Lets a new connection in, or says why not: its address (nil: not capped) holds `perAddress`
    /// already, or `total` are open and none is waiting for a request. When the server is full the
    /// longest-waiting connection is closed to make way; returns how many were closed so since start then.
    func open(_ id: ObjectIdentifier, address: String?, perAddress: Int, total: Int,
              close: @escaping @Sendable () -> Void) -> (refusal: Refusal?, evicted: Int?) {
        let outcome: (refusal: Refusal?, victim: (@Sendable () -> Void)?) = state.withLockedValue { state in
            if let address, state.byAddress[address, default: 0] >= perAddress { return (.address, nil) }
            var victim: (@Sendable () -> Void)? = nil
            if state.entries.count >= total {
                // A linear scan, under the lock, only while the server is full.
                var oldest: (id: ObjectIdentifier, since: NIODeadline)?
                for (key, entry) in state.entries {
                    if let since = entry.waitingSince, since < oldest?.since ?? .distantFuture { oldest = (key, since) }
                }
                guard let oldest, let entry = Self.remove(oldest.id, from: &state) else { return (.total, nil) }
                victim = entry.close
            }
            state.entries[id] = Entry(address: address, waitingSince: .now(), close: close)
            if let address { state.byAddress[address, default: 0] += 1 }
            return (nil, victim)
        }
        guard let victim = outcome.victim else { return (outcome.refusal, nil) }
        victim()
        return (nil, evictedCount.withLockedValue { $0 += 1; return $0 })
    }

    /// Marks a connection as waiting for a request (or not, while one is handled).
    func waiting(_ id: ObjectIdentifier, _ isWaiting: Bool) {
        state.withLockedValue { state in
            guard state.entries[id] != nil else { return }
            state.entries[id]?.waitingSince = isWaiting ? .now() : nil
        }
    }

    /// Uncounts a connection let in by `open` (one closed to make way is uncounted already).
    func close(_ id: ObjectIdentifier) {
        state.withLockedValue { _ = Self.remove(id, from: &$0) }
    }

    private static func remove(_ id: ObjectIdentifier, from state: inout State) -> Entry? {
        guard let entry = state.entries.removeValue(forKey: id) else { return nil }
        if let address = entry.address {
            let remaining = state.byAddress[address, default: 1] - 1
            state.byAddress[address] = remaining > 0 ? remaining : nil
        }
        return entry
    }

    func count(_ address: String) -> Int { state.withLockedValue { $0.byAddress[address, default: 0] } }
    var total: Int { state.withLockedValue { $0.entries.count } }
}

/// Closes connections that are too slow or too many, so that slow-header clients cannot use up
/// the server's file descriptors: a request head must arrive within `headTimeout` of connecting,
/// its body within `bodyTimeout`, and the next head within `idleTimeout` of an answer; one
/// address may hold `perAddress` connections (a trusted proxy, speaking for many, is not capped),
/// and the server `total` in all.
/// While the application is working on a request no timer runs: a long report is not cut off.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private let limits: ConnectionLimits
    private let counter: ConnectionCounter
    private let trusted: TrustedProxies
    private let logger: Logger
    /// Whether this connection was let in and counted.
    private var counted = false
    /// Whether the request being answered is a CONNECT, whose answer only a close can end.
    private var closesAfterAnswer = false
    private var started = false
    private var id: ObjectIdentifier { ObjectIdentifier(self) }
    private var timer: Scheduled<Void>?

    init(limits: ConnectionLimits, counter: ConnectionCounter, trusted: TrustedProxies, logger: Logger) {
        self.limits = limits
        self.counter = counter
        self.trusted = trusted
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { start(context) }
    }

    func channelActive(context: ChannelHandlerContext) {
        start(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        finish()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) { finish() }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            counter.waiting(id, false)
            closesAfterAnswer = head.method == .connect
            arm(context, limits.bodyTimeout, "request body")
        case .end: disarm()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        if closesAfterAnswer {
            // The answer to a CONNECT has no length (NIO frames it as a tunnel's): only closing ends it.
            let written = promise ?? context.eventLoop.makePromise()
            context.write(data, promise: written)
            written.futureResult.whenComplete { _ in context.close(promise: nil) }
            return
        }
        counter.waiting(id, true)
        arm(context, limits.idleTimeout, "next request")
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        let capped = trusted.trusts(peer) ? nil : peer
        let channel = context.channel
        let (refusal, evicted) = counter.open(id, address: capped, perAddress: limits.perAddress, total: limits.total) { channel.close(promise: nil) }
        if let evicted, evicted.isPowerOfTen {
            logger.notice("Connections closed to make way, the server being full: \(evicted) since start; each had waited longest for a request (SAFER_MAX_CONNECTIONS is \(limits.total))")
        }
        if let refusal {
            let count = counter.refused()
            if count.isPowerOfTen {   // a flood is logged, not every connection in it
                switch refusal {
                case .address:
                    logger.notice("Connections refused as too many from one address: \(count) since start; the latest from \(peer), which holds \(limits.perAddress) (SAFER_MAX_CONNECTIONS_PER_ADDRESS)")
                case .total:
                    logger.notice("Connections refused as too many in all: \(count) since start; the server holds \(limits.total) (SAFER_MAX_CONNECTIONS), every one handling a request; the latest from \(peer)")
                }
            }
            context.close(promise: nil)
            return
        }
        counted = true
        arm(context, limits.headTimeout, "request headers")
    }

    private func finish() {
        disarm()
        if counted { counter.close(id) }
        counted = false
    }

    private func arm(_ context: ChannelHandlerContext, _ timeout: Duration, _ waitingFor: String) {
        disarm()
        let components = timeout.components
        let amount = TimeAmount.seconds(components.seconds) + .nanoseconds(components.attoseconds / 1_000_000_000)
        timer = context.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: amount) { [weak self] in
            guard let self else { return }
            self.timer = nil
            self.logger.debug("Connection from \(context.channel.remoteAddress?.ipAddress ?? "unknown") closed: no \(waitingFor) within \(timeout)")
            context.close(promise: nil)
        }
    }

    private func disarm() {
        timer?.cancel()
        timer = nil
    }
}
