import SwitchboardCore

/// One simulated call the simulator asks the runner to make (``Effect/runCall(_:)``).
///
/// Carries the workspace as edited at the time of the run, so a re-run after an edit shows the
/// difference, and its revision, so the runner rebuilds its routing index (not free for 100k
/// rules) only when the workspace changed.
public struct CallRequest: Sendable, Equatable {
    /// Numbers runs within the session; results and cancels refer to it.
    public var runID: Int
    public var call: SimulatedCall
    public var workspace: Workspace
    /// ``AppState/workspaceRevision`` when the run started: equal revisions mean equal workspaces.
    public var workspaceRevision: Int

    public init(runID: Int, call: SimulatedCall, workspace: Workspace, workspaceRevision: Int) {
        self.runID = runID
        self.call = call
        self.workspace = workspace
        self.workspaceRevision = workspaceRevision
    }

    /// Compares the cheap parts only: a workspace is identified by its revision.
    public static func == (a: CallRequest, b: CallRequest) -> Bool {
        a.runID == b.runID && a.call == b.call && a.workspaceRevision == b.workspaceRevision
    }
}

/// What a finished run produced (``Message/callFinished(_:)``): everything the panes, the
/// copies and the history show.
public struct CallResult: Sendable, Equatable {
    public enum Ending: Sendable, Equatable {
        /// Routing (and the webhook, if any) ran to the end: ``CallResult/outcome`` is set.
        case finished
        /// Esc stopped the run before it ended; there is no outcome.
        case cancelled
    }

    public var runID: Int
    public var call: SimulatedCall
    public var ending: Ending
    /// The same outcome `switchboard simulate` prints; nil when cancelled.
    public var outcome: CallOutcome?
    /// The webhook request as sent; nil when no webhook was called (or the run was cancelled
    /// before the answer).
    public var request: WebhookRequest?
    /// The response as received, with raw body bytes, or how the exchange failed.
    public var exchange: WebhookExchange?
    /// From the start of the run to its end (or the cancel), in milliseconds.
    public var durationMs: Double
    /// The workspace revision the call was routed against.
    public var workspaceRevision: Int

    public init(
        runID: Int, call: SimulatedCall, ending: Ending = .finished, outcome: CallOutcome? = nil, request: WebhookRequest? = nil,
        exchange: WebhookExchange? = nil, durationMs: Double = 0, workspaceRevision: Int = 0
    ) {
        self.runID = runID
        self.call = call
        self.ending = ending
        self.outcome = outcome
        self.request = request
        self.exchange = exchange
        self.durationMs = durationMs
        self.workspaceRevision = workspaceRevision
    }

    /// A run stopped by the user after `durationMs`.
    public static func cancelled(_ request: CallRequest, afterMs durationMs: Double) -> CallResult {
        CallResult(
            runID: request.runID, call: request.call, ending: .cancelled, durationMs: durationMs,
            workspaceRevision: request.workspaceRevision)
    }
}
