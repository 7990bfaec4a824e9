import SwitchboardCore

/// The baseline: routing the way LiveKit's own selection is shaped, with no index. For every
/// call it lists all trunks and all rules and filters them:
///
/// 1. trunk: the trunks whose `numbers` contain the called number, else the default trunks
///    that accept the caller; the first in ID order wins;
/// 2. list every rule and keep those scoped to that trunk and the wildcard ones;
/// 3. validate the candidates (no two share trunk, inbound number, number and pin);
/// 4. filter by caller, called number and pin; 5. pick the best by LiveKit's priority,
///    trunk-scoped rules before wildcard ones.
///
/// No trace and no outcome: only the decision, so the comparison favours the baseline.
struct LinearScanRouter {
    let trunks: [Trunk]
    let rules: [DispatchRule]

    init(trunks: [Trunk], rules: [DispatchRule]) {
        self.trunks = trunks.sorted { $0.id < $1.id }
        self.rules = rules.sorted { $0.id < $1.id }
    }

    /// The chosen rule's ID, or nil (no trunk rule, a conflict, or nothing passed).
    func route(_ call: SimulatedCall) -> String? {
        var trunk: Trunk?
        for candidate in trunks where candidate.numbers.contains(call.to) {
            trunk = candidate
            break
        }
        if trunk == nil {
            for candidate in trunks where candidate.numbers.isEmpty {
                if candidate.allowedNumbers.isEmpty || candidate.allowedNumbers.contains(call.from) {
                    trunk = candidate
                    break
                }
            }
        }
        let trunkID = trunk?.id ?? ""

        var candidates: [DispatchRule] = []
        for rule in rules where rule.trunkIds.isEmpty || rule.trunkIds.contains(trunkID) {
            candidates.append(rule)
        }

        var keys = Set<String>()
        for rule in candidates {
            guard let kind = rule.kind else { return nil }
            let scopes = rule.trunkIds.isEmpty ? [""] : rule.trunkIds
            let callers = rule.inboundNumbers.isEmpty ? [""] : rule.inboundNumbers
            let callees = rule.numbers.isEmpty ? [""] : rule.numbers
            for scope in scopes {
                for caller in callers {
                    for callee in callees where !keys.insert("\(scope)|\(caller)|\(callee)|\(kind.pin)").inserted {
                        return nil
                    }
                }
            }
        }

        var best: DispatchRule?
        var bestIsScoped = false
        for rule in candidates {
            if !rule.inboundNumbers.isEmpty, !rule.inboundNumbers.contains(call.from) { continue }
            if !rule.numbers.isEmpty, !rule.numbers.contains(call.to) { continue }
            if let kind = rule.kind {
                if case .dynamic = kind {
                } else if !kind.pin.isEmpty, kind.pin != call.pin {
                    continue
                }
            }
            let scoped = !rule.trunkIds.isEmpty
            guard let current = best else {
                best = rule
                bestIsScoped = scoped
                continue
            }
            if scoped != bestIsScoped {
                if scoped {
                    best = rule
                    bestIsScoped = true
                }
                continue
            }
            let a = RulePriority.value(of: rule)
            let b = RulePriority.value(of: current)
            if a < b
                || (a == b
                    && Array((rule.kind?.roomNameOrPrefix ?? "").utf8).lexicographicallyPrecedes(
                        Array((current.kind?.roomNameOrPrefix ?? "").utf8)))
            {
                best = rule
            }
        }
        return best?.id
    }
}
