import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

@Suite("Filter and selection by ID")
struct FilterAndSelectionTests {
    @Test("/ narrows the list as you type, by name, ID, number, room and URL")
    func filterNarrows() {
        let (rules, _) = Fixtures.press([.char("2"), .char("/")] + Fixtures.type("desk"), on: Fixtures.state())
        #expect(rules.keyContext == .filter)
        #expect(rules.rules.filter == "desk")
        let names = rules.rules.visible.map { rules.workspace.rules[$0].name }
        // "Encrypted partner line" sends calls to the room "partner-desk".
        #expect(names == ["Front desk", "Front desk overflow (webhook, GET)", "Encrypted partner line"])

        for (query, expected) in [
            ("sdr_boardroom", ["SDR_BoardRoom987"]),  // ID, case-insensitive
            ("2025550199", ["SDR_PrivateCa2rX"]),  // a caller number without the +
            ("vip-lounge", ["SDR_VipCaLLers34"]),  // room name
            ("/overflow", ["SDR_DynGetRtr3Qz"]),  // webhook URL
            ("st_partnrpbx5w6", ["SDR_PartnerEnc9v"]),  // a trunk the rule is scoped to
        ] {
            let (state, _) = Fixtures.press([.char("2"), .char("/")] + Fixtures.type(query), on: Fixtures.state())
            #expect(state.rules.visible.map { state.workspace.rules[$0].id } == expected, "query \(query)")
        }
    }

    @Test("with two rules sharing an ID, a filter that hides the first keeps the cursor on the second")
    func duplicateIDsFollowTheVisibleCopy() {
        var workspace = Workspace()
        for (id, name) in [("SDR_dup", "alpha"), ("SDR_other", "x one"), ("SDR_dup", "x two")] {
            var rule = DispatchRule()
            rule.id = id
            rule.name = name
            workspace.rules.append(rule)
        }
        let state = AppState(
            catalog: WorkspaceCatalog(workspace: workspace), options: AppOptions(inputPaths: ["dup.json"]),
            size: TerminalSize(columns: 120, rows: 40))
        let (filtered, _) = Fixtures.press([.char("2"), .char("/"), .char("x")], on: state)
        #expect(filtered.rules.visible.map { filtered.workspace.rules[$0].name } == ["x one", "x two"])
        #expect(filtered.rules.selectedID == "SDR_dup")
        #expect(filtered.rules.list.selected == 1)
    }

    @Test("the counts show matches of total in the tab, the panel title and the footer")
    func counts() {
        let (state, _) = Fixtures.press([.char("2"), .char("/")] + Fixtures.type("desk"), on: Fixtures.state())
        let screen = Fixtures.screen(state)
        #expect(screen[0].contains("2 Rules 3/12"))
        #expect(screen[1].contains("Rules 3/12"))
        #expect(screen.contains { $0.contains("/desk▏") && $0.contains("1/3 of 12") })
    }

    @Test("Esc clears the filter and the cursor stays on the item it was on")
    func escapeKeepsSelection() {
        var (state, _) = Fixtures.press([.char("2"), .char("/")] + Fixtures.type("desk"), on: Fixtures.state())
        (state, _) = Fixtures.press([.down], on: state)
        #expect(state.rules.selectedID == "SDR_DynGetRtr3Qz")
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.rules.filter.isEmpty)
        #expect(state.rules.visible.count == 12)
        #expect(state.rules.selectedID == "SDR_DynGetRtr3Qz")
        #expect(state.rules.list.selected == 2)
    }

    @Test("Enter keeps the filter and hands the keys back to the list; backspace widens")
    func enterKeepsFilter() {
        var (state, _) = Fixtures.press([.char("2"), .char("/")] + Fixtures.type("deskx"), on: Fixtures.state())
        #expect(state.rules.visible.isEmpty)
        #expect(Fixtures.screen(state).contains { $0.contains("No rule matches; Esc clears") })
        (state, _) = Fixtures.press([.backspace], on: state)
        #expect(state.rules.visible.count == 3)
        (state, _) = Fixtures.press([.enter, .char("j")], on: state)
        #expect(state.keyContext == .browse)
        #expect(state.rules.filter == "desk")
        #expect(state.rules.selectedID == "SDR_DynGetRtr3Qz")
    }

    @Test("typing into the filter never triggers list keys (q, 1, ?)")
    func filterTakesLetters() {
        let (state, _) = Fixtures.press([.char("/")] + Fixtures.type("q1?"), on: Fixtures.state())
        #expect(!state.isQuitting)
        #expect(state.tab == .trunks)
        #expect(state.overlay == .none)
        #expect(state.trunks.filter == "q1?")
    }

    @Test("sorting keeps the selected item selected, wherever it moves")
    func sortKeepsSelection() {
        var (state, _) = Fixtures.press([.char("2"), .char("G")], on: Fixtures.state())
        let id = state.rules.selectedID
        #expect(id == "SDR_EscapeName7q")
        for expected in [SortOrder.id, .name, .type, .file] {
            (state, _) = Fixtures.press([.char("s")], on: state)
            #expect(state.rules.sort == expected)
            #expect(state.rules.selectedID == id)
            #expect(state.rules.selectedPosition.map { state.workspace.rules[$0].id } == id)
        }
        let (byType, _) = Fixtures.press([.char("2"), .char("s"), .char("s"), .char("s")], on: Fixtures.state())
        #expect(byType.rules.visible.prefix(2).map { byType.workspace.rules[$0].kind?.typeName } == ["dynamic", "dynamic"])
    }

    @Test("a reloaded workspace keeps the selection by ID even when the item moved")
    func reloadKeepsSelection() {
        var (state, _) = Fixtures.press([.char("2"), .char("j"), .char("j"), .char("j")], on: Fixtures.state())
        #expect(state.rules.selectedID == "SDR_SaLesHotLn5k")
        var workspace = state.workspace
        workspace.rules.reverse()
        workspace.rules.removeAll { $0.id == "SDR_FrontDesk2Ab" }
        (state, _) = App.update(state, .reloaded(.success(WorkspaceCatalog(workspace: workspace))))
        #expect(state.rules.selectedID == "SDR_SaLesHotLn5k")
        #expect(state.selectedRule?.id == "SDR_SaLesHotLn5k")
        #expect(state.rules.list.selected == 8)

        // Gone after the reload: the cursor moves to the first item rather than vanishing.
        workspace.rules.removeAll { $0.id == "SDR_SaLesHotLn5k" }
        (state, _) = App.update(state, .reloaded(.success(WorkspaceCatalog(workspace: workspace))))
        #expect(state.rules.selectedID == workspace.rules.first?.id)
    }

    @Test("motion keys: j/k, g/G, PgDn/PgUp stop at the ends")
    func motion() {
        var (state, _) = Fixtures.press([.char("2"), .char("k")], on: Fixtures.state(columns: 60, rows: 16))
        #expect(state.rules.list.selected == 0)
        #expect(state.layout.listRows == 11)
        (state, _) = Fixtures.press([.pageDown], on: state)
        #expect(state.rules.list.selected == 10)
        #expect(state.rules.list.offset == 0)
        (state, _) = Fixtures.press([.pageDown, .pageDown], on: state)
        #expect(state.rules.list.offset == 1)
        #expect(state.rules.list.selected == 11)
        (state, _) = Fixtures.press([.char("g")], on: state)
        #expect(state.rules.list.selected == 0)
        (state, _) = Fixtures.press([.end, .char("j")], on: state)
        #expect(state.rules.list.selected == 11)
    }
}
