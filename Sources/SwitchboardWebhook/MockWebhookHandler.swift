import Foundation
import NIOCore
import NIOHTTP1
import SwitchboardCore

/// Answers the requests of one connection from a `MockScript`. Lives on the connection's
/// event loop; every scheduled step re-checks that the channel is still open, since the
/// client may give up (its timeout) at any moment.
final class MockWebhookHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    struct Settings: Sendable {
        var script: MockScript
        var hugeBodyBytes: Int
        var slowBodyByteInterval: TimeAmount
        var onRequest: (@Sendable (MockWebhookServer.ReceivedRequest) -> Void)?
    }

    /// Requests larger than this are refused: the payload is a handful of short strings.
    static let maxRequestBytes = 1_048_576

    private let settings: Settings
    private var head: HTTPRequestHead?
    private var body: [UInt8] = []

    init(_ settings: Settings) { self.settings = settings }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body.removeAll(keepingCapacity: true)
        case .body(var buffer):
            if body.count + buffer.readableBytes <= Self.maxRequestBytes {
                body.append(contentsOf: buffer.readBytes(length: buffer.readableBytes) ?? [])
            }
        case .end:
            guard let head else { return }
            self.head = nil
            respond(to: head, body: body, context: context)
        }
    }

    private func respond(to head: HTTPRequestHead, body: [UInt8], context: ChannelHandlerContext) {
        if let onRequest = settings.onRequest {
            onRequest(
                MockWebhookServer.ReceivedRequest(
                    method: head.method.rawValue, uri: head.uri, headers: head.headers.map { ($0.name, $0.value) }, body: body))
        }
        guard let route = settings.script.route(payload: { Self.payloadFields(head: head, body: body) }) else {
            let text = #"{"error":"no route of the mock webhook script matches this request"}"#
            write(
                status: 404, headers: ["Content-Type": "application/json"], body: Array(text.utf8), keepAlive: head.isKeepAlive,
                context: context)
            return
        }
        let keepAlive = head.isKeepAlive
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let act = { @Sendable in
            let (handler, context) = bound.value
            guard context.channel.isActive else { return }
            handler.perform(route, keepAlive: keepAlive, context: context)
        }
        if route.delayMs > 0 {
            context.eventLoop.scheduleTask(in: .milliseconds(Int64(route.delayMs)), act)
        } else {
            act()
        }
    }

    private func perform(_ route: MockScript.Route, keepAlive: Bool, context: ChannelHandlerContext) {
        var headers = StringMap()
        if let body = route.body { headers["Content-Type"] = body.contentType }
        for (name, value) in route.headers {
            if let existing = headers.keys.first(where: { $0.lowercased() == name.lowercased() }) { headers[existing] = nil }
            headers[name] = value
        }
        let bytes = route.body?.bytes ?? []
        switch route.fault {
        case nil:
            write(status: route.status, headers: headers, body: bytes, keepAlive: keepAlive, context: context)
        case .close:
            context.close(promise: nil)
        case .reset:
            // SO_LINGER with a zero timeout makes close() send RST instead of FIN.
            let channel = context.channel
            if let provider = channel as? any SocketOptionProvider {
                provider.setSoLinger(linger(l_onoff: 1, l_linger: 0)).whenComplete { _ in channel.close(promise: nil) }
            } else {
                channel.close(promise: nil)
            }
        case .hang:
            break
        case .slowBody:
            writeHead(status: route.status, headers: headers, contentLength: bytes.count, keepAlive: false, context: context)
            dribble(bytes[...], context: context)
        case .huge:
            let huge = Self.hugeBody(size: settings.hugeBodyBytes)
            headers["Content-Type"] = "application/json"
            write(status: route.status, headers: headers, body: huge, keepAlive: false, context: context)
        }
    }

    /// One byte, a pause, the next byte… then the end of the response and the connection.
    private func dribble(_ rest: ArraySlice<UInt8>, context: ChannelHandlerContext) {
        guard context.channel.isActive else { return }
        guard let byte = rest.first else {
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
            return
        }
        context.writeAndFlush(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: [byte])))), promise: nil)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        context.eventLoop.scheduleTask(in: settings.slowBodyByteInterval) {
            let (handler, context) = bound.value
            handler.dribble(rest.dropFirst(), context: context)
        }
    }

    /// Writes the head; flushed at once only when the body is to trickle after it (a whole
    /// response goes out in one write, as one segment, which is what a real server does and
    /// half the system calls on both sides).
    private func writeHead(
        status: Int, headers: StringMap, contentLength: Int, keepAlive: Bool, flush: Bool = true, context: ChannelHandlerContext
    ) {
        var fields = HTTPHeaders()
        for (name, value) in headers { fields.add(name: name, value: value) }
        fields.replaceOrAdd(name: "Content-Length", value: String(contentLength))
        if !keepAlive { fields.replaceOrAdd(name: "Connection", value: "close") }
        let head = HTTPResponseHead(version: .http1_1, status: HTTPResponseStatus(statusCode: status), headers: fields)
        if flush {
            context.writeAndFlush(wrapOutboundOut(.head(head)), promise: nil)
        } else {
            context.write(wrapOutboundOut(.head(head)), promise: nil)
        }
    }

    private func write(status: Int, headers: StringMap, body: [UInt8], keepAlive: Bool, context: ChannelHandlerContext) {
        writeHead(status: status, headers: headers, contentLength: body.count, keepAlive: keepAlive, flush: false, context: context)
        if !body.isEmpty {
            context.write(wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(bytes: body)))), promise: nil)
        }
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let channel = context.channel
            done.whenComplete { _ in channel.close(promise: nil) }
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// A JSON answer padded past any sensible limit: parseable if a client ignored its limit.
    static func hugeBody(size: Int) -> [UInt8] {
        let open = Array(#"{"dispatch_action":"accept","room_name":"huge","padding":""#.utf8)
        let close = Array(#""}"#.utf8)
        let padding = max(size - open.count - close.count, 0)
        return open + [UInt8](repeating: UInt8(ascii: "x"), count: padding) + close
    }

    /// The payload fields a route matches on: a JSON body's members, or the query's parameters.
    static func payloadFields(head: HTTPRequestHead, body: [UInt8]) -> [String: String] {
        if !body.isEmpty, case .object(let object)? = try? JSONParser.parse(body) {
            return MockScript.payloadFields(jsonBody: object)
        }
        guard let question = head.uri.firstIndex(of: "?") else { return [:] }
        return MockScript.payloadFields(query: head.uri[head.uri.index(after: question)...])
    }
}
