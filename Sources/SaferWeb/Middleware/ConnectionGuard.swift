import Foundation
import HummingbirdCore
import Logging
import NIOConcurrencyHelpers
import NIOCore
import NIOHTTPTypes
import SaferApp
import SaferDomain

/// Open connections per client address, shared by every connection of one server.
final class ConnectionCounter: Sendable {
    private let counts = NIOLockedValueBox([String: Int]())
    private let refusedCount = NIOLockedValueBox(0)

    /// Counts a refused connection; returns the count since start.
    func refused() -> Int { refusedCount.withLockedValue { $0 += 1; return $0 } }

    /// Counts a new connection; false (and not counted) when the address already holds `limit`.
    func open(_ address: String, limit: Int) -> Bool {
        counts.withLockedValue { counts in
            let current = counts[address, default: 0]
            guard current < limit else { return false }
            counts[address] = current + 1
            return true
        }
    }

    func close(_ address: String) {
        counts.withLockedValue { counts in
            let remaining = counts[address, default: 1] - 1
            counts[address] = remaining > 0 ? remaining : nil
        }
    }

    func count(_ address: String) -> Int { counts.withLockedValue { $0[address, default: 0] } }
}

/// Closes connections that are too slow or too many, so that slow-header clients cannot use up
/// the server's file descriptors: a request head must arrive within `headTimeout` of connecting,
/// its body within `bodyTimeout`, and the next head within `idleTimeout` of an answer; one
/// address may hold `perAddress` connections (a trusted proxy, speaking for many, is not capped).
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
    private var address: String?
    private var started = false
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
        case .head: arm(context, limits.bodyTimeout, "request body")
        case .end: disarm()
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { arm(context, limits.idleTimeout, "next request") }
        context.write(data, promise: promise)
    }

    private func start(_ context: ChannelHandlerContext) {
        guard !started else { return }
        started = true
        let peer = context.channel.remoteAddress?.ipAddress ?? "unknown"
        if !trusted.trusts(peer) {
            guard counter.open(peer, limit: limits.perAddress) else {
                let count = counter.refused()
                if count.isPowerOfTen {   // a flood is logged, not every connection in it
                    logger.notice("Connections refused as too many from one address: \(count) since start; the latest from \(peer), which holds \(limits.perAddress) (SAFER_MAX_CONNECTIONS_PER_ADDRESS)")
                }
                context.close(promise: nil)
                return
            }
            address = peer
        }
        arm(context, limits.headTimeout, "request headers")
    }

    private func finish() {
        disarm()
        if let address { counter.close(address) }
        address = nil
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
