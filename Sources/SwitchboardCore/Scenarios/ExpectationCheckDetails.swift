/// The checks of the keys added after the first seven (names, participant, webhook, reasons,
/// transfer details, error): free text is matched as a `*` pattern, as `room` is, and each
/// mismatch names its key path (`participant.attributes.sip.trunkID`) so the line says where.
extension ExpectationCheck {
    static func detailMismatches(_ expect: Expectation, _ outcome: CallOutcome, into out: inout [Mismatch]) {
        pattern("trunkName", expect.trunkName, outcome.trunk?.name, into: &out)
        pattern("ruleName", expect.ruleName, outcome.rule?.name, into: &out)
        if let participant = expect.participant { check(participant, outcome.participant, into: &out) }
        pattern("sipReason", expect.sipReason, outcome.sip.reason, into: &out)
        if let webhook = expect.webhook { check(webhook, outcome.webhook, into: &out) }
        pattern("rejectReason", expect.rejectReason, outcome.reject?.reason, into: &out)
        pattern("transferDestinationName", expect.transferDestinationName, outcome.transfer?.destinationName, into: &out)
        compare("transferRingingTimeoutSeconds", expect.transferRingingTimeoutSeconds, outcome.transfer?.ringingTimeoutSeconds, into: &out)
        pattern("error", expect.error, outcome.error, into: &out)
    }

    static func pattern(_ key: String, _ expected: Expectation.Expected<String>?, _ actual: String?, into out: inout [Mismatch]) {
        guard let expected else { return }
        let fits: Bool
        switch expected {
        case .value(let p): fits = actual.map { matches($0, pattern: p) } ?? false
        case .null: fits = actual == nil
        }
        if !fits { out.append(Mismatch(key: key, expected: show(expected), actual: show(actual))) }
    }

    static func check(_ expect: Expectation.ParticipantExpectation, _ actual: CallOutcome.Participant?, into out: inout [Mismatch]) {
        guard let actual else {
            if !expect.expectNone { out.append(Mismatch(key: "participant", expected: "a participant", actual: "none")) }
            return
        }
        if expect.expectNone {
            out.append(Mismatch(key: "participant", expected: "null", actual: "participant \(show(actual.identity))"))
            return
        }
        pattern("participant.identity", expect.identity, actual.identity, into: &out)
        pattern("participant.name", expect.name, actual.name, into: &out)
        pattern("participant.metadata", expect.metadata, actual.metadata, into: &out)
        for (key, value) in expect.attributes {
            pattern("participant.attributes.\(key)", value, actual.attributes[key], into: &out)
        }
    }

    static func check(_ expect: Expectation.WebhookExpectation, _ actual: WebhookRecord?, into out: inout [Mismatch]) {
        guard let actual else {
            if !expect.expectNone { out.append(Mismatch(key: "webhook", expected: "a webhook call", actual: "none")) }
            return
        }
        if expect.expectNone {
            out.append(Mismatch(key: "webhook", expected: "null", actual: "a call to \(show(actual.request.url))"))
            return
        }
        checkAction(expect.action, answeredAction(actual), into: &out)
        compare("webhook.status", expect.status, actual.response?.status, into: &out)
    }

    /// Any spelling of an action fits any other spelling of the same action (`transfer` fits
    /// `ACTION_TRANSFER` and `2`); other text is compared as a `*` pattern on the raw spelling.
    static func checkAction(_ expected: Expectation.Expected<String>?, _ actual: String?, into out: inout [Mismatch]) {
        guard case .value(let word)? = expected, let want = DispatchAction(word: word), let actual else {
            pattern("webhook.action", expected, actual, into: &out)
            return
        }
        let got = DispatchAction(word: actual) ?? Int64(actual).flatMap { DispatchAction(number: $0) }
        if got != want { out.append(Mismatch(key: "webhook.action", expected: show(word), actual: show(actual))) }
    }

    /// The action of the webhook's JSON reply as the webhook spelled it (`dispatch_action`,
    /// `dispatchAction` or `action`; a number as its digits); nil when there is none.
    static func answeredAction(_ record: WebhookRecord) -> String? {
        guard let body = record.response?.body, let value = try? JSONParser.parse(Array(body.utf8)),
            case .object(let object) = value
        else { return nil }
        for key in ["dispatch_action", "dispatchAction", "action"] {
            switch object[key] {
            case .string(let s)?: return s
            case .number(let n)?: return n.text
            default: continue
            }
        }
        return nil
    }
}

/// A scenario that expects a trunk or rule ID the loaded files do not have was written for
/// other files (or the item was deleted): running it says nothing, so it is an error, not a failure.
public enum ScenarioReferences {
    public static func problem(_ expect: Expectation, trunkIds: Set<String>, ruleIds: Set<String>) -> String? {
        if case .value(let id)? = expect.trunkId, !trunkIds.contains(id) {
            return "the scenario expects trunk \"\(id)\", which none of the loaded files has"
        }
        if case .value(let id)? = expect.ruleId, !ruleIds.contains(id) {
            return "the scenario expects dispatch rule \"\(id)\", which none of the loaded files has"
        }
        return nil
    }
}
