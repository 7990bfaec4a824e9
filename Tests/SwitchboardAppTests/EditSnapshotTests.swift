import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Golden snapshots of the edit session's marks: the rules list with a changed, a new and a
/// deleted rule (Unicode and ASCII), and the question `q` asks with unsaved edits.
@Suite("Edit session snapshots")
struct EditSnapshotTests {
    static let sizes = [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 80, rows: 24), ScreenLayout.minimumSize]

    /// Support queue renamed, a new rule added, Conference bridge deleted.
    static func dirty(_ size: TerminalSize, unicode: Bool = true) -> AppState {
        var state = Fixtures.state(columns: size.columns, rows: size.rows, unicode: unicode)
        var rule = state.catalog.rule(id: "SDR_SupportQue7x")!
        rule.name = "Support queue (nights)"
        App.commit(.rule(rule), &state)
        var added = DispatchRule()
        added.id = "SDR_NewNightLn1"
        added.name = "Night line"
        added.trunkIds = ["ST_SaLesLn9x4Kp"]
        added.kind = .direct(DirectRule(roomName: "night"))
        App.commit(.rule(added), &state)
        state = Fixtures.press([.char("g"), .char("j"), .char("j"), .char("j"), .char("j"), .char("j")], on: state).0
        state = Fixtures.press([.char("j"), .char("j"), .delete, .char("y")], on: state).0
        #expect(state.edits.changeCount == 3)
        return state
    }

    static func render(_ state: AppState) -> String {
        let theme = Theme.fallback.adapted(to: .none)
        return SnapshotRenderer(theme: theme).render(App.view(state, size: state.size, theme: theme))
    }

    @Test("the rules list marks changed and new rules; header and status bar count the unsaved changes")
    func dirtyList() {
        for size in Self.sizes {
            SnapshotAssertion.check(Self.render(Self.dirty(size)), named: "edit-dirty_\(size.columns)x\(size.rows)")
        }
        SnapshotAssertion.check(
            Self.render(Self.dirty(TerminalSize(columns: 80, rows: 24), unicode: false)), named: "edit-dirty_80x24_ascii")
    }

    @Test("q with unsaved edits: save and quit, quit and discard, cancel")
    func quitQuestion() {
        for size in Self.sizes {
            let state = Fixtures.press([.char("q")], on: Self.dirty(size)).0
            SnapshotAssertion.check(Self.render(state), named: "edit-quit_\(size.columns)x\(size.rows)")
        }
    }
}
