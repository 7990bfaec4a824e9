/// A call whose trunk and rule are decided: everything needed to turn it into an outcome.
/// Static rules are finished by the engine; a dynamic rule's call reaches the webhook code as
/// a `PendingDynamicCall`, which wraps one of these, so both paths build outcomes the same way:
///
/// * `accept(_:using:)` — evaluation (livekit-routing.md section 4) with optional webhook
///   overrides: identity, attributes, media, pin check, room, session;
/// * `failure(_:why:)` — an ERROR outcome (SIP 503);
/// * `outcome(_:sip:)` — a pre-filled outcome for any other result (REJECT, TRANSFER…), to
///   complete by hand and then pass through
/// * `finish(_:)` — what the SIP bridge does after a pin prompt. `accept` and `failure`
///   already call it.
public struct RoutedCall: Sendable, Equatable {
    public var call: SimulatedCall
    /// nil when no trunk matched (OSS mode: wildcard rules still apply).
    public var trunk: Trunk?
    public var trunkMatch: CallOutcome.TrunkMatch?
    public var rule: DispatchRule
    /// The trace so far: trunks and rules considered. Builders append their evaluate steps.
    public var trace: [TraceEntry]
    public var notes: [String]
    /// False leaves the `why` of the evaluate steps empty, as `RoutingEngine.explain` does for
    /// the earlier steps (the engine sets it from its own flag).
    public var explain = true
    /// False adds no trace lines (`RoutingEngine.recordsTrace`).
    public var recordsTrace = true

    public init(
        call: SimulatedCall, trunk: Trunk?, trunkMatch: CallOutcome.TrunkMatch?, rule: DispatchRule,
        trace: [TraceEntry] = [], notes: [String] = []
    ) {
        self.call = call
        self.trunk = trunk
        self.trunkMatch = trunkMatch
        self.rule = rule
        self.trace = trace
        self.notes = notes
    }

    /// True for the evaluation that follows the pin prompt (`--pin` or `--no-pin`).
    public var isAfterPinPrompt: Bool { !call.pin.isEmpty || call.noPin }

    public var ruleChoice: CallOutcome.RuleChoice {
        CallOutcome.RuleChoice(id: rule.id, name: rule.name, type: rule.kind?.typeName ?? "unsupported")
    }

    /// An outcome with call, trunk, rule, trace and notes filled in. Complete it, then pass it
    /// through `finish(_:)`.
    public func outcome(_ result: CallOutcome.Result, sip: CallOutcome.SIPResponse, extraTrace: [TraceEntry] = []) -> CallOutcome {
        CallOutcome(
            call: call, trunk: trunkMatch, rule: ruleChoice, result: result, sip: sip, notes: notes,
            trace: recordsTrace ? trace + extraTrace : trace)
    }

    /// An ERROR outcome: the dispatch RPC failed, so the bridge answers 503 `Try again later`.
    public func failure(_ message: String, why: String? = nil) -> CallOutcome {
        var out = outcome(
            .error, sip: .tryAgainLater,
            extraTrace: [TraceEntry(step: .evaluate, id: rule.id, outcome: "error", why: why ?? message)])
        out.error = message
        return finish(out)
    }

    /// What the SIP bridge does with the result of the evaluation after a pin prompt
    /// (livekit-routing.md 2.7): only an ACCEPT into a named room lets the caller in; anything
    /// else plays the wrong-pin prompt and hangs up, an error hangs up at once. The call was
    /// answered for the prompt, so the caller never gets a 4xx/5xx.
    public func finish(_ outcome: CallOutcome) -> CallOutcome {
        PinPrompt.afterPrompt(outcome, isAfterPinPrompt: isAfterPinPrompt, recordsTrace: recordsTrace)
    }
}

/// The SIP bridge's side of a pin prompt, shared by every path that ends a call.
enum PinPrompt {
    /// LiveKit's bridge stops collecting digits after this many and hangs up.
    static let maxDigits = 16

    static func afterPrompt(_ outcome: CallOutcome, isAfterPinPrompt: Bool, recordsTrace: Bool = true) -> CallOutcome {
        guard isAfterPinPrompt else { return outcome }
        var out = outcome
        let entered = outcome.call.noPin ? "only # (no_pin)" : "pin \(outcome.call.pin)"
        let sip: CallOutcome.SIPResponse
        let why: String
        switch outcome.result {
        case .accept where !(outcome.room ?? "").isEmpty:
            return outcome
        case .accept:
            sip = .wrongPin
            why = "after the pin prompt the bridge needs a room name; this ACCEPT has none, so the caller hears the wrong-pin prompt"
        case .error:
            sip = .pinEvaluationFailed
            why = "the evaluation after the pin prompt failed, so the bridge hangs up"
        default:
            sip = .wrongPin
            why = "the caller entered \(entered) and the evaluation gave \(outcome.result.rawValue), not ACCEPT: wrong-pin prompt, hang up"
        }
        if out.sip == sip { return out }
        out.sip = sip
        if recordsTrace { out.trace.append(TraceEntry(step: .evaluate, id: outcome.rule?.id ?? "", outcome: "pin prompt", why: why)) }
        return out
    }
}
