import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SwitchboardCore

/// LiveKit's SIP service over Twirp (HTTP/1.1, JSON): `POST {url}/twirp/livekit.SIP/<Method>`
/// with `Content-Type: application/json` and `Authorization: Bearer <token>`. Each call has a
/// connect timeout and a total timeout; every failure comes back as one `ServerError` line.
///
/// Lifecycle: one per command run; `shutdown()` before exit.
public final class SIPClient: Sendable {
    public let credentials: ServerCredentials
    public let connectTimeoutMs: Int
    public let timeoutMs: Int
    /// Largest answer read (a 100,000-rule list is ~40 MB).
    public let maxResponseBytes: Int
    /// Items asked for per List call (`page.limit`).
    public let pageSize: Int
    private let client: HTTPClient
    private let now: @Sendable () -> Date

    public init(
        credentials: ServerCredentials, connectTimeoutMs: Int = 2000, timeoutMs: Int = 30_000, maxResponseBytes: Int = 256 << 20,
        pageSize: Int = 1000, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.credentials = credentials
        self.connectTimeoutMs = connectTimeoutMs
        self.timeoutMs = timeoutMs
        self.maxResponseBytes = maxResponseBytes
        self.pageSize = max(1, pageSize)
        self.now = now
        var configuration = HTTPClient.Configuration(
            redirectConfiguration: .disallow, timeout: .init(connect: .milliseconds(Int64(connectTimeoutMs))), decompression: .disabled)
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.httpVersion = .http1Only
        configuration.tracing.tracer = nil
        client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }

    public func shutdown() async { try? await client.shutdown() }

    /// The answer's body for a 200; a `ServerError` for anything else.
    public func call(_ method: SIPMethod, _ body: JSONObject) async throws(ServerError) -> [UInt8] {
        let url = credentials.address.endpoint(method.rawValue)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer " + credentials.accessToken(now: now()))
        request.headers.add(name: "User-Agent", value: "switchboard")
        request.body = .bytes(JSONWriter.bytes(.object(body), style: .compact))
        let limits = WebhookLimits(connectTimeoutMs: connectTimeoutMs, totalTimeoutMs: timeoutMs, maxResponseBytes: maxResponseBytes)
        let status: Int
        let bytes: [UInt8]
        do {
            let response = try await client.execute(request, deadline: .now() + .milliseconds(Int64(timeoutMs)))
            status = Int(response.status.code)
            let buffer = try await response.body.collect(upTo: maxResponseBytes)
            bytes = Array(buffer.readableBytesView)
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw .badResponse(method: method.rawValue, reason: "larger than \(maxResponseBytes) bytes")
        } catch {
            throw .unreachable(url: credentials.address.base, reason: Self.reason(for: error, url: url, limits: limits))
        }
        guard status == 200 else { throw ServerError.twirp(method: method.rawValue, status: status, body: bytes) }
        return bytes
    }

    /// The transport's classification, worded for a server rather than a webhook.
    static func reason(for error: any Error, url: String, limits: WebhookLimits) -> String {
        switch TransportErrorMapping.failure(for: error, url: url, limits: limits) {
        case .connectionRefused(let host, let port): return "connection refused by \(host):\(port) (is the server running?)"
        case .dnsFailure(let host): return "host \"\(host)\" could not be resolved"
        case .tlsFailure(let detail): return "TLS handshake failed: \(detail)"
        case .connectTimeout(let ms): return "connect timed out after \(ms) ms (--connect-timeout-ms)"
        case .totalTimeout(let ms): return "no answer within \(ms) ms (--timeout-ms)"
        case .closedEarly: return "the server closed the connection before answering"
        case .connectionReset: return "the connection was reset"
        case .responseTooLarge(let limit): return "the answer is larger than \(limit) bytes"
        case .other(let text): return text
        }
    }

    public func listTrunks() async throws(ServerError) -> (root: JSONObject, items: [Trunk]) {
        try await list(.listInboundTrunks, as: Trunk.self)
    }

    public func listRules() async throws(ServerError) -> (root: JSONObject, items: [DispatchRule]) {
        try await list(.listDispatchRules, as: DispatchRule.self)
    }

    /// A whole list, a page at a time: ask for `pageSize` items, then for those after the last
    /// one, until a page comes back empty. Not until a short page: a server may cap a page
    /// below the limit asked, and stopping there would drop the rest silently. A page larger
    /// than asked, or one with nothing new, comes from a server that ignores `page` and sent
    /// everything; that is the list. The root is the first answer's.
    func list<Item: ProtoMessage & Identifiable<String>>(
        _ method: SIPMethod, as: Item.Type
    ) async throws(ServerError) -> (root: JSONObject, items: [Item]) {
        var root: JSONObject?
        var items: [Item] = []
        var seen = Set<String>()
        var afterID = ""
        while true {
            let page = try SIPMethod.items(
                of: try await call(method, SIPMethod.listPage(after: afterID, limit: pageSize)), as: Item.self, method: method)
            if root == nil { root = page.root }
            let before = items.count
            for item in page.items where seen.insert(item.id).inserted { items.append(item) }
            guard let last = page.items.last?.id, items.count > before, page.items.count <= pageSize else { break }
            afterID = last
        }
        return (root ?? [:], items)
    }
}
