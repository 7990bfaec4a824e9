import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

@Suite("Resize, detail pane and secrets")
struct ResizeAndDetailTests {
    @Test("shrinking below the minimum shows the size message; growing back restores the layout")
    func resize() {
        var (state, _) = Fixtures.press([.char("2"), .char("G")], on: Fixtures.state())
        (state, _) = App.update(state, .resize(TerminalSize(columns: 30, rows: 8)))
        let tiny = Fixtures.screen(state)
        #expect(tiny.count == 8)
        #expect(tiny.contains { $0.contains("30×8 now, needs 60×16") })
        // Keys still work while the window is tiny.
        (state, _) = Fixtures.press([.char("k")], on: state)
        (state, _) = App.update(state, .resize(TerminalSize(columns: 60, rows: 16)))
        #expect(state.rules.selectedID == "SDR_AfterHours56")
        // The selection stays in view at the new height.
        let rows = state.layout.listRows
        let selected = state.rules.list.selected ?? -1
        #expect(selected >= state.rules.list.offset && selected < state.rules.list.offset + rows)
        #expect(Fixtures.screen(state).contains { $0.contains("After-hours catch-all") })
    }

    @Test("a dynamic rule's detail leads with its URL and method")
    func dynamicRuleDetail() {
        let (state, _) = Fixtures.press([.char("2")] + Array(repeating: .char("j"), count: 2), on: Fixtures.state())
        let screen = Fixtures.screen(state)
        let detail = screen.map { String($0.dropFirst(49)) }
        let webhook = detail.firstIndex { $0.contains("Webhook") } ?? 99
        let url = detail.firstIndex { $0.contains("http://127.0.0.1:8089/overflow") } ?? 99
        let method = detail.firstIndex { $0.contains("Method") && $0.contains("GET") } ?? 99
        #expect(webhook == 2 && url == 3 && method == 4)
        #expect(screen.joined().contains("Rule SDR_DynGetRtr3Qz"))
    }

    @Test("a trunk lists the rules that can receive its calls; a rule lists its trunks")
    func relations() {
        let trunk = Fixtures.screen(Fixtures.state(columns: 200, rows: 90)).joined(separator: "\n")
        #expect(trunk.contains("Rules that can receive its calls (7)"))
        #expect(trunk.contains("SDR_FrontDesk2Ab \"Front desk\" (direct)"))
        #expect(trunk.contains("SDR_AfterHours56 \"After-hours catch-all\" (individual)"))
        let (wildcard, _) = Fixtures.press([.char("2"), .char("G"), .char("k")], on: Fixtures.state())
        let rule = Fixtures.screen(wildcard).joined(separator: "\n")
        #expect(rule.contains("every trunk (a wildcard rule)"))
        #expect(rule.contains("ST_PartnrPbx5W6 \"Partner PBX\""))
    }

    @Test("validation findings and conflicts come from the catalog, per item")
    func findings() {
        var workspace = Fixtures.catalog.workspace
        var copy = workspace.rules[7]  // Conference bridge: wildcard, pin 4321
        copy.id = "SDR_ConfCopy0000"
        copy.name = "Copy of the bridge"
        workspace.rules.append(copy)
        let catalog = WorkspaceCatalog(workspace: workspace)
        let conflicts = catalog.conflicts(of: ItemKey(.rule, "SDR_ConfBridge42"))
        #expect(conflicts.map(\.other.id) == ["SDR_ConfCopy0000"])
        var state = AppState(catalog: catalog, size: TerminalSize(columns: 120, rows: 60))
        (state, _) = Fixtures.press([.char("2"), .char("G")], on: state)
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("Conflicts with other rules"))
        #expect(screen.contains("SDR_ConfBridge42 \"Conference bridge\""))
        #expect(screen.contains("1 error (below)"))
    }

    @Test("passwords and the API secret are masked until r; moving on hides them again")
    func secrets() {
        var (state, _) = Fixtures.press([.char("j"), .char("j"), .char("j")], on: Fixtures.state())
        #expect(state.selectedTrunk?.id == "ST_PartnrPbx5W6")
        var screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("••••••"))
        #expect(!screen.contains("s3cret-partner-pass"))
        (state, _) = Fixtures.press([.char("r")], on: state)
        #expect(Fixtures.screen(state).joined().contains("s3cret-partner-pass"))
        (state, _) = Fixtures.press([.char("k"), .char("j")], on: state)
        #expect(!Fixtures.screen(state).joined().contains("s3cret-partner-pass"))

        (state, _) = Fixtures.press([.char("3")], on: state)
        screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("API secret"))
        #expect(!screen.contains("demo-secret-do-not-use"))
        (state, _) = Fixtures.press([.char("r")], on: state)
        #expect(Fixtures.screen(state).joined().contains("demo-secret-do-not-use"))
    }

    @Test("text from files reaches the grid escaped: no control or bidi characters")
    func untrustedText() {
        let (state, _) = Fixtures.press([.char("2"), .char("G")], on: Fixtures.state())
        let grid = App.view(state, size: state.size, theme: Theme.fallback)
        let bad = grid.cells.filter { cell in
            cell.grapheme.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0.value == 0x202E }
        }
        #expect(bad.isEmpty)
        let screen = (0..<grid.height).map { grid.text(row: $0) }.joined(separator: "\n")
        #expect(screen.contains("Evil \\x1b[2J name \\u{202e}"))
    }

    @Test("keys the model does not know are shown read-only")
    func unknownKeys() {
        let (state, _) = Fixtures.press([.char("2"), .char("G")], on: Fixtures.state(rows: 60))
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("Other keys (kept as read; not editable here)"))
        #expect(screen.contains("futureRuleField"))
        let (roomConfig, _) = Fixtures.press([.char("2")], on: Fixtures.state(rows: 60))
        #expect(Fixtures.screen(roomConfig).joined().contains("{\"agents\":[{\"agentName\":\"receptionist\""))
    }

    @Test("Tab moves focus to the detail pane, where j/k scroll it")
    func detailScroll() {
        var (state, _) = Fixtures.press([.char("2"), .tab], on: Fixtures.state(columns: 80, rows: 24))
        #expect(state.focus == .detail)
        (state, _) = Fixtures.press([.char("j"), .char("j")], on: state)
        #expect(state.detailOffset == 2)
        #expect(state.rules.list.selected == 0)
        (state, _) = Fixtures.press([.char("G")], on: state)
        let bottom = state.detailOffset
        #expect(bottom > 2)
        (state, _) = Fixtures.press([.char("j")], on: state)
        #expect(state.detailOffset == bottom)
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.focus == .list)
    }
}
