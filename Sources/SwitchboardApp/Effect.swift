import Synchronization

/// Work `update` asks for but does not do itself, because it touches the outside world.
///
/// `update` stays pure and testable: it returns effects as values, tests assert on them, and
/// the injected ``EffectRunner`` performs them. Results come back later as ``Message``s through
/// the runner, on the UI thread, so nothing outside the loop ever touches the terminal. Part 2
/// adds its cases here: send a webhook, write a file, copy to the clipboard (OSC 52).
public enum Effect: Sendable, Equatable {
    /// Turn terminal mouse reporting on or off (off lets the terminal select text).
    case setMouseReporting(Bool)
    /// Read the input files again and build a new catalog, off the UI thread.
    case reload(paths: [String])
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
