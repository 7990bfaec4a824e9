import SwitchboardCore
import SwitchboardIO
import Synchronization

/// Work `update` asks for but does not do itself, because it touches the outside world.
///
/// `update` stays pure and testable: it returns effects as values, tests assert on them, and
/// the injected ``EffectRunner`` performs them. Results come back later as ``Message``s through
/// the runner, on the UI thread, so nothing outside the loop ever touches the terminal.
public enum Effect: Sendable, Equatable {
    /// Turn terminal mouse reporting on or off (off lets the terminal select text).
    case setMouseReporting(Bool)
    /// Read the input files again and build a new catalog, off the UI thread.
    case reload(paths: [String])
    /// Write a file atomically, off the UI thread; answered by ``Message/fileWritten(_:)``.
    case writeFile(FileWrite)
    /// Remove a file if it exists (a recovery file that was restored or discarded).
    case removeFile(path: String)
    /// Simulate a call (routing, and the webhook for a dynamic rule) off the UI thread;
    /// answered by ``Message/callFinished(_:)``.
    case runCall(CallRequest)
    /// Stop waiting for a call's webhook; its result, if it still comes, is dropped.
    case cancelCall(runID: Int)
    /// Read a file off the UI thread (the scenarios file a run is saved into); answered by
    /// ``Message/fileRead(_:)``.
    case readFile(path: String)
    /// Put text on the system clipboard with OSC 52 (works over SSH and inside tmux).
    case copyToClipboard(String)
    /// Validate the workspace off the UI thread (start-up); answered by ``Message/checked(_:)``.
    case check(CheckRequest)
    /// Fetch the server's lists for a pull and tell what writing them would drop; answered
    /// by ``Message/pullFetched(_:)``.
    case fetchForPull(PushRequest)
    /// Write fetched lists over the pulled files; answered by ``Message/pullWritten(_:)``.
    case writePulled(ServerLists)
    /// Fetch the server's lists and make the push plan; answered by ``Message/pushPlanned(_:)``.
    case planPush(PushRequest)
    /// Send a shown plan, step by step; answered by ``Message/pushProgress(done:)`` per step
    /// and ``Message/pushFinished(_:)``.
    case sendPush(PushRequest, PlannedPush)
    /// Start the SIP endpoint, routing on this workspace; answered by
    /// ``Message/liveCallsStarted(_:)``, then ``Message/liveCall(_:)`` per call event.
    case startLiveCalls(Workspace)
    /// The SIP endpoint routes later calls on this workspace (after an edit).
    case routeLiveCalls(Workspace)
}

/// Performs effects. The loop calls ``run(_:)`` for every effect `update` returns and
/// ``takeMessages()`` on every turn; both on the UI thread. Long work must not block
/// ``run(_:)``: start it elsewhere and post its result with a ``Mailbox``.
public protocol EffectRunner: AnyObject {
    func run(_ effect: Effect)
    /// Messages produced by finished effects since the last call, oldest first.
    func takeMessages() -> [Message]
}

/// A thread-safe queue of messages: background work posts, the UI thread takes.
public final class Mailbox: Sendable {
    private let messages = Mutex<[Message]>([])

    public init() {}

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
    }

    public func takeAll() -> [Message] {
        messages.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
    }
}

/// A runner that only records what it was asked to do (tests, benchmarks).
public final class RecordingEffectRunner: EffectRunner {
    public private(set) var effects: [Effect] = []
    public let mailbox = Mailbox()

    public init() {}

    public func run(_ effect: Effect) {
        effects.append(effect)
    }

    public func takeMessages() -> [Message] {
        mailbox.takeAll()
    }
}
