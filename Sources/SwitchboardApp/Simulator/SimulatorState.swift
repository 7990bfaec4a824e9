import SwitchboardCore

/// The call simulator's screen: the call form, the run in flight and the panes.
///
/// Kept in ``AppState`` while browsing, so `c` reopens the simulator exactly as it was left
/// (form values, last result, scroll positions).
public struct SimulatorState: Sendable, Equatable {
    /// Where the keyboard is on this screen.
    public enum Focus: Sendable, Equatable {
        /// The call form (typing edits the focused field).
        case form
        /// The result panes (letters are commands: copy, switch pane, scroll).
        case result
        /// The saved-call picker over the form.
        case picker
    }

    /// The three result panes, in screen order.
    public enum Pane: Int, CaseIterable, Sendable, Equatable {
        case request, response, outcome

        public var title: String {
            switch self {
            case .request: return "Request"
            case .response: return "Response"
            case .outcome: return "Outcome"
            }
        }
    }

    /// What the panes show.
    public enum Run: Sendable, Equatable {
        /// Nothing run yet.
        case idle
        /// A run in flight since `startedAt` (``AppState/clock``), drawn with a spinner.
        case running(CallRequest, startedAt: Int)
        /// The last run's result (finished or cancelled).
        case done(CallResult)
    }

    public var form = CallForm()
    public var focus = Focus.form
    /// The pane the keyboard scrolls (and, when the panes are tabs, the one shown).
    public var pane = Pane.outcome
    public var run = Run.idle
    /// Rows scrolled off the top of each pane.
    public var offsets: [Pane: Int] = [:]
    /// The content of the last result, built once when it arrives.
    public var content: SimulatorContent?
    /// The selected row of the saved-call picker.
    public var pickerSelection = 0
    /// The next run's number; the history keeps runs in this order.
    public var nextRunID = 1
    /// Whether the form was prefilled from the selection yet (only the first time, so values
    /// typed by the user are kept when leaving and coming back).
    public var prefilled = false

    public init() {}

    public var isRunning: Bool {
        if case .running = run { return true }
        return false
    }

    /// The run in flight, if any.
    public var runningRequest: CallRequest? {
        if case .running(let request, _) = run { return request }
        return nil
    }

    /// The last result, if the last run ended.
    public var result: CallResult? {
        if case .done(let result) = run { return result }
        return nil
    }

    public func offset(_ pane: Pane) -> Int { offsets[pane] ?? 0 }

    /// The key-binding context: a run in flight takes only Esc; otherwise where the focus is.
    public var keyContext: KeyContext {
        if isRunning { return .simulatorRunning }
        switch focus {
        case .form: return .simulator
        case .result: return .simulatorResult
        case .picker: return .simulatorPicker
        }
    }
}
