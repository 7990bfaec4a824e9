/// LiveKit's phone number normalization (`livekit/sip.go` NormalizeNumber): only strings made
/// of an optional `+`, digits, spaces, dashes and parentheses are touched; the separators go
/// and a `+` is added. Anything else (`alice`, `*`, `tel:…`) is returned unchanged. There is
/// no country-code logic: `00…` becomes `+00…`.
public enum PhoneNumber {
    public static func normalize(_ number: String) -> String {
        guard !number.isEmpty else { return number }
        var first = true
        var sawDigit = false
        var alreadyNormal = true
        var index = 0
        for b in number.utf8 {
            defer {
                first = false
                index += 1
            }
            switch b {
            case UInt8(ascii: "+") where first: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: ")"): alreadyNormal = false
            default: return number
            }
        }
        guard sawDigit else { return number }
        // `+` then digits only: already what the loop below would build.
        if alreadyNormal, number.utf8.first == UInt8(ascii: "+") { return number }
        let count = number.utf8.count
        return String(unsafeUninitializedCapacity: count + 1) { buffer in
            buffer[0] = UInt8(ascii: "+")
            var length = 1
            for b in number.utf8 where b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") {
                buffer[length] = b
                length += 1
            }
            return length
        }
    }

    /// True when `a` and `b` are equal as written or after normalization, the comparison
    /// LiveKit uses for trunk numbers (not for dispatch-rule filters, which are exact).
    public static func matches(_ a: String, _ b: String) -> Bool {
        a == b || normalize(a) == normalize(b)
    }
}
