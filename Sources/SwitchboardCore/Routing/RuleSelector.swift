/// LiveKit's dispatch rule selection (`MatchDispatchRuleIter`, HEAD; livekit-routing.md 3):
///
/// 1. The candidates are the wildcard rules and the rules listing the matched trunk (every
///    rule when no trunk matched), in ID order.
/// 2. The conflict validator runs over all of them first: a stored conflict, or a rule without
///    a variant, fails the whole call, whatever the filters would have said.
/// 3. Filters, as exact strings: `inbound_numbers` against the caller, `numbers` against the
///    called number; then the pin (`no_pin` skips pinned rules, a sent pin keeps only rules
///    with that pin; dynamic rules are kept either way, dynamic-dispatch.md section 1); then
///    the trunk scope (a scoped rule needs a matched trunk it lists).
/// 4. The best rule of the trunk-scoped pool wins whenever that pool is non-empty; otherwise
///    the best wildcard rule (`RulePriority`). Nothing left: `No SIP Dispatch Rules defined`,
///    which the OSS server turns into a silent DROP.
enum RuleSelector {
    enum Decision: Equatable {
        case chosen(position: Int)
        /// LiveKit's ErrNoDispatchMatched.
        case noneMatched
        /// The validator's error text (a conflict or an unsupported rule): SIP 503.
        case error(String)
    }

    struct Result {
        var decision: Decision
        var trace: [TraceEntry]
        var notes: [String] = []
    }

    static let noRuleMessage = "No SIP Dispatch Rules defined"

    /// - Parameter explain: false leaves each line's `why` empty (see `RoutingEngine.explain`).
    static func select(_ call: SimulatedCall, trunkID: String?, in index: RoutingIndex, explain: Bool = true) -> Result {
        if let failure = validationFailure(trunkID: trunkID, in: index) { return failure }

        var trace: [TraceEntry] = []
        let (considered, summaries) = consideredRules(call, trunkID: trunkID, in: index, explain: explain)
        trace.reserveCapacity(considered.count + summaries.count + 3)
        var specific: [(position: Int, traceIndex: Int)] = []
        var wildcard: [(position: Int, traceIndex: Int)] = []
        // The precomputed facts decide, read in place; only a sentence needs the rule itself.
        index.ruleFacts.withUnsafeBufferPointer { facts in
            for position in considered {
                let reason: String?
                if explain {
                    reason = skipReason(index.rules[position], call, trunkID: trunkID)
                } else {
                    reason = skips(facts[position], call, trunkID: trunkID) ? "" : nil
                }
                if let reason {
                    trace.append(TraceEntry(step: .rule, id: facts[position].id, outcome: "skipped", why: reason))
                    continue
                }
                let entry = (position, trace.count)
                if facts[position].isWildcard { wildcard.append(entry) } else { specific.append(entry) }
                trace.append(TraceEntry(step: .rule, id: facts[position].id, outcome: "matched", why: explain ? "passed the filters" : ""))
            }
        }
        for summary in summaries where summary.count > 0 && explain {
            trace.append(TraceEntry(step: .rule, id: "", outcome: "not considered", why: summary.why))
        }

        let pool = specific.isEmpty ? wildcard : specific
        let facts = index.ruleFacts
        var best = pool.first
        if var current = best {
            facts.withUnsafeBufferPointer { facts in
                for entry in pool.dropFirst()
                where RuleFacts.ranksBefore(facts[entry.position], entry.position, facts[current.position], current.position) {
                    current = entry
                }
            }
            best = current
        }
        guard let best else {
            trace.append(
                TraceEntry(
                    step: .evaluate, id: "", outcome: "no match",
                    why: "no rule passed the filters: LiveKit reports \"\(noRuleMessage)\" and the OSS server drops the call"))
            return Result(decision: .noneMatched, trace: trace)
        }

        var notes: [String] = []
        guard explain else {
            // The same outcome words as below, without the sentences (or the rule values).
            for entry in pool { trace[entry.traceIndex].outcome = entry.position == best.position ? "chosen" : "outranked" }
            if !specific.isEmpty { for entry in wildcard { trace[entry.traceIndex].outcome = "outranked" } }
            let winner = facts[best.position]
            if winner.isDynamic, !call.pin.isEmpty || call.noPin { notes.append(dynamicPinNote(winner.id, call)) }
            return Result(decision: .chosen(position: best.position), trace: trace, notes: notes)
        }
        let winner = index.rules[best.position]
        for entry in pool {
            let rule = index.rules[entry.position]
            if entry.position == best.position {
                trace[entry.traceIndex].outcome = "chosen"
                guard explain else { continue }
                let scope = specific.isEmpty ? "wildcard rule" : "rule scoped to \(trunkID ?? "")"
                let scopes = specific.isEmpty ? "wildcard rules" : "rules scoped to \(trunkID ?? "")"
                trace[entry.traceIndex].why =
                    pool.count == 1
                    ? "the only \(scope) that passed the filters; priority \(RulePriority.explain(rule))"
                    : "lowest priority among the \(pool.count) \(scopes) that passed the filters: \(RulePriority.explain(rule))"
            } else {
                trace[entry.traceIndex].outcome = "outranked"
                if explain { trace[entry.traceIndex].why = RulePriority.whyOutranked(rule, by: winner) }
            }
        }
        if !specific.isEmpty {
            for entry in wildcard {
                let rule = index.rules[entry.position]
                trace[entry.traceIndex].outcome = "outranked"
                guard explain else { continue }
                trace[entry.traceIndex].why =
                    "outranked by \(winner.id): rules listing trunk \(trunkID ?? "") are chosen before wildcard rules, "
                    + "whatever the priority (\(RulePriority.value(of: winner)) vs \(RulePriority.value(of: rule)))"
            }
        }
        if case .dynamic = winner.kind, !call.pin.isEmpty || call.noPin { notes.append(dynamicPinNote(winner.id, call)) }
        return Result(decision: .chosen(position: best.position), trace: trace, notes: notes)
    }

    /// The same decision and notes as `select`, with no trace at all: for a call routed to a
    /// trunk whose pools are small (the usual case) only the pools' compact entries are read.
    static func selectUntraced(_ call: SimulatedCall, trunkPosition: Int?, in index: RoutingIndex) -> Result {
        let wildcard = index.wildcardPool
        guard let trunkPosition, wildcard.members.count <= RulePool.Builder.compactLimit,
            case let span = index.trunkRouting[trunkPosition], span.poolCount >= 0
        else {
            var result = select(call, trunkID: trunkPosition.map { index.trunkFilters[$0].id }, in: index, explain: false)
            result.trace = []
            return result
        }
        // No stored conflict and no rule without a variant: nothing can fail the call.
        if !index.conflicts.all.isEmpty || index.hasUnsupportedRules,
            let failure = validationFailure(trunkID: index.trunkFilters[trunkPosition].id, in: index)
        {
            return Result(decision: failure.decision, trace: [])
        }
        let numbers = RulePool.CompactRule.Numbers(call)
        let best = index.ruleFacts.withUnsafeBufferPointer { facts in
            index.trunkPoolRules.withUnsafeBufferPointer { rules in
                index.trunkPoolStrings.withUnsafeBufferPointer { strings in
                    let start = Int(span.poolStart)
                    let entries = UnsafeBufferPointer(rebasing: rules[start..<start + Int(span.poolCount)])
                    return RulePool.bestPassing(entries, strings, call, numbers, facts: facts)
                }
            } ?? wildcard.bestPassing(call, numbers, facts: facts)
        }
        guard let best else { return Result(decision: .noneMatched, trace: []) }
        let position = Int(best.position)
        var notes: [String] = []
        if best.isDynamic, !call.pin.isEmpty || call.noPin { notes.append(dynamicPinNote(index.ruleFacts[position].id, call)) }
        return Result(decision: .chosen(position: position), trace: [], notes: notes)
    }

    private static func dynamicPinNote(_ ruleID: String, _ call: SimulatedCall) -> String {
        "compat: LiveKit's proposal skips dynamic rule \(ruleID) when the call carries "
            + (call.noPin ? "no_pin" : "a pin")
            + " (its static pin is empty), so that call would be dropped there; this contract keeps dynamic rules"
    }

    /// LiveKit validates every candidate before filtering; the first failure in list order
    /// (an unsupported rule, or the later rule of a conflicting pair) aborts the call.
    private static func validationFailure(trunkID: String?, in index: RoutingIndex) -> Result? {
        var unsupported: Int?
        if let trunkID {
            let a = index.wildcardPool.firstUnsupported
            let b = index.poolsByTrunk[trunkID]?.firstUnsupported
            unsupported = a.map { a in b.map { min(a, $0) } ?? a } ?? b
        } else {
            unsupported = index.conflicts.unsupported.first.flatMap { index.rulePositions[$0] }
        }
        let conflict = index.conflicts.blockingConflict(forTrunk: trunkID)
        let conflictPosition = conflict.flatMap { index.rulePositions[$0.other] }
        if let unsupported, conflictPosition.map({ unsupported < $0 }) ?? true {
            let rule = index.rules[unsupported]
            let message = "unsupported SIP Dispatch Rule: <nil>"
            let why =
                "has no rule variant (dispatchRuleDirect, dispatchRuleIndividual, dispatchRuleCallee or dispatchRuleDynamic): "
                + "LiveKit validates every candidate rule before choosing and fails the call with \"\(message)\""
            return Result(decision: .error(message), trace: [TraceEntry(step: .rule, id: rule.id, outcome: "error", why: why)])
        }
        if let conflict {
            let scope = conflict.trunk.isEmpty ? "wildcard rules" : "trunk \(conflict.trunk)"
            let why =
                "conflicts with \(conflict.existing) (same trunk, inbound number, number and pin, on \(scope)): "
                + "LiveKit validates every candidate rule before choosing, so a stored conflict fails the call; "
                + "change a pin or a filter, or delete one of the two"
            return Result(
                decision: .error(conflict.message), trace: [TraceEntry(step: .rule, id: conflict.other, outcome: "error", why: why)])
        }
        return nil
    }

    struct Summary {
        var count: Int
        var why: String
    }

    /// The rules the index yields for this call, in ID order, and counts of the rest.
    private static func consideredRules(
        _ call: SimulatedCall, trunkID: String?, in index: RoutingIndex, explain: Bool
    ) -> ([Int], [Summary]) {
        var summaries: [Summary] = []
        func take(_ pool: RulePool, _ scope: @autoclosure () -> String) -> [Int] {
            guard pool.members.count > index.fullTraceLimit else { return pool.members }
            let picked = pool.filterCandidates(caller: call.from, callee: call.to)
            let left = pool.members.count - picked.count
            guard explain else { return picked }
            summaries.append(
                Summary(
                    count: left,
                    why:
                        "\(Wording.count(left, "other \(scope()) rule")) \(left == 1 ? "filters" : "filter") "
                        + "on other callers or called numbers "
                        + "(looked up by number in the index)"))
            return picked
        }
        var considered = take(index.wildcardPool, "wildcard")
        if let trunkID {
            let pool = index.pool(forTrunk: trunkID)
            considered = RoutingIndex.mergeSorted(considered, take(pool, "trunk \(trunkID)"))
            let outside = index.rules.count - index.wildcardPool.members.count - pool.members.count
            if explain {
                summaries.append(
                    Summary(
                        count: outside,
                        why:
                            "\(Wording.count(outside, "other rule")) not scoped to this trunk \(outside == 1 ? "was" : "were") not considered"
                    ))
            }
        } else if index.scopedRules.count <= index.fullTraceLimit {
            considered = RoutingIndex.mergeSorted(considered, index.scopedRules)
        } else {
            let count = index.scopedRules.count
            summaries.append(
                Summary(
                    count: count,
                    why: "\(Wording.count(count, "rule")) scoped to trunks cannot apply: no trunk matched this call"))
        }
        return (considered, summaries)
    }

    /// `skips` over a rule's precomputed facts.
    static func skips(_ rule: RuleFacts, _ call: SimulatedCall, trunkID: String?) -> Bool {
        if !rule.inboundNumbers.isEmpty, !rule.inboundNumbers.contains(call.from) { return true }
        if !rule.numbers.isEmpty, !rule.numbers.contains(call.to) { return true }
        if let pin = rule.staticPin {
            if call.noPin, !pin.isEmpty { return true }
            if !call.noPin, !call.pin.isEmpty, pin.isEmpty || pin != call.pin { return true }
        }
        if !rule.trunkIds.isEmpty {
            guard let trunkID else { return true }
            if !rule.trunkIds.contains(trunkID) { return true }
        }
        return false
    }

    /// Whether `skipReason` would give a reason: the same checks as over the index's facts,
    /// without the sentence.
    static func skips(_ rule: DispatchRule, _ call: SimulatedCall, trunkID: String?) -> Bool {
        skips(RuleFacts(rule), call, trunkID: trunkID)
    }

    /// Why a candidate does not apply to the call, in LiveKit's filter order, or nil.
    /// `explain: false` gives "" instead of the sentence (nil still means the rule applies).
    static func skipReason(_ rule: DispatchRule, _ call: SimulatedCall, trunkID: String?, explain: Bool = true) -> String? {
        if !explain { return skips(rule, call, trunkID: trunkID) ? "" : nil }
        if !rule.inboundNumbers.isEmpty, !rule.inboundNumbers.contains(call.from) {
            if let near = NumberHygiene.nearMiss(filter: rule.inboundNumbers, value: call.from) {
                return "inbound_numbers filter \(Wording.quoted(near)) would match caller \(call.from) only after normalization; "
                    + "LiveKit compares rule filters exactly"
            }
            return "caller \(call.from) is not in inbound_numbers \(Wording.list(rule.inboundNumbers))"
        }
        if !rule.numbers.isEmpty, !rule.numbers.contains(call.to) {
            if let near = NumberHygiene.nearMiss(filter: rule.numbers, value: call.to) {
                return "numbers filter \(Wording.quoted(near)) would match called number \(call.to) only after normalization; "
                    + "LiveKit compares rule filters exactly"
            }
            return "called number \(call.to) is not in numbers \(Wording.list(rule.numbers))"
        }
        if let kind = rule.kind, case .dynamic = kind {
            // Dynamic rules have no static pin: the webhook decides (dynamic-dispatch.md 1).
        } else if let pin = rule.kind?.pin {
            if call.noPin, !pin.isEmpty { return "has a pin, and the caller pressed only # (no_pin)" }
            if !call.noPin, !call.pin.isEmpty {
                if pin.isEmpty { return "has no pin, and a caller who entered one (\(call.pin)) only reaches rules with that pin" }
                if pin != call.pin { return "pin \(pin) does not match the entered \(call.pin)" }
            }
        }
        if !rule.trunkIds.isEmpty {
            guard let trunkID else { return "scoped to trunks \(Wording.list(rule.trunkIds)), and no trunk matched this call" }
            if !rule.trunkIds.contains(trunkID) { return "scoped to trunks \(Wording.list(rule.trunkIds)), not \(trunkID)" }
        }
        return nil
    }
}
