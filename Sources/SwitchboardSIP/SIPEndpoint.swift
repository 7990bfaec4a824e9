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
        var channels: [any Channel] = []
        var addresses: [(String, String, Int)] = []
        do {
            if transports != .tcp {
                let udp = try await DatagramBootstrap(group: group)
                    .channelOption(.socketOption(.so_reuseaddr), value: 1)
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
            try? await group.shutdownGracefully()
            throw error
        }
        return SIPEndpoint(agent: agent, group: group, channels: channels, addresses: addresses)
    }

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

/// One datagram, one message.
final class UDPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>
    typealias OutboundOut = AddressedEnvelope<ByteBuffer>
    let agent: SIPUserAgent

    init(agent: SIPUserAgent) { self.agent = agent }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        let bytes = Array(envelope.data.readableBytesView)
        let remote = envelope.remoteAddress
        let source = SIPSource(ip: remote.ipAddress ?? "", port: remote.port ?? 0, transport: "udp")
        let channel = context.channel
        let agent = self.agent
        Task {
            await agent.receive(bytes, from: source) { reply in
                let buffer = channel.allocator.buffer(bytes: reply)
                channel.writeAndFlush(AddressedEnvelope(remoteAddress: remote, data: buffer), promise: nil)
            }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A bad datagram (ICMP unreachable and the like) must not close the socket.
    }
}

/// A TCP stream: messages framed by Content-Length (SIPParser.frameLength).
final class TCPHandler: ChannelInboundHandler, Sendable {
    typealias InboundIn = [UInt8]
    let agent: SIPUserAgent

    init(agent: SIPUserAgent) { self.agent = agent }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        let remote = context.remoteAddress
        let source = SIPSource(ip: remote?.ipAddress ?? "", port: remote?.port ?? 0, transport: "tcp")
        let channel = context.channel
        let agent = self.agent
        Task {
            await agent.receive(bytes, from: source) { reply in
                channel.writeAndFlush(channel.allocator.buffer(bytes: reply), promise: nil)
            }
        }
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
