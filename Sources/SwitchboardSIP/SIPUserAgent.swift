import SwitchboardCore

/// The SIP user agent server: RFC 3261 transactions for INVITE (100 Trying, then the answers
/// the outcome asks for; a retransmitted INVITE gets the last response again), ACK, CANCEL
/// (200, then 487 for the INVITE), BYE, OPTIONS, INFO and NOTIFY, and digest challenges for
/// trunks with credentials. Each INVITE goes through `simulate`, the same routing engine and
/// webhook client `switchboard simulate` uses.
///
/// An actor: messages of one call can arrive while its webhook is being asked (a CANCEL, a
/// retransmission); they are handled in between, and a final response is not sent for a
/// transaction that was cancelled meanwhile.
public actor SIPUserAgent {
    public typealias Send = @Sendable ([UInt8]) -> Void

    /// An INVITE server transaction, keyed by its top Via branch.
    struct InviteTransaction {
        var lastResponse: [UInt8]
        var final = false
        var cancelled = false
        var toTag: String
        var request: SIPMessage
        var record: SIPCallRecord
        var started: Double
    }

    let router: any SIPCallRouter
    let localAddress: String
    let onCall: @Sendable (SIPCallRecord) -> Void
    let onProblem: @Sendable (String) -> Void
    let now: @Sendable () -> Double
    var rng: SeededGenerator
    var invites: [String: InviteTransaction] = [:]
    /// When `invites` is swept next (see `forgetFinishedTransactions`).
    var nextSweep = 1024
    /// Calls answered with 200 OK, by Call-ID, until a BYE ends them.
    var dialogs: [String: SIPDialog] = [:]
    /// Challenge nonces and when they were issued.
    var nonces: [String: Double] = [:]
    /// The port the endpoint bound (for Via and Contact of what we send); set once listening.
    var localPort = 5060
    /// Malformed messages seen (for the flood test and the log).
    public private(set) var malformed = 0
    var malformedWindow = (second: 0, reported: 0, suppressed: 0)

    /// How long the endpoint waits for an ACK, and how often it resends an unacknowledged 200.
    public struct Timers: Sendable {
        /// RFC 3261's T1: the first resend of a 200 OK over UDP; each later one waits twice as
        /// long, up to `t2`.
        public var t1: Double = 0.5
        public var t2: Double = 4
        /// LiveKit's bridge ends a call whose 200 OK is not acknowledged within 5 s
        /// (`inviteOkAckTimeout`).
        public var ackTimeout: Double = 5

        public init() {}
    }

    let timers: Timers

    public init(
        router: any SIPCallRouter, localAddress: String, seed: UInt64,
        onCall: @escaping @Sendable (SIPCallRecord) -> Void, onProblem: @escaping @Sendable (String) -> Void,
        now: @escaping @Sendable () -> Double, timers: Timers = Timers()
    ) {
        self.timers = timers
        self.router = router
        self.localAddress = localAddress
        self.onCall = onCall
        self.onProblem = onProblem
        self.now = now
        rng = SeededGenerator(seed: seed)
    }

    /// The endpoint's real port, once bound (`--listen …:0` picks one).
    public func bound(port: Int) { localPort = port }

    var localHostPort: String { "\(localAddress):\(localPort)" }

    /// Handles one message. Synchronous on purpose: the sockets hand messages over one at a time
    /// in arrival order (`SIPEndpoint`), and each is dealt with before the next; what takes time
    /// (the routing and the webhook of an INVITE, a PIN's second evaluation) goes on in a task
    /// of its own, so a CANCEL or a retransmission is never held up behind a webhook.
    public func receive(_ bytes: [UInt8], from source: SIPSource, send: @escaping Send) {
        // Keep-alives (RFC 5626 CRLF pings) are not messages.
        if bytes.allSatisfy({ $0 == 0x0D || $0 == 0x0A }) { return }
        let message: SIPMessage
        do {
            message = try SIPParser.parse(bytes)
        } catch {
            malformed += 1
            reportMalformed("\(source): malformed message: \(error.reason)")
            if let reply = SIPBadRequest.response(to: bytes, reason: error.reason) { send(reply) }
            return
        }
        guard case .request(let method, _) = message.start else { return }  // answers to our BYE, REFER: nothing to do
        switch method {
        case "INVITE": invite(message, from: source, send: send)
        case "ACK": ack(message)
        case "CANCEL": cancel(message, send: send)
        case "BYE": bye(message, send: send)
        case "INFO": info(message, send: send)
        case "NOTIFY": notify(message, send: send)
        case "OPTIONS":
            send(message.response(200, "OK", toTag: nextTag(), extra: [("Allow", Self.allow)]).bytes)
        default:
            send(message.response(405, "Method Not Allowed", toTag: nil, extra: [("Allow", Self.allow)]).bytes)
        }
    }

    /// A flood must not flood the log too: at most `malformedReportsPerSecond` lines a
    /// second, then one line that counts the rest.
    func reportMalformed(_ line: String) {
        let second = Int(now() / 1000)
        if second != malformedWindow.second {
            if malformedWindow.suppressed > 0 {
                onProblem("\(malformedWindow.suppressed) more malformed messages in that second, not shown")
            }
            malformedWindow = (second, 0, 0)
        }
        if malformedWindow.reported < Self.malformedReportsPerSecond {
            malformedWindow.reported += 1
            onProblem(line)
        } else {
            malformedWindow.suppressed += 1
        }
    }

    static let malformedReportsPerSecond = 5

    static let allow = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, NOTIFY"

    func nextTag() -> String { String(rng.next() & 0xFFFF_FFFF, radix: 16) }

    func invite(_ request: SIPMessage, from source: SIPSource, send: @escaping Send) {
        // The transaction's key (RFC 3261 section 17.2.3): the branch, within its call, so that
        // two callers that happen to pick the same branch are not mistaken for each other.
        let branch = (request.branch ?? request.header("cseq") ?? "") + " " + (request.header("call-id") ?? "")
        if let known = invites[branch] {
            send(known.lastResponse)  // a retransmission: the transaction's last response again
            return
        }
        forgetFinishedTransactions()
        let toTag = nextTag()
        let trying = request.response(100, "Trying", toTag: nil).bytes
        let record = SIPCallRecord(
            sipCallID: request.header("call-id") ?? "", source: source, sent: [100], finalStatus: nil, finalReason: "",
            authentication: nil, simulation: nil, milliseconds: 0)
        invites[branch] = InviteTransaction(lastResponse: trying, toTag: toTag, request: request, record: record, started: now())
        send(trying)

        let spec: CallSpec
        do {
            spec = try SIPCall.spec(of: request, sourceIP: source.ip)
        } catch {
            finish(branch, status: 400, reason: "Bad Request (\(error.reason))", send: send)
            return
        }
        invites[branch]?.record.from = spec.from
        invites[branch]?.record.to = spec.to
        if let trunk = router.trunk(for: spec), trunk.requiresAuth {
            guard authenticate(request, trunk: trunk, branch: branch, send: send) else { return }
        }
        Task {
            let simulation = await router.simulate(spec)
            answer(branch, request: request, spec: spec, source: source, simulation: simulation, send: send)
        }
    }

    /// The INVITE's answers once routing (and the webhook) decided; nothing when the caller
    /// cancelled meanwhile.
    func answer(
        _ branch: String, request: SIPMessage, spec: CallSpec, source: SIPSource, simulation: CallSimulation,
        send: @escaping Send
    ) {
        guard let transaction = invites[branch], !transaction.cancelled else { return }
        let outcome = simulation.outcome
        let toTag = transaction.toTag
        invites[branch]?.record.simulation = simulation
        for answer in SIPCall.answers(for: outcome) {
            guard answer.status >= 200 else {
                let bytes = request.response(answer.status, answer.reason, toTag: toTag).bytes
                invites[branch]?.lastResponse = bytes
                invites[branch]?.record.sent.append(answer.status)
                send(bytes)
                continue
            }
            guard answer.withSDP else {
                finish(branch, status: answer.status, reason: answer.reason, send: send)
                continue
            }
            // Answered: the headers the rule asks for (LiveKit's `Accept(…, headers)`), and
            // a dialog the ACK, INFO, NOTIFY and BYE of this call find.
            var extra: [(name: String, value: String)] = [
                ("Contact", "<sip:switchboard@\(localHostPort)>"), ("Content-Type", "application/sdp"),
            ]
            for header in outcome.session?.headers ?? StringMap() { extra.append((header.key, header.value)) }
            let body = SIPCall.sdpAnswer(address: localAddress, sessionID: rng.next() >> 20)
            finish(branch, status: answer.status, reason: answer.reason, extra: extra, body: body, send: send)
            let callID = transaction.record.sipCallID
            dialogs[callID] = SIPDialog(
                invite: request, toTag: toTag, source: source, send: send, spec: spec,
                record: invites[branch]?.record ?? transaction.record, started: transaction.started,
                pin: outcome.result == .requestPin ? "" : nil, referTo: answer.referTo,
                maxCallSeconds: SIPDialog.maxCallSeconds(of: outcome))
            awaitAck(callID, answer: invites[branch]?.lastResponse ?? [], overUDP: source.transport == "udp")
        }
    }

    /// Sends the final response, remembers it for retransmissions, and logs the call.
    func finish(
        _ branch: String, status: Int, reason: String, extra: [(name: String, value: String)] = [], body: [UInt8] = [],
        send: Send
    ) {
        guard var transaction = invites[branch], !transaction.final else { return }
        let bytes = transaction.request.response(status, reason, toTag: transaction.toTag, extra: extra, body: body).bytes
        transaction.lastResponse = bytes
        transaction.final = true
        transaction.record.sent.append(status)
        transaction.record.finalStatus = status
        transaction.record.finalReason = reason
        transaction.record.milliseconds = now() - transaction.started
        invites[branch] = transaction
        send(bytes)
        onCall(transaction.record)
    }

    /// A final INVITE transaction is kept 32 s (RFC 3261 Timer H: 64 × T1) to answer
    /// retransmissions, then forgotten, so a long run does not keep every call it took.
    func forgetFinishedTransactions() {
        guard invites.count >= nextSweep else { return }
        let time = now()
        invites = invites.filter { !$0.value.final || time - $0.value.started < Self.transactionLifetimeMs }
        nextSweep = max(1024, invites.count * 2)
    }

    static let transactionLifetimeMs = 32_000.0

    func cancel(_ cancel: SIPMessage, send: Send) {
        let branch =
            (cancel.branch ?? cancel.header("cseq").map { $0.replacingOccurrences(of: "CANCEL", with: "INVITE") } ?? "")
            + " " + (cancel.header("call-id") ?? "")
        guard var transaction = invites[branch] else {
            send(cancel.response(481, "Call/Transaction Does Not Exist", toTag: nil).bytes)
            return
        }
        send(cancel.response(200, "OK", toTag: transaction.toTag).bytes)
        guard !transaction.final else { return }
        transaction.cancelled = true
        transaction.record.cancelled = true
        invites[branch] = transaction
        finish(branch, status: 487, reason: "Request Terminated", send: send)
    }
}
