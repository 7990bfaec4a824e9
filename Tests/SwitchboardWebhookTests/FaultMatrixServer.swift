import NIOCore
import NIOPosix
import SwitchboardCore

@testable import SwitchboardWebhook

/// A loopback server that misbehaves below HTTP: it writes exactly the bytes a fault needs
/// (a head with escape sequences, a body cut off by a reset, a head trickled a byte at a time,
/// 100 MB as fast as the client takes it) and counts what it sent. The mock webhook server
/// speaks correct HTTP on purpose; these faults are about what a broken or hostile server does.
final class FaultMatrixServer: Sendable {
    enum Behavior: Sendable {
        /// Closes the connection as soon as it is accepted, before reading anything.
        case closeOnAccept
        /// After the request arrives: writes `bytes`, then keeps the connection open.
        case reply([UInt8])
        /// After the request arrives: writes `bytes`, then resets the connection (RST).
        case replyThenReset([UInt8])
        /// After the request arrives: writes `bytes` one byte per `interval`.
        case trickle([UInt8], interval: TimeAmount)
        /// After the request arrives: writes `head`, then `total` body bytes in 64 KiB chunks,
        /// each only once the previous one reached the socket (so the client sets the pace).
        case stream(head: [UInt8], total: Int)
    }

    let port: Int
    private let channel: any Channel
    private let sent: Locked<Int>

    var url: String { "http://127.0.0.1:\(port)/dispatch" }
    /// Bytes the server managed to hand to the socket so far.
    var bytesSent: Int { sent.withLock { $0 } }

    private init(channel: any Channel, sent: Locked<Int>) {
        self.channel = channel
        self.sent = sent
        self.port = channel.localAddress?.port ?? 0
    }

    static func start(_ behavior: Behavior) async throws -> FaultMatrixServer {
        let sent = Locked(0)
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(Handler(behavior: behavior, sent: sent))
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        return FaultMatrixServer(channel: channel, sent: sent)
    }

    func shutdown() async {
        try? await channel.close()
    }

    /// An HTTP/1.1 response head; `extra` lines are written as given (escape sequences too).
    static func head(status: String = "200 OK", contentLength: Int?, extra: [String] = []) -> [UInt8] {
        var lines = ["HTTP/1.1 \(status)", "Content-Type: application/json"] + extra
        if let contentLength { lines.append("Content-Length: \(contentLength)") }
        return Array((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
    }

    private final class Handler: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = ByteBuffer
        let behavior: Behavior
        let sent: Locked<Int>
        var started = false

        init(behavior: Behavior, sent: Locked<Int>) {
            self.behavior = behavior
            self.sent = sent
        }

        func channelActive(context: ChannelHandlerContext) {
            if case .closeOnAccept = behavior { context.close(promise: nil) }
            context.fireChannelActive()
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            // Any request bytes start the act; the request itself does not matter here.
            guard !started else { return }
            started = true
            let channel = context.channel
            switch behavior {
            case .closeOnAccept:
                break
            case .reply(let bytes):
                write(bytes, on: channel)
            case .replyThenReset(let bytes):
                write(bytes, on: channel).whenComplete { _ in
                    guard let provider = channel as? any SocketOptionProvider else { return channel.close(promise: nil) }
                    provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
                }
            case .trickle(let bytes, let interval):
                trickle(bytes[...], interval: interval, on: channel)
            case .stream(let head, let total):
                write(head, on: channel).whenSuccess { self.pump(remaining: total, on: channel) }
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            context.close(promise: nil)
        }

        @discardableResult
        private func write(_ bytes: [UInt8], on channel: any Channel) -> EventLoopFuture<Void> {
            let future = channel.writeAndFlush(ByteBuffer(bytes: bytes))
            future.whenSuccess { self.sent.withLock { $0 += bytes.count } }
            return future
        }

        private func trickle(_ bytes: ArraySlice<UInt8>, interval: TimeAmount, on channel: any Channel) {
            guard let first = bytes.first, channel.isActive else { return }
            write([first], on: channel).whenSuccess {
                channel.eventLoop.scheduleTask(in: interval) { self.trickle(bytes.dropFirst(), interval: interval, on: channel) }
            }
        }

        private static let chunk = [UInt8](repeating: UInt8(ascii: " "), count: 65_536)

        private func pump(remaining: Int, on channel: any Channel) {
            guard remaining > 0, channel.isActive else { return }
            let bytes = remaining >= Self.chunk.count ? Self.chunk : Array(Self.chunk.prefix(remaining))
            write(bytes, on: channel).whenSuccess { self.pump(remaining: remaining - bytes.count, on: channel) }
        }
    }
}
