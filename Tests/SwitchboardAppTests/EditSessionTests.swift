import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The edit session: commit, undo, redo, revert, delete, dirty markers, read-only.
@Suite("Edit session")
struct EditSessionTests {
    static let support = ItemKey(.rule, "SDR_SupportQue7x")

    /// The rules tab with `id` selected.
    static func onRule(_ id: String, _ state: AppState = Fixtures.state()) -> AppState {
        var (state, _) = Fixtures.press([.char("2"), .char("g")], on: state)
        for _ in 0..<state.workspace.rules.count where state.rules.selectedID != id {
            state = Fixtures.press([.char("j")], on: state).0
        }
        #expect(state.rules.selectedID == id)
        return state
    }

    static func renamed(_ id: String, _ name: String, in state: AppState) -> DispatchRule {
        var rule = state.catalog.rule(id: id)!
        rule.name = name
        return rule
    }

    static func toast(_ state: AppState) -> String? { state.toast?.toast.message }

    @Test("an edit changes the workspace, marks the item and the header, and is selected")
    func commitMarks() {
        var state = Fixtures.state()
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Support (nights)", in: state)), &state)
        #expect(state.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support (nights)")
        #expect(state.edits.mark(Self.support) == .modified)
        #expect(state.edits.isDirty)
        #expect(state.tab == .rules)
        #expect(state.rules.selectedID == "SDR_SupportQue7x")
        let screen = Fixtures.screen(state)
        #expect(screen[0].contains("1 unsaved change"))
        #expect(screen.contains { $0.contains("●  Support (nights)") })
        #expect(screen.last!.contains("1 unsaved"))
    }

    @Test("undo and redo walk the edits and say what they did; a new edit clears redo")
    func undoRedo() {
        var state = Fixtures.state()
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Support 2", in: state)), &state)
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Support 3", in: state)), &state)
        state = Fixtures.press([.char("u")], on: state).0
        #expect(state.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support 2")
        #expect(Self.toast(state) == #"Undid: edit rule SDR_SupportQue7x "Support 3""#)
        state = Fixtures.press([.ctrl("z")], on: state).0
        #expect(state.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support queue")
        // Back where the files are: clean again, no marker.
        #expect(!state.edits.isDirty)
        #expect(!Fixtures.screen(state).contains { $0.contains("unsaved") })
        state = Fixtures.press([.ctrl("r")], on: state).0
        #expect(state.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support 2")
        #expect(Self.toast(state)?.hasPrefix("Redid: edit rule SDR_SupportQue7x") == true)
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Support X", in: state)), &state)
        state = Fixtures.press([.ctrl("y")], on: state).0
        #expect(Self.toast(state) == "Nothing to redo")
        #expect(state.catalog.rule(id: "SDR_SupportQue7x")?.name == "Support X")
    }

    @Test("a new rule goes to the end of the project file, selected, marked +, and its generated ID is never saved")
    func addRule() throws {
        var state = Fixtures.state()
        var rule = DispatchRule()
        rule.name = "Night line"
        rule.kind = .direct(DirectRule(roomName: "night"))
        App.commit(.rule(rule), &state)
        let id = try #require(state.rules.selectedID)
        #expect(id.hasPrefix("SDR_"))
        #expect(state.workspace.rules.last?.name == "Night line")
        #expect(state.edits.mark(ItemKey(.rule, id)) == .added)
        #expect(Fixtures.screen(state).contains { $0.contains("+✗ Night line") })  // new, and it conflicts with the catch-all
        let effects = Fixtures.press([.ctrl("s")], on: state).1
        guard case .writeFile(let write) = effects.first else {
            Issue.record("no write: \(effects)")
            return
        }
        let text = String(decoding: write.bytes, as: UTF8.self)
        #expect(text.contains("Night line"))
        #expect(!text.contains(id))
    }

    @Test("Delete asks naming the item; yes removes it and selects the neighbour; undo puts it back in its place")
    func deleteAndUndo() throws {
        var state = Self.onRule("SDR_SupportQue7x")
        let position = try #require(state.workspace.rules.firstIndex { $0.id == "SDR_SupportQue7x" })
        state = Fixtures.press([.delete], on: state).0
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.message.hasPrefix(#"Delete rule SDR_SupportQue7x "Support queue"?"#))
        #expect(Fixtures.screen(state).contains { $0.contains("Delete rule SDR_SupportQue7x") })
        let next = state.workspace.rules[position + 1].id
        state = Fixtures.press([.char("y")], on: state).0
        #expect(state.catalog.rule(id: "SDR_SupportQue7x") == nil)
        #expect(state.rules.selectedID == next)
        #expect(state.edits.mark(Self.support) == .deleted)
        #expect(Fixtures.screen(state)[0].contains("1 unsaved change (1 deleted)"))
        state = Fixtures.press([.char("u")], on: state).0
        #expect(state.workspace.rules[position].id == "SDR_SupportQue7x")
        #expect(state.rules.selectedID == "SDR_SupportQue7x")
        #expect(!state.edits.isDirty)
    }

    @Test("deleting a trunk warns about the rules that name it; n keeps it")
    func deleteTrunkWarns() {
        var state = Fixtures.state()
        #expect(state.trunks.selectedID == "ST_FrntDsk7Qa2b")
        state = Fixtures.press([.delete], on: state).0
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.message.contains("name it in trunk_ids"))
        #expect(question.message.contains("SDR_FrontDesk2Ab"))
        state = Fixtures.press([.char("n")], on: state).0
        #expect(state.catalog.trunk(id: "ST_FrntDsk7Qa2b") != nil)
        #expect(!state.edits.isDirty)
    }

    @Test("revert asks, puts every item back as saved, and can itself be undone")
    func revert() {
        var state = Self.onRule("SDR_SupportQue7x")
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Changed", in: state)), &state)
        var rule = DispatchRule()
        rule.name = "Added"
        App.commit(.rule(rule), &state)
        state = Fixtures.press([.delete, .char("y")], on: Self.onRule("SDR_BoardRoom987", state)).0
        let count = state.workspace.rules.count
        #expect(state.edits.changeCount == 3)
        state = Fixtures.press([.char("U")], on: state).0
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.message.contains("3 unsaved changes"))
        state = Fixtures.press([.char("y")], on: state).0
        #expect(!state.edits.isDirty)
        #expect(state.workspace.rules.map(\.id) == Fixtures.catalog.workspace.rules.map(\.id))
        #expect(state.workspace.rules == Fixtures.catalog.workspace.rules)
        state = Fixtures.press([.char("u")], on: state).0
        #expect(state.edits.changeCount == 3)
        #expect(state.workspace.rules.count == count)
    }

    @Test("--read-only refuses every change with a toast")
    func readOnly() {
        var state = Fixtures.state()
        state.options.readOnly = true
        let before = state.workspace
        for keys: [Key] in [[.delete], [.char("u")], [.ctrl("r")], [.ctrl("s")], [.char("U")]] {
            let (after, effects) = Fixtures.press(keys, on: state)
            #expect(after.workspace == before)
            #expect(effects.isEmpty)
            #expect(after.overlay == .none)
            #expect(Self.toast(after) == "read-only: started with --read-only")
        }
        App.commit(.rule(Self.renamed("SDR_SupportQue7x", "Nope", in: state)), &state)
        #expect(state.workspace == before)
        #expect(!state.edits.isDirty)
    }
}
