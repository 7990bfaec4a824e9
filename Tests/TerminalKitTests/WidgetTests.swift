import Testing

@testable import TerminalKit

@Suite("Widgets")
struct WidgetTests {
    let theme = Theme.fallback

    @Test("status bar: mode, dirty marker, position, hints and ? more")
    func statusBar() {
        var grid = CellGrid(width: 60, height: 1)
        StatusBar(
            mode: "RULES", isDirty: true, position: "3/12",
            hints: [KeyHint(key: "/", label: "filter"), KeyHint(key: "enter", label: "open")]
        ).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid.text(row: 0) == " RULES  ● modified  3/12  / filter  enter open       ? more ")
        #expect(grid[1, 0].style == theme.style(.statusBarMode))
        #expect(grid[8, 0].style == theme.style(.statusBarDirty))
        #expect(grid[26, 0].style == theme.style(.statusBarKey))
    }

    @Test("a narrow status bar drops hints from the end but keeps ? more")
    func narrowStatusBar() {
        var grid = CellGrid(width: 30, height: 1)
        StatusBar(
            mode: "LIST", position: "1/2",
            hints: [KeyHint(key: "/", label: "filter"), KeyHint(key: "enter", label: "open")]
        ).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid.text(row: 0) == " LIST   1/2  / filter  ? more ")
    }

    @Test("modal: centred, message wrapped, focused button highlighted")
    func modal() {
        var grid = CellGrid(width: 40, height: 12)
        let layout = Modal(
            title: "Delete rule?", message: "Delete rule SDR_7mNb \"Support queue\"? This cannot be undone.",
            buttons: ["Delete", "Cancel"], focusedButton: 1, maximumWidth: 34
        ).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(layout.frame == Rect(x: 3, y: 2, width: 34, height: 7))
        #expect(grid.text(row: 2).contains("Delete rule?"))
        #expect(grid.text(row: 4) == "   │ Delete rule SDR_7mNb \"Support  │   ")
        #expect(grid.text(row: 5) == "   │ queue\"? This cannot be undone. │   ")
        #expect(grid.text(row: 7).contains("[ Delete ]  [ Cancel ]"))
        let cancel = layout.buttons[1]
        #expect(grid[cancel.x, cancel.y].style == theme.style(.modalButtonFocused))
        #expect(grid[layout.buttons[0].x, cancel.y].style == theme.style(.modalButton))
    }

    @Test("tabs report their column ranges for clicks")
    func tabs() {
        var grid = CellGrid(width: 30, height: 1)
        let ranges = Tabs(titles: ["1 Trunks", "2 Rules"], selected: 1).render(
            in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid.text(row: 0) == " 1 Trunks  │  2 Rules         ")
        #expect(ranges == [0..<10, 13..<22])
        #expect(Tabs.tab(at: 15, in: ranges) == 1)
        #expect(Tabs.tab(at: 11, in: ranges) == nil)
        #expect(grid[14, 0].style == theme.style(.tabActive))
    }

    @Test("toast sits in the bottom-right corner and is sanitized")
    func toast() {
        var grid = CellGrid(width: 30, height: 3)
        let rect = Toast("Saved\u{1B}[2J", kind: .success).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(rect == Rect(x: 14, y: 2, width: 16, height: 1))
        #expect(grid.text(row: 2).hasSuffix(" ✓ Saved\\x1b[2J "))
        #expect(Toast("x", kind: .error, unicode: false).icon == "x")
    }

    @Test("key-value table aligns keys and wraps values")
    func keyValueTable() {
        var grid = CellGrid(width: 24, height: 5)
        KeyValueTable(rows: [
            .section("Dispatch"), .pair("URL", "https://example.com/hook"), .pair("Method", "POST", valueRole: .accent),
        ]).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid.text(row: 0).hasPrefix("Dispatch"))
        #expect(grid.text(row: 1) == "URL     https://example.")
        #expect(grid.text(row: 2) == "        com/hook        ")
        #expect(grid.text(row: 3) == "Method  POST            ")
        #expect(grid[8, 3].style == theme.style(.accent))
        #expect(KeyValueTable(rows: [.pair("a", "b")]).displayRowCount(width: 24) == 1)
    }

    @Test("help overlay and palette draw the table's content")
    func overlays() {
        let table = KeyBindingTable([
            KeyBinding([.char("/")], action: "filter", label: "filter", group: "Lists"),
            KeyBinding([.tab], action: "nextPane", label: "next pane", group: "Navigation"),
        ])
        var grid = CellGrid(width: 40, height: 12)
        HelpOverlay(sections: table.helpSections(for: "list")).render(in: grid.bounds, grid: &grid, theme: theme)
        let help = (0..<12).map { grid.text(row: $0) }.joined(separator: "\n")
        #expect(help.contains("Lists"))
        #expect(help.contains("/    filter"))
        #expect(help.contains("tab  next pane"))
        var palette = CellGrid(width: 40, height: 12)
        CommandPalette(
            query: "np", entries: table.paletteEntries(matching: "np", in: "list"), state: ListState(selected: 0)
        ).render(in: palette.bounds, grid: &palette, theme: theme)
        let text = (0..<12).map { palette.text(row: $0) }.joined(separator: "\n")
        #expect(text.contains(": np▏"))
        #expect(text.contains("next pane"))
    }

    @Test("the memory backend replays keys and simulates resizes")
    func memoryBackend() {
        let backend = MemoryBackend(size: TerminalSize(columns: 10, rows: 2), keys: [.char("j"), .enter])
        #expect(backend.readKey(timeoutMs: 0) == .char("j"))
        backend.resize(to: TerminalSize(columns: 20, rows: 5))
        #expect(backend.readKey(timeoutMs: 0) == .resize)
        #expect(backend.size == TerminalSize(columns: 20, rows: 5))
        #expect(backend.readKey(timeoutMs: 0) == .enter)
        #expect(backend.readKey(timeoutMs: 0) == nil)
        backend.shutdown()
        #expect(backend.isShutDown)
    }

    @Test("ASCII fallbacks for borders and symbols")
    func ascii() {
        var grid = CellGrid(width: 8, height: 3)
        Panel(title: "T", glyphs: .ascii, symbols: .ascii).render(in: grid.bounds, grid: &grid, theme: theme)
        #expect(grid.text(row: 0) == "+- T --+")
        #expect(grid.text(row: 1) == "|      |")
        #expect(BorderGlyphs.standard(unicode: false) == .ascii)
        #expect(Symbols.standard(unicode: false).dirty == "*")
    }
}
