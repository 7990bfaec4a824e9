import SwitchboardCore
import Synchronization

/// Runs ``CallRequest``s for the ``LiveEffectRunner`` off the UI thread and posts their results.
///
/// Each run is a task running ``CallSimulator`` — the entry point `simulate` and `test` use, so
/// the TUI shows the same outcome. The routing engine is cached by workspace revision: building
/// the index for 100k rules takes a while, and most runs (re-runs, other numbers) reuse it.
///
/// Exactly one ``Message/callFinished(_:)`` is posted per run: whoever takes the run out of the
/// table — the finished task or ``cancel(runID:)`` — posts it. A cancel therefore answers at
/// once, whatever the transport does with the cancellation (AsyncHTTPClient's requests are
/// cancelled too, but the UI never waits for that).
final class CallRunner: Sendable {
    let webhook: WebhookContext?
    private let runs = Mutex<[Int: Run]>([:])
    private let cachedEngine = Mutex<(revision: Int, engine: RoutingEngine)?>(nil)

    private struct Run: Sendable {
        var task: Task<Void, Never>
        var request: CallRequest
        var started: ContinuousClock.Instant
    }

    init(webhook: WebhookContext?) {
        self.webhook = webhook
    }

    func run(_ request: CallRequest, mailbox: Mailbox) {
        let started = ContinuousClock.now
        runs.withLock { runs in
            // Created under the lock, so the task cannot finish before it is in the table.
            let task = Task.detached(priority: .userInitiated) { [self] in
                let simulator = CallSimulator(engine: engine(for: request), webhook: context(for: request.workspace))
                var rng = SystemRandomNumberGenerator()
                let simulation = await simulator.run(request.call, using: &rng)
                let result = CallResult(
                    runID: request.runID, call: request.call, outcome: simulation.outcome, request: simulation.request,
                    exchange: simulation.exchange, durationMs: Self.milliseconds(since: started),
                    workspaceRevision: request.workspaceRevision)
                if take(request.runID) != nil { mailbox.post(.callFinished(result)) }
            }
            runs[request.runID] = Run(task: task, request: request, started: started)
        }
    }

    /// Stops a run and posts its cancelled result now; nothing if it already finished.
    func cancel(runID: Int, mailbox: Mailbox) {
        guard let run = take(runID) else { return }
        run.task.cancel()
        mailbox.post(.callFinished(.cancelled(run.request, afterMs: Self.milliseconds(since: run.started))))
    }

    /// Runs not yet finished or cancelled (tests).
    var activeRunIDs: [Int] { runs.withLock { Array($0.keys).sorted() } }

    private func take(_ runID: Int) -> Run? {
        runs.withLock { $0.removeValue(forKey: runID) }
    }

    /// The engine for the request's workspace, built only when the revision changed.
    private func engine(for request: CallRequest) -> RoutingEngine {
        if let cached = cachedEngine.withLock({ $0 }), cached.revision == request.workspaceRevision {
            return cached.engine
        }
        let workspace = request.workspace
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
        cachedEngine.withLock { $0 = (request.workspaceRevision, engine) }
        return engine
    }

    /// The webhook context with the edited workspace's limits, project ID and payload style
    /// (the transport and signer stay those the app started with).
    private func context(for workspace: Workspace) -> WebhookContext? {
        webhook?.adopting(workspace.settings)
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
