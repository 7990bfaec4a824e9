import SwitchboardCore

extension App {
    /// Applies a change to the workspace: the catalog, the lists, the undo stack, dirty markers.
    static func commit(_ change: ItemChange, _ state: inout AppState) -> [Effect] {
        []
    }

    /// Delete: asks, naming the item; the answer comes back as ``ConfirmIntent/deleteItem(_:)``.
    static func requestDelete(_ state: inout AppState) -> [Effect] {
        []
    }

    static func undo(_ state: inout AppState) -> [Effect] {
        []
    }

    static func redo(_ state: inout AppState) -> [Effect] {
        []
    }

    /// ctrl+s: writes the project file atomically.
    static func save(_ state: inout AppState) -> [Effect] {
        []
    }

    static func saveAndQuit(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        return []
    }

    static func reloadDiscardingEdits(_ state: inout AppState) -> [Effect] {
        [.reload(paths: state.options.inputPaths)]
    }

    static func deleteItem(_ key: ItemKey, _ state: inout AppState) -> [Effect] {
        commit(.delete(key), &state)
    }

    static func revertToSaved(_ state: inout AppState) -> [Effect] {
        []
    }

    static func restoreRecovery(_ state: inout AppState) -> [Effect] {
        []
    }

    static func discardRecovery(_ state: inout AppState) -> [Effect] {
        []
    }

    static func projectFileWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        switch result.outcome {
        case .success:
            state.showToast("Wrote \(result.path)", kind: .success)
        case .failure(let failure):
            state.showToast("\(result.path): \(failure.message)", kind: .error)
        }
        return []
    }

    static func terminationRequested(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        return []
    }
}
