/// Small helpers that keep the explain trace's sentences consistent: lists as `[a, b]`,
/// counts with thousands separators and a plural, empty strings made visible.
enum Wording {
    /// `[+15550100, +15550101]`; an empty list reads `[]`.
    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

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
