/// Percent-encoding for the query of a `GET` webhook request (dynamic-dispatch.md section 2).
///
/// Every byte of the UTF-8 text outside `A–Z a–z 0–9 - . _ ~` is written as `%XX`, so a space
/// is `%20` (never `+`) and a `+` is `%2B`: a caller number like `+15551234` would otherwise be
/// read as ` 15551234` by every form decoder.
public enum QueryEncoding {
    /// `name=value` pairs joined with `&`, each side encoded.
    public static func encode(_ pairs: [(name: String, value: String)]) -> String {
        pairs.map { encodeComponent($0.name) + "=" + encodeComponent($0.value) }.joined(separator: "&")
    }

    public static func encodeComponent(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends an encoded query to `url`, after any query it already has. A fragment is dropped:
    /// clients never send it, and the record should show what went on the wire.
    public static func appending(_ query: String, to url: String) -> String {
        let base = url.utf8.firstIndex(of: UInt8(ascii: "#")).map { url[..<$0] } ?? url[...]
        guard !query.isEmpty else { return String(base) }
        guard let questionMark = base.utf8.firstIndex(of: UInt8(ascii: "?")) else { return base + "?" + query }
        let existing = base[base.index(after: questionMark)...]
        if existing.isEmpty || existing.hasSuffix("&") { return base + query }
        return base + "&" + query
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }
}
