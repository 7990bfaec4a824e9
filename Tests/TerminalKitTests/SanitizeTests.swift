import Testing

@testable import TerminalKit

@Suite("Sanitizing untrusted text")
struct SanitizeTests {
    @Test(
        "control characters become visible escapes",
        arguments: [
            ("\u{1B}[2J", "\\x1b[2J"), ("a\u{07}b", "a\\x07b"), ("\u{9B}31m", "\\x9b31m"), ("\u{85}", "\\x85"),
            ("\u{1B}]0;pwned\u{07}", "\\x1b]0;pwned\\x07"), ("x\r\ny", "x\\r\\ny"), ("del\u{7F}", "del\\x7f"),
            ("\u{202E}evil", "\\u{202e}evil"), ("\u{0}", "\\x00"), ("日本 é ✓", "日本 é ✓"),
            ("ab\tc", "ab  c"), ("\u{1B}\u{301}", "\\x1b\u{301}"),
        ])
    func escapes(input: String, expected: String) {
        #expect(sanitizeForDisplay(input) == expected)
    }

    @Test("newlines can be kept for multi-line views")
    func keepNewlines() {
        #expect(sanitizeForDisplay("a\r\nb\nc", keepNewlines: true) == "a\\r\nb\nc")
        #expect(sanitizeForDisplay("a\tb\n\tc", keepNewlines: true, tabWidth: 8) == "a       b\n        c")
    }

    @Test("no control code point ever survives")
    func property() {
        var generator = SeededGenerator(seed: 7)
        for _ in 0..<500 {
            let scalars = (0..<20).compactMap { _ in Unicode.Scalar(UInt32.random(in: 0...0x2100, using: &generator)) }
            let output = sanitizeForDisplay(String(String.UnicodeScalarView(scalars)))
            #expect(!output.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        }
    }
}

/// A small deterministic generator (SplitMix64) so randomized tests are reproducible.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
