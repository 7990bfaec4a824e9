import SwitchboardCore
import Testing

@Suite("Terminal text escaping for the command line's human output")
struct TerminalTextTests {
    @Test("controls, DEL, C1 and bidi overrides become visible escapes; other text is unchanged")
    func escapes() {
        #expect(TerminalText.escaped("room\u{1B}[2J") == #"room\x1b[2J"#)
        #expect(TerminalText.escaped("a\u{7F}b\u{9B}c\u{202E}d\u{2066}") == #"a\x7fb\x9bc\u{202e}d\u{2066}"#)
        #expect(TerminalText.escaped("one\r\ntwo\tthree\u{0}") == #"one\r\ntwo\tthree\x00"#)
        #expect(TerminalText.escaped("Café 日本 🎉 \\x1b") == "Café 日本 🎉 \\x1b")
    }

    @Test("keepNewlines keeps line feeds and tabs for multi-line output, and still escapes the rest")
    func keepNewlines() {
        #expect(TerminalText.escaped("a\n\tb\u{1B}]0;t\u{7}\r", keepNewlines: true) == "a\n\tb\\x1b]0;t\\x07\\r")
    }

    @Test("a control glued into a grapheme cluster is escaped too")
    func insideCluster() {
        #expect(TerminalText.escaped("\u{1B}\u{301}x") == "\\x1b\u{301}x")
    }
}
