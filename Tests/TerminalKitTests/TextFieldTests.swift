import Testing

@testable import TerminalKit

@Suite("Text field")
struct TextFieldTests {
    static func type(_ keys: [Key], into state: TextFieldState = TextFieldState()) -> TextFieldState {
        var state = state
        for key in keys { state.handle(key) }
        return state
    }

    static func render(_ state: TextFieldState, width: Int, focused: Bool, mask: Character? = nil) -> (String, CellGrid) {
        var grid = CellGrid(width: width, height: 1)
        TextField(state, focused: focused, mask: mask, placeholder: "none", placeholderStyle: Style(dim: true))
            .render(in: grid.bounds, grid: &grid)
        return (grid.text(row: 0), grid)
    }

    @Test("editing keys: insert at the cursor, ←/→, home/end, backspace, delete, ctrl+w, ctrl+u")
    func editing() {
        var state = Self.type("helo world".map { Key.char($0) })
        #expect(state.cursor == 10)
        state = Self.type([.home, .right, .right, .right, .char("l"), .end, .backspace], into: state)
        #expect(state.text == "hello worl")
        state = Self.type([.home, .delete], into: state)
        #expect(state.text == "ello worl" && state.cursor == 0)
        state = Self.type([.end, .ctrl("w")], into: state)
        #expect(state.text == "ello ")
        #expect(state.handle(.tab) == false)
        state = Self.type([.ctrl("u")], into: state)
        #expect(state.text.isEmpty && state.cursor == 0)
    }

    @Test("ctrl+u deletes what is before the cursor and keeps the rest, as in readline")
    func deleteToStart() {
        var state = Self.type("+1415 555".map { Key.char($0) })
        state = Self.type([.left, .left, .left, .ctrl("u")], into: state)
        #expect(state.text == "555" && state.cursor == 0)
    }

    @Test("the cursor moves over whole graphemes (wide and combining characters)")
    func graphemes() {
        var state = TextFieldState("東京é́☎")
        state.handle(.left)
        state.handle(.backspace)
        #expect(state.text == "東京☎")
        #expect(state.cursor == 2)
    }

    @Test("unfocused: long text ends in an ellipsis; empty shows the placeholder")
    func unfocused() {
        #expect(Self.render(TextFieldState("https://hooks.example.com/route"), width: 12, focused: false).0 == "https://hoo…")
        let (text, grid) = Self.render(TextFieldState(), width: 8, focused: false)
        #expect(text == "none    ")
        #expect(grid[0, 0].style.dim)
    }

    @Test("focused: scrolls so the cursor stays visible, with ellipses marking hidden text")
    func scrolling() {
        let long = TextFieldState("https://hooks.example.com/route")
        let (end, endGrid) = Self.render(long, width: 12, focused: true)
        #expect(end == "….com/route ")
        #expect(endGrid[11, 0].style.reverse)
        let (start, startGrid) = Self.render(TextFieldState(long.text, cursor: 0), width: 12, focused: true)
        #expect(start == "https://hoo…")
        #expect(startGrid[0, 0].style.reverse)
        let (middle, _) = Self.render(TextFieldState(long.text, cursor: 16), width: 12, focused: true)
        #expect(middle.hasPrefix("…") && middle.hasSuffix("…"))
        #expect(middle.contains("e"))
    }

    @Test("control characters are drawn escaped; a mask hides every grapheme")
    func sanitizedAndMasked() {
        #expect(Self.render(TextFieldState("a\u{1b}[2J"), width: 12, focused: false).0 == "a\\x1b[2J    ")
        #expect(Self.render(TextFieldState("secret"), width: 8, focused: false, mask: "•").0 == "••••••  ")
    }
}
