/// One SIP message (RFC 3261 section 7): a request or a status line, headers in their order and
/// spelling, and the body. Header lookups accept the long and the compact form (`Via`/`v`).
public struct SIPMessage: Sendable, Equatable {
    public enum StartLine: Sendable, Equatable {
        case request(method: String, uri: String)
        case response(status: Int, reason: String)
    }

    public var start: StartLine
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(start: StartLine, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.start = start
        self.headers = headers
        self.body = body
    }

    public static func == (a: SIPMessage, b: SIPMessage) -> Bool {
        a.start == b.start && a.body == b.body && a.headers.map(\.name) == b.headers.map(\.name)
            && a.headers.map(\.value) == b.headers.map(\.value)
    }

    public var method: String? {
        if case .request(let method, _) = start { return method }
        return nil
    }

    /// RFC 3261 section 7.3.3: the compact forms, keyed by their letter.
    static let compact: [String: String] = [
        "i": "call-id", "m": "contact", "e": "content-encoding", "l": "content-length", "c": "content-type", "f": "from",
        "s": "subject", "k": "supported", "t": "to", "v": "via",
    ]

    /// The canonical lower-case long name of `name`.
    public static func canonical(_ name: String) -> String {
        let lower = name.lowercased()
        return compact[lower] ?? lower
    }

    /// Every value of the header `name` (any spelling, compact form included), in order.
    public func values(_ name: String) -> [String] {
        let wanted = Self.canonical(name)
        return headers.filter { Self.canonical($0.name) == wanted }.map(\.value)
    }

    /// The first value of `name`.
    public func header(_ name: String) -> String? { values(name).first }

    /// The top Via's `branch` parameter: the transaction's key (RFC 3261 section 17.2.3).
    public var branch: String? {
        guard let via = header("via") else { return nil }
        return SIPParameters.value("branch", in: via)
    }

    /// `CSeq: 1 INVITE` as (1, INVITE).
    public var cseq: (number: Int, method: String)? {
        guard let value = header("cseq") else { return nil }
        let parts = value.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let number = Int(parts[0]) else { return nil }
        return (number, String(parts[1]))
    }

    /// The message as it goes on the wire, with a Content-Length that fits the body.
    public var bytes: [UInt8] {
        var text: String
        switch start {
        case .request(let method, let uri): text = "\(method) \(uri) SIP/2.0\r\n"
        case .response(let status, let reason): text = "SIP/2.0 \(status) \(reason)\r\n"
        }
        for header in headers where Self.canonical(header.name) != "content-length" {
            text += "\(header.name): \(header.value)\r\n"
        }
        text += "Content-Length: \(body.count)\r\n\r\n"
        return Array(text.utf8) + body
    }

    /// A response to this request (RFC 3261 section 8.2.6): Via, From, Call-ID and CSeq copied,
    /// To copied with `toTag` added when it has none.
    public func response(
        _ status: Int, _ reason: String, toTag: String?, extra: [(name: String, value: String)] = [], body: [UInt8] = []
    )
        -> SIPMessage
    {
        var out: [(name: String, value: String)] = []
        for via in values("via") { out.append(("Via", via)) }
        if let from = header("from") { out.append(("From", from)) }
        if var to = header("to") {
            if let toTag, SIPParameters.value("tag", in: to) == nil { to += ";tag=\(toTag)" }
            out.append(("To", to))
        }
        if let callID = header("call-id") { out.append(("Call-ID", callID)) }
        if let cseq = header("cseq") { out.append(("CSeq", cseq)) }
        out.append(("Server", "switchboard"))
        return SIPMessage(start: .response(status: status, reason: reason), headers: out + extra, body: body)
    }
}

/// `;name=value` parameters of a header value (Via, To, From, Contact).
public enum SIPParameters {
    public static func value(_ name: String, in header: String) -> String? {
        // Parameters follow the URI's closing `>` when there is one; without one, the first
        // part is the value itself (`SIP/2.0/UDP host` of a Via, a bare URI).
        let parts: ArraySlice<Substring>
        if let close = header.lastIndex(of: ">") {
            parts = header[header.index(after: close)...].split(separator: ";")[...]
        } else {
            parts = header.split(separator: ";").dropFirst()
        }
        for part in parts {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.first?.sipTrimmed.lowercased() == name.lowercased() {
                return pair.count > 1 ? String(pair[1].sipTrimmed) : ""
            }
        }
        return nil
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (SIP's linear white space on one line).
    public var sipTrimmed: Substring {
        var s = self
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return s
    }
}
