/// LiveKit's checks on SIP header names and values (HEAD `livekit/sip.go`).
enum SIPHeaderRules {
    static let nameCharacters = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-.!%*_+`'~".utf8)

    /// Headers LiveKit manages itself and refuses in a trunk's `headers`.
    static let reserved: Set<String> = [
        "call-id", "contact", "content-length", "content-type", "cseq", "from", "max-forwards", "to", "via",
        "route", "record-route", "allow", "supported", "require", "authorization", "proxy-authorization",
        "www-authenticate", "proxy-authenticate",
    ]

    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "header name is empty" }
        if name.utf8.count > 255 { return "header name \"\(name.prefix(20))…\" is longer than 255 characters" }
        if let bad = name.unicodeScalars.first(where: { !$0.isASCII || !nameCharacters.contains(UInt8($0.value)) }) {
            return "header name \"\(name)\" contains \(describe(bad)); allowed are letters, digits and - . ! % * _ + ` ' ~"
        }
        return nil
    }

    static func valueProblem(_ name: String, _ value: String) -> String? {
        if value.utf8.count > 1024 { return "value of header \"\(name)\" is longer than 1024 characters" }
        if let bad = value.unicodeScalars.first(where: { $0.value < 0x20 || $0.value > 0x7E }) {
            return "value of header \"\(name)\" contains \(describe(bad)); only printable ASCII is allowed"
        }
        return nil
    }

    static func describe(_ scalar: Unicode.Scalar) -> String {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            return "control character U+\(String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4))"
        }
        return "'\(scalar)'"
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
