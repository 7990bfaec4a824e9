import Testing

@testable import TerminalKit

@Suite("Theme parser")
struct ThemeParserTests {
    /// A minimal valid theme: eleven lines, so an appended line is line 12.
    static let base = """
        name = "Test"
        [roles]
        background = default
        foreground = white
        accent = cyan
        selection = blue
        border = brightBlack
        muted = brightBlack
        success = green
        warning = yellow
        error = red
        """

    func firstError(_ text: String) -> String? {
        do {
            _ = try ThemeParser.parse(text, file: "dark.theme")
            return nil
        } catch {
            return error.diagnostics.first?.description
        }
    }

    @Test("a minimal theme parses and fills fallback roles")
    func minimal() throws {
        let theme = try ThemeParser.parse(Self.base, file: "t.theme")
        #expect(theme.name == "Test")
        #expect(theme.roles[.accent] == ThemeColor(.ansi(6)))
        #expect(theme.roles[.borderFocused] == ThemeColor(.ansi(6)), "falls back to accent")
        #expect(theme.roles[.status5xx] == ThemeColor(.ansi(1)), "falls back to error")
        #expect(theme.roles[.statusBar] == ThemeColor(.ansi(4)), "falls back to selection")
        #expect(theme.roles.count == ThemeRole.allCases.count)
    }

    @Test("values: hex, indexes, ANSI names, default, attributes, comments, elements")
    func values() throws {
        let text = """
            # leading comment
            name = "Values"   # trailing comment
            description = "has \\"quotes\\""

            [roles]
              background = default
            foreground = 252
            accent = #5FAFFF bold underline   # a comment after attributes
            selection = #005f87 reverse
            border = brightBlack
            muted = 244
            success = green
            warning = yellow
            error = brightRed bold

            [elements]
            statusbar.mode = background on accent bold
            list.selected = on #112233 italic
            search.match = red
            """
        let theme = try ThemeParser.parse(text, file: "values.theme")
        #expect(theme.description == "has \"quotes\"")
        #expect(theme.roles[.foreground] == ThemeColor(.indexed(252)))
        #expect(theme.roles[.accent] == ThemeColor(.rgb(0x5f, 0xaf, 0xff), bold: true, underline: true))
        #expect(theme.roles[.selection] == ThemeColor(.rgb(0, 0x5f, 0x87), reverse: true))
        #expect(theme.roles[.error] == ThemeColor(.ansi(9), bold: true))
        #expect(
            theme.elements[.statusBarMode]
                == ElementStyle(
                    foreground: .role(.background), background: .role(.accent), attributes: Style(bold: true)))
        #expect(
            theme.elements[.listSelected]
                == ElementStyle(background: .color(.rgb(0x11, 0x22, 0x33)), attributes: Style(italic: true)))
        #expect(theme.elements[.searchMatch] == ElementStyle(foreground: .color(.ansi(1))))
    }

    @Test(
        "bad input is rejected with file, line, column and a teaching message",
        arguments: [
            ("        acent = #5fafff", "dark.theme:12:9: unknown role \"acent\"; did you mean \"accent\"?"),
            ("info = #5faff", "dark.theme:12:8: invalid colour \"#5faff\": write #rrggbb with six hex digits"),
            ("info = 300", "dark.theme:12:8: colour index 300 is out of range; use 0-255"),
            (
                "info = purple",
                "dark.theme:12:8: unknown colour \"purple\"; use #rrggbb, an index 0-255, default, or an ANSI name "
                    + "(black, red, …, brightWhite)"
            ),
            ("info = magneta", "dark.theme:12:8: unknown colour \"magneta\"; did you mean \"magenta\"?"),
            ("info = cyan blod", "dark.theme:12:13: unknown attribute \"blod\"; did you mean \"bold\"?"),
            ("info = cyan red", "dark.theme:12:13: a role takes one colour; \"red\" is a second one"),
            ("info = accent", "dark.theme:12:8: a role cannot refer to another role (\"accent\"); give a colour"),
            ("accent = red", "dark.theme:12:1: \"accent\" is set twice (first on line 5)"),
            ("[colours]", "dark.theme:12:1: unknown section \"[colours]\"; expected [roles] or [elements]"),
            ("[element]", "dark.theme:12:1: unknown section \"[element]\"; did you mean [elements]?"),
            ("info cyan", "dark.theme:12:1: expected \"key = value\", found \"info cyan\""),
            ("info =", "dark.theme:12:6: missing value for \"info\" after \"=\""),
            ("list.selected = red", "dark.theme:12:1: \"list.selected\" is an element; put it under [elements]"),
            (
                "[elements]\nlist.selcted = red",
                "dark.theme:13:1: unknown element \"list.selcted\"; did you mean \"list.selected\"?"
            ),
            (
                "[elements]\nlist.selected = red on",
                "dark.theme:13:21: \"on\" must be followed by a background colour or role"
            ),
            (
                "[elements]\nlist.selected = red green",
                "dark.theme:13:21: unexpected \"green\"; write: [colour] [on colour] [attributes]"
            ),
        ])
    func badInput(line: String, expected: String) {
        #expect(firstError(Self.base + "\n" + line) == expected)
    }

    @Test("top-level mistakes")
    func topLevel() {
        #expect(
            firstError(Self.base.replacingFirstLine(with: "name = Dark"))
                == "dark.theme:1:8: name must be a quoted string, like name = \"Dark\"")
        #expect(
            firstError(Self.base.replacingFirstLine(with: "name = \"Dark"))
                == "dark.theme:1:8: unterminated string: add the closing \"")
        #expect(
            firstError(Self.base.replacingFirstLine(with: "nmae = \"Dark\""))
                == "dark.theme:1:1: unknown key \"nmae\"; did you mean \"name\"?")
        #expect(
            firstError("accent = red\n" + Self.base)
                == "dark.theme:1:1: \"accent\" is a role; put it under [roles]")
        #expect(
            firstError(Self.base.replacingFirstLine(with: "# no name"))
                == "dark.theme:1:1: missing name = \"…\": every theme names itself (it is what --theme matches)")
    }

    @Test("missing required roles are listed at the [roles] header")
    func missingRoles() throws {
        let text = Self.base.split(separator: "\n").filter { !$0.hasPrefix("error") && !$0.hasPrefix("muted") }
            .joined(separator: "\n")
        do {
            _ = try ThemeParser.parse(text, file: "dark.theme")
            Issue.record("expected an error")
        } catch {
            #expect(
                error.diagnostics.map(\.description) == [
                    "dark.theme:2:1: missing required role \"muted\" in [roles]",
                    "dark.theme:2:1: missing required role \"error\" in [roles]",
                ])
        }
    }

    @Test("every problem is reported in one pass")
    func severalErrors() {
        do {
            _ = try ThemeParser.parse(Self.base + "\nacent = red\ninfo = #12\n[bogus]", file: "x.theme")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.map(\.line) == [12, 13, 14])
            #expect(error.description.split(separator: "\n").count == 3)
        }
    }

    @Test("a file that is not a theme stops after 50 problems, with a line that says so")
    func errorLimit() {
        let garbage = (1...500).map { "garbage line \($0)" }.joined(separator: "\n")
        do {
            _ = try ThemeParser.parse(garbage, file: "photo.jpg")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics.count == ThemeParser.diagnosticLimit + 1)
            #expect(error.diagnostics.first?.line == 1)
            let last = error.diagnostics.last
            #expect(last?.line == 51)
            #expect(last?.message == "stopped reading after 50 problems; is this a theme file?")
        }
    }

    @Test("a # followed by hex digits is a colour, not a comment")
    func hashAmbiguity() throws {
        let theme = try ThemeParser.parse(Self.base + "\ninfo = #abcdef #", file: "t.theme")
        #expect(theme.roles[.info] == ThemeColor(.rgb(0xab, 0xcd, 0xef)))
    }

    @Test("suggestions need a plausible typo")
    func suggestions() {
        #expect(Suggestion.closest(to: "acent", in: ["accent", "border"]) == "accent")
        #expect(Suggestion.closest(to: "Accent", in: ["accent"]) == "accent")
        #expect(Suggestion.closest(to: "zzzzzz", in: ["accent"]) == nil)
        #expect(Suggestion.editDistance("blod", "bold") == 1)
    }

    @Test("a very long unknown key gets no suggestion and is not compared cell by cell")
    func longUnknownKey() {
        // Profiling FuzzTheme: every unknown word was edit-distanced against every candidate,
        // O(word × candidate) each, so a garbage file of long words spent its time there.
        // Candidates whose length differs by more than the allowed edits are now skipped.
        let long = String(repeating: "accent", count: 50_000)
        #expect(Suggestion.closest(to: long, in: ThemeRole.allCases.map(\.rawValue)) == nil)
        #expect(Suggestion.closest(to: "acccent", in: ["accent"]) == "accent")
        #expect(Suggestion.closest(to: "accentxyz", in: ["accent"]) == nil)
        #expect(throws: ThemeParseError.self) {
            try ThemeParser.parse(Self.base + "\n\(long) = red\n\(long)", file: "t.theme")
        }
    }
}

extension String {
    func replacingFirstLine(with line: String) -> String {
        ([line] + split(separator: "\n", omittingEmptySubsequences: false).dropFirst().map(String.init))
            .joined(separator: "\n")
    }
}
