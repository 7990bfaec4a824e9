/// Small helpers that keep the explain trace's sentences consistent: lists as `[a, b]`,
/// counts with thousands separators and a plural, empty strings made visible.
enum Wording {
    /// `[+15550100, +15550101]`; an empty list reads `[]`.
    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// Text from outside (a webhook's reply, a header) made safe for one line of a terminal:
    /// C0 and C1 controls, DEL and bidirectional overrides become visible escapes (`\u{1B}`),
    /// so a server cannot clear the user's screen or retitle the window through an error line.
    static func visible(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// `"sip.example.net"`, so an empty value still shows as `""`.
    static func quoted(_ text: String) -> String { "\"" + text + "\"" }

    /// `1 other rule`, `9,988 other rules`.
    static func count(_ n: Int, _ noun: String) -> String {
        "\(grouped(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    /// `9988` → `9,988`.
    static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return (n < 0 ? "-" : "") + out
    }
}
