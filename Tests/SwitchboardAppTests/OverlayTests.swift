import SwitchboardApp
import TerminalKit
import Testing

@Suite("Help and command palette")
struct OverlayTests {
    @Test("? opens help generated from the key table; typing filters it; Esc closes")
    func help() {
        var (state, _) = Fixtures.press([.char("?")], on: Fixtures.state(rows: 80))
        #expect(state.overlay == .help(HelpState()))
        var screen = Fixtures.screen(state).joined(separator: "\n")
        for label in ["Lists", "Moving", "filter", "command palette", "While filtering", "clear the filter", "quit"] {
            #expect(screen.contains(label), "help shows \(label)")
        }
        (state, _) = Fixtures.press(Fixtures.type("sort"), on: state)
        #expect(state.overlay == .help(HelpState(filter: "sort")))
        screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("sort: file, ID, name, type"))
        #expect(!screen.contains("command palette"))
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.overlay == .none)
    }

    @Test("keys typed into help never act on the lists, and q does not quit")
    func helpTakesLetters() {
        let (state, _) = Fixtures.press([.char("?")] + Fixtures.type("q2"), on: Fixtures.state())
        #expect(!state.isQuitting)
        #expect(state.tab == .trunks)
        #expect(state.overlay == .help(HelpState(filter: "q2")))
        #expect(Fixtures.screen(state).joined().contains("No key matches \"q2\""))
    }

    @Test("help scrolls within its content at a small size")
    func helpScrolls() {
        var (state, _) = Fixtures.press(
            [.char("?"), .pageDown, .pageDown, .pageDown, .pageDown], on: Fixtures.state(columns: 60, rows: 16))
        guard case .help(let scrolled) = state.overlay else {
            Issue.record("help closed")
            return
        }
        #expect(scrolled.offset > 0)
        (state, _) = Fixtures.press(Array(repeating: .pageDown, count: 60), on: state)
        guard case .help(let bottom) = state.overlay else { return }
        (state, _) = Fixtures.press([.down], on: state)
        #expect(state.overlay == .help(bottom))
    }

    @Test(": opens the palette; typing ranks commands; Enter runs the highlighted one")
    func palette() {
        var (state, _) = Fixtures.press([.char(":")], on: Fixtures.state())
        #expect(state.keyContext == .palette)
        #expect(Fixtures.screen(state).joined().contains("Commands"))
        (state, _) = Fixtures.press(Fixtures.type("rules"), on: state)
        #expect(Fixtures.screen(state).contains { $0.contains("rules") && $0.contains("2") })
        let (after, _) = Fixtures.press([.enter], on: state)
        #expect(after.overlay == .none)
        #expect(after.tab == .rules)

        let (quit, _) = Fixtures.press([.ctrl("p")] + Fixtures.type("quit") + [.enter], on: Fixtures.state())
        #expect(quit.isQuitting)
        let (closed, _) = Fixtures.press([.char(":"), .char("q"), .escape], on: Fixtures.state())
        #expect(!closed.isQuitting)
        #expect(closed.overlay == .none)
    }

    @Test("the status bar hints come from the same table, per context")
    func statusHints() {
        let browse = Fixtures.screen(Fixtures.state()).last ?? ""
        #expect(browse.contains("TRUNKS") && browse.contains("/ filter") && browse.contains("? more"))
        let (filtering, _) = Fixtures.press([.char("/")], on: Fixtures.state())
        let filterLine = Fixtures.screen(filtering).last ?? ""
        #expect(filterLine.contains("FILTER") && filterLine.contains("enter keep the filter"))
    }
}
