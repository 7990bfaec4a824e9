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
    public var trunkMatch: CallOutcome.TrunkMatch?
    /// The trace so far: trunks and rules considered. Builders append their evaluate steps.
    public var trace: [TraceEntry]
    public var notes: [String]
    /// False leaves the `why` of the evaluate steps empty, as `RoutingEngine.explain` does for
    /// the earlier steps (the engine sets it from its own flag).
    public var explain = true
    /// False adds no trace lines (`RoutingEngine.recordsTrace`).
    public var recordsTrace = true

    /// The rule and trunk stay in the arrays they came from (the index's, for the engine) and
    /// are read in place: copying a whole `DispatchRule` and `Trunk` per call retained a dozen
    /// cold objects each, a fifth of an untraced routing decision.
    private var rules: [DispatchRule]
    private var rulePosition: Int
    private var trunks: [Trunk]
    /// nil when no trunk matched.
    private var trunkPosition: Int?
    /// The trunk's ID, for `sip.trunkID`, passed in by the engine from the line it matched
    /// the trunk with ("" when none matched).
    private(set) var trunkID: String
    /// False when the engine knows the trunk sets nothing the session takes from it
    /// (`TrunkFilter.hasSessionSettings`), so evaluation need not read the trunk.
    var trunkHasSessionSettings = true

    public init(
        call: SimulatedCall, trunk: Trunk?, trunkMatch: CallOutcome.TrunkMatch?, rule: DispatchRule,
        trace: [TraceEntry] = [], notes: [String] = []
    ) {
        self.init(
            call: call, trunks: trunk.map { [$0] } ?? [], trunkPosition: trunk == nil ? nil : 0, trunkID: trunk?.id ?? "",
            trunkMatch: trunkMatch, rules: [rule], rulePosition: 0, trace: trace, notes: notes)
    }

    /// A call routed to `rules[rulePosition]` through `trunks[trunkPosition]`, sharing the
    /// arrays (the engine passes the index's).
    init(
        call: SimulatedCall, trunks: [Trunk], trunkPosition: Int?, trunkID: String, trunkMatch: CallOutcome.TrunkMatch?,
        rules: [DispatchRule], rulePosition: Int, trace: [TraceEntry], notes: [String]
    ) {
        self.call = call
        self.trunks = trunks
        self.trunkPosition = trunkPosition
        self.trunkID = trunkID
        self.trunkMatch = trunkMatch
        self.rules = rules
        self.rulePosition = rulePosition
        self.trace = trace
        self.notes = notes
    }

    public var rule: DispatchRule {
        _read { yield rules[rulePosition] }
        set {
            rules = [newValue]
            rulePosition = 0
        }
    }

    /// nil when no trunk matched (OSS mode: wildcard rules still apply).
    public var trunk: Trunk? {
        get { trunkPosition.map { trunks[$0] } }
        set {
            trunks = newValue.map { [$0] } ?? []
            trunkPosition = newValue == nil ? nil : 0
            trunkID = newValue?.id ?? ""
            trunkHasSessionSettings = true
        }
    }

    var hasTrunk: Bool { trunkPosition != nil }

    /// The matched trunk, read in place; only when `hasTrunk`.
    var matchedTrunk: Trunk {
        _read { yield trunks[trunkPosition!] }
    }

    public static func == (a: RoutedCall, b: RoutedCall) -> Bool {
        a.call == b.call && a.trunkMatch == b.trunkMatch && a.trace == b.trace && a.notes == b.notes && a.explain == b.explain
            && a.recordsTrace == b.recordsTrace && a.rule == b.rule && a.trunk == b.trunk
    }

    /// True for the evaluation that follows the pin prompt (`--pin` or `--no-pin`).
    public var isAfterPinPrompt: Bool { !call.pin.isEmpty || call.noPin }

    public var ruleChoice: CallOutcome.RuleChoice {
        CallOutcome.RuleChoice(id: rule.id, name: rule.name, type: rule.kind?.typeName ?? "unsupported")
    }

    /// An outcome with call, trunk, rule, trace and notes filled in. Complete it, then pass it
    /// through `finish(_:)`. `extraTrace` is only built when the trace is recorded.
    public func outcome(
        _ result: CallOutcome.Result, sip: CallOutcome.SIPResponse, extraTrace: @autoclosure () -> [TraceEntry] = []
    ) -> CallOutcome {
        CallOutcome(
            call: call, trunk: trunkMatch, rule: ruleChoice, result: result, sip: sip, notes: notes,
            trace: recordsTrace ? trace + extraTrace() : trace)
    }

    /// An ERROR outcome: the dispatch RPC failed, so the bridge answers 503 `Try again later`.
    /// `why` is only built when the trace is recorded.
    public func failure(_ message: String, why: @autoclosure () -> String? = nil) -> CallOutcome {
        let out = CallOutcome(
            call: call, trunk: trunkMatch, rule: ruleChoice, result: .error, sip: .tryAgainLater, error: message, notes: notes,
            trace: recordsTrace ? trace + [TraceEntry(step: .evaluate, id: rule.id, outcome: "error", why: why() ?? message)] : trace)
        guard isAfterPinPrompt else { return out }
        return finish(out)
    }

    /// What the SIP bridge does with the result of the evaluation after a pin prompt
    /// (livekit-routing.md 2.7): only an ACCEPT into a named room lets the caller in; anything
    /// else plays the wrong-pin prompt and hangs up, an error hangs up at once. The call was
    /// answered for the prompt, so the caller never gets a 4xx/5xx.
    public func finish(_ outcome: CallOutcome) -> CallOutcome {
        var out = outcome
        finishInPlace(&out)
        return out
    }

    /// `finish(_:)` in place, for builders that already own the outcome they are finishing.
    func finishInPlace(_ outcome: inout CallOutcome) {
        PinPrompt.apply(to: &outcome, isAfterPinPrompt: isAfterPinPrompt, recordsTrace: recordsTrace)
    }
}

/// The SIP bridge's side of a pin prompt, shared by every path that ends a call.
enum PinPrompt {
    /// LiveKit's bridge stops collecting digits after this many and hangs up.
    static let maxDigits = 16

    static func afterPrompt(_ outcome: CallOutcome, isAfterPinPrompt: Bool, recordsTrace: Bool = true) -> CallOutcome {
        var out = outcome
        apply(to: &out, isAfterPinPrompt: isAfterPinPrompt, recordsTrace: recordsTrace)
        return out
    }

    /// `afterPrompt` in place: most calls have no pin prompt, and the outcome is then left
    /// alone instead of being copied field by field.
    static func apply(to out: inout CallOutcome, isAfterPinPrompt: Bool, recordsTrace: Bool = true) {
        guard isAfterPinPrompt else { return }
        let sip: CallOutcome.SIPResponse
        let why: String
        switch out.result {
        case .accept where !(out.room ?? "").isEmpty:
            return
        case .accept:
            sip = .wrongPin
            why = "after the pin prompt the bridge needs a room name; this ACCEPT has none, so the caller hears the wrong-pin prompt"
        case .error:
            sip = .pinEvaluationFailed
            why = "the evaluation after the pin prompt failed, so the bridge hangs up"
        default:
            sip = .wrongPin
            let entered = out.call.noPin ? "only # (no_pin)" : "pin \(out.call.pin)"
            why =
                recordsTrace
                ? "the caller entered \(entered) and the evaluation gave \(out.result.rawValue), not ACCEPT: wrong-pin prompt, hang up" : ""
        }
        if out.sip == sip { return }
        out.sip = sip
        if recordsTrace { out.trace.append(TraceEntry(step: .evaluate, id: out.rule?.id ?? "", outcome: "pin prompt", why: why)) }
    }
}
