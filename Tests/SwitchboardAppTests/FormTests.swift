import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The edit form (`e`, `n`, `d`): what it produces, how it validates as the user types, how
/// it refuses to apply, and how it guards unsaved changes.
@Suite("Edit form")
struct FormTests {
    /// The rules tab with `id` selected.
    static func onRule(_ id: String, _ state: AppState = Fixtures.state()) -> AppState {
        var (state, _) = Fixtures.press([.char("2")], on: state)
        for _ in 0..<state.workspace.rules.count where state.rules.selectedID != id {
            state = Fixtures.press([.char("j")], on: state).0
        }
        #expect(state.rules.selectedID == id)
        return state
    }

    static func onTrunk(_ id: String, _ state: AppState = Fixtures.state()) -> AppState {
        var (state, _) = Fixtures.press([.char("1")], on: state)
        for _ in 0..<state.workspace.trunks.count where state.trunks.selectedID != id {
            state = Fixtures.press([.char("j")], on: state).0
        }
        #expect(state.trunks.selectedID == id)
        return state
    }

    /// Tabs to the first row of `field` (bounded: the form has fewer rows than this).
    static func focus(_ field: FormField, _ state: AppState, entry: Int? = nil) -> AppState {
        var state = state
        for _ in 0..<80 {
            guard let focus = state.form?.focus else { break }
            if focus.field == field, entry == nil || focus.entry == entry { return state }
            state = Fixtures.press([.tab], on: state).0
        }
        Issue.record("no row for \(field)")
        return state
    }

    static func press(_ keys: [Key], _ state: AppState) -> AppState { Fixtures.press(keys, on: state).0 }

    static func rule(_ state: AppState) -> DispatchRule? {
        if case .rule(let rule)? = state.form?.draft { return rule }
        return nil
    }

    static func screenText(_ state: AppState) -> String { Fixtures.screen(state).joined(separator: "\n") }

    // MARK: Opening

    @Test("e opens the selected rule; a dynamic rule's form leads with URL and method")
    func openDynamic() {
        let state = Self.press([.char("e")], Self.onRule("SDR_DynRouter8Hk"))
        #expect(state.screen == .form)
        #expect(state.keyContext == .form)
        #expect(state.form?.draft == .rule(Fixtures.catalog.rule(id: "SDR_DynRouter8Hk")!))
        #expect(state.form?.draft.fields.prefix(2) == [.url, .method])
        #expect(state.form?.focus == FormRowID(.url))
        #expect(state.form?.isDirty == false)
        let text = Self.screenText(state)
        #expect(text.contains("Edit rule SDR_DynRouter8Hk"))
        #expect(text.contains("http://127.0.0.1:8089/dispatch"))
    }

    @Test("on the project tab, e, n and d explain where editing happens")
    func projectTab() {
        for key in ["e", "n", "d"] {
            let state = Self.press([.char("3"), .char(Character(key))], Fixtures.state())
            #expect(state.screen == .browse)
            #expect(state.form == nil)
            #expect(state.toast?.toast.message.contains("Trunks (1) or Rules (2)") == true)
        }
    }

    @Test("--read-only: e, n and d change nothing and say so")
    func readOnly() {
        var initial = Fixtures.state()
        initial.options.readOnly = true
        for key in ["e", "n", "d"] {
            let state = Self.press([.char(Character(key))], Self.onRule("SDR_FrontDesk2Ab", initial))
            #expect(state.screen == .browse)
            #expect(state.form == nil)
            #expect(state.toast?.toast.message.contains("Read-only") == true)
            #expect(state.workspace == Fixtures.catalog.workspace)
        }
    }

    @Test("n opens a new item of the current tab with a fresh ID; d copies the selection under a new ID")
    func newAndDuplicate() {
        let newRule = Self.press([.char("n")], Self.onRule("SDR_FrontDesk2Ab"))
        let ruleID = newRule.form?.draft.id ?? ""
        #expect(newRule.form?.mode == .new)
        #expect(ruleID.hasPrefix("SDR_") && ruleID.count == 16)
        #expect(Fixtures.catalog.rule(id: ruleID) == nil)
        #expect(Self.screenText(newRule).contains("New rule \(ruleID)"))

        let newTrunk = Self.press([.char("n")], Self.onTrunk("ST_SaLesLn9x4Kp"))
        let trunkID = newTrunk.form?.draft.id ?? ""
        #expect(trunkID.hasPrefix("ST_") && Fixtures.catalog.trunk(id: trunkID) == nil)
        // A trunk with nothing set: LiveKit's security rule is shown right away.
        #expect(newTrunk.form?.errorCount == 1)

        let copy = Self.press([.char("d")], Self.onRule("SDR_SupportQue7x"))
        guard let rule = Self.rule(copy) else {
            Issue.record("no rule draft")
            return
        }
        #expect(copy.form?.mode == .duplicate(of: ItemKey(.rule, "SDR_SupportQue7x")))
        #expect(rule.id != "SDR_SupportQue7x" && rule.id.hasPrefix("SDR_"))
        #expect(rule.name == "Support queue (copy)")
        let original = Fixtures.catalog.rule(id: "SDR_SupportQue7x")!
        #expect(rule.kind == original.kind && rule.trunkIds == original.trunkIds && rule.attributes == original.attributes)
    }

    // MARK: Editing and applying

    @Test("editing the URL and applying changes only the URL when the file is written back")
    func losslessApply() throws {
        var state = Self.press([.char("e")], Self.onRule("SDR_DynRouter8Hk"))
        // ctrl+u clears, then the new URL is typed.
        state = Self.press([.ctrl("u")] + Fixtures.type("https://hooks.example.com/route"), state)
        guard case .rule(let draft)? = state.form?.draft, case .dynamic(let dynamic)? = draft.kind else {
            Issue.record("not a dynamic draft")
            return
        }
        #expect(dynamic.url == "https://hooks.example.com/route")
        #expect(state.form?.isDirty == true)
        #expect(state.form?.draft.change == .rule(draft))
        #expect(Self.screenText(state).contains("Edit rule SDR_DynRouter8Hk ●"))

        state = Self.press([.ctrl("s")], state)
        #expect(state.screen == .browse)
        #expect(state.form == nil)
        let before = JSONWriter.string(WorkspaceWriter.document(forFile: 0, of: Fixtures.catalog.workspace))
        let after = JSONWriter.string(WorkspaceWriter.document(forFile: 0, of: state.workspace))
        #expect(after == before.replacingAll("http://127.0.0.1:8089/dispatch", with: "https://hooks.example.com/route"))
    }

    @Test("a trunk's fields: lists, maps and durations parse as typed; unknown keys survive")
    func trunkFields() {
        var state = Self.press([.char("e")], Self.onTrunk("ST_TokyoWide9Jp"))
        // Add a number on the numbers' add row.
        state = Self.focus(.numbers, state, entry: 1)
        state = Self.press(Fixtures.type("+81355550101"), state)
        // A header map entry without "=" is an error until it has one.
        state = Self.focus(.headersToAttributes, state)
        state = Self.press(Fixtures.type("X-Tenant"), state)
        #expect(state.form?.issues.contains { $0.field == .headersToAttributes && $0.message == "expected key=value" } == true)
        state = Self.press(Fixtures.type("=tenant.id"), state)
        state = Self.focus(.ringingTimeout, state)
        state = Self.press(Fixtures.type("20x"), state)
        #expect(state.form?.issues.contains { $0.field == .ringingTimeout && $0.severity == .error } == true)
        state = Self.press([.backspace] + Fixtures.type("s"), state)
        #expect(state.form?.errorCount == 0)
        guard case .trunk(let trunk)? = state.form?.draft else {
            Issue.record("no trunk draft")
            return
        }
        #expect(trunk.numbers == ["+81355550100", "+81355550101"])
        #expect(trunk.headersToAttributes == ["X-Tenant": "tenant.id"])
        #expect(trunk.ringingTimeout == ProtoDuration(parsing: "20s"))
        let object = trunk.encode()
        #expect(object["futureTrunkField"] != nil)
    }

    @Test("the password is masked unless revealed with ctrl+r")
    func passwordMasked() {
        var state = Self.press([.char("e")], Self.onTrunk("ST_PartnrPbx5W6"))
        #expect(!Self.screenText(state).contains("s3cret-partner-pass"))
        #expect(Self.screenText(state).contains("•••"))
        state = Self.press([.ctrl("r")], state)
        #expect(Self.screenText(state).contains("s3cret-partner-pass"))
    }

    @Test("switching the rule type keeps the common fields and brings each type's values back")
    func typeSwitch() {
        var state = Self.press([.char("e")], Self.onRule("SDR_ConfBridge42"))
        let original = Fixtures.catalog.rule(id: "SDR_ConfBridge42")!
        state = Self.focus(.ruleType, state)
        // ← from direct wraps to dynamic.
        state = Self.press([.left], state)
        guard case .dynamic? = Self.rule(state)?.kind else {
            Issue.record("expected a dynamic rule")
            return
        }
        #expect(state.form?.draft.fields.prefix(2) == [.url, .method])
        #expect(state.form?.issues.contains { $0.field == .url && $0.message.contains("cannot be empty") } == true)
        state = Self.focus(.url, state)
        state = Self.press(Fixtures.type("https://example.com/hook"), state)
        // Back to direct with the picker: the room and the PIN come back.
        state = Self.focus(.ruleType, state)
        state = Self.press([.enter], state)
        #expect(state.form?.picker?.values == ["direct", "individual", "callee", "dynamic"])
        state = Self.press([.home, .enter], state)
        #expect(Self.rule(state)?.kind == original.kind)
        #expect(Self.rule(state)?.name == original.name)
        // The PIN is common: a new individual rule keeps it; the dynamic URL typed before stays.
        state = Self.press([.right], state)
        #expect(Self.rule(state)?.kind?.pin == "4321")
        state = Self.press([.right, .right], state)
        #expect(Self.rule(state)?.kind == .dynamic(DynamicRule(url: "https://example.com/hook", method: "POST")))
        state = Self.press([.right], state)
        #expect(Self.rule(state)?.kind == original.kind)
        #expect(state.form?.isDirty == false)
    }

    @Test("a dynamic URL is checked as it is typed: errors, and http:// as a warning")
    func dynamicURLAsYouType() {
        var state = Self.press([.char("e")], Self.onRule("SDR_DynGetRtr3Qz"))
        #expect(state.form?.focus == FormRowID(.url))
        #expect(state.form?.errorCount == 0)
        #expect(state.form?.issues.contains { $0.field == .url && $0.severity == .warning && $0.message.contains("https://") } == true)
        state = Self.press([.ctrl("u")], state)
        #expect(state.form?.errorCount == 1)
        #expect(Self.screenText(state).contains("· 1 error"))
        state = Self.press(Fixtures.type("ftp://x"), state)
        #expect(state.form?.issues.first { $0.field == .url }?.message.contains("must start with http:// or https://") == true)
        state = Self.press([.ctrl("u")] + Fixtures.type("https://"), state)
        #expect(state.form?.issues.first { $0.field == .url }?.message == "dynamic dispatch rule URL must name a host")
        state = Self.press(Fixtures.type("hooks.example.com/a b"), state)
        #expect(state.form?.issues.first { $0.field == .url }?.message.contains("spaces") == true)
        state = Self.press([.backspace, .backspace], state)
        #expect(state.form?.issues.isEmpty == true)
        #expect(!Self.screenText(state).contains("error"))
    }

    @Test("applying with errors is refused, naming the first error, and the focus jumps to it")
    func applyRefusedWithErrors() {
        var state = Self.press([.char("e")], Self.onRule("SDR_DynRouter8Hk"))
        state = Self.press([.ctrl("u")], state)
        state = Self.focus(.name, state)
        state = Self.press([.ctrl("s")], state)
        #expect(state.screen == .form)
        #expect(state.form?.focus == FormRowID(.url))
        #expect(state.toast?.toast.kind == .error)
        #expect(state.toast?.toast.message == "Not applied, 1 error. URL: dynamic dispatch rule URL cannot be empty")
        #expect(state.workspace == Fixtures.catalog.workspace)
    }

    @Test("a conflict with another rule refuses the apply, names the rule, and ctrl+g opens it")
    func conflictOnApply() {
        var state = Self.press([.char("d")], Self.onRule("SDR_ConfBridge42"))
        let copyID = state.form?.draft.id ?? ""
        state = Self.press([.ctrl("s")], state)
        #expect(state.screen == .form)
        #expect(state.form?.conflict?.other == ItemKey(.rule, "SDR_ConfBridge42"))
        #expect(state.toast?.toast.message.contains("rule SDR_ConfBridge42 \"Conference bridge\"") == true)
        #expect(Self.screenText(state).contains("Conflicts with rule SDR_ConfBridge42"))
        #expect(state.workspace.rule(id: copyID) == nil)

        state = Self.press([.ctrl("g")], state)
        #expect(state.form?.draft.id == "SDR_ConfBridge42")
        #expect(state.form?.mode == .edit)
        #expect(state.form?.parents.count == 1)
        // Esc (nothing changed here) returns to the copy, as it was.
        state = Self.press([.escape], state)
        #expect(state.form?.draft.id == copyID)
        #expect(state.form?.parents.isEmpty == true)

        // A different PIN resolves it; the copy is added after the original.
        state = Self.focus(.pin, state)
        state = Self.press([.ctrl("u")] + Fixtures.type("5555"), state)
        #expect(state.form?.conflict == nil)
        state = Self.press([.ctrl("s")], state)
        #expect(state.screen == .browse)
        #expect(state.workspace.rule(id: copyID)?.name == "Conference bridge (copy)")
        #expect(state.rules.selectedID == copyID)
        let ids = state.workspace.rules.map(\.id)
        #expect(ids.firstIndex(of: copyID) == ids.firstIndex(of: "SDR_ConfBridge42").map { $0 + 1 })
        #expect(state.workspace.isNew(copyID))
    }

    @Test("Esc on a changed form asks: keep editing, discard, or apply")
    func dirtyGuard() {
        var state = Self.press([.char("e")], Self.onRule("SDR_FrontDesk2Ab"))
        state = Self.focus(.name, state)
        state = Self.press(Fixtures.type(" 2"), state)
        state = Self.press([.escape], state)
        guard case .confirm(let question) = state.overlay else {
            Issue.record("no confirmation")
            return
        }
        #expect(question.message.contains("rule SDR_FrontDesk2Ab \"Front desk 2\""))
        #expect(question.choices.map(\.intent) == [.applyFormAndLeave, .leaveFormDiscarding, .cancel])
        #expect(question.choices[question.focused].intent == .cancel)

        let kept = Self.press([.char("k")], state)
        #expect(kept.screen == .form && kept.overlay == .none && kept.form?.isDirty == true)

        let discarded = Self.press([.char("d")], state)
        #expect(discarded.screen == .browse && discarded.form == nil)
        #expect(discarded.workspace == Fixtures.catalog.workspace)

        let applied = Self.press([.char("a")], state)
        #expect(applied.screen == .browse && applied.form == nil)
        #expect(applied.workspace.rule(id: "SDR_FrontDesk2Ab")?.name == "Front desk 2")
    }

    @Test("Esc on an unchanged form leaves at once; ctrl+z undoes the last change in the form")
    func cleanEscAndUndo() {
        var state = Self.press([.char("e")], Self.onRule("SDR_FrontDesk2Ab"))
        state = Self.focus(.hidePhoneNumber, state)
        state = Self.press([.char(" ")], state)
        #expect(Self.rule(state)?.hidePhoneNumber == true)
        state = Self.press([.ctrl("z")], state)
        #expect(state.form?.isDirty == false)
        // ? on a switch (F1 anywhere) opens help over the form; Esc closes it, back in the form.
        state = Self.press([.char("?")], state)
        #expect(state.keyContext == .help)
        state = Self.press([.escape], state)
        #expect(state.keyContext == .form)
        state = Self.press([.escape], state)
        #expect(state.screen == .browse && state.overlay == .none)
    }

    @Test("trunk IDs: enter on the empty add row picks from the loaded trunks")
    func trunkPicker() {
        var state = Self.press([.char("e")], Self.onRule("SDR_FrontDesk2Ab"))
        state = Self.focus(.trunkIds, state, entry: 1)
        state = Self.press([.enter], state)
        #expect(state.form?.picker?.values.contains("ST_FrntDsk7Qa2b") == false)
        #expect(state.form?.picker?.values.first == "ST_SaLesLn9x4Kp")
        state = Self.press([.enter], state)
        #expect(Self.rule(state)?.trunkIds == ["ST_FrntDsk7Qa2b", "ST_SaLesLn9x4Kp"])
        // Clearing an entry and leaving it removes it.
        state = Self.focus(.trunkIds, state, entry: 0)
        state = Self.press([.ctrl("u"), .tab], state)
        #expect(Self.rule(state)?.trunkIds == ["ST_SaLesLn9x4Kp"])
    }

    @Test("duplicating a trunk is refused on apply: LiveKit's trunk conflict names the original")
    func trunkConflict() {
        var state = Self.press([.char("d")], Self.onTrunk("ST_SaLesLn9x4Kp"))
        state = Self.press([.ctrl("s")], state)
        #expect(state.screen == .form)
        #expect(state.form?.conflict?.other == ItemKey(.trunk, "ST_SaLesLn9x4Kp"))
        #expect(state.toast?.toast.message.contains("trunk ST_SaLesLn9x4Kp \"Sales line\"") == true)
    }

    @Test("text from the file is drawn escaped; keys the model does not know are listed as kept")
    func untrustedTextAndUnknownKeys() {
        let state = Self.press([.char("e")], Self.onRule("SDR_EscapeName7q"))
        let text = Self.screenText(state)
        #expect(text.contains("Evil \\x1b[2J name \\u{202e}"))
        #expect(!text.contains("\u{1b}"))
        #expect(text.contains("Kept as they are"))
        #expect(text.contains("futureRuleField"))
    }

    @Test("the method picker shows a valid method in its spelling and an invalid one as written, with an error")
    func methodSpelling() {
        var rule = DispatchRule()
        rule.id = "SDR_method"
        rule.kind = .dynamic(DynamicRule(url: "https://example.com", method: "post"))
        #expect(FormItem.rule(rule).choice(.method) == "POST")
        rule.kind = .dynamic(DynamicRule(url: "https://example.com", method: "PUT"))
        let form = FormState(.rule(rule), mode: .edit, workspace: Fixtures.catalog.workspace)
        #expect(form.draft.choice(.method) == "PUT")
        #expect(form.issues.contains { $0.field == .method && $0.severity == .error && $0.message == "method must be GET or POST" })
    }

    @Test("a click focuses the field under the pointer")
    func clickFocuses() {
        var state = Self.press([.char("e")], Self.onRule("SDR_FrontDesk2Ab"))
        let rows = Fixtures.screen(state)
        guard let y = rows.firstIndex(where: { $0.contains("Hide phone number") }) else {
            Issue.record("no Hide phone number row")
            return
        }
        state = Self.press([.mouse(MouseEvent(action: .press(.left), column: 10, row: y))], state)
        #expect(state.form?.focus == FormRowID(.hidePhoneNumber))
        #expect(state.rules.selectedID == "SDR_FrontDesk2Ab")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
