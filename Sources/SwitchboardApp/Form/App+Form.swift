import SwitchboardCore
import TerminalKit

extension App {
    /// How a form starts.
    enum FormStart {
        /// `e`: the selected item.
        case edit
        /// `n`: a new item of the current tab.
        case new
        /// `d`: a copy of the selected item, with a new ID.
        case duplicate
    }

    /// `e`, `n`, `d` in browse: opens the form for the selected item, a new one or a copy.
    static func openForm(_ start: FormStart, _ state: inout AppState) -> [Effect] {
        let verb: String
        switch start {
        case .edit: verb = "edit"
        case .new: verb = "add"
        case .duplicate: verb = "duplicate"
        }
        if state.options.readOnly {
            state.showToast("Read-only (--read-only): nothing can \(verb == "add" ? "be added" : "be changed")", kind: .warning)
            return []
        }
        let kind: ItemKind
        switch state.tab {
        case .project:
            state.showToast("Switch to Trunks (1) or Rules (2) to \(verb): e edits, n adds, d duplicates the selected item")
            return []
        case .trunks: kind = .trunk
        case .rules: kind = .rule
        }
        let selected: FormItem? =
            kind == .trunk ? state.selectedTrunk.map(FormItem.trunk) : state.selectedRule.map(FormItem.rule)
        let item: FormItem
        let mode: FormState.Mode
        switch start {
        case .edit:
            guard let selected else {
                state.showToast("No \(kind.formWord) selected to edit; n adds a new one")
                return []
            }
            item = selected
            mode = .edit
        case .new:
            item = newItem(kind, id: freshID(kind, state))
            mode = .new
        case .duplicate:
            guard let selected else {
                state.showToast("No \(kind.formWord) selected to duplicate")
                return []
            }
            item = duplicate(selected, id: freshID(kind, state))
            mode = .duplicate(of: selected.key)
        }
        state.form = FormState(item, mode: mode, workspace: state.workspace)
        state.screen = .form
        state.overlay = .none
        return []
    }

    /// A new item's defaults: a trunk with nothing set (its checks say what LiveKit needs), a
    /// direct rule for every trunk.
    static func newItem(_ kind: ItemKind, id: String) -> FormItem {
        switch kind {
        case .trunk:
            var trunk = Trunk()
            trunk.id = id
            return .trunk(trunk)
        case .rule:
            var rule = DispatchRule()
            rule.id = id
            rule.kind = .direct(DirectRule(roomName: ""))
            return .rule(rule)
        }
    }

    /// A copy of `item` under a new ID and a name ending in " (copy)". The copy is read back
    /// from the original's JSON without the keys LiveKit assigns (ID, timestamps), so it keeps
    /// every other field and unknown key with the original's spelling.
    static func duplicate(_ item: FormItem, id: String) -> FormItem {
        switch item {
        case .trunk(let trunk):
            let object = JSONObject(trunk.encode().members.filter { !Trunk.serverAssignedKeys.contains($0.key) })
            var copy = (try? Trunk.decode(object, path: .root)) ?? trunk
            copy.id = id
            copy.createdAt = ""
            copy.updatedAt = ""
            copy.name = trunk.name + " (copy)"
            return .trunk(copy)
        case .rule(let rule):
            let object = JSONObject(rule.encode().members.filter { !DispatchRule.serverAssignedKeys.contains($0.key) })
            var copy = (try? DispatchRule.decode(object, path: .root)) ?? rule
            copy.id = id
            copy.createdAt = ""
            copy.updatedAt = ""
            copy.name = rule.name + " (copy)"
            return .rule(copy)
        }
    }

    /// A LiveKit-style ID no item has. `update` has no randomness of its own, so the generator
    /// is seeded from the session (clock and sizes); a collision just draws again.
    static func freshID(_ kind: ItemKind, _ state: AppState) -> String {
        let seed =
            UInt64(truncatingIfNeeded: state.clock) &* 0x9E37_79B9_7F4A_7C15
            &+ UInt64(state.workspace.trunks.count) &* 31 &+ UInt64(state.workspace.rules.count) &+ 0x5B
        var generator = SeededGenerator(seed: seed)
        while true {
            let id = kind == .trunk ? GeneratedID.trunk(using: &generator) : GeneratedID.rule(using: &generator)
            let taken = kind == .trunk ? state.catalog.trunk(id: id) != nil : state.catalog.rule(id: id) != nil
            if !taken { return id }
        }
    }

    // MARK: Keys

    static func handleFormKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard var form = state.form else {
            state.screen = .browse
            return []
        }
        if form.picker != nil {
            handlePickerKey(&form, key)
            state.form = form
            FormView.ensureFocusVisible(&state)
            return []
        }
        let input = form.focus.field.input
        switch key {
        case .escape:
            state.form = form
            return requestLeaveForm(&state)
        case .ctrl("s"):
            state.form = form
            return applyForm(&state)
        case .ctrl("g"):
            state.form = form
            return openConflictingItem(&state)
        case .ctrl("z"):
            if !form.undo() { state.showToast("Nothing to undo in this form") }
        case .ctrl("r"):
            form.reveal.toggle()
        case .char("r") where !form.focus.field.isTextual:
            form.reveal.toggle()
        case .function(1),
            .char("?") where !form.focus.field.isTextual:
            // Letters type into text fields, so help is F1 there (and ? elsewhere).
            state.form = form
            state.overlay = .help(HelpState())
            return []
        case .tab, .down:
            form.moveFocus(by: 1)
        case .backTab, .up:
            form.moveFocus(by: -1)
        case .pageDown:
            form.moveFocus(by: max(1, state.layout.body.height / 2))
        case .pageUp:
            form.moveFocus(by: -max(1, state.layout.body.height / 2))
        case .enter:
            switch input {
            case .toggle: form.toggle()
            case .choice: openPicker(&form)
            case .list where form.focus.field == .trunkIds && form.editor.text.isEmpty:
                openTrunkPicker(&form, state)
            default: form.moveFocus(by: 1)
            }
        case .char(" ") where input == .toggle:
            form.toggle()
        case .char(" ") where input == .choice, .right where input == .choice:
            form.cycleChoice(by: 1)
        case .left where input == .choice:
            form.cycleChoice(by: -1)
        default:
            _ = form.editText(key)
        }
        state.form = form
        FormView.ensureFocusVisible(&state)
        return []
    }

    static func handlePickerKey(_ form: inout FormState, _ key: Key) {
        guard var picker = form.picker else { return }
        let count = picker.values.count
        switch key {
        case .escape:
            form.picker = nil
            return
        case .up, .backTab, .char("k"):
            picker.selected = (picker.selected + count - 1) % max(1, count)
        case .down, .tab, .char("j"):
            picker.selected = (picker.selected + 1) % max(1, count)
        case .home:
            picker.selected = 0
        case .end:
            picker.selected = max(0, count - 1)
        case .enter, .char(" "):
            form.picker = nil
            guard picker.values.indices.contains(picker.selected) else { return }
            let value = picker.values[picker.selected]
            if picker.row.field.input == .list {
                form.addEntry(value, to: picker.row.field)
            } else {
                form.choose(value, for: picker.row.field)
            }
            return
        default:
            return
        }
        form.picker = picker
    }

    static func openPicker(_ form: inout FormState) {
        let field = form.focus.field
        let choices = form.draft.choices(field)
        guard !choices.isEmpty else { return }
        form.picker = FormPicker(
            row: form.focus, labels: choices, values: choices, selected: choices.firstIndex(of: form.draft.choice(field)) ?? 0)
    }

    /// Enter on the empty add row of a rule's trunk IDs: the loaded trunks it does not list yet.
    static func openTrunkPicker(_ form: inout FormState, _ state: AppState) {
        let listed = Set(form.entryTexts(.trunkIds).map(\.trimmedForForm))
        let trunks = state.workspace.trunks.filter { !listed.contains($0.id) }
        guard !trunks.isEmpty else {
            form.moveFocus(by: 1)
            return
        }
        form.picker = FormPicker(
            row: form.focus, labels: trunks.map { $0.name.isEmpty ? $0.id : "\($0.id)  \($0.name)" }, values: trunks.map(\.id),
            selected: 0)
    }

    // MARK: Applying and leaving

    /// ctrl+s in the form: refuses a draft with errors (the focus jumps to the first) or one
    /// LiveKit would refuse for a conflict (naming the other item, ctrl+g opens it); otherwise
    /// hands the change to the edit session, leaves the form and saves the project file.
    static func applyForm(_ state: inout AppState) -> [Effect] {
        guard var form = state.form else { return [] }
        let issues = form.issues.filter { $0.severity == .error }
        if let first = issues.first {
            if let row = form.firstErrorRow { form.setFocus(row) }
            let shown = issues.first(where: { $0.field == form.focus.field }) ?? first
            let where_ = shown.field.map { "\($0.label): " } ?? ""
            let count = issues.count == 1 ? "1 error" : "\(issues.count) errors"
            state.form = form
            FormView.ensureFocusVisible(&state)
            state.showToast("Not applied, \(count). \(where_)\(shown.message)", kind: .error)
            return []
        }
        if let conflict = conflict(of: form.draft, in: state.catalog) {
            form.conflict = conflict
            state.form = form
            state.showToast(
                "Not applied: LiveKit would refuse it; it conflicts with \(describe(conflict)). ctrl+g opens it", kind: .error)
            return []
        }
        if !form.isDirty, form.mode == .edit {
            leaveForm(&state)
            state.showToast("No changes to apply")
            return []
        }
        // A copy goes right after its original, in the original's file.
        var placeAfter: ItemKey?
        if case .duplicate(let original) = form.mode { placeAfter = original }
        let change = form.draft.change
        leaveForm(&state)
        var effects = commit(change, &state, placeAfter: placeAfter)
        if var parent = state.form {
            parent.refresh(workspace: state.workspace)
            state.form = parent
        } else if !effects.isEmpty || state.edits.isDirty {
            // One ctrl+s both applies and saves, as users expect from an editor; the file is
            // written atomically and undo still brings the old item back.
            effects += save(&state)
        }
        return effects
    }

    /// The first item LiveKit would name when creating or updating the draft.
    static func conflict(of item: FormItem, in catalog: WorkspaceCatalog) -> FormConflict? {
        let workspace = catalog.workspace
        switch item {
        case .rule(let rule):
            // Only rules sharing a key hash with the draft can conflict with it: with the
            // catalog's findings at hand, the check reads those instead of every rule's keys.
            let among =
                catalog.findings.validation.map { $0.rulesSharingKeys(with: rule).map { workspace.rules[$0] } } ?? workspace.rules
            guard let found = ItemValidation.ruleConflicts(rule, among: among).first else { return nil }
            return FormConflict(other: ItemKey(.rule, found.existing), otherName: found.existingName, message: found.message)
        case .trunk(let trunk):
            guard let found = ItemValidation.trunkConflicts(trunk, among: workspace.trunks).first else { return nil }
            let other = found.first == trunk.id ? found.second : found.first
            return FormConflict(
                other: ItemKey(.trunk, other), otherName: workspace.trunk(id: other)?.name ?? "", message: found.message)
        }
    }

    static func describe(_ conflict: FormConflict) -> String {
        let kind = conflict.other.kind == .trunk ? "trunk" : "rule"
        let name = conflict.otherName.isEmpty ? "" : " \"\(sanitizeForDisplay(conflict.otherName))\""
        return "\(kind) \(conflict.other.id)\(name)"
    }

    /// ctrl+g after a refused apply: opens the conflicting item's form over this one (Esc or
    /// applying it comes back here, with the draft as it was).
    static func openConflictingItem(_ state: inout AppState) -> [Effect] {
        guard let form = state.form else { return [] }
        guard let conflict = form.conflict else {
            state.showToast("No conflict to open: ctrl+s checks the draft against the other items")
            return []
        }
        let item: FormItem? =
            conflict.other.kind == .trunk
            ? state.catalog.trunk(id: conflict.other.id).map(FormItem.trunk)
            : state.catalog.rule(id: conflict.other.id).map(FormItem.rule)
        guard let item else {
            state.showToast("\(describe(conflict)) is no longer in the workspace", kind: .warning)
            return []
        }
        var child = FormState(item, mode: .edit, workspace: state.workspace)
        child.parents = form.parents + [form]
        state.form = child
        state.showToast("Editing \(describe(conflict)); esc returns to your draft of \(form.draft.kindWord) \(form.draft.id)")
        return []
    }

    /// Esc: leaves a clean form; asks first when the draft has changes.
    static func requestLeaveForm(_ state: inout AppState) -> [Effect] {
        guard let form = state.form else { return [] }
        guard form.isDirty else {
            leaveForm(&state)
            return []
        }
        let name = form.draft.name.isEmpty ? "" : " \"\(sanitizeForDisplay(form.draft.name))\""
        let what = form.isNew ? "the new \(form.draft.kindWord) \(form.draft.id)\(name)" : "\(form.draft.kindWord) \(form.draft.id)\(name)"
        confirm(
            Confirmation(
                title: "Unsaved changes in the form",
                message: "Apply your changes to \(what) before leaving?",
                choices: [
                    Confirmation.Choice(key: "a", label: "Apply", intent: .applyFormAndLeave),
                    Confirmation.Choice(key: "d", label: "Discard", intent: .leaveFormDiscarding),
                    Confirmation.Choice(key: "k", label: "Keep editing", intent: .cancel),
                ]), &state)
        return []
    }

    /// Closes the form: back to the form it was opened from, or to the lists.
    static func leaveForm(_ state: inout AppState) {
        guard let form = state.form else {
            state.screen = .browse
            return
        }
        if var parent = form.parents.last {
            parent.parents = Array(form.parents.dropLast())
            parent.refresh(workspace: state.workspace)
            state.form = parent
            state.screen = .form
        } else {
            state.form = nil
            state.screen = .browse
        }
    }

    static func leaveFormDiscarding(_ state: inout AppState) -> [Effect] {
        leaveForm(&state)
        return []
    }

    static func applyFormAndLeave(_ state: inout AppState) -> [Effect] {
        applyForm(&state)
    }
}

extension ItemKind {
    var formWord: String { self == .trunk ? "trunk" : "rule" }
}

extension App {
    /// The mouse on the form: a click focuses the field under it (a click elsewhere closes an
    /// open picker), the wheel moves the focus, so the focused row always stays in view.
    static func handleFormMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        guard var form = state.form else { return [] }
        switch event.action {
        case .scrollUp, .scrollDown:
            form.picker = nil
            form.moveFocus(by: event.action == .scrollUp ? -wheelStep : wheelStep)
        case .press(.left):
            form.picker = nil
            let content = FormView.contentRect(state)
            guard content.contains(column: event.column, row: event.row) else { break }
            let narrow = FormView.areas(state.layout.body).side == nil
            let lines = FormView.lines(form, width: content.width, narrow: narrow, unicode: state.options.unicode)
            let scroll = FormView.effectiveScroll(form.scroll, lines: lines, focus: form.focus, height: content.height)
            let index = scroll + event.row - content.y
            guard lines.indices.contains(index), case .row(let row) = lines[index] else { break }
            form.setFocus(row)
        default:
            return []
        }
        state.form = form
        FormView.ensureFocusVisible(&state)
        return []
    }
}
