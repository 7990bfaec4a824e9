import SwitchboardCore

/// The readable parts of a signed `Authorization` token: its header and claims, decoded from
/// base64url. Not a secret (anyone holding the token can read them); the signature is left
/// encoded, and the API secret that made it never appears anywhere.
struct JWTPreview: Sendable, Equatable {
    /// Compact JSON, as the signer wrote it.
    var header: String
    var claims: String

    /// nil when `token` is not three dot-separated parts whose first two are base64url JSON.
    init?(token: String) {
        var text = Substring(token)
        if text.hasPrefix("Bearer ") { text = text.dropFirst(7) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let header = Self.json(parts[0]), let claims = Self.json(parts[1]) else { return nil }
        self.header = header
        self.claims = claims
    }

    private static func json(_ part: Substring) -> String? {
        guard let bytes = Base64URLDecoding.decode(part), let value = try? JSONParser.parse(bytes) else { return nil }
        return JSONWriter.string(value, style: .compact)
    }
}

/// base64url without padding (RFC 4648 section 5), as JWTs use it; standard base64 and
/// padding are accepted too.
enum Base64URLDecoding {
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in text.utf8 {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "-"), UInt8(ascii: "+"): value = 62
            case UInt8(ascii: "_"), UInt8(ascii: "/"): value = 63
            case UInt8(ascii: "="): continue
            default: return nil
            }
            buffer = buffer << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: buffer >> UInt32(bits)))
            }
        }
        return out
    }
}
