import Testing

@testable import TerminalKit

@Suite("Key-binding table")
struct KeyBindingTableTests {
    let table = KeyBindingTable([
        KeyBinding([.char("q")], action: "quit", label: "quit", group: "General", hintPriority: 9),
        KeyBinding([.char("?")], action: "help", label: "help", group: "General"),
        KeyBinding([.ctrl("s")], action: "save", label: "save", group: "General", hintPriority: 0),
        KeyBinding(
            [.char("/")], action: "filter", label: "filter", group: "Lists", hintPriority: 1, contexts: ["list"]),
        KeyBinding(
            [.char("j"), .down], action: "down", label: "move down", group: "Navigation", hintPriority: 2,
            contexts: ["list"], inPalette: false),
        KeyBinding([.tab], action: "nextPane", label: "next pane", group: "Navigation", hintPriority: 3),
        KeyBinding([.enter], action: "open", label: "open", group: "Lists", hintPriority: 4, contexts: ["list"]),
        KeyBinding(
            [.char("e")], action: "edit", label: "edit rule", group: "Lists", hintPriority: 5, contexts: ["list"]),
        KeyBinding([.char("/")], action: "search", label: "search", group: "Text", hintPriority: 1, contexts: ["text"]),
        KeyBinding([.char("n")], action: "nextMatch", label: "next match", group: "Text", contexts: ["text"]),
        KeyBinding([.char(":"), .ctrl("p")], action: "palette", label: "command palette", group: "General"),
    ])

    @Test("dispatch prefers the binding scoped to the context")
    func dispatch() {
        #expect(table.action(for: .char("/"), in: "list") == "filter")
        #expect(table.action(for: .char("/"), in: "text") == "search")
        #expect(table.action(for: .down, in: "list") == "down")
        #expect(table.action(for: .down, in: "text") == nil)
        #expect(table.action(for: .char("q"), in: "text") == "quit")
        #expect(table.action(for: .ctrl("p"), in: "anything") == "palette")
    }

    @Test("status-bar hints: the five most important for the context")
    func hints() {
        let hints = table.hints(for: "list").map { "\($0.key) \($0.label)" }
        #expect(hints == ["ctrl+s save", "/ filter", "j/↓ move down", "tab next pane", "enter open"])
        let text = table.hints(for: "text", limit: 3).map(\.label)
        #expect(text == ["save", "search", "next pane"])
        #expect(table.hints(for: "list", ascii: true)[2].key == "j/down")
    }

    @Test("help is grouped in table order and filtered by typed text")
    func help() {
        let sections = table.helpSections(for: "list")
        #expect(sections.map(\.group) == ["General", "Lists", "Navigation"])
        #expect(sections[0].bindings.map(\.action) == ["quit", "help", "save", "palette"])
        let filtered = table.helpSections(for: "list", filter: "FIL")
        #expect(filtered.map(\.group) == ["Lists"])
        #expect(filtered[0].bindings.map(\.action) == ["filter"])
        #expect(table.helpSections(for: "list", filter: "ctrl+s").flatMap(\.bindings).map(\.action) == ["save"])
        #expect(table.helpSections(for: "list", filter: "zzz").isEmpty)
        #expect(!table.helpSections(for: "text").flatMap(\.bindings).contains { $0.action == "filter" })
    }

    @Test("the palette fuzzy-matches labels, best first, and skips motions")
    func palette() {
        let all = table.paletteEntries(matching: "", in: "list").map(\.binding.action)
        #expect(!all.contains("down"))
        #expect(all.first == "quit")
        let np = table.paletteEntries(matching: "np", in: "list")
        #expect(np.first?.binding.action == "nextPane")
        #expect(np.first?.matchedOffsets == [0, 5])
        #expect(table.paletteEntries(matching: "sav", in: "list").map(\.binding.action) == ["save"])
        #expect(table.paletteEntries(matching: "xyz", in: "list").isEmpty)
    }

    @Test("fuzzy scoring rewards word starts and runs")
    func fuzzy() throws {
        let start = try #require(FuzzyMatch.match("er", in: "edit rule"))
        let inner = try #require(FuzzyMatch.match("er", in: "over"))
        #expect(start.score > inner.score)
        #expect(FuzzyMatch.match("abc", in: "acb") == nil)
        #expect(FuzzyMatch.match("ABC", in: "a big cat")?.offsets == [0, 2, 6])
    }
}
