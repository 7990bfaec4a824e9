import SwitchboardCore
import TerminalKit

extension App {
    /// `c`: opens the call simulator. On a rule, the form is filled with a call that rule would
    /// take (``ReachabilityCache``), every time. Elsewhere, the first time, it is prefilled from
    /// the selection (a number of the selected trunk as To); after that it keeps what the user
    /// typed.
    static func openSimulator(_ state: inout AppState) -> [Effect] {
        if state.tab == .rules, let rule = state.selectedRule,
            let witness = state.catalog.verdict(rule.id)?.call
        {
            // On a rule: a call that rule would take, checked by the routing engine (or, when
            // none reaches it, the call it would take, so the result shows who wins instead).
            state.simulator.form.fill(from: witness)
            state.simulator.form.savedCall = nil
            state.simulator.form.focusIndex = 1
            state.simulator.prefilled = true
        } else if !state.simulator.prefilled {
            state.simulator.form = CallForm.suggested(
                trunk: state.tab == .trunks ? state.selectedTrunk : nil, rule: state.tab == .rules ? state.selectedRule : nil,
                workspace: state.workspace)
            state.simulator.prefilled = true
        }
        if state.simulator.focus == .picker { state.simulator.focus = .form }
        state.screen = .simulator
        return []
    }

    /// Runs `call` against the workspace as edited now (the simulator's Enter, and a re-run
    /// from the history); the result arrives as ``Message/callFinished(_:)``. A run still in
    /// flight is cancelled first: the panes show one run at a time.
    static func startCall(_ call: SimulatedCall, _ state: inout AppState) -> [Effect] {
        var effects = cancelRunningCall(&state)
        let request = CallRequest(
            runID: state.simulator.nextRunID, call: call, workspace: state.workspace,
            workspaceRevision: state.workspaceRevision)
        state.simulator.nextRunID += 1
        state.simulator.run = .running(request, startedAt: state.clock)
        effects.append(.runCall(request))
        return effects
    }

    /// A run ended. Results of runs that are no longer in flight (cancelled, or replaced by a
    /// newer run) are dropped: the user already saw them end.
    static func callFinished(_ result: CallResult, _ state: inout AppState) -> [Effect] {
        guard state.simulator.runningRequest?.runID == result.runID else { return [] }
        show(result, &state)
        return []
    }

    /// Esc while a call runs: the panes say "cancelled after 1.2 s" at once and the runner
    /// stops waiting; whatever the webhook still sends is dropped.
    static func cancelRunningCall(_ state: inout AppState) -> [Effect] {
        guard case .running(let request, let startedAt) = state.simulator.run else { return [] }
        show(.cancelled(request, afterMs: Double(max(0, state.clock - startedAt))), &state)
        return [.cancelCall(runID: request.runID)]
    }

    /// Shows a result in the panes (scrolled to the top) and keeps it in the history.
    static func show(_ result: CallResult, _ state: inout AppState) {
        state.simulator.run = .done(result)
        state.simulator.content = SimulatorContent.build(result)
        state.simulator.offsets = [:]
        state.history.record(result)
    }

    static func handleSimulatorKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        switch state.simulator.keyContext {
        case .simulatorRunning:
            return action == .cancelCall ? cancelRunningCall(&state) : []
        case .simulatorPicker:
            return handlePickerKey(&state, action)
        case .simulatorResult:
            return handleResultKey(&state, action)
        default:
            return handleCallFormKey(&state, key, action)
        }
    }

    // MARK: - The form

    static func handleCallFormKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        let field = state.simulator.form.focused
        switch action {
        case .runCall:
            if field == .savedCall { return openSavedCalls(&state) }
            return runFormCall(&state)
        case .nextField: state.simulator.form.moveFocus(by: 1)
        case .previousField: state.simulator.form.moveFocus(by: -1)
        case .chooseSavedCall: return openSavedCalls(&state)
        case .focusResult:
            if state.simulator.content == nil {
                state.showToast("No result yet: Enter runs the call")
            } else {
                state.simulator.focus = .result
            }
        case .clearField: state.simulator.form.editFocused { $0.deleteToStart() }
        case .deleteBackward: state.simulator.form.editFocused { $0.deleteBackward() }
        case .back: state.screen = .browse
        default:
            switch key {
            case .left: state.simulator.form.editFocused { $0.moveLeft() }
            case .right: state.simulator.form.editFocused { $0.moveRight() }
            case .home, .ctrl("a"): state.simulator.form.editFocused { $0.moveHome() }
            case .end, .ctrl("e"): state.simulator.form.editFocused { $0.moveEnd() }
            case .delete: state.simulator.form.editFocused { $0.deleteForward() }
            case .ctrl("w"): state.simulator.form.editFocused { $0.deleteWordBackward() }
            case .char(" ") where field == .noPin: state.simulator.form.noPin.toggle()
            case .char(" ") where field == .savedCall: return openSavedCalls(&state)
            case .char(let character): state.simulator.form.editFocused { $0.insert(character) }
            default: break
            }
        }
        return []
    }

    /// Enter in the form: checks the fields, builds the call as `simulate` would (defaults,
    /// generated call IDs) and runs it; the result panes take the keyboard.
    static func runFormCall(_ state: inout AppState) -> [Effect] {
        let form = state.simulator.form
        let errors = form.errors
        if let index = form.fields.firstIndex(where: { errors[$0] != nil }) {
            let field = form.fields[index]
            state.simulator.form.focusIndex = index
            state.simulator.focus = .form
            state.showToast("\(field.label): \(errors[field] ?? "")", kind: .error)
            return []
        }
        // IDs come from a generator seeded by the run and the clock: unique per run, and the
        // same in tests, where `update` must stay a pure function.
        var rng = SeededGenerator(seed: UInt64(state.simulator.nextRunID) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(max(0, state.clock)))
        let call = SimulatedCall(form.spec, using: &rng)
        state.simulator.focus = .result
        return startCall(call, &state)
    }

    static func openSavedCalls(_ state: inout AppState) -> [Effect] {
        guard !state.workspace.calls.isEmpty else {
            state.showToast("The project has no saved calls (the \"calls\" list of the project file)")
            return []
        }
        state.simulator.pickerSelection = min(state.simulator.pickerSelection, state.workspace.calls.count - 1)
        state.simulator.focus = .picker
        return []
    }

    static func handlePickerKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        let calls = state.workspace.calls
        switch action {
        case .moveDown: state.simulator.pickerSelection = min(calls.count - 1, state.simulator.pickerSelection + 1)
        case .moveUp: state.simulator.pickerSelection = max(0, state.simulator.pickerSelection - 1)
        case .pickSavedCall:
            guard calls.indices.contains(state.simulator.pickerSelection) else { return [] }
            let call = calls[state.simulator.pickerSelection]
            let focusIndex = state.simulator.form.focusIndex
            state.simulator.form.fill(from: call)
            state.simulator.form.focusIndex = min(focusIndex, state.simulator.form.fields.count - 1)
            state.simulator.focus = .form
        case .closeOverlay: state.simulator.focus = .form
        default: break
        }
        return []
    }

    // MARK: - The result panes

    static func handleResultKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        let panes = SimulatorState.Pane.allCases
        let pane = state.simulator.pane
        switch action {
        case .runCall: return runFormCall(&state)
        case .focusForm: state.simulator.focus = .form
        case .nextPane: state.simulator.pane = panes[(pane.rawValue + 1) % panes.count]
        case .previousPane: state.simulator.pane = panes[(pane.rawValue + panes.count - 1) % panes.count]
        case .requestPane: state.simulator.pane = .request
        case .responsePane: state.simulator.pane = .response
        case .outcomePane: state.simulator.pane = .outcome
        case .moveDown: scroll(&state, by: 1)
        case .moveUp: scroll(&state, by: -1)
        case .pageDown: scroll(&state, by: max(1, paneHeight(state) - 1))
        case .pageUp: scroll(&state, by: -max(1, paneHeight(state) - 1))
        case .moveTop: scroll(&state, by: Int.min / 2)
        case .moveBottom: scroll(&state, by: Int.max / 2)
        case .copyPane: return copy(ClipboardCopy.pane(pane), &state)
        case .copyCurl: return copy(.curl, &state)
        case .copyOutcome: return copy(.outcomeJSON, &state)
        case .help: state.overlay = .help(HelpState())
        default: break
        }
        return []
    }

    static func paneHeight(_ state: AppState) -> Int {
        let layout = SimulatorLayout(body: state.layout.body, simulator: state.simulator)
        guard let rect = layout.panes[state.simulator.pane] ?? layout.panes.values.first else { return 0 }
        return SimulatorLayout.textArea(rect).height
    }

    /// Scrolls the focused pane, never past its last row.
    static func scroll(_ state: inout AppState, by delta: Int) {
        let pane = state.simulator.pane
        let layout = SimulatorLayout(body: state.layout.body, simulator: state.simulator)
        guard let rect = layout.panes[pane], let content = state.simulator.content else { return }
        let area = SimulatorLayout.textArea(rect)
        let rows = SimulatorView.wrappedCount(content.lines(pane), width: area.width)
        let maximum = max(0, rows - area.height)
        state.simulator.offsets[pane] = max(0, min(maximum, state.simulator.offset(pane) + delta))
    }

    static func copy(_ what: ClipboardCopy, _ state: inout AppState) -> [Effect] {
        switch what.text(state.simulator.result) {
        case .success(let text):
            state.showToast("Copied \(what.name) (\(SimulatorContent.size(text.utf8.count))) to the clipboard", kind: .success)
            return [.copyToClipboard(text)]
        case .failure(let reason):
            state.showToast(reason.message)
            return []
        }
    }
}
