import Testing

@testable import TerminalKit

@Suite("Display width table")
struct DisplayWidthTests {
    @Test(
        "single graphemes",
        arguments: [
            ("a", 1), ("漢", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2), ("e\u{301}", 1), ("n\u{303}", 1),
            ("👍", 2), ("👍🏽", 2), ("❤\u{FE0F}", 2), ("☺\u{FE0E}", 1), ("1\u{FE0F}\u{20E3}", 2),
            ("🇫🇷", 2), ("👨\u{200D}👩\u{200D}👧", 2), ("\u{200B}", 0), ("\u{1100}\u{1161}", 2), ("é", 1),
            ("\u{AD}", 1), ("─", 1), ("…", 1),
        ] as [(String, Int)])
    func graphemeWidth(text: String, expected: Int) {
        #expect(text.count == 1, "test data must be one grapheme: \(text.unicodeScalars.map { $0.value })")
        #expect(DisplayWidth.of(Character(text)) == expected)
    }

    @Test("strings add up per grapheme, not per code point")
    func stringWidth() {
        #expect(DisplayWidth.of("日本語") == 6)
        #expect(DisplayWidth.of("Cafe\u{301} 東京") == 9)
        #expect(DisplayWidth.of("👨\u{200D}👩\u{200D}👧 ok") == 5)
        #expect(DisplayWidth.of("") == 0)
    }

    @Test("control characters and lone combining marks take no columns")
    func zeroWidth() {
        #expect(DisplayWidth.of(Unicode.Scalar(0x1B)) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x0301)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0xFE0F)!) == 0)
        #expect(DisplayWidth.of(Unicode.Scalar(0x9B)!) == 0)
    }

    @Test("truncation and padding never cut a wide grapheme")
    func truncate() {
        #expect(DisplayWidth.truncate("日本語テキスト", to: 7) == "日本語…")
        #expect(DisplayWidth.truncate("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayWidth.truncate("short", to: 10) == "short")
        #expect(DisplayWidth.prefix(of: "日本語", fitting: 5).text == "日本")
        #expect(DisplayWidth.prefix(of: "日本語", fitting: 5).width == 4)
        #expect(DisplayWidth.pad("日本", to: 5) == "日本 ")
        #expect(DisplayWidth.truncate("abc", to: 0) == "")
    }

    @Test("word wrap measures display width")
    func wrap() {
        #expect(TextWrap.wrap("delete rule Support queue", width: 11) == ["delete rule", "Support", "queue"])
        #expect(TextWrap.wrap("日本語日本語", width: 5) == ["日本", "語日", "本語"])
        #expect(TextWrap.wrap("a\n\nb", width: 5) == ["a", "", "b"])
    }
}
