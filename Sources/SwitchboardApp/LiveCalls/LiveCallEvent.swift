import SwitchboardCore

/// One event of a real call on the SIP endpoint, as the executable reports it to the app (the
/// app knows nothing of SIP sockets): the INVITE answered, a PIN entered, the call ended.
public struct LiveCallEvent: Sendable, Equatable {
    public enum Kind: String, Sendable {
        case invite, pin, hangup, bye
    }

    public var kind: Kind
    public var sipCallID: String
    /// `IP:PORT/transport` of the caller.
    public var source: String
    /// The From and To users of the INVITE (routing may never have run, after a challenge).
    public var from: String
    public var to: String
    /// Every status sent for the INVITE, 100 Trying first.
    public var sent: [Int]
    public var finalStatus: Int?
    public var finalReason: String
    /// `challenged`, `passed`, `failed`, or nil for a trunk without credentials.
    public var authentication: String?
    public var cancelled: Bool
    /// The digits of a `pin` event.
    public var pin: String?
    /// Why the call ended (`hangup`, `bye`).
    public var endReason: String?
    /// From the INVITE to this event.
    public var milliseconds: Double
    /// The routing and webhook run this event reports; nil when routing did not run.
    public var simulation: CallSimulation?

    public init(
        kind: Kind, sipCallID: String, source: String, from: String, to: String, sent: [Int], finalStatus: Int?,
        finalReason: String, authentication: String? = nil, cancelled: Bool = false, pin: String? = nil,
        endReason: String? = nil, milliseconds: Double, simulation: CallSimulation? = nil
    ) {
        self.kind = kind
        self.sipCallID = sipCallID
        self.source = source
        self.from = from
        self.to = to
        self.sent = sent
        self.finalStatus = finalStatus
        self.finalReason = finalReason
        self.authentication = authentication
        self.cancelled = cancelled
        self.pin = pin
        self.endReason = endReason
        self.milliseconds = milliseconds
        self.simulation = simulation
    }
}

/// The SIP endpoint as the app drives it: started from the Live calls screen, routing on the
/// workspace the app hands it (again after every edit), reporting call events. The executable
/// provides it (over SwitchboardSIP); tests give a fake.
public protocol LiveCallsSource: Sendable {
    /// Starts listening; returns the addresses (`sip:127.0.0.1:5060;transport=udp`). Events
    /// arrive on `deliver`, what went wrong outside a call (a malformed message) on `problem`,
    /// both from any thread.
    func start(
        workspace: Workspace, deliver: @escaping @Sendable (LiveCallEvent) -> Void, problem: @escaping @Sendable (String) -> Void
    ) async throws -> [String]
    /// Later calls are routed on `workspace`.
    func route(on workspace: Workspace)
}
