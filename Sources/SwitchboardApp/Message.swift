import SwitchboardCore
import SwitchboardIO
import TerminalKit

/// Everything that can happen to the app, as a value: keys, resizes, the passing of time and
/// the results of effects. The loop turns the outside world into messages; ``App/update(_:_:)``
/// is the only thing that reacts to them.
public enum Message: Sendable {
    /// A key press or mouse event (never ``Key/resize``: the loop sends ``resize(_:)``).
    case key(Key)
    /// The terminal has a new size; relayout.
    case resize(TerminalSize)
    /// Time passed; `milliseconds` is a monotonic clock (toasts expire by it).
    case tick(milliseconds: Int)
    /// The effect runner switched mouse reporting (``Effect/setMouseReporting(_:)``).
    case mouseReportingChanged(Bool)
    /// A reload (``Effect/reload(paths:)``) finished, with the new catalog or the error text.
    case reloaded(Result<WorkspaceCatalog, ReloadFailure>)
    /// A ``Effect/writeFile(_:)`` finished.
    case fileWritten(FileWriteResult)
    /// A ``Effect/readFile(path:)`` finished.
    case fileRead(FileReadResult)
    /// A ``Effect/runCall(_:)`` finished (or failed) with everything the panes show.
    case callFinished(CallResult)
    /// SIGTERM, SIGHUP or SIGINT (ctrl+c) arrived: save what must not be lost (the recovery file), then quit.
    case terminationRequested
    /// A ``Effect/check(_:)`` finished.
    case checked(CheckResult)
    /// A ``Effect/fetchForPull(_:)`` finished.
    case pullFetched(Result<FetchedPull, ReloadFailure>)
    /// A ``Effect/writePulled(_:)`` finished, with the files written.
    case pullWritten(Result<[String], ReloadFailure>)
    /// A ``Effect/planPush(_:)`` finished.
    case pushPlanned(Result<PlannedPush, ReloadFailure>)
    /// A step of a ``Effect/sendPush(_:_:)`` went through (1-based count).
    case pushProgress(done: Int)
    /// A ``Effect/sendPush(_:_:)`` ended: everything sent, or up to the first failure.
    case pushFinished(PushRun.Outcome)
    /// The SIP endpoint listens on these addresses, or could not start.
    case liveCallsStarted(Result<[String], ReloadFailure>)
    /// A real call's event on the SIP endpoint.
    case liveCall(LiveCallEvent)
    /// Something the SIP endpoint could not read (a malformed message), in one line.
    case liveCallsProblem(String)
}

/// Why a reload failed, as the user should read it (`rules.json:14:9: expected …`).
public struct ReloadFailure: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
