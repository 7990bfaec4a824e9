import SwitchboardCore
import SwitchboardIO
import TerminalKit

/// The LiveKit server in the TUI (issue 17): `P` pulls the server's lists over the files and
/// reloads; `p` opens the push screen, which shows the plan and sends nothing before `y`.
/// Both refuse while edits are unsaved (push sends what the files hold; pull rewrites them),
/// and a pull that would drop local changes not pushed yet asks first.
extension App {
    static let notConnected = "No server: start with switchboard --server"

    static func pushRequest(_ state: AppState) -> PushRequest {
        PushRequest(workspace: state.workspace, recordPath: PulledFiles.recordPath(besides: state.options.inputPaths.first ?? "./-"))
    }

    /// `P`.
    static func requestPull(_ state: inout AppState) -> [Effect] {
        guard let server = state.options.server else {
            state.showToast(notConnected, kind: .warning)
            return []
        }
        guard !state.edits.isDirty else {
            state.showToast("Save or revert (U) first: a pull rewrites the files", kind: .warning)
            return []
        }
        state.showToast("Pulling from \(server.host)…")
        return [.fetchForPull(pushRequest(state))]
    }

    static func pullFetched(_ result: Result<FetchedPull, ReloadFailure>, _ state: inout AppState) -> [Effect] {
        switch result {
        case .failure(let failure):
            state.showToast("Pull failed: \(failure.message)", kind: .error)
            return []
        case .success(let fetched) where fetched.unpushed.isEmpty:
            return [.writePulled(fetched.lists)]
        case .success(let fetched):
            state.pendingPull = fetched.lists
            let count = fetched.unpushed.count
            let shown = fetched.unpushed.prefix(3).joined(separator: ", ") + (count > 3 ? ", …" : "")
            confirm(
                .yesNo(
                    title: "Pull over local changes",
                    message: "The files hold \(count) change\(count == 1 ? "" : "s") the server does not have (\(shown)). "
                        + "Pulling replaces them with the server's lists; push (p) first to keep what does not conflict.",
                    yes: "Pull and drop them", intent: .pullOverLocalChanges), &state)
            return []
        }
    }

    static func pullOverLocalChanges(_ state: inout AppState) -> [Effect] {
        guard let lists = state.pendingPull else { return [] }
        state.pendingPull = nil
        return [.writePulled(lists)]
    }

    static func pullWritten(_ result: Result<[String], ReloadFailure>, _ state: inout AppState) -> [Effect] {
        switch result {
        case .failure(let failure):
            state.showToast("Pull failed: \(failure.message)", kind: .error)
            return []
        case .success:
            return [.reload(paths: state.options.inputPaths)]
        }
    }

    /// `p`: the push screen, planning.
    static func openPush(_ state: inout AppState) -> [Effect] {
        guard state.options.server != nil else {
            state.showToast(notConnected, kind: .warning)
            return []
        }
        if state.options.readOnly {
            state.showToast("Read-only: nothing is pushed", kind: .warning)
            return []
        }
        guard !state.edits.isDirty else {
            state.showToast("Save first (ctrl+s): push sends the saved files", kind: .warning)
            return []
        }
        state.pusher = PushState()
        state.screen = .push
        return [.planPush(pushRequest(state))]
    }

    static func pushPlanned(_ result: Result<PlannedPush, ReloadFailure>, _ state: inout AppState) -> [Effect] {
        guard state.pusher?.phase == .planning else { return [] }
        switch result {
        case .success(let planned): state.pusher?.phase = .planned(planned)
        case .failure(let failure): state.pusher?.phase = .failed(failure.message)
        }
        return []
    }

    static func pushProgress(_ done: Int, _ state: inout AppState) {
        guard case .sending(let planned, _)? = state.pusher?.phase else { return }
        state.pusher?.phase = .sending(planned, done: done)
    }

    /// The files now hold the server's IDs and `updatedAt`: read them again.
    static func pushFinished(_ outcome: PushRun.Outcome, _ state: inout AppState) -> [Effect] {
        state.pusher?.phase = .finished(outcome)
        state.pusher?.offset = 0
        return [.reload(paths: state.options.inputPaths)]
    }

    static func handlePushKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard var pusher = state.pusher, let action else { return [] }
        let page = max(1, state.layout.body.height - 4)
        switch action {
        case .back:
            guard !pusher.isSending else {
                state.showToast("Sending: it stops by itself at a failure", kind: .warning)
                return []
            }
            state.pusher = nil
            state.screen = .browse
            return []
        case .sendPush:
            guard pusher.canSend, case .planned(let planned) = pusher.phase else { return [] }
            pusher.phase = .sending(planned, done: 0)
            state.pusher = pusher
            return [.sendPush(pushRequest(state), planned)]
        case .help: return perform(.help, &state)
        default:
            guard let offset = ScrollKeys.offset(after: action, from: pusher.offset, page: page) else { return [] }
            pusher.offset = offset
        }
        let width = state.layout.body.width - 4
        let last = max(0, PushView.rows(pusher, host: state.options.server?.host ?? "", width: width).count - page)
        pusher.offset = min(max(0, pusher.offset), last)
        state.pusher = pusher
        return []
    }
}
