import SwitchboardCore

extension App {
    /// The toast every refused change shows under `--read-only`.
    static let readOnlyMessage = "read-only: started with --read-only"

    /// Applies a change to the workspace: the catalog, the lists, the undo stack, dirty markers.
    ///
    /// A new item goes to the project file, or, without one, to the first list file of its
    /// kind; with `placeAfter` (a duplicate) it goes right after that item, in its file. A new
    /// item with an empty ID gets a generated one, and a new item's ID is never written (LiveKit
    /// assigns the real one on create). The changed item becomes the selection.
    @discardableResult
    public static func commit(_ change: ItemChange, _ state: inout AppState, placeAfter: ItemKey? = nil) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        // No local copy of the catalog lives across `record`: it would make the edit copy
        // every rule instead of changing the state's in place.
        switch change {
        case .trunk(var trunk):
            if trunk.id.isEmpty { trunk.id = uniqueID(.trunk, state) }
            return commitItem(.trunk(trunk), key: ItemKey(.trunk, trunk.id), placeAfter: placeAfter, &state)
        case .rule(var rule):
            if rule.id.isEmpty { rule.id = uniqueID(.rule, state) }
            return commitItem(.rule(rule), key: ItemKey(.rule, rule.id), placeAfter: placeAfter, &state)
        case .delete(let key):
            guard let before = state.catalog.record(of: key) else {
                state.showToast("No \(key.kind.word) \(key.id) to delete", kind: .warning)
                return []
            }
            // The neighbour in the list as the user sees it: the next row, or the one above.
            let list = key.kind == .trunk ? state.trunks : state.rules
            var neighbour: String?
            if let index = list.visible.firstIndex(of: before.position) {
                let next = index + 1 < list.visible.count ? index + 1 : index - 1
                if next >= 0 { neighbour = state.catalog.id(of: key.kind, at: list.visible[next]) }
            }
            let edit = Edit(steps: [Edit.Step(key: key, before: before, after: nil)], summary: "delete \(describe(before))")
            record(edit, &state)
            if let neighbour { select(ItemKey(key.kind, neighbour), &state) }
            state.showToast("Deleted \(describe(before)); u undoes")
            return []
        }
    }

    private static func commitItem(_ item: ItemRecord.Item, key: ItemKey, placeAfter: ItemKey?, _ state: inout AppState) -> [Effect] {
        let before = state.catalog.record(of: key)
        var after: ItemRecord
        if var existing = before {
            existing.item = item
            after = existing
        } else {
            after = newRecord(item, key: key, placeAfter: placeAfter, state.catalog)
        }
        if let before, before.item == after.item {
            state.showToast("No changes to \(describe(before))")
            select(key, &state)
            return []
        }
        let verb = before == nil ? "add" : "edit"
        record(Edit(steps: [Edit.Step(key: key, before: before, after: after)], summary: "\(verb) \(describe(after))"), &state)
        select(key, &state)
        let visible = (key.kind == .trunk ? state.trunks : state.rules).selectedID == key.id
        var message = before == nil ? "Added \(describe(after))" : "Changed \(describe(after))"
        if !visible { message += " (hidden by the filter)" }
        if after.origin == nil, state.workspace.projectFileIndex == nil {
            state.showToast(message + "; no input file holds \(key.kind.word)s, so save cannot write it (export can)", kind: .warning)
        } else {
            state.showToast(message + "; ctrl+s saves")
        }
        return []
    }

    /// Where a new item goes: after `placeAfter` in its file, or at the end, in the project
    /// file or the first list file of its kind.
    private static func newRecord(_ item: ItemRecord.Item, key: ItemKey, placeAfter: ItemKey?, _ catalog: WorkspaceCatalog) -> ItemRecord {
        let workspace = catalog.workspace
        if let placeAfter, placeAfter.kind == key.kind, let neighbour = catalog.record(of: placeAfter) {
            return ItemRecord(item: item, position: neighbour.position + 1, origin: neighbour.origin, hasGeneratedID: true)
        }
        let wanted: FileShape = key.kind == .trunk ? .trunkList : .ruleList
        let origin = workspace.projectFileIndex ?? workspace.files.firstIndex(where: { $0.shape == wanted })
        return ItemRecord(item: item, position: catalog.count(of: key.kind), origin: origin, hasGeneratedID: true)
    }

    /// A fresh LiveKit-style ID, derived from the session (update has no randomness of its own).
    private static func uniqueID(_ kind: ItemKind, _ state: AppState) -> String {
        var generator = SeededGenerator(seed: UInt64(state.edits.generation &+ 1) &* 0x9E37_79B9 &+ UInt64(state.clock))
        while true {
            let id = kind == .trunk ? GeneratedID.trunk(using: &generator) : GeneratedID.rule(using: &generator)
            if state.catalog.record(of: ItemKey(kind, id)) == nil { return id }
        }
    }

    /// Delete: asks, naming the item; the answer comes back as ``ConfirmIntent/deleteItem(_:)``.
    /// Warns when other items refer to it (rules naming a trunk in `trunk_ids`).
    static func requestDelete(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        guard let key = state.selectedItem, let record = state.catalog.record(of: key) else {
            state.showToast("Nothing selected to delete")
            return []
        }
        var message = "Delete \(describe(record))?"
        if key.kind == .trunk {
            let listing = state.catalog.rulesReceiving(trunkID: key.id).listing
            if !listing.isEmpty {
                let names = listing.prefix(3).map { state.catalog.id(of: .rule, at: $0) }.joined(separator: ", ")
                let more = listing.count > 3 ? " and \(listing.count - 3) more" : ""
                let rules = listing.count == 1 ? "1 rule names" : "\(listing.count) rules name"
                message += " \(rules) it in trunk_ids (\(names)\(more)) and will refer to a missing trunk."
            }
        }
        message += " Undo (u) brings it back until you quit."
        confirm(.yesNo(title: "Delete \(key.kind.word)", message: message, yes: "Delete", intent: .deleteItem(key)), &state)
        return []
    }

    static func deleteItem(_ key: ItemKey, _ state: inout AppState) -> [Effect] {
        commit(.delete(key), &state)
    }

    static func undo(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        guard let edit = state.edits.undoStack.popLast() else {
            state.showToast("Nothing to undo")
            return []
        }
        let reversed = Edit(
            steps: edit.steps.reversed().map { Edit.Step(key: $0.key, before: $0.after, after: $0.before) }, summary: edit.summary)
        apply(reversed, &state)
        state.edits.redoStack.append(edit)
        state.showToast("Undid: \(edit.summary)")
        return []
    }

    static func redo(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        guard let edit = state.edits.redoStack.popLast() else {
            state.showToast("Nothing to redo")
            return []
        }
        apply(edit, &state)
        state.edits.undoStack.append(edit)
        state.showToast("Redid: \(edit.summary)")
        return []
    }

    /// `U` or the palette: asks before throwing every unsaved edit away.
    static func requestRevert(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        guard state.edits.isDirty else {
            state.showToast("Nothing to revert: no unsaved changes")
            return []
        }
        let count = state.edits.changeCount
        confirm(
            .yesNo(
                title: "Revert to saved",
                message:
                    "Throw away \(count) unsaved change\(count == 1 ? "" : "s") and go back to what the files hold? u undoes the revert.",
                yes: "Revert", intent: .revertToSaved), &state)
        return []
    }

    /// Puts every changed item back as the files hold it: one step, so `u` brings the edits back.
    static func revertToSaved(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        let catalog = state.catalog
        // Deletions first would shift positions under later restores; go by saved position.
        let keys = state.edits.marks.keys.sorted { lhs, rhs in
            let l = state.edits.baseline[lhs].flatMap { $0 }?.position ?? Int.max
            let r = state.edits.baseline[rhs].flatMap { $0 }?.position ?? Int.max
            return (lhs.kind == .trunk ? 0 : 1, l, lhs.id) < (rhs.kind == .trunk ? 0 : 1, r, rhs.id)
        }
        // Remove added items first (from the end), then put saved records back in order.
        // Last first, so each recorded position is right when undo puts them back in reverse.
        var steps: [Edit.Step] = keys.filter { state.edits.baseline[$0].flatMap({ $0 }) == nil }
            .compactMap { key in catalog.record(of: key).map { Edit.Step(key: key, before: $0, after: nil) } }
            .sorted {
                ($0.key.kind == .trunk ? 0 : 1, -($0.before?.position ?? 0)) < ($1.key.kind == .trunk ? 0 : 1, -($1.before?.position ?? 0))
            }
        let working = steps.isEmpty ? catalog : catalog.applying(steps.map { ($0.key, $0.after) })
        for key in keys {
            guard let saved = state.edits.baseline[key].flatMap({ $0 }) else { continue }
            steps.append(Edit.Step(key: key, before: working.record(of: key), after: saved))
        }
        guard !steps.isEmpty else { return [] }
        let count = state.edits.changeCount
        record(Edit(steps: steps, summary: "revert \(count) change\(count == 1 ? "" : "s") to saved"), &state)
        state.showToast("Reverted \(count) change\(count == 1 ? "" : "s") to the saved files; u undoes")
        return []
    }

    // MARK: Applying

    /// Applies a new change and records it for undo (a new change ends the redo history).
    static func record(_ edit: Edit, _ state: inout AppState) {
        apply(edit, &state)
        state.edits.undoStack.append(edit)
        state.edits.redoStack.removeAll()
    }

    /// Applies each step's `after`, updates the dirty marks and keeps the selection by ID (the
    /// last item the edit touched and that still exists becomes selected, on its tab).
    static func apply(_ edit: Edit, _ state: inout AppState) {
        for step in edit.steps where state.edits.baseline.index(forKey: step.key) == nil {
            state.edits.baseline[step.key] = .some(step.before)
        }
        state.applyToCatalog(edit.steps.map { ($0.key, $0.after) })
        for key in Set(edit.steps.map(\.key)) { updateMark(key, &state) }
        state.edits.generation += 1
        if let shown = edit.steps.last(where: { $0.after != nil })?.key {
            select(shown, &state)
        }
    }

    /// Compares the item with what the files hold for it.
    static func updateMark(_ key: ItemKey, _ state: inout AppState) {
        guard let saved = state.edits.baseline[key] else {
            state.edits.marks[key] = nil
            return
        }
        let current = state.catalog.record(of: key)
        switch (saved, current) {
        case (nil, nil): state.edits.marks[key] = nil
        case (nil, .some): state.edits.marks[key] = .added
        case (.some, nil): state.edits.marks[key] = .deleted
        case (.some(let saved), .some(let current)):
            state.edits.marks[key] = saved.sameContent(as: current) ? nil : .modified
        }
        if state.edits.marks[key] == nil { state.edits.baseline[key] = nil }
    }

    /// Shows the item's tab and selects it there.
    static func select(_ key: ItemKey, _ state: inout AppState) {
        let tab: Tab = key.kind == .trunk ? .trunks : .rules
        if state.screen == .browse, state.tab != tab { switchTab(&state, to: tab) }
        let rows = state.layout.listRows
        let catalog = state.catalog
        let before = state.currentList?.selectedID
        if key.kind == .trunk {
            state.trunks.select(id: key.id, viewHeight: rows, catalog: catalog)
        } else {
            state.rules.select(id: key.id, viewHeight: rows, catalog: catalog)
        }
        if state.currentList?.selectedID != before { selectionChanged(&state) }
    }

    /// `rule SDR_7mNb "Support queue"`.
    static func describe(_ record: ItemRecord) -> String {
        let name = record.name.isEmpty ? "" : " \"\(record.name)\""
        return "\(record.key.kind.word) \(record.key.id)\(name)"
    }

    /// Every change asks this first: under `--read-only` nothing changes, and a toast says why.
    static func allowsChanges(_ state: inout AppState) -> Bool {
        guard state.options.readOnly else { return true }
        state.showToast(readOnlyMessage, kind: .warning)
        return false
    }
}

extension ItemKind {
    /// `trunk` or `rule`, for messages.
    var word: String { self == .trunk ? "trunk" : "rule" }
}
