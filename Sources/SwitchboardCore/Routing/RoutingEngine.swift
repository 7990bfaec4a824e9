/// The routing engine: what LiveKit decides for one inbound call, and why.
///
/// ## API
///
/// ```swift
/// let index = RoutingIndex(workspace: workspace)          // once per configuration
/// let engine = RoutingEngine(index: index, mode: .oss)
/// switch engine.begin(call, using: &rng) {
/// case .finished(let outcome): …                          // static rule, DROP, REJECT, ERROR
/// case .needsWebhook(let pending): …                      // a dynamic rule was chosen
/// }
/// let outcome = engine.run(call, using: &rng)              // no webhook available
/// ```
///
/// Two phases, so the webhook code (Contract/, SwitchboardWebhook/) plugs in without the
/// engine doing I/O: `begin` matches the trunk and selects the rule; when the rule is dynamic
/// it stops and hands back a `PendingDynamicCall` (call, trunk, rule, trace so far). The
/// webhook code asks the webhook, then finishes the call through the pending call's
/// `routed` context: `accept(AcceptOverrides(roomName:…), using:)` for an answer (the same
/// identity, attribute, media and pin logic as static rules), `outcome(.reject, sip:)` +
/// `finish` for the other actions, `failure(_:)` for errors. Without a webhook,
/// `finishWithoutWebhook()` gives the ERROR outcome `run` returns.
///
/// Pure: no I/O, no clock; randomness (room suffixes) only from the generator passed in.
/// The steps follow the open-source pipeline (livekit-routing.md 2.1): trunk match (the auth
/// RPC) → in cloud mode, no trunk is a 404 → dispatch: source IP check, rule selection
/// (conflict check first), evaluation.
public struct RoutingEngine: Sendable {
    public let index: RoutingIndex
    public var mode: ProjectSettings.Mode
    /// False leaves the `why` of the trunk and rule trace lines empty (steps, IDs and outcome
    /// words stay): bulk runs (`switchboard test`) that never show a trace skip building
    /// hundreds of sentences per call. Decisions do not depend on it.
    public var explain: Bool
    /// False records no trace at all (the outcome's `trace` stays empty; a webhook exchange
    /// may still add its line) and lets selection read only the index's compact per-pool
    /// entries: what a routing decision costs when nobody will read why. Decisions, notes and
    /// every other field of the outcome are the same.
    public var recordsTrace: Bool

    public init(index: RoutingIndex, mode: ProjectSettings.Mode, explain: Bool = true, recordsTrace: Bool = true) {
        self.index = index
        self.mode = mode
        self.explain = explain && recordsTrace
        self.recordsTrace = recordsTrace
    }

    /// Routes `call` up to the point where a webhook would be needed.
    public func begin(_ call: SimulatedCall, using rng: inout some RandomNumberGenerator) -> RoutingStep {
        switch route(call, using: &rng) {
        case .finished(let outcome): return .finished(outcome)
        case .dynamic(let routed):
            guard case .dynamic(let dynamic) = routed.rule.kind else { preconditionFailure("routed to a dynamic rule") }
            return .needsWebhook(PendingDynamicCall(routed: routed, dynamicRule: dynamic))
        }
    }

    /// Where `route` stopped: a dynamic rule's call still carries its rule by position, so a
    /// run without a webhook never copies the rule's webhook settings.
    private enum Routed {
        case finished(CallOutcome)
        case dynamic(RoutedCall)
    }

    private func route(_ call: SimulatedCall, using rng: inout some RandomNumberGenerator) -> Routed {
        // Parsed once: the trunks' address filters and the dispatch check both need it.
        let sourceIP = call.sourceIP.isEmpty ? nil : IPAddress(call.sourceIP)
        let trunkResult =
            recordsTrace
            ? TrunkMatcher.match(call, in: index, explain: explain, sourceIP: sourceIP)
            : TrunkMatcher.Result(decision: TrunkMatcher.matchUntraced(call, in: index, sourceIP: sourceIP), trace: [])
        var trace = trunkResult.trace
        func record(_ entry: TraceEntry) { if recordsTrace { trace.append(entry) } }
        func ended(_ result: CallOutcome.Result, sip: CallOutcome.SIPResponse, trunk: CallOutcome.TrunkMatch? = nil) -> CallOutcome {
            CallOutcome(call: call, trunk: trunk, result: result, sip: sip, trace: trace)
        }

        var trunkPosition: Int?
        let trunkMatch: CallOutcome.TrunkMatch?
        switch trunkResult.decision {
        case .error(let message):
            // The auth RPC fails: the bridge answers 503 before any pin prompt.
            var out = ended(.error, sip: .tryAgainLater)
            out.error = message
            return .finished(out)
        case .noTrunk where mode == .cloud:
            record(
                TraceEntry(
                    step: .trunk, id: "", outcome: "no trunk",
                    why:
                        "no trunk accepts this call; LiveKit Cloud refuses it with 404 \"No trunk found\" "
                        + "(use --mode oss for open-source behaviour)"
                ))
            var out = ended(.reject, sip: .noTrunkFound)
            out.reject = CallOutcome.Reject(statusCode: 404, reason: "No trunk found")
            return .finished(out)
        case .noTrunk:
            record(
                TraceEntry(
                    step: .trunk, id: "", outcome: "no trunk",
                    why: "no trunk accepts this call; open-source LiveKit goes on without one, so only wildcard rules can apply"))
            trunkMatch = nil
        case .matched(let position, let kind):
            trunkPosition = position
            trunkMatch = CallOutcome.TrunkMatch(id: index.trunkRouting[position].id, name: index.trunkRouting[position].name, match: kind)
        }

        func dispatchEnded(_ result: CallOutcome.Result, sip: CallOutcome.SIPResponse) -> CallOutcome {
            PinPrompt.afterPrompt(
                ended(result, sip: sip, trunk: trunkMatch), isAfterPinPrompt: !call.pin.isEmpty || call.noPin, recordsTrace: recordsTrace)
        }

        if call.pin.count > PinPrompt.maxDigits {
            record(
                TraceEntry(
                    step: .evaluate, id: "", outcome: "pin too long",
                    why: "the SIP bridge stops after \(PinPrompt.maxDigits) digits and hangs up without evaluating the pin"))
            var out = ended(.drop, sip: .pinTooLong, trunk: trunkMatch)
            out.notes.append("a pin has at most \(PinPrompt.maxDigits) digits at LiveKit's prompt")
            return .finished(out)
        }
        if !call.sourceIP.isEmpty, sourceIP == nil {
            let message = "source IP \(Wording.quoted(call.sourceIP)) is not an IP address"
            record(
                TraceEntry(
                    step: .evaluate, id: "", outcome: "error",
                    why: "\(message): LiveKit's dispatch evaluation refuses it (InvalidArgument); give an IPv4 or IPv6 address"))
            var out = dispatchEnded(.error, sip: .tryAgainLater)
            out.error = message
            return .finished(out)
        }

        let selection =
            recordsTrace
            ? RuleSelector.select(call, trunkID: trunkMatch?.id, in: index, explain: explain)
            : RuleSelector.selectUntraced(call, trunkPosition: trunkPosition, in: index)
        trace += selection.trace
        switch selection.decision {
        case .error(let message):
            var out = dispatchEnded(.error, sip: .tryAgainLater)
            out.error = message
            return .finished(out)
        case .noneMatched:
            return .finished(dispatchEnded(.drop, sip: .dropped))
        case .chosen(let position):
            var routed = RoutedCall(
                call: call, trunks: index.trunks, trunkPosition: trunkPosition, trunkID: trunkMatch?.id ?? "", trunkMatch: trunkMatch,
                rules: index.rules, rulePosition: position, trace: trace, notes: selection.notes)
            routed.explain = explain
            routed.recordsTrace = recordsTrace
            if let trunkPosition { routed.trunkHasSessionSettings = index.trunkRouting[trunkPosition].hasSessionSettings }
            if case .dynamic = index.rules[position].kind { return .dynamic(routed) }
            return .finished(routed.accept(.none, using: &rng))
        }
    }

    /// Routes `call` completely when no webhook can be asked: a chosen dynamic rule ends in
    /// the ERROR of `PendingDynamicCall.finishWithoutWebhook()`.
    public func run(_ call: SimulatedCall, using rng: inout some RandomNumberGenerator) -> CallOutcome {
        switch route(call, using: &rng) {
        case .finished(let outcome): return outcome
        case .dynamic(let routed): return PendingDynamicCall.finishWithoutWebhook(routed)
        }
    }
}

/// Where `RoutingEngine.begin` stopped.
public enum RoutingStep: Sendable, Equatable {
    /// The call is decided.
    case finished(CallOutcome)
    /// A dynamic rule was chosen: its webhook decides the rest.
    case needsWebhook(PendingDynamicCall)
}

/// A call routed to a dynamic rule, waiting for its webhook's answer. Everything needed to
/// build the request (call, trunk, rule, URL, method) and to finish the outcome is here.
public struct PendingDynamicCall: Sendable, Equatable {
    /// Call, trunk, rule, trace so far, notes; and the builders that finish the outcome.
    public var routed: RoutedCall
    public var dynamicRule: DynamicRule

    public init(routed: RoutedCall, dynamicRule: DynamicRule) {
        self.routed = routed
        self.dynamicRule = dynamicRule
    }

    public var call: SimulatedCall { routed.call }
    public var trunk: Trunk? { routed.trunk }
    public var rule: DispatchRule { routed.rule }

    /// The ERROR outcome when no webhook transport is available (SIP 503, as a failed webhook).
    public func finishWithoutWebhook() -> CallOutcome {
        let message = Self.webhookNeeded(routed)
        return routed.failure(message, why: Self.notCalled(message, dynamicRule))
    }

    /// `finishWithoutWebhook()` for a call routed to a dynamic rule that never became a
    /// pending call (`RoutingEngine.run`): the rule's webhook settings are read only for the
    /// trace.
    static func finishWithoutWebhook(_ routed: RoutedCall) -> CallOutcome {
        let message = webhookNeeded(routed)
        return routed.failure(
            message,
            why: {
                guard case .dynamic(let dynamicRule) = routed.rule.kind else { return message }
                return notCalled(message, dynamicRule)
            }())
    }

    private static func webhookNeeded(_ routed: RoutedCall) -> String {
        "dynamic rule \(routed.rule.id) needs its webhook; run with a webhook transport"
    }

    private static func notCalled(_ message: String, _ dynamicRule: DynamicRule) -> String {
        "\(message) (\(dynamicRule.effectiveMethod) \(dynamicRule.url) was not called)"
    }
}
