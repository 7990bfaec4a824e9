/// What came back from one webhook request: the response as far as it arrived, and the reason
/// the exchange failed, if it did. Produced by a `WebhookTransport`, read by `WebhookReplyReader`.
public struct WebhookExchange: Sendable, Equatable {
    /// A response whose status line arrived. `body` holds at most the size limit.
    public struct Response: Sendable, Equatable {
        public var status: Int
        public var headers: StringMap
        public var body: [UInt8]
        public init(status: Int, headers: StringMap, body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// nil only when no status line arrived.
    public var response: Response?
    /// Why the exchange could not be used on the wire; nil when the whole response arrived.
    public var failure: WebhookFailure?
    /// From the start of the request to the last byte read (or the failure).
    public var durationMs: Double

    public init(response: Response?, failure: WebhookFailure?, durationMs: Double) {
        self.response = response
        self.failure = failure
        self.durationMs = durationMs
    }
}

/// Ways a webhook exchange fails on the wire (dynamic-dispatch.md section 4, error outcomes).
/// Each has one line that says what happened and which setting or server to look at.
public enum WebhookFailure: Sendable, Equatable {
    case connectionRefused(host: String, port: Int)
    case dnsFailure(host: String)
    case tlsFailure(detail: String)
    case connectTimeout(ms: Int)
    case totalTimeout(ms: Int)
    /// The server closed the connection before the response was complete.
    case closedEarly
    case connectionReset
    case responseTooLarge(limit: Int)
    /// Anything else the transport could not classify, already worded.
    case other(String)

    public var message: String {
        switch self {
        case .connectionRefused(let host, let port):
            return "webhook connection refused by \(host):\(port): nothing is listening there (is the webhook server running?)"
        case .dnsFailure(let host):
            return "webhook host \"\(host)\" could not be resolved (DNS lookup failed)"
        case .tlsFailure(let detail):
            return "webhook TLS handshake failed: \(detail)"
        case .connectTimeout(let ms):
            return "webhook connect timed out after \(ms) ms (settings.connectTimeoutMs)"
        case .totalTimeout(let ms):
            return "webhook did not answer within \(ms) ms (settings.timeoutMs)"
        case .closedEarly:
            return "webhook closed the connection before the response was complete"
        case .connectionReset:
            return "webhook connection was reset by the server"
        case .responseTooLarge(let limit):
            return "webhook response body is larger than the limit of \(limit) bytes (settings.maxResponseBytes)"
        case .other(let text):
            return "webhook request failed: \(text)"
        }
    }
}

/// The limits every exchange runs under (dynamic-dispatch.md section 2, "Transport limits").
public struct WebhookLimits: Sendable, Hashable {
    public var connectTimeoutMs: Int
    public var totalTimeoutMs: Int
    public var maxResponseBytes: Int

    public init(connectTimeoutMs: Int = 2000, totalTimeoutMs: Int = 5000, maxResponseBytes: Int = 1_048_576) {
        self.connectTimeoutMs = connectTimeoutMs
        self.totalTimeoutMs = totalTimeoutMs
        self.maxResponseBytes = maxResponseBytes
    }

    public init(_ settings: ProjectSettings) {
        self.init(
            connectTimeoutMs: settings.connectTimeoutMs, totalTimeoutMs: settings.timeoutMs,
            maxResponseBytes: settings.maxResponseBytes)
    }
}

/// Sends one webhook request. Declared in the core so the simulator, the TUI and the tests
/// can take any transport (the PR review asked for an injectable client); SwitchboardWebhook
/// provides the AsyncHTTPClient one.
///
/// A transport never throws: every failure is part of the exchange, because the simulated
/// call must end with an outcome whatever the webhook did. It must return within
/// `limits.totalTimeoutMs` (plus scheduling slack), follow no redirect and retry nothing.
public protocol WebhookTransport: Sendable {
    func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange
}
