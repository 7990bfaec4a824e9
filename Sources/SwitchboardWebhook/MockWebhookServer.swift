import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix
import SwitchboardCore

/// The scripted webhook responder of cli.md section 4: a real HTTP/1.1 server on SwiftNIO,
/// serving a `MockScript`. Used by `switchboard mock-webhook`, in-process by the simulator and
/// the TUI, and by the tests, which is why it must be both faithful (faults act on the real
/// socket: a `reset` is a TCP RST) and cheap under load (one event-loop handler per
/// connection, no locks on the request path).
///
/// Thread ownership: each connection's `MockWebhookHandler` lives on its channel's event loop
/// and is touched only there. The server object holds the listening channel and the set of
/// open connections (guarded by a lock) so `shutdown()` can close hung connections too.
public final class MockWebhookServer: Sendable {
    public struct Configuration: Sendable {
        public var host: String
        /// 0 binds an ephemeral port (tests); the CLI default is 8089.
        public var port: Int
        /// The size of a `huge` body: by default past the 1 MiB default response limit.
        public var hugeBodyBytes: Int
        /// The pause between bytes of a `slow-body` response.
        public var slowBodyByteInterval: TimeAmount
        /// Called on the event loop for every request received, before it is answered.
        public var onRequest: (@Sendable (ReceivedRequest) -> Void)?

        public init(
            host: String = "127.0.0.1", port: Int = 8089, hugeBodyBytes: Int = 1_048_576 + 65_536,
            slowBodyByteInterval: TimeAmount = .milliseconds(100), onRequest: (@Sendable (ReceivedRequest) -> Void)? = nil
        ) {
            self.host = host
            self.port = port
            self.hugeBodyBytes = hugeBodyBytes
            self.slowBodyByteInterval = slowBodyByteInterval
            self.onRequest = onRequest
        }
    }

    /// A request exactly as it arrived, for tests that check the bytes a client sent.
    public struct ReceivedRequest: Sendable {
        public var method: String
        public var uri: String
        public var headers: [(name: String, value: String)]
        public var body: [UInt8]

        public func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    public enum StartError: Error, CustomStringConvertible {
        case bindFailed(host: String, port: Int, reason: String)

        public var description: String {
            switch self {
            case .bindFailed(let host, let port, let reason):
                return "could not listen on \(host):\(port): \(reason) (is another mock webhook running? try --port)"
            }
        }
    }

    private let listener: any Channel
    private let connections: Locked<[ObjectIdentifier: any Channel]>
    /// The address actually bound (with the real port when 0 was asked for).
    public let endpoint: Endpoint

    /// Connections open now (clients keep them between requests).
    public var openConnectionCount: Int { connections.withLock { $0.count } }

    /// `http://host:port`, the base URL to point dynamic rules at.
    public var baseURL: String { "http://\(endpoint)" }

    private init(listener: any Channel, connections: Locked<[ObjectIdentifier: any Channel]>, endpoint: Endpoint) {
        self.listener = listener
        self.connections = connections
        self.endpoint = endpoint
    }

    public static func start(
        script: MockScript, configuration: Configuration = Configuration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton
    ) async throws -> MockWebhookServer {
        let connections = Locked<[ObjectIdentifier: any Channel]>([:])
        let settings = MockWebhookHandler.Settings(
            script: script, hugeBodyBytes: configuration.hugeBodyBytes,
            slowBodyByteInterval: configuration.slowBodyByteInterval, onRequest: configuration.onRequest)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                let id = ObjectIdentifier(channel)
                connections.withLock { $0[id] = channel }
                channel.closeFuture.whenComplete { _ in _ = connections.withLock { $0.removeValue(forKey: id) } }
                return channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(MockWebhookHandler(settings))
                }
            }
        let listener: any Channel
        do {
            listener = try await bootstrap.bind(host: configuration.host, port: configuration.port).get()
        } catch {
            throw StartError.bindFailed(host: configuration.host, port: configuration.port, reason: "\(error)")
        }
        let port = listener.localAddress?.port ?? configuration.port
        return MockWebhookServer(listener: listener, connections: connections, endpoint: Endpoint(host: configuration.host, port: port))
    }

    /// Stops listening and closes every open connection, hung ones included. Idempotent.
    public func shutdown() async {
        try? await listener.close()
        let open = connections.withLock { Array($0.values) }
        for channel in open { try? await channel.close() }
    }

    /// Completes when the listening socket closes (after `shutdown()`).
    public func waitUntilClosed() async {
        try? await listener.closeFuture.get()
    }
}
