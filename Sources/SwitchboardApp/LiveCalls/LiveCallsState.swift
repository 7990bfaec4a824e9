/// The Live calls screen: whether the endpoint listens, and the calls it took, newest last.
public struct LiveCallsState: Sendable, Equatable {
    public enum Listening: Sendable, Equatable {
        case off
        case starting
        case listening([String])
        case failed(String)
    }

    public var listening = Listening.off
    public private(set) var calls: [LiveCall] = []
    /// The selected call; nil follows the newest.
    public var selectedCallID: String?
    /// First row shown (0 = newest).
    public var offset = 0
    /// The workspace revision the endpoint routes on, to hand it every later edit.
    var routedRevision: Int?
    /// Calls dropped to keep the list within ``capacity``.
    public private(set) var dropped = 0
    /// Lines the endpoint reported outside calls (malformed messages), and the latest.
    public private(set) var problems = 0
    public private(set) var lastProblem: String?

    mutating func report(problem: String) {
        problems += 1
        lastProblem = problem
    }

    public static let capacity = 1000

    public init() {}

    /// Newest first, as the list shows them.
    public var newestFirst: [LiveCall] { calls.reversed() }

    public var selectedIndex: Int {
        guard let id = selectedCallID, let index = newestFirst.firstIndex(where: { $0.sipCallID == id }) else { return 0 }
        return index
    }

    /// Adds or updates the call the event is about; returns its position in `calls`.
    @discardableResult
    mutating func apply(_ event: LiveCallEvent, at clock: Int) -> Int {
        if let index = calls.lastIndex(where: { $0.sipCallID == event.sipCallID }) {
            calls[index].apply(event)
            return index
        }
        var call = LiveCall(event, at: clock)
        call.apply(event)
        calls.append(call)
        if calls.count > Self.capacity {
            calls.removeFirst(calls.count - Self.capacity)
            dropped += 1
        }
        return calls.count - 1
    }

    mutating func setRunID(_ runID: Int, at index: Int) { calls[index].runID = runID }
}
