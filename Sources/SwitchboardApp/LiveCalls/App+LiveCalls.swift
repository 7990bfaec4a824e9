import SwitchboardCore
import TerminalKit

extension App {
    /// `L`: the Live calls screen; the first time (or after a failure), the SIP endpoint starts,
    /// routing on the workspace as it is now.
    static func openLiveCalls(_ state: inout AppState) -> [Effect] {
        state.screen = .live
        switch state.live.listening {
        case .listening, .starting:
            return []
        case .off, .failed:
            state.live.listening = .starting
            state.live.routedRevision = state.workspaceRevision
            return [.startLiveCalls(state.workspace)]
        }
    }

    static func liveCallsStarted(_ result: Result<[String], ReloadFailure>, _ state: inout AppState) {
        switch result {
        case .success(let addresses):
            state.live.listening = .listening(addresses)
        case .failure(let failure):
            state.live.listening = .failed(failure.message)
            state.showToast("SIP endpoint: \(failure.message)", kind: .error)
        }
    }

    /// A call event: its row is added or updated, and each evaluation (the INVITE's, a PIN's)
    /// goes into the run history, where Enter opens it in the simulator's panes.
    static func liveCall(_ event: LiveCallEvent, _ state: inout AppState) {
        let index = state.live.apply(event, at: state.clock)
        if let simulation = event.simulation, event.kind == .invite || event.kind == .pin {
            let runID = state.simulator.nextRunID
            state.simulator.nextRunID += 1
            state.history.record(
                CallResult(
                    runID: runID, call: simulation.outcome.call, outcome: simulation.outcome, request: simulation.request,
                    exchange: simulation.exchange, durationMs: event.milliseconds,
                    workspaceRevision: state.live.routedRevision ?? state.workspaceRevision))
            state.live.setRunID(runID, at: index)
        }
        if state.screen != .live, event.kind == .invite {
            let call = state.live.calls[index]
            let what = call.result.map { $0.rawValue + (call.room.map { " \($0)" } ?? "") } ?? call.finalReason
            // The key first: a long room name may be cut at the toast's width.
            state.showToast(sanitizeForDisplay("Live call (L): \(call.from) → \(call.to), \(what)"))
        }
    }

    /// After any message: if the workspace changed since the endpoint was given it, hand it over.
    static func routeLiveCallsIfNeeded(_ state: inout AppState) -> Effect? {
        switch state.live.listening {
        case .listening, .starting:
            guard state.live.routedRevision != state.workspaceRevision else { return nil }
            state.live.routedRevision = state.workspaceRevision
            return .routeLiveCalls(state.workspace)
        case .off, .failed:
            return nil
        }
    }

    static func handleLiveCallsKey(_ state: inout AppState, _ action: AppAction?) -> [Effect] {
        guard let action else { return [] }
        let count = state.live.calls.count
        let page = max(1, LiveCallsView.listRows(state) - 1)
        let current = state.live.selectedIndex
        switch action {
        case .back:
            state.screen = .browse
        case .moveDown: selectLiveCall(&state, current + 1)
        case .moveUp: selectLiveCall(&state, current - 1)
        case .pageDown: selectLiveCall(&state, current + page)
        case .pageUp: selectLiveCall(&state, current - page)
        case .moveTop: state.live.selectedCallID = nil
        case .moveBottom: selectLiveCall(&state, count - 1)
        case .focusDetail:
            guard count > 0 else { return [] }
            let call = state.live.newestFirst[current]
            guard let runID = call.runID, state.history.position(ofRunID: runID) != nil else {
                state.showToast("Routing never ran for this call (\(call.finalReason)): nothing to open", kind: .warning)
                return []
            }
            state.screen = .history
            state.history.screen.selectedRunID = runID
            state.history.screen.mode = .detail(runID: runID)
            state.history.screen.offset = 0
            state.history.screen.returnsToLiveCalls = true
        case .help:
            return perform(.help, &state)
        default:
            break
        }
        return []
    }

    /// Selects the call at `position` (0 = newest); the newest itself means "follow new calls".
    static func selectLiveCall(_ state: inout AppState, _ position: Int) {
        let calls = state.live.newestFirst
        guard !calls.isEmpty else { return }
        let clamped = min(max(0, position), calls.count - 1)
        state.live.selectedCallID = clamped == 0 ? nil : calls[clamped].sipCallID
        let rows = LiveCallsView.listRows(state)
        if clamped < state.live.offset { state.live.offset = clamped }
        if clamped >= state.live.offset + rows { state.live.offset = clamped - rows + 1 }
    }
}
