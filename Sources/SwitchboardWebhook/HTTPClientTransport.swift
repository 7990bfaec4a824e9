import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SwitchboardCore

/// The production `WebhookTransport`, on AsyncHTTPClient. (Not URLSession: on Linux a 401 with
/// `WWW-Authenticate` hangs it past every timeout, and it follows redirects silently.)
///
/// Thread ownership: the `HTTPClient` runs on the shared NIO event loops; this object only
/// holds it. Each `send` races the exchange against the total timeout, a timer on the
/// request's own event loop, and returns when the first of the two ends, so a webhook that
/// stalls anywhere — connecting, before the head, mid-body — ends the simulated call on time.
/// Redirects are not followed, nothing is retried, and the body is read only up to the size
/// limit.
///
/// Why the delegate API rather than `execute(_:timeout:)` with async/await: a `switchboard test`
/// run sends thousands of requests a second, and the async API costs two Swift tasks, a
/// `Task.sleep` timer on Dispatch and an async body sequence per request, on top of the
/// exchange. Here a request is one continuation, resumed from the event loop that ran it.
///
/// Lifecycle: create once, share, and call `shutdown()` before the process exits (or the
/// test ends). Clients are made lazily, one per distinct connect timeout — in practice one,
/// since the timeout is a project setting.
public final class HTTPClientTransport: WebhookTransport, Sendable {
    /// Where to actually connect for a URL's endpoint; the URL and `Host` header are unchanged.
    public let connectOverrides: [Endpoint: Endpoint]
    /// Connections kept open to one webhook host. Requests beyond it queue for a free one.
    public let connectionsPerHost: Int
    private let clients = Locked<[Int: HTTPClient]>([:])
    private let targets = Locked<[Substring: Target]>([:])
    private let isShutDown = Locked(false)

    /// - Parameter connectionsPerHost: as many as calls run at once (`test --jobs`): a request
    ///   queued for a busy connection costs the pool more than a new connection does.
    public init(connectOverrides: [Endpoint: Endpoint] = [:], connectionsPerHost: Int = 8) {
        self.connectOverrides = connectOverrides
        self.connectionsPerHost = max(1, connectionsPerHost)
    }

    public func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange {
        let clock = ContinuousClock()
        let start = clock.now
        let progress = ExchangeProgress(limit: limits.maxResponseBytes)
        let failure: WebhookFailure?
        do {
            let prepared = try prepare(request)
            let client = try self.client(connectTimeoutMs: limits.connectTimeoutMs)
            failure = await Self.exchange(prepared, client: client, limits: limits, progress: progress)
        } catch {
            failure = error
        }
        let elapsed = clock.now - start
        let durationMs = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return WebhookExchange(response: progress.response, failure: failure, durationMs: durationMs)
    }

    /// Runs the exchange against the total timeout and returns as soon as either ends. The
    /// loser is cancelled but not awaited: tearing down a hung connection must not delay the
    /// call's outcome past its timeout. Cancelling the calling task cancels the request, which
    /// then ends as a timeout (the caller gave up waiting).
    private static func exchange(
        _ request: HTTPClient.Request, client: HTTPClient, limits: WebhookLimits, progress: ExchangeProgress
    ) async -> WebhookFailure? {
        let inFlight = InFlightRequest()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<WebhookFailure?, Never>) in
                let once = ResumeOnce(continuation)
                let task = client.execute(request: request, delegate: ResponseRecorder(progress), deadline: nil)
                let timer = task.eventLoop.scheduleTask(in: .milliseconds(Int64(limits.totalTimeoutMs))) {
                    if once.resume(.totalTimeout(ms: limits.totalTimeoutMs)) { task.cancel() }
                }
                task.futureResult.whenComplete { result in
                    timer.cancel()
                    switch result {
                    case .success:
                        _ = once.resume(nil)
                    case .failure(let error):
                        let failure =
                            progress.overflowed
                            ? .responseTooLarge(limit: limits.maxResponseBytes)
                            : TransportErrorMapping.failure(for: error, url: request.url.absoluteString, limits: limits)
                        _ = once.resume(failure)
                    }
                }
                inFlight.started(task)
            }
        } onCancel: {
            inFlight.cancel()
        }
    }

    /// Shuts every client down. Sends after this fail with a clear message.
    public func shutdown() async {
        isShutDown.withLock { $0 = true }
        let all = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { try? await client.shutdown() }
    }

    private func client(connectTimeoutMs: Int) throws(WebhookFailure) -> HTTPClient {
        if isShutDown.withLock({ $0 }) { throw WebhookFailure.other("the webhook transport was shut down") }
        return clients.withLock { clients in
            if let client = clients[connectTimeoutMs] { return client }
            var configuration = HTTPClient.Configuration(
                redirectConfiguration: .disallow,
                timeout: .init(connect: .milliseconds(Int64(connectTimeoutMs))),
                decompression: .disabled)
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.httpVersion = .http1Only
            // No tracer is ever installed; without this each request still builds a span.
            configuration.tracing.tracer = nil
            configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[connectTimeoutMs] = client
            return client
        }
    }

    /// Where a URL (its part before any query) is sent: the same URL, or the connect
    /// override's, with the `Host` header the original names.
    private struct Target {
        var base: String
        var hostHeader: String?
        /// The whole URL parsed, for URLs without a query (a `POST`'s is the same every call).
        var url: URL?
    }

    /// Works a URL's target out once: a `test` run sends thousands of requests to the same
    /// few URLs, and parsing each again was a tenth of the transport's time. Only the part
    /// before `?` is kept (a `GET`'s query differs per call), and at most a few hundred.
    private func target(_ base: Substring) throws(WebhookFailure) -> Target {
        if let known = targets.withLock({ $0[base] }) { return known }
        guard let endpoint = Endpoint(url: String(base)), var components = URLComponents(string: String(base)) else {
            throw WebhookFailure.other("\"\(base)\" is not an http:// or https:// URL with a host")
        }
        var target = Target(base: String(base))
        if let override = connectOverrides[endpoint] {
            components.host = override.host
            components.port = override.port
            target.base = components.string ?? target.base
            target.hostHeader = Self.hostHeader(endpoint, scheme: components.scheme ?? "http")
        }
        target.url = URL(string: target.base)
        targets.withLock { targets in
            if targets.count >= 256 { targets.removeAll() }
            targets[base] = target
        }
        return target
    }

    private func prepare(_ request: WebhookRequest) throws(WebhookFailure) -> HTTPClient.Request {
        let query = request.url.firstIndex(of: "?")
        let target = try target(request.url[..<(query ?? request.url.endIndex)])
        var headers = HTTPHeaders()
        if let host = target.hostHeader { headers.add(name: "Host", value: host) }
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        let method: HTTPMethod = request.method == .get ? .GET : .POST
        let body: HTTPClient.Body? = request.method == .post ? .bytes(request.body) : nil
        do {
            if query == nil, let url = target.url {
                return try HTTPClient.Request(url: url, method: method, headers: headers, body: body)
            }
            let url = query.map { target.base + request.url[$0...] } ?? target.base
            return try HTTPClient.Request(url: url, method: method, headers: headers, body: body)
        } catch {
            throw WebhookFailure.other("\"\(request.url)\" is not a URL AsyncHTTPClient can send to (\(error))")
        }
    }

    static func hostHeader(_ endpoint: Endpoint, scheme: String) -> String {
        let isDefault = (scheme == "http" && endpoint.port == 80) || (scheme == "https" && endpoint.port == 443)
        return isDefault ? endpoint.host : endpoint.description
    }
}

/// The request of one `exchange`, for a cancellation that may come before it is sent.
final class InFlightRequest: Sendable {
    private let state = Locked<(task: HTTPClient.Task<Void>?, cancelled: Bool)>((nil, false))

    func started(_ task: HTTPClient.Task<Void>) {
        let cancelled = state.withLock { state in
            state.task = task
            return state.cancelled
        }
        if cancelled { task.cancel() }
    }

    func cancel() {
        let task = state.withLock { state in
            state.cancelled = true
            return state.task
        }
        task?.cancel()
    }
}

/// Records the response into an `ExchangeProgress` as it arrives, on the request's event loop.
/// Past the size limit it fails the request, which closes the connection.
final class ResponseRecorder: HTTPClientResponseDelegate {
    typealias Response = Void
    private let progress: ExchangeProgress

    init(_ progress: ExchangeProgress) { self.progress = progress }

    func didReceiveHead(task: HTTPClient.Task<Void>, _ head: HTTPResponseHead) -> EventLoopFuture<Void> {
        var headers = StringMap()
        for (name, value) in head.headers {
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        progress.receivedHead(status: Int(head.status.code), headers: headers)
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didReceiveBodyPart(task: HTTPClient.Task<Void>, _ buffer: ByteBuffer) -> EventLoopFuture<Void> {
        guard progress.append(buffer.readableBytesView) else {
            return task.eventLoop.makeFailedFuture(ResponseTooLarge())
        }
        return task.eventLoop.makeSucceededVoidFuture()
    }

    func didFinishRequest(task: HTTPClient.Task<Void>) throws {}

    struct ResponseTooLarge: Error {}
}

/// Resumes a continuation once, whichever racer gets there first.
final class ResumeOnce: Sendable {
    private let continuation: Locked<CheckedContinuation<WebhookFailure?, Never>?>

    init(_ continuation: CheckedContinuation<WebhookFailure?, Never>) { self.continuation = Locked(continuation) }

    /// True for the one call that resumed.
    func resume(_ value: WebhookFailure?) -> Bool {
        guard
            let continuation = continuation.withLock({ c in
                defer { c = nil }; return c
            })
        else { return false }
        continuation.resume(returning: value)
        return true
    }
}

/// The response as far as it arrived, shared between the event loop that receives it and
/// `send`, which reads it after the race ends (also when the timeout won).
final class ExchangeProgress: Sendable {
    private struct State {
        var status: Int?
        var headers = StringMap()
        var body: [UInt8] = []
        var overflowed = false
    }

    /// The most body bytes kept.
    let limit: Int
    private let state = Locked(State())

    init(limit: Int) { self.limit = limit }

    func receivedHead(status: Int, headers: StringMap) {
        state.withLock {
            $0.status = status
            $0.headers = headers
        }
    }

    /// Keeps at most `limit` bytes; false once more than that arrived.
    func append(_ bytes: ByteBufferView) -> Bool {
        state.withLock { state in
            let room = limit - state.body.count
            if bytes.count <= room {
                state.body.append(contentsOf: bytes)
                return true
            }
            state.body.append(contentsOf: bytes.prefix(max(room, 0)))
            state.overflowed = true
            return false
        }
    }

    /// True once more than `limit` bytes of body arrived.
    var overflowed: Bool { state.withLock { $0.overflowed } }

    var response: WebhookExchange.Response? {
        state.withLock { state in
            state.status.map { WebhookExchange.Response(status: $0, headers: state.headers, body: state.body) }
        }
    }
}

extension WebhookFailure: Error {}
