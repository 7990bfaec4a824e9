import NIOCore
import NIOPosix
import SwitchboardCore

/// The SIP endpoint's sockets: a UDP socket and a TCP listener over SwiftNIO, each handing
/// whole messages to one `SIPUserAgent`. The event loops only move bytes; the agent (an actor)
/// owns every transaction, so nothing is shared between the loops but that actor.
public final class SIPEndpoint: Sendable {
    public enum Transports: String, Sendable, CaseIterable {
        case udp, tcp, both
    }

    public let agent: SIPUserAgent
    let group: MultiThreadedEventLoopGroup
    let channels: [any Channel]
    /// The bound addresses, with the real port when port 0 was asked for.
    public let addresses: [(transport: String, host: String, port: Int)]

    public static func start(agent: SIPUserAgent, host: String, port: Int, transports: Transports) async throws -> SIPEndpoint {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        // Port 0 over both transports: the port UDP got may be taken for TCP (another
        // program's connection); then both are given up and another pair is tried.
        let attempts = port == 0 && transports == .both ? 20 : 1
        for attempt in 1...attempts {
            do {
                let (channels, addresses) = try await bind(agent: agent, group: group, host: host, port: port, transports: transports)
                // What the agent puts in Via and Contact carries the real port.
                if let bound = addresses.first?.2 { await agent.bound(port: bound) }
                return SIPEndpoint(agent: agent, group: group, channels: channels, addresses: addresses)
            } catch let error as IOError where error.errnoCode == EADDRINUSE && attempt < attempts {
                continue
            } catch {
                try? await group.shutdownGracefully()
                throw error
            }
        }
        try? await group.shutdownGracefully()
        throw IOError(errnoCode: EADDRINUSE, reason: "bind")
    }

    /// The listeners, all or none: what was bound is closed again when a later one fails.
    static func bind(
        agent: SIPUserAgent, group: MultiThreadedEventLoopGroup, host: String, port: Int, transports: Transports
    ) async throws -> ([any Channel], [(String, String, Int)]) {
        var channels: [any Channel] = []
        var addresses: [(String, String, Int)] = []
        do {
            if transports != .tcp {
                // No SO_REUSEADDR: on Linux it lets a second UDP socket share the port, and
                // each datagram would reach one of them at random.
                let udp = try await DatagramBootstrap(group: group)
                    .channelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(UDPHandler(agent: agent)) }
                    }
                    .bind(host: host, port: port).get()
                channels.append(udp)
                addresses.append(("udp", host, udp.localAddress?.port ?? port))
            }
            if transports != .udp {
                // Over both, TCP takes the port UDP got, as SIP peers expect one number for both.
                let tcpPort = addresses.first?.2 ?? port
                let tcp = try await ServerBootstrap(group: group)
                    .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                    .childChannelInitializer { channel in
                        channel.eventLoop.makeCompletedFuture {
                            try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SIPFrameDecoder()))
                            try channel.pipeline.syncOperations.addHandler(TCPHandler(agent: agent))
                        }
                    }
                    .bind(host: host, port: tcpPort).get()
                channels.append(tcp)
                addresses.append(("tcp", host, tcp.localAddress?.port ?? tcpPort))
            }
        } catch {
            for channel in channels { try? await channel.close() }
            throw error
        }
        return (channels, addresses)
    }

    /// Why listening on `host:port` failed, in one line that says what to do.
    public static func describe(_ error: any Error, host: String, port: Int) -> String {
        let address = "\(host):\(port)"
        switch (error as? IOError)?.errnoCode {
        case EADDRINUSE?:
            return "\(address) is already in use (another switchboard sip or a PBX?); port 0 picks a free one"
        case EACCES?:
            return "no permission to listen on \(address) (ports below 1024 need privileges); try a port above 1024"
        case EADDRNOTAVAIL?:
            return "\(host) is not an address of this machine"
        default:
            return "could not listen on \(address): \(error)"
        }
    }

    /// `sip:HOST:PORT;transport=udp` per listener, as the endpoint announces itself.
    public var uris: [String] { addresses.map { "sip:\($0.host):\($0.port);transport=\($0.transport)" } }

    init(agent: SIPUserAgent, group: MultiThreadedEventLoopGroup, channels: [any Channel], addresses: [(String, String, Int)]) {
        self.agent = agent
        self.group = group
        self.channels = channels
        self.addresses = addresses.map { (transport: $0.0, host: $0.1, port: $0.2) }
    }

    public func shutdown() async {
        for channel in channels { try? await channel.close() }
        try? await group.shutdownGracefully()
    }
}

/// Messages of one socket or connection, handed to the agent one at a time in the order they
/// arrived: the event loop only queues them, one task per inbox delivers them.
final class SIPInbox: Sendable {
    struct Message: Sendable {
        var bytes: [UInt8]
        var source: SIPSource
        var send: SIPUserAgent.Send
    }

    private let continuation: AsyncStream<Message>.Continuation

    /// Up to `capacity` messages wait; past that, new ones are dropped, as a full socket buffer
    /// drops datagrams (a flood cannot grow the queue without bound).
    init(agent: SIPUserAgent, capacity: Int = 10_000) {
        let (stream, continuation) = AsyncStream.makeStream(of: Message.self, bufferingPolicy: .bufferingOldest(capacity))
        self.continuation = continuation
        Task {
            for await message in stream { await agent.receive(message.bytes, from: message.source, send: message.send) }
        }
    }

    func deliver(_ message: Message) { continuation.yield(message) }

    func close() { continuation.finish() }

    deinit { continuation.finish() }
}

/// One datagram, one message.
final class UDPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>
    let inbox: SIPInbox

    init(agent: SIPUserAgent) { inbox = SIPInbox(agent: agent) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let remote = envelope.remoteAddress
        let channel = context.channel
        inbox.deliver(
            SIPInbox.Message(
                bytes: Array(envelope.data.readableBytesView),
                source: SIPSource(ip: remote.ipAddress ?? "", port: remote.port ?? 0, transport: "udp"),
                send: { reply in
                    channel.writeAndFlush(
                        AddressedEnvelope(remoteAddress: remote, data: channel.allocator.buffer(bytes: reply)), promise: nil)
                }))
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A bad datagram (ICMP unreachable and the like) must not close the socket.
    }
}

/// A TCP stream: messages framed by Content-Length (SIPParser.frameLength), in order per
/// connection.
final class TCPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = [UInt8]
    let inbox: SIPInbox

    init(agent: SIPUserAgent) { inbox = SIPInbox(agent: agent) }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let remote = context.remoteAddress
        let channel = context.channel
        inbox.deliver(
            SIPInbox.Message(
                bytes: unwrapInboundIn(data),
                source: SIPSource(ip: remote?.ipAddress ?? "", port: remote?.port ?? 0, transport: "tcp"),
                send: { reply in channel.writeAndFlush(channel.allocator.buffer(bytes: reply), promise: nil) }))
    }

    func channelInactive(context: ChannelHandlerContext) {
        inbox.close()
        context.fireChannelInactive()
    }
}

/// Cuts a TCP byte stream into SIP messages; a stream that cannot be framed is closed after
/// the message that broke it has been passed on (the agent answers it 400 when it can).
struct SIPFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = [UInt8]

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let available = Array(buffer.readableBytesView)
        do {
            guard let length = try SIPParser.frameLength(available) else { return .needMoreData }
            buffer.moveReaderIndex(forwardBy: length)
            context.fireChannelRead(wrapInboundOut(Array(available[..<length])))
            return .continue
        } catch {
            buffer.moveReaderIndex(forwardBy: available.count)
            context.fireChannelRead(wrapInboundOut(available))
            context.close(promise: nil)
            return .needMoreData
        }
    }
}
