import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

@Suite("Effects, mouse and the loop")
struct EffectAndMouseTests {
    @Test("M asks the runner to switch mouse reporting; the result comes back as a message")
    func mouseToggle() {
        var (state, effects) = Fixtures.press([.char("M")], on: Fixtures.state())
        #expect(effects == [.setMouseReporting(false)])
        #expect(state.mouseEnabled)
        (state, effects) = App.update(state, .mouseReportingChanged(false))
        #expect(!state.mouseEnabled)
        #expect(state.toast != nil)
    }

    @Test("R asks for a reload of the input files; a failure is shown, not fatal")
    func reload() {
        var (state, effects) = Fixtures.press([.char("R")], on: Fixtures.state())
        #expect(effects == [.reload(paths: ["samples/project.json"])])
        (state, effects) = App.update(state, .reloaded(.failure(ReloadFailure("rules.json:3:1: expected a value"))))
        #expect(state.toast?.toast.kind == .error)
        #expect(Fixtures.screen(state).joined().contains("Reload failed"))
    }

    @Test("a toast disappears three seconds after the first tick that sees it")
    func toastExpires() {
        var (state, _) = Fixtures.press([.char("s")], on: Fixtures.state())
        #expect(state.toast != nil)
        (state, _) = App.update(state, .tick(milliseconds: 10_000))
        (state, _) = App.update(state, .tick(milliseconds: 12_999))
        #expect(state.toast != nil)
        (state, _) = App.update(state, .tick(milliseconds: 13_000))
        #expect(state.toast == nil)
    }

    @Test("click selects a row, the wheel scrolls, a click on a tab switches to it")
    func mouse() {
        let initial = Fixtures.state(columns: 80, rows: 24)
        let layout = initial.layout
        func click(_ column: Int, _ row: Int) -> Key { .mouse(MouseEvent(action: .press(.left), column: column, row: row)) }
        var (state, _) = Fixtures.press([click(5, layout.listInner.y + 2)], on: initial)
        #expect(state.trunks.list.selected == 2)
        (state, _) = Fixtures.press([click(layout.detailPanel.x + 3, 5)], on: state)
        #expect(state.focus == .detail)
        (state, _) = Fixtures.press([.mouse(MouseEvent(action: .scrollDown, column: layout.detailPanel.x + 3, row: 5))], on: state)
        #expect(state.detailOffset == 3)
        let rulesColumn = Fixtures.screen(state)[0].distance(from: "", to: "2 Rules") ?? 0
        (state, _) = Fixtures.press([click(rulesColumn + 1, 0)], on: state)
        #expect(state.tab == .rules)
        (state, _) = Fixtures.press([.mouse(MouseEvent(action: .scrollDown, column: 5, row: 5))], on: state)
        #expect(state.rules.list.offset == 0)  // 12 rules fit in 19 rows: nothing to scroll
    }

    @Test("the loop runs on a memory backend, paints diffs and stops on q")
    func loop() {
        let backend = OneKeyAtATime(
            MemoryBackend(
                size: TerminalSize(columns: 100, rows: 30), colorDepth: .indexed256,
                keys: [.char("2"), .char("j"), .char("j"), .resize, .char("?"), .escape, .char("q")]))
        let runner = RecordingEffectRunner()
        let final = AppLoop.run(Fixtures.state(columns: 10, rows: 10), backend: backend, theme: Theme.fallback, runner: runner)
        #expect(final.isQuitting)
        #expect(final.size == TerminalSize(columns: 90, rows: 30))
        #expect(final.rules.selectedID == "SDR_DynGetRtr3Qz")
        #expect((0..<30).map { backend.memory.screen.text(row: $0) }.joined().contains("Rule SDR_DynGetRtr3Qz"))
        let diffs = backend.memory.paintedDiffs
        #expect(diffs.first?.isFullRepaint == true)
        // Moving the selection repaints a few rows, not the screen; the resize repaints all.
        #expect(diffs.count == 7)
        #expect(diffs[2].paintedCellCount < 1000)
        #expect(diffs[4].isFullRepaint)
    }

    @Test("keys already waiting are handled together and drawn once")
    func batching() {
        let backend = MemoryBackend(
            size: TerminalSize(columns: 100, rows: 30), keys: Array(repeating: .char("j"), count: 4) + [.char("2")])
        let final = AppLoop.run(
            Fixtures.state(columns: 100, rows: 30), backend: QuitOnTick(backend), theme: Theme.fallback,
            runner: RecordingEffectRunner(), clock: { 0 })
        #expect(final.tab == .rules)
        #expect(final.trunks.list.selected == 4)
        #expect(backend.paintedDiffs.count == 2)
    }
}

/// A backend whose keys arrive one at a time (none is waiting when the loop asks without
/// waiting), as when a person types.
final class OneKeyAtATime: TerminalBackend {
    let memory: MemoryBackend
    init(_ memory: MemoryBackend) { self.memory = memory }
    var size: TerminalSize { memory.size }
    var colorDepth: ColorDepth { memory.colorDepth }
    var supportsUnicode: Bool { memory.supportsUnicode }
    func paint(_ diff: GridDiff) { memory.paint(diff) }
    func readKey(timeoutMs: Int) -> Key? {
        guard timeoutMs != 0 else { return nil }
        if memory.queuedKeys.first == .resize {
            memory.queuedKeys.removeFirst()
            memory.resize(to: TerminalSize(columns: 90, rows: 30))
        }
        return memory.readKey(timeoutMs: timeoutMs)
    }
    func shutdown() { memory.shutdown() }
}

/// Ends the loop with `q` as soon as the queued keys run out.
final class QuitOnTick: TerminalBackend {
    let memory: MemoryBackend
    init(_ memory: MemoryBackend) { self.memory = memory }
    var size: TerminalSize { memory.size }
    var colorDepth: ColorDepth { memory.colorDepth }
    var supportsUnicode: Bool { memory.supportsUnicode }
    func paint(_ diff: GridDiff) { memory.paint(diff) }
    func readKey(timeoutMs: Int) -> Key? { memory.readKey(timeoutMs: timeoutMs) ?? (timeoutMs == 0 ? nil : .char("q")) }
    func shutdown() { memory.shutdown() }
}

extension String {
    /// The display column where `needle` starts, for clicking on screen text.
    fileprivate func distance(from _: String, to needle: String) -> Int? {
        guard let range = range(of: needle) else { return nil }
        return DisplayWidth.of(self[startIndex..<range.lowerBound])
    }
}
