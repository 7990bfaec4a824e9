import Testing

@_spi(Testing) @testable import CursesTerminal
@testable import TerminalKit

/// ncurses is process-global, so every test that starts it runs in this one serialized suite.
@Suite("ncurses adapter, headless", .serialized)
struct CursesTerminalTests {
    func start(environment: [String: String] = [:], colorDepth: ColorDepth? = nil) throws -> CursesTerminal {
        try CursesTerminal(
            options: .init(
                terminalType: "xterm-256color", inputPath: "/dev/null", outputPath: "/dev/null",
                colorDepth: colorDepth, handleSignals: false, environment: environment))
    }

    @Test("newterm on /dev/null: paint a grid, read it back with mvwin_wch and win_wchnstr")
    func paintAndReadBack() throws {
        let terminal = try start()
        defer { terminal.shutdown() }
        #expect(terminal.locale.isUTF8)
        #expect(terminal.colorDepth == .indexed256)
        let size = terminal.size
        #expect(size.columns > 20 && size.rows > 3)

        var grid = CellGrid(width: size.columns, height: size.rows)
        grid.write("Hello", column: 0, row: 0, style: Style(foreground: .indexed(196), bold: true))
        grid.write("日本 é", column: 0, row: 1, style: Style(background: .rgb(0, 0, 0xff), underline: true))
        grid.write("┌─┐", column: 10, row: 1, style: Style(reverse: true))
        var presenter = FramePresenter()
        presenter.present(grid, on: terminal)

        let h = try #require(terminal.screenCell(column: 0, row: 0))
        #expect(h.grapheme == "H")
        #expect(h.bold)
        #expect(!h.underline)
        #expect(h.foreground == 196)
        #expect(h.background == -1)
        let wide = try #require(terminal.screenCell(column: 0, row: 1))
        #expect(wide.grapheme == "日")
        #expect(wide.underline)
        #expect(wide.background == 21, "rgb(0,0,255) maps to palette entry 21")
        #expect(terminal.screenCell(column: 2, row: 1)?.grapheme == "本")
        #expect(terminal.screenCell(column: 5, row: 1)?.grapheme == "é")
        #expect(terminal.screenCell(column: 10, row: 1)?.reverse == true)
        #expect(terminal.screenRowText(0).hasPrefix("Hello "))
        #expect(terminal.screenRowText(1).hasPrefix("日本 é"))
        #expect(terminal.screenRowText(1).contains("┌─┐"))

        // A second frame repaints only what changed, and ncurses sees the change.
        var next = grid
        next.write("J", column: 0, row: 0, style: Style(foreground: .indexed(196), bold: true))
        let diff = presenter.present(next, on: terminal)
        #expect(diff.paintedCellCount == 1)
        #expect(terminal.screenCell(column: 0, row: 0)?.grapheme == "J")
        #expect(terminal.screenCell(column: 1, row: 0)?.grapheme == "e")
    }

    @Test("NO_COLOR: no colours at all, attributes kept")
    func noColor() throws {
        let terminal = try start(environment: ["NO_COLOR": "1"])
        defer { terminal.shutdown() }
        #expect(terminal.colorDepth == ColorDepth.none)
        var grid = CellGrid(width: terminal.size.columns, height: terminal.size.rows)
        grid.write("sel", column: 0, row: 0, style: Style(foreground: .ansi(1), background: .ansi(4), reverse: true))
        terminal.paint(GridDiff.between(nil, grid))
        let cell = try #require(terminal.screenCell(column: 0, row: 0))
        #expect(cell.reverse)
        #expect(cell.foreground == -1 && cell.background == -1)
    }

    @Test("a requested depth is capped by what the terminal supports")
    func depthCap() throws {
        let sixteen = try start(colorDepth: .ansi16)
        #expect(sixteen.colorDepth == .ansi16)
        var grid = CellGrid(width: sixteen.size.columns, height: sixteen.size.rows)
        grid.write("x", column: 0, row: 0, style: Style(foreground: .rgb(255, 0, 0)))
        sixteen.paint(GridDiff.between(nil, grid))
        #expect(sixteen.screenCell(column: 0, row: 0)?.foreground == 9)
        sixteen.shutdown()
        let capped = try start(colorDepth: .truecolor)
        #expect(capped.colorDepth == .indexed256, "xterm-256color cannot show direct colour")
        capped.shutdown()
    }

    @Test("reading keys from an empty input times out with nil; shutdown is idempotent")
    func readKeyAndShutdown() throws {
        let terminal = try start()
        #expect(terminal.readKey(timeoutMs: 0) == nil)
        let started = ContinuousClock.now
        #expect(terminal.readKey(timeoutMs: 250) == nil)
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(240) && waited < .seconds(2), "waited \(waited)")
        terminal.shutdown()
        terminal.shutdown()
        #expect(terminal.readKey(timeoutMs: 0) == nil)
        #expect(terminal.size == TerminalSize(columns: 0, rows: 0))
    }

    @Test("an unknown terminal type is a clear error, not a crash")
    func unknownTerminal() {
        #expect(throws: CursesTerminal.StartError.self) {
            _ = try CursesTerminal(
                options: .init(
                    terminalType: "no-such-terminal-xyz", inputPath: "/dev/null", outputPath: "/dev/null",
                    handleSignals: false, environment: [:]))
        }
    }
}

@Suite("get_wch results to keys")
struct CursesKeyMappingTests {
    @Test("status and value stay separate: KEY_RESIZE is not U+019A")
    func resizeIsNotACharacter() {
        #expect(CursesKeys.functionKey(CursesKeyCode.resize) == .resize)
        #expect(CursesKeys.character(UInt32(CursesKeyCode.resize)) == .char("\u{019A}"))
    }

    @Test("control characters and function keys")
    func mapping() {
        #expect(CursesKeys.character(0x0D) == .enter)
        #expect(CursesKeys.character(0x1B) == .escape)
        #expect(CursesKeys.character(0x10) == .ctrl("p"))
        #expect(CursesKeys.character(0x7F) == .backspace)
        #expect(CursesKeys.character(0x6A) == .char("j"))
        #expect(CursesKeys.functionKey(CursesKeyCode.up) == .up)
        #expect(CursesKeys.functionKey(CursesKeyCode.pageDown) == .pageDown)
        #expect(CursesKeys.functionKey(CursesKeyCode.backTab) == .backTab)
        #expect(CursesKeys.functionKey(CursesKeyCode.delete) == .delete)
        #expect(CursesKeys.functionKey(CursesKeyCode.function(5)) == .function(5))
        #expect(CursesKeys.functionKey(CursesKeyCode.function(12)) == .function(12))
        #expect(CursesKeys.functionKey(0x7777) == nil)
    }

    @Test("locale codeset names")
    func codesetNames() {
        #expect(LocaleStatus.isUTF8Name("UTF-8"))
        #expect(LocaleStatus.isUTF8Name("utf8"))
        #expect(!LocaleStatus.isUTF8Name("ANSI_X3.4-1968"))
        #expect(LocaleStatus(isUTF8: false, codeset: "ANSI_X3.4-1968", usedFallback: false).warning != nil)
    }
}
