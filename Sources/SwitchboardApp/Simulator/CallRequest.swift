import SwitchboardCore

/// One simulated call the simulator asks the runner to make (``Effect/runCall(_:)``).
// Owner: the call simulator. Carries the call and the workspace as edited at the time of the run.
public struct CallRequest: Sendable, Equatable {
    /// Numbers runs within the session; results and cancels refer to it.
    public var runID: Int

    public init(runID: Int) {
        self.runID = runID
    }
}

/// What a finished run produced (``Message/callFinished(_:)``).
public struct CallResult: Sendable {
    public var runID: Int

    public init(runID: Int) {
        self.runID = runID
    }
}
