/// One HTTP request to a dynamic rule's webhook, exactly as it goes on the wire: the transport
/// sends these bytes and headers unchanged, and the simulate output shows them unchanged.
public struct WebhookRequest: Sendable, Equatable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var method: Method
    /// The full URL, including the query of a `GET`.
    public var url: String
    /// In the order they are sent. The transport adds only `Host` and `Content-Length`.
    public var headers: StringMap
    /// The exact body bytes (empty for `GET`).
    public var body: [UInt8]

    public init(method: Method, url: String, headers: StringMap, body: [UInt8]) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// The request as `simulate --json` shows it (`webhook.request`).
    public var record: WebhookRecord.Request {
        WebhookRecord.Request(method: method.rawValue, url: url, headers: headers, body: String(decoding: body, as: UTF8.self))
    }
}

/// Signs a webhook request body. The core builds the bytes; the signer (HS256 JWT in
/// SwitchboardWebhook) owns the key, the secret and the clock, so the core stays pure.
public protocol WebhookSigner: Sendable {
    /// The value of the `Authorization` header for exactly these body bytes.
    func authorization(forBody body: [UInt8]) -> String
}

/// Builds requests per dynamic-dispatch.md section 2.
public enum WebhookRequestBuilder {
    /// `User-Agent: switchboard/<version>`.
    public static func userAgent(version: String) -> String { "switchboard/" + version }

    /// `POST` sends the payload as a compact JSON body; `GET` sends the same fields as query
    /// parameters after any query the URL already has. Anything but `GET` is sent as `POST`
    /// (validation reports other methods; the proposal posts whatever `method` says).
    public static func build(
        rule: DynamicRule, payload: JSONObject, version: String, signer: (any WebhookSigner)?
    ) -> WebhookRequest {
        var headers = StringMap()
        let method: WebhookRequest.Method = rule.effectiveMethod == "GET" ? .get : .post
        let url: String
        let body: [UInt8]
        switch method {
        case .post:
            url = rule.url
            body = JSONWriter.bytes(.object(payload), style: .compact)
            headers["Content-Type"] = "application/json"
        case .get:
            url = QueryEncoding.appending(QueryEncoding.encode(WebhookPayload.queryParameters(payload)), to: rule.url)
            body = []
        }
        headers["Accept"] = "application/json"
        headers["User-Agent"] = userAgent(version: version)
        if let signer { headers["Authorization"] = signer.authorization(forBody: body) }
        return WebhookRequest(method: method, url: url, headers: headers, body: body)
    }
}
