import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import SwitchboardCore

/// The production `WebhookTransport`, on AsyncHTTPClient. (Not URLSession: on Linux a 401 with
/// `WWW-Authenticate` hangs it past every timeout, and it follows redirects silently.)
///
/// Thread ownership: the `HTTPClient` runs on the shared NIO event loops; this object only
/// holds it. Each `send` races the exchange against the total timeout and returns when the
/// first of the two ends, so a webhook that stalls anywhere — connecting, before the head,
/// mid-body — ends the simulated call on time. Redirects are not followed, nothing is retried, and the body
/// is read only up to the size limit.
///
/// Lifecycle: create once, share, and call `shutdown()` before the process exits (or the
/// test ends). Clients are made lazily, one per distinct connect timeout — in practice one,
/// since the timeout is a project setting.
public final class HTTPClientTransport: WebhookTransport, Sendable {
    /// Where to actually connect for a URL's endpoint; the URL and `Host` header are unchanged.
    public let connectOverrides: [Endpoint: Endpoint]
    private let clients = Locked<[Int: HTTPClient]>([:])
    private let isShutDown = Locked(false)

    public init(connectOverrides: [Endpoint: Endpoint] = [:]) {
        self.connectOverrides = connectOverrides
    }

    public func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange {
        let clock = ContinuousClock()
        let start = clock.now
        let progress = ExchangeProgress()
        func elapsedMs() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
        }
        let failure: WebhookFailure?
        do {
            let prepared = try prepare(request)
            let client = try self.client(connectTimeoutMs: limits.connectTimeoutMs)
            failure = await Self.race(totalTimeoutMs: limits.totalTimeoutMs, clock: clock) {
                await Self.perform(prepared, client: client, limits: limits, progress: progress)
            }
        } catch {
            failure = error
        }
        return WebhookExchange(response: progress.response, failure: failure, durationMs: elapsedMs())
    }

    /// Runs `exchange` against the total timeout and returns as soon as either ends. The loser
    /// is cancelled but not awaited: tearing down a hung connection must not delay the call's
    /// outcome past its timeout. (A task group would wait for the cancelled child.)
    private static func race(
        totalTimeoutMs: Int, clock: ContinuousClock, _ exchange: @escaping @Sendable () async -> WebhookFailure?
    ) async -> WebhookFailure? {
        let tasks = Locked<[Task<Void, Never>]>([])
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<WebhookFailure?, Never>) in
                let once = ResumeOnce(continuation)
                let request = Task {
                    let failure = await exchange()
                    if once.resume(failure) { tasks.withLock { $0.forEach { $0.cancel() } } }
                }
                let timer = Task {
                    guard (try? await Task.sleep(for: .milliseconds(totalTimeoutMs), clock: clock)) != nil else { return }
                    if once.resume(.totalTimeout(ms: totalTimeoutMs)) { request.cancel() }
                }
                tasks.withLock { $0 = [request, timer] }
            }
        } onCancel: {
            tasks.withLock { $0.forEach { $0.cancel() } }
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
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
            clients[connectTimeoutMs] = client
            return client
        }
    }

    private func prepare(_ request: WebhookRequest) throws(WebhookFailure) -> HTTPClientRequest {
        guard let endpoint = Endpoint(url: request.url), var components = URLComponents(string: request.url) else {
            throw WebhookFailure.other("\"\(request.url)\" is not an http:// or https:// URL with a host")
        }
        var headers = HTTPHeaders()
        if let target = connectOverrides[endpoint] {
            components.host = target.host
            components.port = target.port
            headers.add(name: "Host", value: Self.hostHeader(endpoint, scheme: components.scheme ?? "http"))
        }
        var out = HTTPClientRequest(url: components.string ?? request.url)
        out.method = request.method == .get ? .GET : .POST
        for (name, value) in request.headers { headers.add(name: name, value: value) }
        out.headers = headers
        if request.method == .post { out.body = .bytes(ByteBuffer(bytes: request.body)) }
        return out
    }

    static func hostHeader(_ endpoint: Endpoint, scheme: String) -> String {
        let isDefault = (scheme == "http" && endpoint.port == 80) || (scheme == "https" && endpoint.port == 443)
        return isDefault ? endpoint.host : endpoint.description
    }

    /// Runs the exchange, recording the head and body into `progress` as they arrive, and
    /// returns why it failed (nil when the whole body arrived within the limit).
    private static func perform(
        _ request: HTTPClientRequest, client: HTTPClient, limits: WebhookLimits, progress: ExchangeProgress
    ) async -> WebhookFailure? {
        do {
            let response = try await client.execute(request, timeout: .milliseconds(Int64(limits.totalTimeoutMs)))
            var headers = StringMap()
            for (name, value) in response.headers {
                headers[name] = headers[name].map { $0 + ", " + value } ?? value
            }
            progress.receivedHead(status: Int(response.status.code), headers: headers)
            for try await chunk in response.body {
                if progress.append(chunk.readableBytesView, limit: limits.maxResponseBytes) == false {
                    return .responseTooLarge(limit: limits.maxResponseBytes)
                }
            }
            return nil
        } catch {
            if Task.isCancelled { return .totalTimeout(ms: limits.totalTimeoutMs) }
            return TransportErrorMapping.failure(for: error, url: request.url, limits: limits)
        }
    }
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

/// The response as far as it arrived, shared between the request task and `send`, which
/// reads it after the race ends (also when the timeout won).
final class ExchangeProgress: Sendable {
    private struct State {
        var status: Int?
        var headers = StringMap()
        var body: [UInt8] = []
    }

    private let state = Locked(State())

    func receivedHead(status: Int, headers: StringMap) {
        state.withLock {
            $0.status = status
            $0.headers = headers
        }
    }

    /// Keeps at most `limit` bytes; false once more than that arrived.
    func append(_ bytes: ByteBufferView, limit: Int) -> Bool {
        state.withLock { state in
            let room = limit - state.body.count
            if bytes.count <= room {
                state.body.append(contentsOf: bytes)
                return true
            }
            state.body.append(contentsOf: bytes.prefix(max(room, 0)))
            return false
        }
    }

    var response: WebhookExchange.Response? {
        state.withLock { state in
            state.status.map { WebhookExchange.Response(status: $0, headers: state.headers, body: state.body) }
        }
    }
}

extension WebhookFailure: Error {}
