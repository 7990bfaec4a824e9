/// What LiveKit's SIP bridge reads from an INVITE, and what it answers: the call the routing
/// engine runs (the same `CallSpec` `simulate` builds from its options) and the SIP responses
/// its outcome becomes (livekit-routing.md 2.6).
public enum SIPCall {
    /// The call an INVITE from `sourceIP` places: From and To user and host, the source
    /// address, every header (X- headers map to attributes as the rule says), the Call-ID.
    public static func spec(of invite: SIPMessage, sourceIP: String) throws(SIPParseError) -> CallSpec {
        guard let fromHeader = invite.header("from"), let toHeader = invite.header("to") else {
            throw SIPParseError("missing From or To header")
        }
        let from = try SIPAddress(fromHeader)
        let to = try SIPAddress(toHeader)
        var spec = CallSpec(from: from.user, to: to.user)
        spec.fromHost = from.host
        spec.toHost = to.host
        spec.sourceIp = sourceIP
        spec.sipCallId = invite.header("call-id") ?? ""
        var seen = Set<String>()
        var pairs: [(String, String)] = []
        for header in invite.headers where seen.insert(SIPMessage.canonical(header.name)).inserted {
            pairs.append((header.name, header.value))
        }
        spec.headers = StringMap(pairs)
        return spec
    }

    /// One response the endpoint sends for an outcome, in order.
    public struct Answer: Sendable, Equatable {
        public var status: Int
        public var reason: String
        /// 200 OK carries an SDP answer.
        public var withSDP = false
        /// After the caller's ACK, a REFER to this target (a transfer).
        public var referTo: String?
    }

    /// The final responses for an outcome after `100 Trying`: ACCEPT rings (180) then answers
    /// (200 + SDP); a PIN prompt answers; REJECT, errors and Cloud's no-trunk give their status;
    /// TRANSFER answers (200 + SDP) and, once the caller ACKs, sends a REFER to the target, as the
    /// webhook contract says (dynamic-dispatch.md section 4) and as LiveKit's own
    /// TransferSIPParticipant transfers an answered call. DROP (no rule in open-source mode) is
    /// what LiveKit's bridge closes as a "flood": 486 `Rejected`, the status its call closing
    /// sends for that state (livekit/sip `CallStatus.SIPStatus`).
    public static func answers(for outcome: CallOutcome) -> [Answer] {
        switch outcome.result {
        case .accept:
            return [Answer(status: 180, reason: "Ringing"), Answer(status: 200, reason: "OK", withSDP: true)]
        case .requestPin:
            return [Answer(status: 200, reason: "OK", withSDP: true)]
        case .transfer:
            let target = outcome.transfer?.to ?? ""
            let uri = target.hasPrefix("sip:") || target.hasPrefix("tel:") ? target : "tel:" + target
            return [
                Answer(status: 180, reason: "Ringing"), Answer(status: 200, reason: "OK", withSDP: true, referTo: "<\(uri)>"),
            ]
        case .drop:
            return [Answer(status: 486, reason: "Rejected")]
        case .reject, .error:
            guard let status = outcome.sip.status else { return [] }
            return [Answer(status: status, reason: outcome.sip.reason.isEmpty ? "Rejected" : outcome.sip.reason)]
        }
    }

    /// An SDP answer with a port nobody reads: enough for a caller to consider the call up.
    public static func sdpAnswer(address: String, sessionID: UInt64) -> [UInt8] {
        let ip = address.contains(":") ? "IP6 \(address)" : "IP4 \(address)"
        return Array(
            """
            v=0\r
            o=switchboard \(sessionID) \(sessionID) IN \(ip)\r
            s=switchboard\r
            c=IN \(ip)\r
            t=0 0\r
            m=audio 9 RTP/AVP 0 101\r
            a=rtpmap:0 PCMU/8000\r
            a=rtpmap:101 telephone-event/8000\r
            a=sendrecv\r

            """.utf8)
    }
}
