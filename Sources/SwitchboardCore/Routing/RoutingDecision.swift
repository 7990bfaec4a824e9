/// What `RoutingEngine.run` decides for a call, without building its outcome (room name,
/// participant, session, trace): for checks that route many calls and read only which trunk
/// and rule were chosen (`ReachabilityAnalyzer`). The steps are `route`'s untraced ones, each
/// through the same function (`TrunkMatcher.matchUntraced`, `RuleSelector.selectUntraced`);
/// `RoutingDecisionTests` holds the result to `run`'s outcome call by call.
public struct RoutingDecision: Sendable, Equatable {
    /// The matched trunk's position in `RoutingIndex.trunks`.
    public var trunk: Int?
    /// The chosen rule's position in `RoutingIndex.rules`; nil when the call ends without one.
    public var rule: Int?
    /// The call fails (trunk or rule conflict, bad source IP): LiveKit's message.
    public var error: String?
    /// The chosen rule answers with the pin prompt (REQUEST_PIN).
    public var promptsPin = false
}

extension RoutingEngine {
    public func decide(_ call: SimulatedCall) -> RoutingDecision {
        let sourceIP = call.sourceIP.isEmpty ? nil : IPAddress(call.sourceIP)
        var out = RoutingDecision()
        switch TrunkMatcher.matchUntraced(call, in: index, sourceIP: sourceIP) {
        case .error(let message):
            out.error = message
            return out
        case .noTrunk where mode == .cloud: return out
        case .noTrunk: break
        case .matched(let position, _): out.trunk = position
        }
        if call.pin.count > PinPrompt.maxDigits { return out }
        if !call.sourceIP.isEmpty, sourceIP == nil {
            out.error = "source IP \(Wording.quoted(call.sourceIP)) is not an IP address"
            return out
        }
        switch RuleSelector.selectUntraced(call, trunkPosition: out.trunk, in: index).decision {
        case .error(let message): out.error = message
        case .noneMatched: break
        case .chosen(let position):
            out.rule = position
            // `RoutedCall.accept`: the caller's presentation first, then the static pin.
            let rule = index.rules[position]
            if let kind = rule.kind, !kind.pin.isEmpty, call.pin.isEmpty, !call.noPin,
                (try? CallerPresentation.of(caller: call.from, hidden: rule.hidePhoneNumber, ruleID: rule.id)) != nil
            {
                out.promptsPin = true
            }
        }
        return out
    }
}
