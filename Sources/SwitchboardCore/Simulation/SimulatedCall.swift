/// An inbound call with every default applied: what the SIP bridge would extract from the
/// INVITE (From/To user and host, source IP, Call-ID, headers) plus the pin state.
public struct SimulatedCall: Sendable, Equatable {
    public var from: String
    public var to: String
    public var fromHost: String
    public var toHost: String
    public var sourceIP: String
    /// LiveKit's call ID (`SCL_…`).
    public var callID: String
    /// The SIP Call-ID header.
    public var sipCallID: String
    /// Digits entered after the pin prompt; empty on the first evaluation.
    public var pin: String
    /// The caller pressed only `#` at the pin prompt.
    public var noPin: Bool
    /// SIP headers of the INVITE, in order.
    public var headers: StringMap

    public init(
        from: String, to: String, fromHost: String = CallSpec.defaultFromHost, toHost: String = CallSpec.defaultToHost,
        sourceIP: String = CallSpec.defaultSourceIP, callID: String, sipCallID: String = "", pin: String = "",
        noPin: Bool = false, headers: StringMap = StringMap()
    ) {
        self.from = from
        self.to = to
        self.fromHost = fromHost
        self.toHost = toHost
        self.sourceIP = sourceIP
        self.callID = callID
        self.sipCallID = sipCallID
        self.pin = pin
        self.noPin = noPin
        self.headers = headers
    }

    /// Applies `simulate`'s defaults to a saved call. IDs come from `rng` when not given.
    public init(_ spec: CallSpec, using rng: inout some RandomNumberGenerator) {
        let callID = spec.callId.isEmpty ? GeneratedID.call(using: &rng) : spec.callId
        self.init(
            from: spec.from, to: spec.to,
            fromHost: spec.fromHost.isEmpty ? CallSpec.defaultFromHost : spec.fromHost,
            toHost: spec.toHost.isEmpty ? CallSpec.defaultToHost : spec.toHost,
            sourceIP: spec.sourceIp.isEmpty ? CallSpec.defaultSourceIP : spec.sourceIp,
            callID: callID,
            sipCallID: spec.sipCallId.isEmpty
                ? GeneratedID.suffix(using: &rng) + "@" + (spec.fromHost.isEmpty ? CallSpec.defaultFromHost : spec.fromHost)
                : spec.sipCallId,
            pin: spec.pin, noPin: spec.noPin, headers: spec.headers)
    }
}
