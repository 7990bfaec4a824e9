/// The `compat: …` notes of dynamic-dispatch.md section 5: for one webhook exchange, every way
/// the proposal's own code (PR #1123) would have acted differently. The contract is what the
/// simulator follows; these notes tell a user what the proposal would have done instead, so a
/// webhook can be written to work with both.
public enum CompatibilityNotes {
    public static let prefix = "compat: "

    /// Everything one exchange consists of, as far as it got.
    public struct Exchange: Sendable {
        public var rule: DynamicRule
        public var request: WebhookRequest
        public var payload: ProjectSettings.Payload
        public var result: WebhookExchange
        /// Our reading of the response; nil when no usable response arrived.
        public var reply: Result<WebhookReply, WebhookReplyError>?

        public init(
            rule: DynamicRule, request: WebhookRequest, payload: ProjectSettings.Payload, result: WebhookExchange,
            reply: Result<WebhookReply, WebhookReplyError>?
        ) {
            self.rule = rule
            self.request = request
            self.payload = payload
            self.result = result
            self.reply = reply
        }
    }

    public static func notes(for exchange: Exchange) -> [String] {
        var notes = requestNotes(exchange)
        notes += transportNotes(exchange.result)
        if let response = exchange.result.response, response.status == 200, exchange.result.failure == nil,
            let reply = exchange.reply
        {
            notes += bodyNotes(body: response.body, reply: reply)
        }
        return notes.map { prefix + $0 }
    }

    static func requestNotes(_ exchange: Exchange) -> [String] {
        var notes: [String] = []
        if !exchange.rule.url.hasPrefix("https://") {
            notes.append("the proposal's validation refuses URLs that do not start with https:// (this rule could not be created there)")
        }
        if exchange.request.method == .get {
            notes.append("the proposal's code always sends POST with a JSON body; this rule's method GET is ignored there")
        }
        if exchange.payload == .extended {
            notes.append(
                "the proposal sends only the seven standard fields; rule_id, sip_call_id, source_ip and headers are not sent there")
        }
        if exchange.request.headers["Authorization"] != nil {
            // Worded from this request's side: "not signed" next to a signed request read as a
            // contradiction.
            notes.append(
                "this request is signed; the proposal's code sends no Authorization header, so a webhook that checks it refuses those calls"
            )
        }
        return notes
    }

    static func transportNotes(_ result: WebhookExchange) -> [String] {
        switch result.failure {
        case .connectTimeout(let ms), .totalTimeout(let ms):
            return [
                "the proposal's code has no timeout: the call would have waited for this webhook with no limit instead of failing after \(ms) ms"
            ]
        case .responseTooLarge:
            return ["the proposal's code has no size limit and would have read the whole body"]
        default: break
        }
        if let status = result.response?.status, (300..<400).contains(status),
            result.response?.headers.first(where: { $0.key.lowercased() == "location" }) != nil
        {
            return ["the proposal's code (Go's default HTTP client) would have followed this redirect; Switchboard follows none"]
        }
        return []
    }

    static func bodyNotes(body: [UInt8], reply: Result<WebhookReply, WebhookReplyError>) -> [String] {
        let proposal: ProposalReading
        switch ProposalReading.read(body) {
        case .failure(let failure):
            if case .success = reply {
                return ["the proposal's code could not decode this response (\(failure.why)) and would fail the call"]
            }
            return []
        case .success(let reading): proposal = reading
        }
        var notes: [String] = []
        let camel = proposal.ignoredKeys.filter(ReplyKeys.camelCase.contains)
        if !camel.isEmpty {
            let list = camel.map { "\"\($0)\"" }.joined(separator: ", ")
            notes.append("the proposal's code reads only snake_case keys: \(list) would be ignored there")
        }
        notes += outcomeNotes(proposal, reply)
        if case .success(let ours) = reply, case .answer(let answer) = ours.decision, proposal.action == .accept {
            notes += answerDetailNotes(answer, proposal)
        }
        return notes
    }

    /// One note when the proposal would end the call differently from the contract.
    static func outcomeNotes(_ proposal: ProposalReading, _ reply: Result<WebhookReply, WebhookReplyError>) -> [String] {
        let ours: DispatchAction? = (try? reply.get())?.decision.action
        switch proposal.action {
        case .reject:
            return [
                "the proposal's code answers every reject with SIP 404 (Does not match Trunks or Dispatch Rules), whatever reject_status_code says"
            ]
        case .transfer:
            return ["the proposal's code drops a transfer without a final response: nothing is transferred there"]
        case .accept:
            let room = proposal.roomName.isEmpty ? "a room with an empty name" : "room \"\(proposal.roomName)\""
            if !proposal.actionRecognized {
                let why =
                    proposal.actionText.isEmpty
                    ? "a missing or unknown action (it reads only \"dispatch_action\")"
                    : "\"\(proposal.actionText)\" (it knows only accept, reject and transfer)"
                return ["the proposal's code accepts \(why): the call would go into \(room) there"]
            }
            if ours == nil {
                return ["the proposal's code would accept this response and put the call into \(room)"]
            }
            return []
        }
    }

    static func answerDetailNotes(_ answer: WebhookReply.Answer, _ proposal: ProposalReading) -> [String] {
        var notes: [String] = []
        if !answer.pin.isEmpty {
            notes.append(
                "a webhook pin can never succeed in the proposal's code: the evaluation after the pin prompt skips dynamic rules, so the caller hears the wrong-pin prompt"
            )
        }
        let word = proposal.mediaEncryption.uppercased()
        if answer.mediaEncryption != nil, word != "SRTP", word != "DISABLE" {
            notes.append("the proposal's code reads only \"SRTP\" and \"DISABLE\" as media_encryption; this value is ignored there")
        }
        var unread: [String] = []
        if !answer.roomPreset.isEmpty { unread.append("room_preset") }
        if answer.roomConfig != nil { unread.append("room_config") }
        if answer.krispEnabled != nil { unread.append("krisp_enabled") }
        if !unread.isEmpty {
            notes.append(
                "the proposal's code does not read \(unread.joined(separator: ", ")) from a webhook; the rule's values apply there")
        }
        let overwritten = ["sip.callID", "sip.trunkID"].filter { answer.attributes[$0] != nil }
        if !overwritten.isEmpty {
            notes.append(
                "in the proposal's code webhook attributes overwrite \(overwritten.joined(separator: ", ")); here the values routing sets win"
            )
        }
        return notes
    }
}
