import SwitchboardCore
import TerminalKit

extension App {
    /// `H`: opens the run history on the newest run (or where it was left).
    static func openHistory(_ state: inout AppState) -> [Effect] {
        state.screen = .history
        var screen = state.history.screen
        if screen.selectedRunID == nil || screen.selectedRunID.flatMap(state.history.position(ofRunID:)) == nil {
            screen.selectedRunID = state.history.isEmpty ? nil : state.history.newest(0).runID
        }
        state.history.screen = screen
        keepSelectionVisible(&state)
        return []
    }

    static func handleHistoryKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        switch state.history.screen.keyContext {
        case .historyPrompt: return handleScenarioPromptKey(&state, key, action)
        case .historyDetail: return handleHistoryDetailKey(&state, action)
        case .historyCompare: return handleHistoryCompareKey(&state, action)
        default: return handleHistoryListKey(&state, action)
        }
    }

    // MARK: - The list

    static func handleHistoryListKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        guard let action else { return [] }
        let page = max(1, historyListRows(state) - 1)
        switch action {
        case .back:
            state.screen = .browse
        case .moveDown: moveHistorySelection(&state, by: 1)
        case .moveUp: moveHistorySelection(&state, by: -1)
        case .pageDown: moveHistorySelection(&state, by: page)
        case .pageUp: moveHistorySelection(&state, by: -page)
        case .moveTop: moveHistorySelection(&state, to: 0)
        case .moveBottom: moveHistorySelection(&state, to: state.history.count - 1)
        case .focusDetail:
            guard let id = state.history.screen.selectedRunID else { return [] }
            state.history.screen.mode = .detail(runID: id)
            state.history.screen.offset = 0
        case .markRun:
            guard let id = state.history.screen.selectedRunID else { return [] }
            if state.history.screen.markedRunID == id {
                state.history.screen.markedRunID = nil
                state.showToast("Unmarked run #\(id)")
            } else {
                state.history.screen.markedRunID = id
                state.showToast("Marked run #\(id): select another run and press c to compare")
            }
        case .compareRuns:
            return compareSelectedWithMarked(&state)
        case .rerunCall:
            return rerunSelected(&state)
        case .saveScenario:
            return askScenarioName(&state)
        case .help:
            return perform(.help, &state)
        default:
            break
        }
        return []
    }

    /// Rows of the list that show runs (the panel minus borders and the column header).
    static func historyListRows(_ state: AppState) -> Int {
        max(1, state.layout.body.height - 3)
    }

    static func moveHistorySelection(_ state: inout AppState, by delta: Int) {
        let current = state.history.screen.selectedRunID.flatMap(state.history.position(ofRunID:)) ?? 0
        moveHistorySelection(&state, to: current + delta)
    }

    static func moveHistorySelection(_ state: inout AppState, to position: Int) {
        guard !state.history.isEmpty else { return }
        let clamped = min(max(0, position), state.history.count - 1)
        state.history.screen.selectedRunID = state.history.newest(clamped).runID
        keepSelectionVisible(&state)
    }

    static func keepSelectionVisible(_ state: inout AppState) {
        let rows = historyListRows(state)
        let position = state.history.screen.selectedRunID.flatMap(state.history.position(ofRunID:)) ?? 0
        var offset = state.history.screen.listOffset
        if position < offset { offset = position }
        if position >= offset + rows { offset = position - rows + 1 }
        state.history.screen.listOffset = max(0, min(offset, max(0, state.history.count - rows)))
    }

    /// `r`: runs the selected call again against the workspace as edited now. The new run is
    /// compared with this one when it arrives, so an edit's effect is one key away.
    static func rerunSelected(_ state: inout AppState) -> [Effect] {
        guard let id = state.history.screen.selectedRunID, let entry = state.history.entry(runID: id) else { return [] }
        let effects = startCall(entry.call, &state)
        var newID: Int?
        for case .runCall(let request) in effects { newID = request.runID }
        if let newID {
            state.history.screen.rerun = HistoryScreen.Rerun(original: id, new: newID)
            state.showToast("Running #\(id) again as #\(newID) against the workspace as edited now…")
        }
        return effects
    }

    /// `c`: compares the selected run with the marked one (or, with none marked, with the run
    /// before it).
    static func compareSelectedWithMarked(_ state: inout AppState) -> [Effect] {
        guard let id = state.history.screen.selectedRunID, let selected = state.history.entry(runID: id) else { return [] }
        let other: RunEntry?
        if let marked = state.history.screen.markedRunID, marked != id {
            other = state.history.entry(runID: marked)
        } else {
            let position = state.history.position(ofRunID: id) ?? 0
            other = position + 1 < state.history.count ? state.history.newest(position + 1) : nil
        }
        guard let other else {
            state.showToast("Mark a run with space first, then press c on another to compare them", kind: .warning)
            return []
        }
        let comparison = RunComparison(other, selected)
        state.history.screen.mode = .compare(comparison)
        state.history.screen.offset = HistoryView.firstDifferenceOffset(comparison)
        return []
    }

    // MARK: - Details and comparison

    static func handleHistoryDetailKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        guard let action, case .detail(let id) = state.history.screen.mode else { return [] }
        switch action {
        case .back:
            state.history.screen.mode = .list
            if state.history.screen.returnsToLiveCalls {
                state.history.screen.returnsToLiveCalls = false
                state.screen = .live
            }
        case .nextPane, .previousPane:
            let panes = SimulatorState.Pane.allCases
            let step = action == .nextPane ? 1 : panes.count - 1
            state.history.screen.pane = panes[(state.history.screen.pane.rawValue + step) % panes.count]
            state.history.screen.offset = 0
        case .requestPane: selectDetailPane(.request, &state)
        case .responsePane: selectDetailPane(.response, &state)
        case .outcomePane: selectDetailPane(.outcome, &state)
        case .rerunCall:
            state.history.screen.mode = .list
            state.history.screen.selectedRunID = id
            return rerunSelected(&state)
        case .saveScenario:
            state.history.screen.selectedRunID = id
            return askScenarioName(&state)
        case .markRun, .compareRuns:
            state.history.screen.selectedRunID = id
            return handleHistoryListKey(&state, action)
        default:
            scrollHistory(&state, action)
        }
        return []
    }

    static func selectDetailPane(_ pane: SimulatorState.Pane, _ state: inout AppState) {
        state.history.screen.pane = pane
        state.history.screen.offset = 0
    }

    static func handleHistoryCompareKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        guard let action, case .compare(let comparison) = state.history.screen.mode else { return [] }
        switch action {
        case .back: state.history.screen.mode = .list
        case .nextDifference, .previousDifference:
            let rows = HistoryView.comparisonRows(comparison)
            let current = state.history.screen.offset
            let changed = rows.indices.filter { rows[$0].isChange && (rows.indices.contains($0 - 1) ? !rows[$0 - 1].isChange : true) }
            let target =
                action == .nextDifference
                ? changed.first { $0 > current }
                : changed.last { $0 < current }
            if let target {
                state.history.screen.offset = target
            } else {
                state.showToast(action == .nextDifference ? "No more differences below" : "No more differences above")
            }
        default:
            scrollHistory(&state, action)
        }
        return []
    }

    /// Scrolling in the detail or the comparison; the view clamps the offset to the content.
    static func scrollHistory(_ state: inout AppState, _ action: AppAction) {
        let page = max(1, state.layout.body.height - 4)
        guard let offset = ScrollKeys.offset(after: action, from: state.history.screen.offset, page: page) else { return }
        state.history.screen.offset = min(max(0, offset), HistoryView.maxOffset(state))
    }

    // MARK: - Save as scenario

    /// Where saved scenarios go: `scenarios.json` next to the project file (the project
    /// format names no scenarios file).
    static func scenariosPath(_ state: AppState) -> String {
        let project = state.workspace.projectFileIndex.map { state.workspace.files[$0].path } ?? state.options.inputPaths.first
        guard let project, let slash = project.lastIndex(of: "/") else { return "scenarios.json" }
        return String(project[...slash]) + "scenarios.json"
    }

    /// `s`: asks for the scenario's name, prefilled from the call.
    static func askScenarioName(_ state: inout AppState) -> [Effect] {
        guard let id = state.history.screen.selectedRunID, let entry = state.history.entry(runID: id) else { return [] }
        guard let outcome = entry.outcome else {
            state.showToast("Run #\(id) was cancelled: it has no outcome to expect", kind: .warning)
            return []
        }
        let name = ScenarioWriter.defaultName(call: entry.call, outcome: outcome)
        state.history.screen.prompt = HistoryScreen.ScenarioPrompt(runID: id, name: TextFieldState(name), path: scenariosPath(state))
        return []
    }

    static func handleScenarioPromptKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard var prompt = state.history.screen.prompt else { return [] }
        switch key {
        case .escape:
            state.history.screen.prompt = nil
            return []
        case .enter:
            let name = String(prompt.name.text.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
            guard !name.isEmpty else {
                state.showToast("A scenario needs a name", kind: .warning)
                return []
            }
            state.history.screen.prompt = nil
            state.history.screen.pendingSave = HistoryScreen.PendingSave(runID: prompt.runID, name: name, path: prompt.path)
            return [.readFile(path: prompt.path)]
        case .backspace: prompt.name.deleteBackward()
        case .delete: prompt.name.deleteForward()
        case .left: prompt.name.moveLeft()
        case .right: prompt.name.moveRight()
        case .home, .ctrl("a"): prompt.name.moveHome()
        case .end, .ctrl("e"): prompt.name.moveEnd()
        case .ctrl("u"): prompt.name.deleteToStart()
        case .ctrl("w"): prompt.name.deleteWordBackward()
        case .char(let character): prompt.name.insert(character)
        default: return []
        }
        state.history.screen.prompt = prompt
        return []
    }

    /// The scenarios file was read: add the scenario, or ask first when one has its name.
    static func scenarioFileRead(_ read: FileReadResult, _ state: inout AppState) -> [Effect] {
        guard var pending = state.history.screen.pendingSave, pending.path == read.path else { return [] }
        switch read.outcome {
        case .failure(let failure):
            state.history.screen.pendingSave = nil
            state.showToast("Could not read \(read.path): \(failure.message)", kind: .error)
            return []
        case .success(let bytes):
            pending.existing = bytes
            state.history.screen.pendingSave = pending
        }
        let names: [String]
        do {
            names = try ScenarioWriter.names(in: pending.existing, path: pending.path)
        } catch {
            state.history.screen.pendingSave = nil
            state.showToast("Not saved: \(error.message)", kind: .error)
            return []
        }
        if names.contains(pending.name) {
            confirm(
                .yesNo(
                    title: "Replace scenario",
                    message:
                        "\(pending.path) already has a scenario named \"\(sanitizeForDisplay(pending.name))\". Replace it with run #\(pending.runID)?",
                    yes: "Replace", intent: .replaceScenario), &state)
            return []
        }
        return writePendingScenario(&state)
    }

    /// The user agreed to replace the scenario of the same name.
    static func replaceScenario(_ state: inout AppState) -> [Effect] {
        writePendingScenario(&state)
    }

    /// Builds the file's new bytes (the existing ones with the scenario spliced in) and asks
    /// for the write.
    static func writePendingScenario(_ state: inout AppState) -> [Effect] {
        guard let pending = state.history.screen.pendingSave, let entry = state.history.entry(runID: pending.runID),
            let outcome = entry.outcome
        else {
            state.history.screen.pendingSave = nil
            return []
        }
        let scenario = ScenarioWriter.scenario(
            named: pending.name, call: entry.call, outcome: outcome, roomIsRandom: roomIsRandom(outcome, in: state.workspace))
        do {
            let bytes = try ScenarioWriter.saving(scenario, into: pending.existing, path: pending.path)
            return [.writeFile(FileWrite(path: pending.path, bytes: bytes, purpose: .saveScenario))]
        } catch {
            state.history.screen.pendingSave = nil
            state.showToast("Not saved: \(error.message)", kind: .error)
            return []
        }
    }

    /// Whether the run's room ends in the random suffix its rule adds (so the scenario expects
    /// a pattern); read from the rule as it is now, which is what `switchboard test` will use.
    static func roomIsRandom(_ outcome: CallOutcome, in workspace: Workspace) -> Bool {
        guard let id = outcome.rule?.id, let kind = workspace.rule(id: id)?.kind else { return false }
        switch kind {
        case .individual(let rule): return !rule.noRandomness
        case .callee(let rule): return rule.randomize
        default: return false
        }
    }

    /// A run was saved as a scenario (or could not be).
    static func scenarioWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        let name = state.history.screen.pendingSave?.name ?? "the scenario"
        state.history.screen.pendingSave = nil
        switch result.outcome {
        case .success:
            state.showToast("Saved in \(sanitizeForDisplay(result.path)): scenario \"\(sanitizeForDisplay(name))\"", kind: .success)
        case .failure(let failure):
            state.showToast("Scenario not saved: \(result.path): \(failure.message)", kind: .error)
        }
        return []
    }
}
