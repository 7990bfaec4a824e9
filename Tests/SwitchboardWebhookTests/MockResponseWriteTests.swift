import NIOCore
import NIOEmbedded
import NIOHTTP1
import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// How the mock webhook puts a response on the wire, watched in an embedded channel: a whole
/// response is flushed once (one write, one segment: flushing the head alone cost both ends a
/// system call per request), while a trickled body still shows its head at once.
@Suite("Mock webhook response writes")
struct MockResponseWriteTests {
    /// Counts the flushes that leave the mock's handler toward the socket.
    final class FlushCounter: ChannelOutboundHandler {
        typealias OutboundIn = HTTPServerResponsePart
        var flushes = 0

        func flush(context: ChannelHandlerContext) {
            flushes += 1
            context.flush()
        }
    }

    func channel(script: String) throws -> (EmbeddedChannel, FlushCounter) {
        let parsed = try MockScriptReader.read(SourceDocument(path: "mock.json", bytes: Array(script.utf8)))
        let counter = FlushCounter()
        let settings = MockWebhookHandler.Settings(
            script: parsed, hugeBodyBytes: 4096, slowBodyByteInterval: .milliseconds(50), onRequest: nil)
        let channel = EmbeddedChannel()
        try channel.pipeline.syncOperations.addHandler(counter)
        try channel.pipeline.syncOperations.addHandler(MockWebhookHandler(settings))
        // The mock answers only while the connection is up.
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8089)).wait()
        return (channel, counter)
    }

    func request(_ channel: EmbeddedChannel) throws {
        var head = HTTPRequestHead(version: .http1_1, method: .POST, uri: "/dispatch")
        head.headers.add(name: "Content-Type", value: "application/json")
        try channel.writeInbound(HTTPServerRequestPart.head(head))
        try channel.writeInbound(HTTPServerRequestPart.body(ByteBuffer(string: #"{"to_user":"+15550100"}"#)))
        try channel.writeInbound(HTTPServerRequestPart.end(nil))
    }

    func parts(_ channel: EmbeddedChannel) throws -> [String] {
        var out: [String] = []
        while let part = try channel.readOutbound(as: HTTPServerResponsePart.self) {
            switch part {
            case .head(let head): out.append("head \(head.status.code)")
            case .body(.byteBuffer(let buffer)): out.append("body \(String(buffer: buffer))")
            case .body: out.append("body (file)")
            case .end: out.append("end")
            }
        }
        return out
    }

    @Test("a whole response: head, body and end in one flush")
    func oneFlush() throws {
        let (channel, counter) = try channel(script: #"{"routes": [{"body": {"action": "accept", "room_name": "r"}}]}"#)
        try request(channel)
        #expect(try parts(channel) == ["head 200", #"body {"action":"accept","room_name":"r"}"#, "end"])
        #expect(counter.flushes == 1)
        // Keep-alive: a second request on the same connection is answered the same way.
        try request(channel)
        #expect(try parts(channel).count == 3)
        #expect(counter.flushes == 2)
        _ = try channel.finish()
    }

    @Test("a trickled body: the head is flushed before the first byte")
    func slowBodyHeadFirst() throws {
        let (channel, counter) = try channel(script: #"{"routes": [{"fault": "slow-body", "body": {"a": "b"}}]}"#)
        try request(channel)
        #expect(try parts(channel) == ["head 200", "body {"])
        #expect(counter.flushes == 2, "the head, then the first byte, each sent at once")
        channel.embeddedEventLoop.advanceTime(by: .milliseconds(50))
        #expect(try parts(channel) == [#"body ""#])
        _ = try channel.finish()
    }
}
