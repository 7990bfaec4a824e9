/// LiveKit's phone number normalization (`livekit/sip.go` NormalizeNumber): only strings made
/// of an optional `+`, digits, spaces, dashes and parentheses are touched; the separators go
/// and a `+` is added. Anything else (`alice`, `*`, `tel:…`) is returned unchanged. There is
/// no country-code logic: `00…` becomes `+00…`.
public enum PhoneNumber {
    public static func normalize(_ number: String) -> String {
        guard !number.isEmpty else { return number }
        var digits = ""
        digits.reserveCapacity(number.utf8.count + 1)
        var first = true
        var sawDigit = false
        for b in number.utf8 {
            defer { first = false }
            switch b {
            case UInt8(ascii: "+") where first: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits.unicodeScalars.append(Unicode.Scalar(b))
                sawDigit = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): continue
            default: return number
            }
        }
        guard sawDigit else { return number }
        return "+" + digits
    }

    /// True when `a` and `b` are equal as written or after normalization, the comparison
    /// LiveKit uses for trunk numbers (not for dispatch-rule filters, which are exact).
    public static func matches(_ a: String, _ b: String) -> Bool {
        a == b || normalize(a) == normalize(b)
    }
}
