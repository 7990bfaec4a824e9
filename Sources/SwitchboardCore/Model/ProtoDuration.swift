/// A `google.protobuf.Duration` as protojson writes it: seconds with an `s` suffix.
public struct ProtoDuration: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var nanoseconds: Int64

    public init(nanoseconds: Int64) { self.nanoseconds = nanoseconds }
    public init(seconds: Double) { self.nanoseconds = Int64((seconds * 1e9).rounded()) }

    /// Accepts `"30s"`, `"1.5s"`, `"-0.25s"`, as protojson does (at most nine fraction digits).
    public init?(parsing text: String) {
        guard text.hasSuffix("s") else { return nil }
        var body = Substring(text.dropLast())
        var negative = false
        if body.hasPrefix("-") {
            negative = true
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty,
            whole.allSatisfy(\.isASCIIDigit), let seconds = Int64(whole), seconds <= 315_576_000_000
        else { return nil }
        var nanos: Int64 = 0
        if parts.count == 2 {
            let fraction = parts[1]
            guard !fraction.isEmpty, fraction.count <= 9, fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            nanos = Int64(fraction + String(repeating: "0", count: 9 - fraction.count)) ?? 0
        }
        let total = seconds * 1_000_000_000 + nanos
        self.nanoseconds = negative ? -total : total
    }

    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The protojson spelling: `30s`, `1.500s` (fractions in groups of three digits).
    public var text: String {
        let negative = nanoseconds < 0
        let magnitude = nanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        let fraction = magnitude % 1_000_000_000
        var out = negative ? "-" : ""
        out += String(whole)
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            if fraction % 1_000_000 == 0 {
                digits = String(digits.prefix(3))
            } else if fraction % 1_000 == 0 {
                digits = String(digits.prefix(6))
            }
            out += "." + digits
        }
        return out + "s"
    }

    public var description: String { text }

    public static func < (a: ProtoDuration, b: ProtoDuration) -> Bool { a.nanoseconds < b.nanoseconds }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
