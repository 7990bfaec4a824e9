import SwitchboardCore

/// A call the endpoint answered with 200 OK, from that answer to the BYE: what its ACK, INFO
/// (a PIN's digits), NOTIFY (a transfer's progress) and BYE need, and the requests the
/// endpoint sends in it (REFER, BYE).
struct SIPDialog {
    var invite: SIPMessage
    var toTag: String
    var source: SIPSource
    var send: SIPUserAgent.Send
    /// The call as the first evaluation saw it; a PIN's second evaluation adds the digits.
    var spec: CallSpec
    var record: SIPCallRecord
    var started: Double
    /// The digits gathered so far while the PIN prompt waits; nil when no PIN is asked for.
    var pin: String?
    /// A transfer's target, referred to once the caller's ACK arrives.
    var referTo: String?
    /// When the endpoint hangs up an answered call (the rule's or trunk's max call duration).
    var maxCallSeconds: Double
    var acknowledged = false
    /// Resends the 200 OK until the ACK comes (UDP), and ends the call if it never does.
    var ackTimer: Task<Void, Never>?
    var hangupTimer: Task<Void, Never>?
    var nextCSeq = 1

    /// LiveKit's clamp: unset, ≤ 0 or over 24 h means 24 h (livekit-routing.md, trunk field 12).
    static func maxCallSeconds(of outcome: CallOutcome) -> Double {
        let day = 24.0 * 3600
        guard let nanoseconds = outcome.session?.maxCallDuration?.nanoseconds, nanoseconds > 0 else { return day }
        return min(Double(nanoseconds) / 1e9, day)
    }

    /// A request from us (the callee) to the caller in this dialog (RFC 3261 section 12.2.1.1):
    /// to the caller's Contact, From our tagged To, To the caller's From, our own CSeq.
    mutating func request(
        _ method: String, localHostPort: String, branch: String, extra: [(name: String, value: String)] = []
    ) -> SIPMessage {
        let contact = invite.header("contact").map { header -> String in
            guard let open = header.firstIndex(of: "<"), let close = header.firstIndex(of: ">"), open < close else { return header }
            return String(header[header.index(after: open)..<close])
        }
        var to = invite.header("to") ?? ""
        if SIPParameters.value("tag", in: to) == nil { to += ";tag=\(toTag)" }
        defer { nextCSeq += 1 }
        return SIPMessage(
            start: .request(method: method, uri: contact ?? "sip:\(source.ip):\(source.port)"),
            headers: [
                ("Via", "SIP/2.0/\(source.transport.uppercased()) \(localHostPort);branch=z9hG4bK\(branch)"),
                ("Max-Forwards", "70"), ("From", to), ("To", invite.header("from") ?? ""),
                ("Call-ID", invite.header("call-id") ?? ""), ("CSeq", "\(nextCSeq) \(method)"),
            ] + extra)
    }
}
