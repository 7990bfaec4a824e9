import SwitchboardCore

/// Where a message came from: the address LiveKit's bridge sees as the caller's source.
public struct SIPSource: Sendable, Hashable, CustomStringConvertible {
    public var ip: String
    public var port: Int
    public var transport: String

    public init(ip: String, port: Int, transport: String) {
        self.ip = ip
        self.port = port
        self.transport = transport
    }

    public var description: String { "\(ip):\(port)/\(transport)" }
}

/// One event of a call as the endpoint handled it: for the log line, `--json` and the TUI.
/// A call gives one `invite` record when its INVITE is answered, and, when it was answered,
/// a `pin` record once its PIN is entered, and a `hangup` (the endpoint ended it) or a `bye`
/// (the caller did) record at its end.
public struct SIPCallRecord: Sendable {
    public enum Event: String, Sendable {
        /// The INVITE's final response (or the decision, when a cancel came first).
        case invite
        /// The PIN entered by INFO and what the second evaluation made of it.
        case pin
        /// The endpoint sent BYE: max call duration, a wrong PIN, a completed transfer.
        case hangup
        /// The caller sent BYE.
        case bye
    }

    public var event: Event = .invite
    public var sipCallID: String
    public var source: SIPSource
    /// The From and To users of the INVITE, also when routing never ran.
    public var from = ""
    public var to = ""
    /// Every status sent for the INVITE, in order (100 Trying first).
    public var sent: [Int]
    /// The final status, nil when none was sent (a call cancelled first).
    public var finalStatus: Int?
    public var finalReason: String
    /// `challenged`, `passed`, `failed`, or nil for a trunk without credentials.
    public var authentication: String?
    /// What the routing engine and the webhook made of the call, with the webhook's exchange;
    /// nil when routing never ran (a challenge, a refused credential).
    public var simulation: CallSimulation?
    public var outcome: CallOutcome? { simulation?.outcome }
    public var cancelled = false
    /// The digits of a `pin` event (`#` not included).
    public var pin: String?
    /// Why the call ended, for a `hangup` or `bye` event.
    public var hangupReason: String?
    /// From the INVITE to the final response (or to the decision, when none is sent); for a
    /// `pin`, `hangup` or `bye` event, from the INVITE to that event.
    public var milliseconds: Double
}
