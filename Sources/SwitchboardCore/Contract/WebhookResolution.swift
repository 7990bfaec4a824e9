/// Turns a webhook exchange into the call's outcome (dynamic-dispatch.md section 4), through
/// the routing engine's own builders so a webhook answer gets exactly the identity, attribute,
/// media and pin handling of a static rule.
///
/// Every path records the exchange (`outcome.webhook`), a `webhook` trace step, the reply's
/// notes and the compatibility notes. Errors end the call with SIP 503 `Try again later`, as
/// LiveKit's SIP bridge answers when dispatch evaluation fails.
public enum WebhookResolution {
    public static func resolve(
        _ pending: PendingDynamicCall, request: WebhookRequest, exchange: WebhookExchange, payload: ProjectSettings.Payload,
        using rng: inout some RandomNumberGenerator
    ) -> CallOutcome {
        var routed = pending.routed
        let reply: Result<WebhookReply, WebhookReplyError>? =
            switch (exchange.response, exchange.failure) {
            case (let response?, nil): WebhookReplyReader.read(status: response.status, body: response.body)
            default: nil
            }
        // Error lines and notes quote what the server sent: made visible, never interpreted.
        let errorMessage: String? =
            switch (exchange.failure, reply) {
            case (let failure?, _): Wording.visible(failure.message)
            case (nil, .failure(let error)?): Wording.visible(error.message)
            default: nil
            }
        let record = WebhookRecord(
            request: request.record,
            response: exchange.response.map {
                WebhookRecord.Response(
                    status: $0.status, headers: $0.headers, body: String(decoding: $0.body, as: UTF8.self),
                    durationMs: (exchange.durationMs * 10).rounded() / 10)
            },
            error: errorMessage)

        if case .success(let usable)? = reply { routed.notes += usable.notes.map(Wording.visible) }
        // Without a trace (`switchboard test`, which compares outcomes and prints neither the
        // trace nor the notes) the webhook's trace step and the compatibility notes are not
        // built: they cost a tenth of a scenario's own work.
        if routed.recordsTrace {
            routed.trace.append(traceEntry(pending, request: request, exchange: exchange, reply: reply, error: errorMessage))
            routed.notes += CompatibilityNotes.notes(
                for: CompatibilityNotes.Exchange(
                    rule: pending.dynamicRule, request: request, payload: payload, result: exchange, reply: reply))
        }

        var outcome: CallOutcome
        switch reply {
        case .success(let usable)?:
            outcome = decide(usable.decision, routed: routed, using: &rng)
        default:
            outcome = routed.failure(errorMessage ?? "webhook gave no usable response", why: "the webhook's answer cannot be used")
        }
        outcome.webhook = record
        return outcome
    }

    static func decide(_ decision: WebhookReply.Decision, routed: RoutedCall, using rng: inout some RandomNumberGenerator) -> CallOutcome {
        switch decision {
        case .answer(let answer):
            return routed.accept(overrides(answer), using: &rng)
        case .reject(let reject):
            var out = routed.outcome(
                .reject, sip: CallOutcome.SIPResponse(status: reject.statusCode, reason: reject.reason),
                extraTrace: [
                    TraceEntry(
                        step: .evaluate, id: routed.rule.id, outcome: "reject",
                        why: "the webhook rejected the call: SIP \(reject.statusCode) \(reject.reason)")
                ])
            out.reject = CallOutcome.Reject(statusCode: reject.statusCode, reason: reject.reason)
            return routed.finish(out)
        case .transfer(let transfer):
            var out = routed.outcome(
                .transfer, sip: .answeredThenREFER(to: transfer.to),
                extraTrace: [
                    TraceEntry(
                        step: .evaluate, id: routed.rule.id, outcome: "transfer",
                        why: "the webhook transfers the call: answered with 200, then SIP REFER to \(transfer.to)")
                ])
            out.transfer = CallOutcome.Transfer(
                to: transfer.to, destinationName: transfer.destinationName, ringingTimeoutSeconds: transfer.ringingTimeoutSeconds)
            return routed.finish(out)
        }
    }

    /// Only what the webhook set overrides the rule; empty strings mean "not given".
    static func overrides(_ answer: WebhookReply.Answer) -> AcceptOverrides {
        AcceptOverrides(
            roomName: answer.roomName, pin: answer.pin.isEmpty ? nil : answer.pin,
            metadata: answer.metadata.isEmpty ? nil : answer.metadata, attributes: answer.attributes,
            mediaEncryption: answer.mediaEncryption, roomPreset: answer.roomPreset.isEmpty ? nil : answer.roomPreset,
            roomConfig: answer.roomConfig, krispEnabled: answer.krispEnabled)
    }

    static func traceEntry(
        _ pending: PendingDynamicCall, request: WebhookRequest, exchange: WebhookExchange,
        reply: Result<WebhookReply, WebhookReplyError>?, error: String?
    ) -> TraceEntry {
        var why = "\(request.method.rawValue) \(request.url)"
        if let status = exchange.response?.status { why += " → \(status)" }
        why += " in \(JSONNumber((exchange.durationMs * 10).rounded() / 10)) ms"
        if let error { return TraceEntry(step: .webhook, id: pending.rule.id, outcome: "error", why: why + ": " + error) }
        guard case .success(let usable)? = reply else { return TraceEntry(step: .webhook, id: pending.rule.id, outcome: "error", why: why) }
        switch usable.decision {
        case .answer(let answer):
            let pin = answer.pin.isEmpty ? "" : " with pin \(answer.pin)"
            return TraceEntry(
                step: .webhook, id: pending.rule.id, outcome: "answer", why: why + ": answer into room \"\(answer.roomName)\"\(pin)")
        case .reject(let reject):
            return TraceEntry(step: .webhook, id: pending.rule.id, outcome: "reject", why: why + ": reject with \(reject.statusCode)")
        case .transfer(let transfer):
            return TraceEntry(step: .webhook, id: pending.rule.id, outcome: "transfer", why: why + ": transfer to \(transfer.to)")
        }
    }
}

extension CallOutcome.SIPResponse {
    /// TRANSFER: the call is answered, then the bridge sends a REFER to the target.
    public static func answeredThenREFER(to target: String) -> Self {
        Self(status: 200, reason: "OK (answered, then REFER to \(target))")
    }
}
