import TerminalKit

/// The app's two pure functions, Elm style:
///
/// * ``update(_:_:)`` takes the state and a message and returns the next state and the effects
///   to run — no I/O, no clock, no terminal, so every flow is testable by feeding messages;
/// * ``view(_:size:theme:)`` draws a state into a ``CellGrid`` — no terminal either, so every
///   screen is a golden text snapshot.
///
/// ``AppLoop`` connects them to a ``TerminalBackend`` and an ``EffectRunner``.
public enum App {
    public static func update(_ state: AppState, _ message: Message) -> (AppState, [Effect]) {
        var next = state
        let effects = reduce(&next, message)
        return (next, effects)
    }

    /// ``update(_:_:)`` in place: what the loop calls, so large arrays in the state are not
    /// copied on every keystroke.
    public static func reduce(_ state: inout AppState, _ message: Message) -> [Effect] {
        var effects = handle(&state, message)
        // Whatever replaced the catalog (start-up, an edit of a large workspace) may have left
        // its check to the background: ask for it once per workspace revision.
        if let check = requestCheckIfNeeded(&state) { effects.append(check) }
        // The SIP endpoint routes on the workspace as edited: hand it every new revision.
        if let route = routeLiveCallsIfNeeded(&state) { effects.append(route) }
        return effects
    }

    private static func handle(_ state: inout AppState, _ message: Message) -> [Effect] {
        switch message {
        case .key(.resize):
            return []
        case .key(.mouse(let event)):
            return handleMouse(&state, event)
        case .key(let key):
            return handleKey(&state, key)
        case .resize(let size):
            state.size = size
            relayout(&state)
            return []
        case .tick(let now):
            state.clock = now
            if let toast = state.toast {
                if let expiry = toast.expiresAt {
                    if now >= expiry { state.toast = nil }
                } else {
                    state.toast?.expiresAt = now + ToastState.duration
                }
            }
            return recoveryTick(now, &state)
        case .checked(let result):
            applyCheck(result, &state)
            return []
        case .mouseReportingChanged(let enabled):
            state.mouseEnabled = enabled
            state.showToast(enabled ? "Mouse on" : "Mouse off: select text with the mouse; M turns it back on")
            return []
        case .reloaded(.success(let catalog)):
            state.replaceCatalog(catalog)
            state.detailOffset = 0
            state.showToast(
                "Reloaded \(catalog.workspace.trunks.count) trunks and \(catalog.workspace.rules.count) rules",
                kind: .success)
            return resetEdits(&state)
        case .reloaded(.failure(let failure)):
            state.showToast("Reload failed: \(failure.message)", kind: .error)
            return []
        case .fileWritten(let result):
            switch result.purpose {
            case .saveProject, .recovery: return projectFileWritten(result, &state)
            case .export: return exportWritten(result, &state)
            case .saveScenario: return scenarioWritten(result, &state)
            }
        case .fileRead(let result):
            return scenarioFileRead(result, &state)
        case .callFinished(let result):
            return callFinished(result, &state)
        case .terminationRequested:
            return terminationRequested(&state)
        case .pullFetched(let result):
            return pullFetched(result, &state)
        case .pullWritten(let result):
            return pullWritten(result, &state)
        case .pushPlanned(let result):
            return pushPlanned(result, &state)
        case .pushProgress(let done):
            pushProgress(done, &state)
            return []
        case .pushFinished(let outcome):
            return pushFinished(outcome, &state)
        case .liveCallsStarted(let result):
            liveCallsStarted(result, &state)
            return []
        case .liveCall(let event):
            liveCall(event, &state)
            return []
        case .liveCallsProblem(let line):
            state.live.report(problem: line)
            return []
        }
    }

    /// Routes a key by where the keyboard is: an overlay, the filter, the lists, or a screen.
    static func handleKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        let context = state.keyContext
        let action = KeyMap.action(for: key, in: context)
        switch context {
        case .help:
            return handleHelpKey(&state, key, action)
        case .palette:
            return handlePaletteKey(&state, key, action)
        case .confirm:
            return handleConfirmKey(&state, key)
        case .form:
            return handleFormKey(&state, key, action)
        case .simulator, .simulatorResult, .simulatorPicker, .simulatorRunning:
            return handleSimulatorKey(&state, key, action)
        case .history, .historyDetail, .historyCompare, .historyPrompt:
            return handleHistoryKey(&state, key, action)
        case .export, .exportPath:
            return handleExportKey(&state, key, action)
        case .push:
            return handlePushKey(&state, key, action)
        case .live:
            return handleLiveCallsKey(&state, action)
        case .filter:
            return handleFilterKey(&state, key, action)
        case .browse:
            guard let action else { return [] }
            return perform(action, &state)
        }
    }

    /// After a resize: every list keeps its selection in view at the new height.
    static func relayout(_ state: inout AppState) {
        let rows = state.layout.listRows
        state.trunks.relayout(viewHeight: rows)
        state.rules.relayout(viewHeight: rows)
        state.detailOffset = min(state.detailOffset, maxDetailOffset(state))
        if case .help(var help) = state.overlay {
            help.offset = min(help.offset, maxHelpOffset(state, help))
            state.overlay = .help(help)
        }
    }
}
