import SwitchboardCore
import SwitchboardIO

extension App {
    /// ctrl+s: writes every input file holding a changed item, each atomically and in its own
    /// shape (``WorkspaceWriter/document(forFile:of:names:)``: unchanged items keep their source
    /// spelling and unknown keys; generated IDs are not written).
    ///
    /// Errors do not block the save: the files are the user's, and a half-finished rule is
    /// worth keeping. The toast after the write says how many errors remain, since LiveKit
    /// refuses those items on create or update.
    static func save(_ state: inout AppState) -> [Effect] {
        guard allowsChanges(&state) else { return [] }
        guard state.edits.pendingSave == nil else {
            state.showToast("Still saving")
            return []
        }
        guard state.edits.isDirty else {
            state.showToast("Nothing to save: no unsaved changes")
            if state.edits.quitAfterSave { state.isQuitting = true }
            return []
        }
        let workspace = state.workspace
        var files = Set<Int>()
        var homeless: [ItemKey] = []
        for key in state.edits.marks.keys {
            var placed = false
            for origin in [workspace.origins[key], state.edits.baseline[key].flatMap { $0 }?.origin] {
                if let file = origin ?? workspace.projectFileIndex {
                    files.insert(file)
                    placed = true
                }
            }
            if !placed { homeless.append(key) }
        }
        guard !files.isEmpty else {
            state.edits.quitAfterSave = false
            state.showToast("Nothing can be saved: no input file holds new trunks or rules (export them instead)", kind: .error)
            return []
        }
        let homelessSet = Set(homeless)
        var written: [ItemKey: ItemRecord?] = [:]
        for key in state.edits.marks.keys where !homelessSet.contains(key) {
            written[key] = .some(state.catalog.record(of: key))
        }
        var effects: [Effect] = []
        var paths = Set<String>()
        var hashes: [String: String] = [:]
        for file in files.sorted() {
            let path = workspace.files[file].path
            paths.insert(path)
            let bytes = fileBytes(file, of: workspace)
            hashes[path] = ContentHash.hex(ContentHash.fingerprint(bytes))
            effects.append(.writeFile(FileWrite(path: path, bytes: bytes, purpose: .saveProject, preserveLayout: true)))
        }
        state.edits.pendingSave = PendingSave(
            generation: state.edits.generation, paths: paths, allPaths: paths.sorted(), hashes: hashes, written: written)
        state.showToast("Saving \(paths.count == 1 ? paths.first! : "\(paths.count) files")")
        return effects
    }

    /// The bytes of input file `index` as it should be on disk now.
    static func fileBytes(_ index: Int, of workspace: Workspace) -> [UInt8] {
        var bytes = JSONWriter.bytes(WorkspaceWriter.document(forFile: index, of: workspace))
        if bytes.last != UInt8(ascii: "\n") { bytes.append(UInt8(ascii: "\n")) }
        return bytes
    }

    /// `q`: quits, or asks first when there are unsaved edits.
    static func requestQuit(_ state: inout AppState) -> [Effect] {
        guard state.edits.isDirty, !state.options.readOnly else {
            state.isQuitting = true
            return []
        }
        let count = state.edits.changeCount
        confirm(
            Confirmation(
                title: "Unsaved changes",
                message: "\(count) unsaved change\(count == 1 ? "" : "s"). Save before quitting? (d quits without saving them)",
                choices: [
                    .init(key: "s", label: "Save and quit", intent: .saveAndQuit),
                    .init(key: "d", label: "Quit, discard", intent: .quitDiscardingEdits),
                    .init(key: "c", label: "Cancel", intent: .cancel),
                ]), &state)
        return []
    }

    /// Quits only once the save succeeded (``projectFileWritten(_:_:)``); a failed save stays.
    static func saveAndQuit(_ state: inout AppState) -> [Effect] {
        state.edits.quitAfterSave = true
        let effects = save(&state)
        if state.edits.pendingSave == nil, !state.isQuitting { state.edits.quitAfterSave = false }
        return effects
    }

    /// Quit on purpose without saving: the recovery file goes too (it would only offer back
    /// what the user just threw away).
    static func quitDiscardingEdits(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        return removeRecoveryEffects(&state)
    }

    /// `R`: reloads, or asks first when there are unsaved edits.
    static func requestReload(_ state: inout AppState) -> [Effect] {
        guard state.edits.isDirty else { return startReload(&state) }
        let count = state.edits.changeCount
        confirm(
            .yesNo(
                title: "Reload from disk",
                message: "Reloading throws away \(count) unsaved change\(count == 1 ? "" : "s") (undo cannot bring them back).",
                yes: "Reload and discard", intent: .reloadDiscardingEdits), &state)
        return []
    }

    static func reloadDiscardingEdits(_ state: inout AppState) -> [Effect] {
        startReload(&state)
    }

    static func startReload(_ state: inout AppState) -> [Effect] {
        state.showToast("Reloading \(state.options.inputPaths.count) file(s)")
        return [.reload(paths: state.options.inputPaths)]
    }

    /// A reload replaced the workspace: the edit session starts over, clean.
    static func resetEdits(_ state: inout AppState) -> [Effect] {
        let hadRecovery = state.edits.recoveryGeneration != nil
        state.edits = EditSession()
        state.edits.recoveryGeneration = hadRecovery ? -1 : nil
        return removeRecoveryEffects(&state)
    }

    static func projectFileWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        if result.purpose == .recovery { return recoveryWritten(result, &state) }
        guard var pending = state.edits.pendingSave, pending.paths.contains(result.path) else {
            // Not ours (or from before a reload): report it, change nothing.
            if case .failure(let failure) = result.outcome { state.showToast("\(result.path): \(failure.message)", kind: .error) }
            return []
        }
        pending.paths.remove(result.path)
        if let hash = result.writtenHash { pending.hashes[result.path] = hash }
        if case .failure(let failure) = result.outcome { pending.failures.append("\(result.path): \(failure.message)") }
        guard pending.paths.isEmpty else {
            state.edits.pendingSave = pending
            return []
        }
        state.edits.pendingSave = nil
        guard pending.failures.isEmpty else {
            state.edits.quitAfterSave = false
            state.showToast("Not saved: \(pending.failures.joined(separator: "; ")); your changes are kept", kind: .error)
            return []
        }
        state.edits.writtenHashes.merge(pending.hashes) { _, new in new }
        // The files now hold `written`; only what changed since the save was issued stays marked.
        for (key, record) in pending.written {
            state.edits.baseline[key] = record
            updateMark(key, &state)
        }
        if state.edits.quitAfterSave {
            state.isQuitting = true
        }
        let saved =
            "Saved "
            + (pending.allPaths.count == 1
                ? pending.allPaths[0] : "\(pending.allPaths.count) files: " + pending.allPaths.joined(separator: ", "))
        let errors = state.catalog.errorCount
        if errors > 0, !state.catalog.isChecking {
            state.showToast("\(saved); \(errors) error\(errors == 1 ? "" : "s") remain (LiveKit refuses those items)", kind: .warning)
        } else {
            state.showToast(saved, kind: .success)
        }
        return state.edits.isDirty ? [] : removeRecoveryEffects(&state)
    }
}
