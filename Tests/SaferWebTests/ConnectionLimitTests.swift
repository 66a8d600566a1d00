import Foundation
import Hummingbird
import HummingbirdTesting
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Testing
import SaferDomain
import SaferTestSupport
@testable import SaferApp
@testable import SaferWeb

/// Slow and greedy clients, over real sockets.
@Suite("Connection limits")
struct ConnectionLimitTests {
    /// Runs `body` against a live server on SQLite with the given limits.
    static func live(_ limits: ConnectionLimits, _ body: @escaping @Sendable (Int, any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.with(.sqlite) { database async throws in
            let services = makeTestServices(database)
            var configuration = services.configuration
            configuration.port = 0
            configuration.connections = limits
            let app = try buildApplication(configuration: configuration, services: services)
            try await app.test(.live) { client in try await body(try #require(client.port), client) }
        }
    }

    /// Collects what the server sends until it closes the connection.
    final class Collector: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        private var text = ""
        let received: EventLoopPromise<String>
        init(_ promise: EventLoopPromise<String>) { received = promise }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { text += String(buffer: unwrapInboundIn(data)) }
        func channelInactive(context: ChannelHandlerContext) { received.succeed(text) }
    }

    /// A raw connection to the server, and what it will have received when closed.
    static func connect(_ port: Int) async throws -> (channel: any Channel, received: EventLoopFuture<String>) {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let promise = loop.makePromise(of: String.self)
        let channel = try await ClientBootstrap(group: loop)
            .channelInitializer { channel in channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Collector(promise)) } }
            .connect(host: "127.0.0.1", port: port).get()
        return (channel, promise.futureResult)
    }

    /// Sends a whole request on a raw connection and returns the answer's status line.
    static func health(_ connection: (channel: any Channel, received: EventLoopFuture<String>)) async throws -> String {
        try await connection.channel.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: safer\r\nConnection: close\r\n\r\n")).get()
        return try await connection.received.get().components(separatedBy: "\r\n")[0]
    }

    /// Whether the server closes the channel before `patience` runs out (a guard against a hang, not a timing).
    static func closedByServer(_ channel: any Channel, patience: Duration = .seconds(30)) async throws -> Bool {
        try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await channel.closeFuture.get(); return true }
            group.addTask { try await Task.sleep(for: patience); return false }
            defer { group.cancelAll() }
            return try await group.next() ?? false
        }
    }

    @Test func aClientThatNeverFinishesItsHeadersIsClosed() async throws {
        var limits = ConnectionLimits()
        limits.headTimeout = .seconds(1)
        try await Self.live(limits) { port, _ in
            let slow = try await Self.connect(port)
            try await slow.channel.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: safer\r\nX-Slow: ")).get()
            #expect(try await Self.closedByServer(slow.channel))
            #expect(try await slow.received.get() == "", "closed without an answer")
            #expect(try await Self.health(Self.connect(port)) == "HTTP/1.1 200 OK", "others are still served")
        }
    }

    @Test func oneAddressHoldsAtMostItsShareOfConnections() async throws {
        var limits = ConnectionLimits()
        limits.perAddress = 3   // the test's own client holds one
        try await Self.live(limits) { port, _ in
            // Connections are counted on the server's event loops, in whatever order they become
            // active there: give each a moment, so that the third is the one over the limit.
            let first = try await Self.connect(port)
            try await Task.sleep(for: .milliseconds(100))
            let second = try await Self.connect(port)
            try await Task.sleep(for: .milliseconds(100))
            let third = try await Self.connect(port)
            #expect(try await Self.closedByServer(third.channel), "the fourth from one address is closed at once")
            #expect(try await Self.health(first) == "HTTP/1.1 200 OK")
            try await Task.sleep(for: .milliseconds(100))   // let the server see the first close
            let fourth = try await Self.connect(port)
            #expect(try await Self.health(fourth) == "HTTP/1.1 200 OK", "a freed place is used again")
            #expect(try await Self.health(second) == "HTTP/1.1 200 OK")
        }
    }

    /// Below the descriptor limit the server makes room itself; at the limit `accept` would fail
    /// (EMFILE) in a busy loop (bench/hardening/RESULTS.md, finding 4). A full server closes the
    /// connection that has waited longest for a request, so slow clients cannot keep others out.
    @Test func aFullServerClosesTheLongestWaitingConnectionToLetANewOneIn() async throws {
        var limits = ConnectionLimits()
        limits.total = 3   // the test's own client holds one, the oldest
        try await Self.live(limits) { port, _ in
            let first = try await Self.connect(port)
            try await first.channel.writeAndFlush(ByteBuffer(string: "GET /health HTTP/1.1\r\nHost: safer\r\nX-Slow: ")).get()
            try await Task.sleep(for: .milliseconds(100))
            let second = try await Self.connect(port)
            try await Task.sleep(for: .milliseconds(100))
            let third = try await Self.connect(port)     // full: the client's own connection makes way
            try await Task.sleep(for: .milliseconds(100))
            let fourth = try await Self.connect(port)    // the first, slow and now the oldest, makes way
            #expect(try await Self.closedByServer(first.channel), "the longest-waiting connection is closed")
            #expect(try await first.received.get() == "")
            #expect(try await Self.health(fourth) == "HTTP/1.1 200 OK", "the newcomer is served")
            #expect(try await Self.health(third) == "HTTP/1.1 200 OK")
            #expect(try await Self.health(second) == "HTTP/1.1 200 OK")
        }
    }

    @Test func theCounterLetsInRefusesAndMakesWayAsTheRulesSay() {
        final class Connection: Sendable {
            let closed = NIOLockedValueBox(false)
            var id: ObjectIdentifier { ObjectIdentifier(self) }
            func open(_ counter: ConnectionCounter, _ address: String?) -> (refusal: ConnectionCounter.Refusal?, evicted: Int?) {
                counter.open(id, address: address, perAddress: 1, total: 2) { self.closed.withLockedValue { $0 = true } }
            }
        }
        let counter = ConnectionCounter()
        let connections = (0..<3).map { _ in Connection() }
        let ids = connections.map(\.id)
        #expect(connections[0].open(counter, "10.0.0.1").refusal == nil)
        #expect(connections[1].open(counter, "10.0.0.1").refusal == .address)
        #expect(connections[1].open(counter, nil).refusal == nil, "a trusted proxy is not capped by address")
        // Full, and both are handling requests: a newcomer is refused.
        counter.waiting(ids[0], false)
        counter.waiting(ids[1], false)
        #expect(connections[2].open(counter, "10.0.0.2").refusal == .total)
        // One waits for its next request: it makes way, and is uncounted at once.
        counter.waiting(ids[0], true)
        let made = connections[2].open(counter, "10.0.0.2")
        #expect(made.refusal == nil && made.evicted == 1 && counter.total == 2 && counter.count("10.0.0.1") == 0)
        #expect(connections[0].closed.withLockedValue { $0 } && !connections[1].closed.withLockedValue { $0 })
        counter.close(ids[0])   // its own close later changes nothing
        #expect(counter.total == 2)
        counter.close(ids[1])
        #expect(counter.total == 1 && counter.count("10.0.0.2") == 1)
    }

    /// A CONNECT is refused with 405, and the server closes the connection: the answer has no
    /// length (NIO frames an answer to CONNECT as a tunnel's), so otherwise the client waits for ever.
    @Test func aConnectIsRefusedAndTheConnectionClosed() async throws {
        try await Self.live(ConnectionLimits()) { port, _ in
            let connection = try await Self.connect(port)
            try await connection.channel.writeAndFlush(ByteBuffer(string: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n")).get()
            #expect(try await Self.closedByServer(connection.channel, patience: .seconds(5)), "the client is not left waiting")
            #expect(try await connection.received.get().hasPrefix("HTTP/1.1 405 Method Not Allowed"))
        }
    }

    @Test func theTotalDefaultsToThreeQuartersOfTheDescriptorLimit() throws {
        #expect(ConnectionLimits.defaultTotal(descriptorLimit: 1_024) == 768)
        #expect(ConnectionLimits.defaultTotal(descriptorLimit: 20) == 32)
        #expect(ConnectionLimits.defaultTotal(descriptorLimit: UInt64.max) == 100_000, "unlimited")
        #expect(ConnectionLimits.defaultTotal(descriptorLimit: nil) == 4_096)
        let limit = try #require(ConnectionLimits.descriptorLimit())
        #expect(AppConfiguration().connections.total == ConnectionLimits.defaultTotal(descriptorLimit: limit))
        #expect(try AppConfiguration.resolve(flags: [:], environment: ["SAFER_MAX_CONNECTIONS": "500"]).connections.total == 500)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(flags: [:], environment: ["SAFER_MAX_CONNECTIONS": "0"]) }
    }

    @Test func theLimitsAreConfiguredWithSafeDefaults() throws {
        let defaults = AppConfiguration()
        #expect(defaults.connections.headTimeout == .seconds(10) && defaults.connections.perAddress == 64)
        let configured = try AppConfiguration.resolve(flags: [:], environment: ["SAFER_HEAD_TIMEOUT": "5", "SAFER_MAX_CONNECTIONS_PER_ADDRESS": "8"])
        #expect(configured.connections.headTimeout == .seconds(5) && configured.connections.perAddress == 8)
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(flags: [:], environment: ["SAFER_IDLE_TIMEOUT": "1e300"]) }
        #expect(throws: ConfigurationError.self) { try AppConfiguration.resolve(flags: [:], environment: ["SAFER_BODY_TIMEOUT": "0"]) }
    }
}
