import Testing

@testable import TerminalKit

@Suite("JSON highlighter")
struct JSONHighlighterTests {
    typealias Kind = JSONHighlighter.TokenKind

    func kinds(_ text: String) -> [(Kind, String)]? {
        JSONHighlighter.tokenize(text)?.flatMap { $0 }.filter { $0.kind != .whitespace }.map { ($0.kind, $0.text) }
    }

    @Test("keys, strings, numbers, literals and punctuation")
    func tokens() throws {
        let tokens = try #require(kinds(#"{"name": "x\"y", "n": -1.5e3, "ok": true, "v": null, "a": [0, 2]}"#))
        #expect(
            tokens.map(\.0) == [
                .punctuation, .key, .punctuation, .string, .punctuation, .key, .punctuation, .number, .punctuation,
                .key, .punctuation, .literal, .punctuation, .key, .punctuation, .literal, .punctuation, .key,
                .punctuation, .punctuation, .number, .punctuation, .number, .punctuation, .punctuation,
            ])
        #expect(tokens[3].1 == #""x\"y""#)
        #expect(tokens[7].1 == "-1.5e3")
    }

    @Test("pretty-printed JSON keeps its lines")
    func lines() throws {
        let text = "{\n  \"a\": {\n    \"b\": [1, 2]\n  }\r\n}"
        let lines = try #require(JSONHighlighter.tokenize(text))
        #expect(lines.count == 5)
        #expect(lines[2].map(\.text).joined() == "    \"b\": [1, 2]")
        #expect(lines[3].map(\.text).joined() == "  }")
    }

    @Test(
        "invalid JSON is not highlighted",
        arguments: [
            "{\"a\": }", "<html>oops</html>", "{\"a\": 01}", "{\"a\" 1}", "[1, 2", "\"unterminated", "{\"a\": 1} x",
            "[1,]", "{1: 2}", "tru", "",
        ])
    func invalid(text: String) {
        #expect(JSONHighlighter.tokenize(text) == nil)
    }

    @Test("scalars at the top level are valid")
    func scalars() {
        #expect(kinds("42")?.map(\.0) == [.number])
        #expect(kinds(" \"s\" ")?.map(\.0) == [.string])
    }

    @Test("styled spans use the theme's JSON roles; invalid input falls back to plain")
    func styling() {
        let theme = Theme.fallback
        let lines = JSONHighlighter.highlight(#"{"k": 1}"#, theme: theme)
        #expect(lines.count == 1)
        #expect(
            lines[0].map(\.style) == [
                theme.style(.jsonPunctuation), theme.style(.jsonKey), theme.style(.jsonPunctuation), theme.base,
                theme.style(.jsonNumber), theme.style(.jsonPunctuation),
            ])
        let plain = JSONHighlighter.highlight("not json\u{1B}[31m\nline 2", theme: theme)
        #expect(plain.map(\.plainText) == ["not json\\x1b[31m", "line 2"])
        #expect(plain.allSatisfy { $0.allSatisfy { $0.style == theme.base } })
    }

    @Test("deep nesting is refused instead of overflowing the stack")
    func deepNesting() {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        #expect(JSONHighlighter.tokenize(deep) == nil)
        let fine = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(JSONHighlighter.tokenize(fine) != nil)
    }
}
