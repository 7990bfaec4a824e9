import TerminalKit

/// Where the user is on the history screen: the list, one run's details, a comparison, or the
/// scenario-name prompt. Kept in ``RunHistory`` so `H` reopens the history as it was left.
public struct HistoryScreen: Sendable, Equatable {
    public enum Mode: Sendable, Equatable {
        case list
        /// One run, drawn with the simulator's panes.
        case detail(runID: Int)
        /// Two runs side by side (older on the left).
        case compare(RunComparison)
    }

    /// The scenario-name prompt over the list (`s`).
    public struct ScenarioPrompt: Sendable, Equatable {
        public var runID: Int
        public var name: TextFieldState
        /// Where the scenario goes (shown under the field).
        public var path: String
    }

    /// A save waiting for the scenarios file to be read (``Effect/readFile(path:)``) or for
    /// the user to confirm replacing a scenario of the same name.
    public struct PendingSave: Sendable, Equatable {
        public var runID: Int
        public var name: String
        public var path: String
        /// The file's bytes when read; nil before, or when there is no file yet.
        public var existing: [UInt8]?
    }

    public var mode = Mode.list
    /// The detail was opened from the Live calls screen: Esc goes back there.
    public var returnsToLiveCalls = false
    /// The selected run, tracked by ID so new runs arriving on top never move it.
    public var selectedRunID: Int?
    /// The run marked with space, to compare with another.
    public var markedRunID: Int?
    /// List rows scrolled off the top.
    public var listOffset = 0
    /// Rows scrolled off the top of the detail or comparison.
    public var offset = 0
    /// The detail's pane when the panes are shown one at a time.
    public var pane = SimulatorState.Pane.outcome
    public var prompt: ScenarioPrompt?
    public var pendingSave: PendingSave?
    /// A re-run started from the history: when its result arrives, it is compared with the
    /// run it repeats.
    public var rerun: Rerun?

    public struct Rerun: Sendable, Equatable {
        public var original: Int
        public var new: Int
    }

    public init() {}
}

extension HistoryScreen {
    /// The key-binding context: the prompt takes typing; otherwise the mode's keys.
    public var keyContext: KeyContext {
        if prompt != nil { return .historyPrompt }
        switch mode {
        case .list: return .history
        case .detail: return .historyDetail
        case .compare: return .historyCompare
        }
    }
}
