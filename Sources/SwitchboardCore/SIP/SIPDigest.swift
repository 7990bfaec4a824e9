import Crypto

/// Digest authentication as LiveKit's bridge does it for trunks with a username and password
/// (livekit-routing.md 2.5): a `407` with `Proxy-Authenticate: Digest realm=…, nonce=…,
/// algorithm=MD5`, then the INVITE again with `Proxy-Authorization`, checked against the
/// trunk's credentials (RFC 2617 without qop, and with `qop=auth`).
public enum SIPDigest {
    /// Pending challenges expire after 30 s at LiveKit.
    public static let nonceLifetimeSeconds = 30.0

    public static func challenge(realm: String, nonce: String) -> String {
        "Digest realm=\"\(realm)\", nonce=\"\(nonce)\", algorithm=MD5"
    }

    /// `realm` of the trunk, or LiveKit's default.
    public static func realm(of trunk: Trunk) -> String { trunk.authRealm.isEmpty ? "LiveKit" : trunk.authRealm }

    /// The parameters of a `Digest …` credentials header; nil when it is not one.
    public static func parameters(_ header: String) -> [String: String]? {
        let trimmed = header.drop { $0 == " " }
        guard trimmed.lowercased().hasPrefix("digest ") else { return nil }
        var out: [String: String] = [:]
        var rest = Substring(trimmed.dropFirst(7))
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let equals = rest.firstIndex(of: "=") else { break }
            let name = rest[..<equals].sipTrimmed.lowercased()
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            var value: Substring
            if rest.first == "\"" {
                rest = rest.dropFirst()
                guard let close = rest.firstIndex(of: "\"") else { return nil }
                value = rest[..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].sipTrimmed
                rest = rest[end...]
            }
            out[String(name)] = String(value)
        }
        return out
    }

    public enum Verdict: Sendable, Equatable {
        case valid
        /// Unparseable credentials: LiveKit answers `401 Bad credentials`.
        case badCredentials
        /// Wrong user or digest: `401 Unauthorized`.
        case unauthorized
    }

    public static func check(
        _ header: String, method: String, username: String, password: String, realm: String, nonce: String
    )
        -> Verdict
    {
        guard let p = parameters(header), let user = p["username"], let uri = p["uri"], let response = p["response"],
            p["nonce"] == nonce
        else { return .badCredentials }
        guard user == username else { return .unauthorized }
        let ha1 = md5("\(username):\(realm):\(password)")
        let ha2 = md5("\(method):\(uri)")
        let expected: String
        if let qop = p["qop"], qop == "auth", let nc = p["nc"], let cnonce = p["cnonce"] {
            expected = md5("\(ha1):\(nonce):\(nc):\(cnonce):\(qop):\(ha2)")
        } else {
            expected = md5("\(ha1):\(nonce):\(ha2)")
        }
        return expected == response.lowercased() ? .valid : .unauthorized
    }

    public static func md5(_ text: String) -> String {
        Insecure.MD5.hash(data: Array(text.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
