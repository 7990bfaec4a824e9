import SwitchboardCore
import SwitchboardIO

extension App {
    /// How long after a recovery write the next one may follow: often enough that little is
    /// lost when the terminal dies, rarely enough that typing is never slowed by the disk.
    static let recoveryInterval = 5000

    /// On every tick: writes the recovery file when there are edits it does not hold yet (at
    /// most every ``recoveryInterval`` ms), and removes it once nothing is unsaved.
    static func recoveryTick(_ now: Int, _ state: inout AppState) -> [Effect] {
        guard let path = state.options.recoveryPath, !state.options.readOnly else { return [] }
        if state.edits.recoveryOffer != nil {
            if case .confirm = state.overlay { return [] }
            // Answered "not now": the earlier file stays until this session has edits of its own.
            state.edits.recoveryOffer = nil
        }
        if state.edits.isDirty {
            guard state.edits.recoveryGeneration != state.edits.generation else { return [] }
            if let last = state.edits.recoveryWrittenAt, now - last < recoveryInterval { return [] }
            state.edits.recoveryWrittenAt = now
            state.edits.recoveryGeneration = state.edits.generation
            return [.writeFile(FileWrite(path: path, bytes: RecoveryDocument.capture(state).bytes(), purpose: .recovery))]
        }
        // Edits undone back to clean: this session's file goes (an earlier session's stays).
        return (state.edits.recoveryGeneration ?? -1) >= 0 ? removeRecoveryEffects(&state) : []
    }

    /// Removes this project's recovery file, if this session wrote one or one was found.
    static func removeRecoveryEffects(_ state: inout AppState) -> [Effect] {
        guard let path = state.options.recoveryPath, state.edits.recoveryGeneration != nil else { return [] }
        state.edits.recoveryGeneration = nil
        state.edits.recoveryWrittenAt = nil
        return [.removeFile(path: path)]
    }

    static func recoveryWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        if case .failure(let failure) = result.outcome {
            state.showToast("Could not write the recovery file \(result.path): \(failure.message)", kind: .warning)
        }
        return []
    }

    /// SIGTERM, SIGHUP or SIGINT: the unsaved edits go to the recovery file now (the runner writes it
    /// before returning), then the app quits and the caller ends with the signal's status.
    static func terminationRequested(_ state: inout AppState) -> [Effect] {
        state.isQuitting = true
        guard let path = state.options.recoveryPath, state.edits.isDirty, !state.options.readOnly else { return [] }
        state.edits.recoveryGeneration = state.edits.generation
        return [.writeFile(FileWrite(path: path, bytes: RecoveryDocument.capture(state).bytes(), purpose: .recovery, synchronous: true))]
    }

    /// At start, with the bytes of this project's recovery file: asks whether to restore the
    /// edits it holds. A file that cannot be read is offered for removal only.
    public static func offerRecovery(_ bytes: [UInt8], _ state: inout AppState) {
        guard state.options.recoveryPath != nil else { return }
        // Whatever the answer, the file exists until it is restored over or removed.
        state.edits.recoveryGeneration = -1
        let document: RecoveryDocument
        do {
            document = try RecoveryDocument.decode(bytes, workspace: state.workspace)
        } catch {
            confirm(
                Confirmation(
                    title: "Recovery file unreadable",
                    message: "The recovery file from an earlier session cannot be read (\(error.message)).",
                    choices: [
                        .init(key: "d", label: "Delete it", intent: .discardRecovery), .init(key: "k", label: "Keep it", intent: .cancel),
                    ]), &state)
            return
        }
        guard !document.changes.isEmpty else { return }
        state.edits.recoveryOffer = document
        let count = document.changes.count
        var message = "An earlier session ended with \(count) unsaved change\(count == 1 ? "" : "s")"
        let names = document.changes.prefix(3).map { "\($0.mark.word) \($0.key.kind.word) \($0.key.id)" }.joined(separator: ", ")
        message += " (\(names)\(count > 3 ? ", …" : "")). Restore them as unsaved changes?"
        let current = state.options.fileHashes
        let changed = document.fileHashes.filter { current[$0.key] != nil && current[$0.key] != $0.value }.keys.sorted()
        if !changed.isEmpty {
            message += " Changed on disk since: \(changed.joined(separator: ", ")); restored items replace those files' versions."
        }
        confirm(
            Confirmation(
                title: "Recover unsaved edits",
                message: message,
                choices: [
                    .init(key: "r", label: "Restore", intent: .restoreRecovery),
                    .init(key: "d", label: "Discard", intent: .discardRecovery),
                    .init(key: "n", label: "Not now", intent: .cancel),
                ], focused: 0), &state)
    }

    /// Applies the recovered edits as one undoable change, unsaved.
    static func restoreRecovery(_ state: inout AppState) -> [Effect] {
        guard let document = state.edits.recoveryOffer else { return [] }
        state.edits.recoveryOffer = nil
        guard allowsChanges(&state) else { return [] }
        // Deletions first, from the end, so later positions stay right; then the rest in order.
        let catalog = state.catalog
        var steps: [Edit.Step] = document.changes.filter { $0.record == nil }
            .compactMap { change in catalog.record(of: change.key).map { Edit.Step(key: change.key, before: $0, after: nil) } }
            .sorted { ($0.before?.position ?? 0) > ($1.before?.position ?? 0) }
        let working = steps.isEmpty ? catalog : catalog.applying(steps.map { ($0.key, $0.after) })
        for change in document.changes.sorted(by: { ($0.record?.position ?? 0) < ($1.record?.position ?? 0) }) {
            guard let record = change.record else { continue }
            steps.append(Edit.Step(key: change.key, before: working.record(of: change.key), after: record))
        }
        guard !steps.isEmpty else {
            state.showToast("The recovered edits match the files already")
            return []
        }
        let count = document.changes.count
        record(Edit(steps: steps, summary: "restore \(count) recovered change\(count == 1 ? "" : "s")"), &state)
        state.showToast("Restored \(count) unsaved change\(count == 1 ? "" : "s"); ctrl+s saves, u undoes", kind: .success)
        // The file now duplicates this session's edits; the next tick rewrites it.
        state.edits.recoveryWrittenAt = nil
        return []
    }

    static func discardRecovery(_ state: inout AppState) -> [Effect] {
        state.edits.recoveryOffer = nil
        state.showToast("Recovery file deleted")
        return removeRecoveryEffects(&state)
    }
}
