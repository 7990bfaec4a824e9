/// A scripted webhook (cli.md section 4): routes tried in order, the first whose `match` fits
/// the request's payload answers. Served by `switchboard mock-webhook`, by the simulator
/// in-process, and by the tests, so all three answer the same request the same way.
public struct MockScript: Sendable, Equatable {
    public var routes: [Route]

    public init(routes: [Route]) { self.routes = routes }

    /// What a route does instead of answering normally.
    public enum Fault: String, Sendable, CaseIterable {
        /// Close the connection without a response.
        case close
        /// Abort the connection with a TCP RST.
        case reset
        /// Keep the connection open and never answer.
        case hang
        /// Send the response body one byte at a time.
        case slowBody = "slow-body"
        /// Send a body larger than the response size limit.
        case huge
    }

    public enum Body: Sendable, Equatable {
        /// Sent as compact JSON, `Content-Type: application/json`.
        case json(JSONValue)
        /// Sent as written, `Content-Type: text/plain; charset=utf-8`.
        case text(String)

        public var bytes: [UInt8] {
            switch self {
            case .json(let value): return JSONWriter.bytes(value, style: .compact)
            case .text(let text): return Array(text.utf8)
            }
        }

        public var contentType: String {
            switch self {
            case .json: return "application/json"
            case .text: return "text/plain; charset=utf-8"
            }
        }
    }

    public struct Route: Sendable, Equatable {
        /// Payload field → expected value; a trailing `*` makes it a prefix match.
        public var match: [(field: String, pattern: String)]
        public var status: Int
        public var body: Body?
        public var headers: StringMap
        public var delayMs: Int
        public var fault: Fault?

        public init(
            match: [(field: String, pattern: String)] = [], status: Int = 200, body: Body? = nil, headers: StringMap = StringMap(),
            delayMs: Int = 0, fault: Fault? = nil
        ) {
            self.match = match
            self.status = status
            self.body = body
            self.headers = headers
            self.delayMs = delayMs
            self.fault = fault
        }

        public func matches(_ payload: [String: String]) -> Bool {
            match.allSatisfy { MockScript.matches(payload[$0.field] ?? "", pattern: $0.pattern) }
        }

        public static func == (a: Route, b: Route) -> Bool {
            a.match.map(\.field) == b.match.map(\.field) && a.match.map(\.pattern) == b.match.map(\.pattern)
                && a.status == b.status && a.body == b.body && a.headers == b.headers && a.delayMs == b.delayMs
                && a.fault == b.fault
        }
    }

    /// The first route whose every listed field fits; nil when none does.
    public func route(for payload: [String: String]) -> Route? {
        route { payload }
    }

    /// The same, reading the payload only when a route lists fields: a script whose first
    /// route matches everything (the usual catch-all) answers without parsing the request.
    public func route(payload: () -> [String: String]) -> Route? {
        var fields: [String: String]?
        return routes.first { route in
            if route.match.isEmpty { return true }
            let payload = fields ?? payload()
            fields = payload
            return route.matches(payload)
        }
    }

    /// Exact equality, or a prefix match when the pattern ends in `*` (`"+1555000*"`).
    public static func matches(_ value: String, pattern: String) -> Bool {
        if pattern.hasSuffix("*") { return value.hasPrefix(pattern.dropLast()) }
        return value == pattern
    }

    /// The fields a route can match on, from a request: a `POST`'s JSON object (an extended
    /// payload's `headers` object flattened to `headers.<name>`) or a `GET`'s query, decoded.
    public static func payloadFields(jsonBody: JSONObject) -> [String: String] {
        var out: [String: String] = [:]
        for member in jsonBody.members {
            switch member.value {
            case .string(let s): out[member.key] = s
            case .object(let nested):
                for inner in nested.members { out[member.key + "." + inner.key] = inner.value.stringValue ?? "" }
            default: out[member.key] = JSONWriter.string(member.value, style: .compact)
            }
        }
        return out
    }

    /// Decodes `a=1&b=%2B2` (percent escapes, and `+` as a space as forms do).
    public static func payloadFields(query: Substring) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") where !pair.isEmpty {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(parts[0])
            out[name] = parts.count > 1 ? percentDecode(parts[1]) : ""
        }
        return out
    }

    static func percentDecode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "+") {
                bytes.append(0x20)
            } else if b == UInt8(ascii: "%"), utf8.count >= 2, let hi = hexValue(utf8[utf8.startIndex]),
                let lo = hexValue(utf8[utf8.startIndex + 1])
            {
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return b - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
