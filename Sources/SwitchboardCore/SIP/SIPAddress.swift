/// The user and host of a From/To/Request-URI (`"Bob" <sip:+15551234@carrier.example:5060;transport=udp>`),
/// as LiveKit's bridge reads them into `from_user`/`from_host` and `to_user`/`to_host`.
public struct SIPAddress: Sendable, Equatable {
    public var user: String
    public var host: String

    public init(user: String, host: String) {
        self.user = user
        self.host = host
    }

    public init(_ header: String) throws(SIPParseError) {
        var uri = Substring(header)
        if let open = header.firstIndex(of: "<") {
            guard let close = header[open...].firstIndex(of: ">") else { throw SIPParseError("unclosed < in \(SIPParser.visible(header))") }
            uri = header[header.index(after: open)..<close]
        } else if let semicolon = uri.firstIndex(of: ";") {
            uri = uri[..<semicolon]
        }
        uri = uri.sipTrimmed
        let lower = uri.lowercased()
        if lower.hasPrefix("sips:") {
            uri = uri.dropFirst(5)
        } else if lower.hasPrefix("sip:") || lower.hasPrefix("tel:") {
            uri = uri.dropFirst(4)
        } else {
            throw SIPParseError("not a sip: URI: \(SIPParser.visible(String(uri)))")
        }
        if let semicolon = uri.firstIndex(of: ";") { uri = uri[..<semicolon] }
        if let question = uri.firstIndex(of: "?") { uri = uri[..<question] }
        if let at = uri.lastIndex(of: "@") {
            var userPart = uri[..<at]
            if let colon = userPart.firstIndex(of: ":") { userPart = userPart[..<colon] }  // user:password
            user = String(userPart).removingPercentEncoding
            host = Self.hostOnly(uri[uri.index(after: at)...])
        } else {
            user = ""
            host = Self.hostOnly(uri)
        }
        guard !host.isEmpty else { throw SIPParseError("no host in \(SIPParser.visible(header))") }
    }

    /// `host:port` without the port (an IPv6 `[…]` keeps its brackets).
    static func hostOnly(_ text: Substring) -> String {
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") { return String(text[...close]) }
        if let colon = text.firstIndex(of: ":") { return String(text[..<colon]) }
        return String(text)
    }
}

extension String {
    /// `%2B15551234` → `+15551234`; invalid escapes stay as written.
    var removingPercentEncoding: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var utf8 = Array(self.utf8)[...]
        while let byte = utf8.popFirst() {
            if byte == UInt8(ascii: "%"), utf8.count >= 2, let value = UInt8(String(decoding: utf8.prefix(2), as: UTF8.self), radix: 16) {
                bytes.append(value)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
