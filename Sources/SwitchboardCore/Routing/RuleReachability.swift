/// Whether any call can reach a dispatch rule, with a call that does (a *witness*) or the
/// reason none does and the rule that wins instead. LiveKit users' most common trouble is a
/// rule that never matches; this says so before the first call.
///
/// The verdict comes from the routing engine itself: `ReachabilityAnalyzer` builds candidate
/// calls from the rule's and its trunks' filters (`WitnessCandidates`) and runs each through
/// `RoutingEngine.run`. A rule is reachable when the engine chooses it for one of them, so
/// the verdict cannot disagree with `simulate`. A pinned rule needs two evaluations, as at
/// LiveKit: the first (no pin yet) must end in a pin prompt, the second (its pin entered)
/// must choose it; an open rule beaten by a pinned one can still be reached by pressing only
/// `#` at the prompt (`no_pin`).
public struct RuleReachability: Sendable, Equatable {
    public enum Cause: Sendable, Equatable {
        /// Other rules win every call it could take (`winners`).
        case shadowed
        /// A pinned rule whose calls go to a rule without a pin first, so no pin is asked.
        case noPinPrompt
        /// None of the trunks it lists is in the configuration.
        case missingTrunks([String])
        /// Its filters ask for calls no trunk of it carries (the sentence says which).
        case filters(String)
        /// Every call it could take fails before a rule is chosen (LiveKit's error text).
        case callsFail(String)
        /// Calls it could take are dropped or refused without choosing a rule.
        case noRoute
    }

    public var ruleID: String
    /// Reachable: the call the engine routes to the rule. Unreachable: the first call tried
    /// (nil when no call could be built), so a simulation shows who wins instead.
    public var call: CallSpec?
    /// The trunk `call` matched (nil: no trunk).
    public var trunkID: String?
    /// nil when reachable.
    public var cause: Cause?
    /// The rules chosen instead, in the order first seen.
    public var winners: [String] = []
    public var callsTried = 0
    /// False when the candidate calls were cut at the analyzer's limit.
    public var exhaustive = true
    /// The engine's trace line about this rule on `call`, when it was not chosen.
    public var engineWhy: String?

    public var isReachable: Bool { cause == nil }

    /// The call in a few words: `+1555… → +1555… via ST_a, pin 1234`.
    public var callWords: String? {
        guard let call else { return nil }
        var out = "\(call.from) → \(call.to) " + (trunkID.map { "via \($0)" } ?? "with no trunk")
        if !call.pin.isEmpty { out += ", pin \(call.pin)" }
        if call.noPin { out += ", # at the pin prompt" }
        return out
    }

    private var winnerWords: String { winners.prefix(3).joined(separator: " or ") + (winners.count > 3 ? " or others" : "") }

    /// Why no call reaches the rule, as a `validate` warning says it after "unreachable: ".
    public var reason: String? {
        guard let cause else { return nil }
        let tried = exhaustive ? "" : " (of the \(callsTried) calls tried)"
        switch cause {
        case .shadowed: return "every call it could take goes to \(winnerWords)\(tried)"
        case .noPinPrompt:
            return "every call it could take goes to \(winnerWords), which has no pin, so the pin prompt never comes\(tried)"
        case .missingTrunks(let ids):
            return
                "\(ids.count == 1 ? "its trunk" : "its trunks") \(Wording.list(ids)) \(ids.count == 1 ? "is" : "are") not in the configuration"
        case .filters(let why): return why
        case .callsFail(let message): return "every call it could take fails: \(message)\(tried)"
        case .noRoute: return "no call it could take is routed to any rule\(tried)"
        }
    }

    /// The `validate` warning.
    public var warning: String? { reason.map { "unreachable: \($0)" } }

    /// One line for the rule's detail pane.
    public var summary: String {
        if cause == nil { return "Reachable — e.g. " + (callWords ?? "") }
        switch cause {
        case .shadowed?: return "Unreachable: shadowed, \(winnerWords) wins every call it could take"
        case .noPinPrompt?: return "Unreachable: no pin prompt, \(winnerWords) (no pin) wins"
        default: return "Unreachable: " + (reason ?? "")
        }
    }
}

/// Checks rules' reachability against one routing index (build it once, check many rules).
public struct ReachabilityAnalyzer {
    public let engine: RoutingEngine
    /// At most this many candidate calls per rule.
    public var limit: Int
    /// At most this many trunks tried for a wildcard rule.
    static let routeLimit = 64
    let candidates: WitnessCandidates
    let trunkPositions: [String: Int]

    public init(index: RoutingIndex, mode: ProjectSettings.Mode, limit: Int = 48) {
        engine = RoutingEngine(index: index, mode: mode, explain: false, recordsTrace: false)
        self.limit = limit
        candidates = WitnessCandidates(index)
        var positions: [String: Int] = [:]
        for (position, trunk) in index.trunks.enumerated() { positions[trunk.id] = position }
        trunkPositions = positions
    }

    var index: RoutingIndex { engine.index }

    public func check(ruleID: String) -> RuleReachability? {
        index.rulePositions[ruleID].flatMap(check(position:))
    }

    /// nil for a rule without a variant (validate reports it as an error) and for a rule
    /// scoped to trunks when no trunk is loaded at all (a rules-only file says nothing of them).
    public func check(position: Int) -> RuleReachability? {
        let rule = index.rules[position]
        guard let kind = rule.kind else { return nil }
        var verdict = RuleReachability(ruleID: rule.id)
        var routes: [Int?]
        if rule.trunkIds.isEmpty {
            // Only trunks that carry one of its numbers can bring it a call (any trunk when
            // it has none); a call with no trunk is possible in OSS mode.
            if rule.numbers.isEmpty {
                routes = Array(index.trunks.indices.prefix(Self.routeLimit))
                verdict.exhaustive = index.trunks.count <= Self.routeLimit
            } else {
                var carrying = index.defaultTrunks
                for number in rule.numbers {
                    carrying = RoutingIndex.mergeSorted(carrying, index.trunksByNumber[PhoneNumber.normalize(number)] ?? [])
                }
                routes = carrying.prefix(Self.routeLimit).map { $0 }
                verdict.exhaustive = carrying.count <= Self.routeLimit
            }
            if engine.mode == .oss { routes.append(nil) }
        } else {
            guard !index.trunks.isEmpty else { return nil }
            var seen: Set<Int> = []
            routes = rule.trunkIds.compactMap { trunkPositions[$0] }.filter { seen.insert($0).inserted }
            if routes.isEmpty {
                verdict.cause = .missingTrunks(rule.trunkIds)
                return verdict
            }
        }
        var firstFailure: (call: CallSpec, trunk: Int?, cause: RuleReachability.Cause, hasWinner: Bool)?
        var numberGaps: [String] = []
        var callerGaps: [String] = []
        var budget = limit
        search: for route in routes {
            let called = candidates.calledNumbers(rule, trunk: route)
            let callers = candidates.callers(rule, trunk: route)
            if let route, called.isEmpty { numberGaps.append(index.trunks[route].id) }
            if let route, callers.isEmpty { callerGaps.append(index.trunks[route].id) }
            let sources = candidates.sources(trunk: route)
            for to in called {
                for from in callers {
                    for source in sources {
                        guard budget > 0 else {
                            verdict.exhaustive = false
                            break search
                        }
                        budget -= 1
                        var spec = CallSpec(from: from, to: to)
                        spec.fromHost = source.host
                        spec.toHost = CallSpec.defaultToHost
                        spec.sourceIp = source.ip
                        verdict.callsTried += 1
                        let attempt = self.attempt(spec, rulePosition: position, pin: kind.pin)
                        if attempt.reached {
                            verdict.call = attempt.call
                            verdict.trunkID = attempt.decision.trunk.map { index.trunks[$0].id }
                            verdict.winners = []
                            return verdict
                        }
                        let winner = attempt.decision.rule.map { index.rules[$0].id }
                        if let winner, !verdict.winners.contains(winner) { verdict.winners.append(winner) }
                        // A call with a winner explains best; otherwise the first call tried.
                        if firstFailure == nil || (firstFailure?.hasWinner == false && winner != nil) {
                            firstFailure = (attempt.call, attempt.decision.trunk, attempt.cause, winner != nil)
                        }
                    }
                }
            }
        }
        guard let firstFailure else {
            verdict.cause = .filters(Self.gapWords(rule, numberGaps: numberGaps, callerGaps: callerGaps))
            return verdict
        }
        verdict.call = firstFailure.call
        verdict.trunkID = firstFailure.trunk.map { index.trunks[$0].id }
        verdict.cause = firstFailure.cause
        verdict.engineWhy = engineWhy(firstFailure.call, ruleID: rule.id)
        return verdict
    }

    private struct Attempt {
        var reached: Bool
        var call: CallSpec
        var decision: RoutingDecision
        var cause: RuleReachability.Cause
    }

    /// One candidate through the engine: the first evaluation, then, after a pin prompt, the
    /// rule's pin (or only `#` for a rule without one).
    private func attempt(_ base: CallSpec, rulePosition: Int, pin: String) -> Attempt {
        let first = engine.decide(Self.call(base))
        if !first.promptsPin {
            if first.rule == rulePosition { return Attempt(reached: true, call: base, decision: first, cause: .shadowed) }
            return Attempt(reached: false, call: base, decision: first, cause: Self.cause(of: first, pinned: !pin.isEmpty))
        }
        var second = base
        if pin.isEmpty { second.noPin = true } else { second.pin = pin }
        let decision = engine.decide(Self.call(second))
        if decision.rule == rulePosition { return Attempt(reached: true, call: second, decision: decision, cause: .shadowed) }
        return Attempt(reached: false, call: second, decision: decision, cause: Self.cause(of: decision, pinned: false))
    }

    private static func cause(of decision: RoutingDecision, pinned: Bool) -> RuleReachability.Cause {
        if decision.rule != nil { return pinned ? .noPinPrompt : .shadowed }
        if let error = decision.error { return .callsFail(error) }
        return .noRoute
    }

    static func call(_ spec: CallSpec) -> SimulatedCall {
        SimulatedCall(
            from: spec.from, to: spec.to, fromHost: spec.fromHost, toHost: spec.toHost, sourceIP: spec.sourceIp,
            callID: "SCL_reachability", pin: spec.pin, noPin: spec.noPin)
    }

    /// The engine's own sentence about the rule on this call (a traced run).
    private func engineWhy(_ spec: CallSpec, ruleID: String) -> String? {
        let traced = RoutingEngine(index: index, mode: engine.mode)
        var rng = SeededGenerator(seed: 0)
        let outcome = traced.run(Self.call(spec), using: &rng)
        return outcome.trace.last { $0.step == .rule && $0.id == ruleID }.map { "\($0.outcome): \($0.why)" }
    }

    private static func gapWords(_ rule: DispatchRule, numberGaps: [String], callerGaps: [String]) -> String {
        if !numberGaps.isEmpty {
            return "its numbers \(Wording.list(rule.numbers)) are not numbers of \(trunkWords(numberGaps))"
        }
        if !callerGaps.isEmpty {
            return
                "its inbound_numbers \(Wording.list(rule.inboundNumbers)) are refused by the allowed_numbers of \(trunkWords(callerGaps))"
        }
        return "no call can be built for it"
    }

    private static func trunkWords(_ ids: [String]) -> String {
        (ids.count == 1 ? "trunk " : "trunks ") + Wording.list(Array(ids.prefix(5))) + (ids.count > 5 ? " and others" : "")
    }
}

extension ReachabilityAnalyzer {
    /// A `validate` warning per rule no call reaches, except where an error already says why
    /// (a conflict or a trunk error fails the calls; validate reports those as errors).
    /// A rule whose trunks are all missing gets this warning besides the per-trunk one: the
    /// per-trunk warning names the trunk, this one says no call reaches the rule.
    public static func diagnostics(_ workspace: Workspace) -> [Diagnostic] {
        guard givesVerdicts(workspace) else { return [] }
        return diagnostics(RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
    }

    /// Whether `check(position:)` has a verdict for any rule of `workspace`: not when every rule
    /// lacks a variant or is scoped to trunks while none is loaded (a rule list on its own, as
    /// `validate` of an `lk` file sees it). Then no routing index need be built, which for
    /// 100,000 rules took longer than reading and checking them.
    public static func givesVerdicts(_ workspace: Workspace) -> Bool {
        // The cheap test first: reading `kind` copies the variant (a retain per string), which
        // over 100,000 rules was 4 % of validate.
        let noTrunks = workspace.trunks.isEmpty
        return workspace.rules.withUnsafeBufferPointer { rules in
            rules.indices.contains { (!noTrunks || rules[$0].trunkIds.isEmpty) && rules[$0].kind != nil }
        }
    }

    public static func diagnostics(_ index: RoutingIndex, mode: ProjectSettings.Mode) -> [Diagnostic] {
        let analyzer = ReachabilityAnalyzer(index: index, mode: mode)
        var out: [Diagnostic] = []
        for position in index.rules.indices {
            guard let verdict = analyzer.check(position: position), let warning = verdict.warning else { continue }
            if case .callsFail = verdict.cause { continue }
            out.append(
                Diagnostic(.warning, item: ItemKey(.rule, verdict.ruleID), warning, related: verdict.winners.map { ItemKey(.rule, $0) }))
        }
        return out
    }
}
