/// LiveKit's dispatch-rule conflict check (`DispatchRuleValidator`, HEAD): two rules conflict
/// when they share a (pin, trunk, inbound number, number) key, expanded over every trunk ID,
/// every normalized inbound number and every normalized number (or `""` for an empty list).
/// Rule type does not matter; a wildcard rule never conflicts with a trunk-specific one.
///
/// Computed once for the whole workspace with a hash map, so both `validate` and the
/// per-call check of routing (a stored conflict among the candidates fails the call) are
/// cheap even with 100,000 rules.
public struct RuleConflicts: Sendable {
    public struct Conflict: Sendable, Equatable {
        /// The rule seen first (LiveKit's "existing" rule, first in ID order).
        public var existing: String
        public var existingName: String
        /// The rule that collides with it.
        public var other: String
        /// The trunk component of the shared key (`""` for wildcard rules).
        public var trunk: String

        /// LiveKit's own error text (HEAD, protocol PR #1343).
        public var message: String {
            let name = existingName.isEmpty ? "<blank name>" : existingName
            return
                "Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule \"\(existing)\" \"\(name)\""
        }
    }

    /// Every conflicting pair, once, in the order found.
    public private(set) var all: [Conflict] = []
    /// The first conflict per trunk component, for the routing check.
    private var firstByTrunk: [String: Int] = [:]
    /// Rules with no variant: LiveKit's validator fails on them (`unsupported SIP Dispatch Rule`).
    public private(set) var unsupported: [String] = []

    struct Key: Hashable {
        var pin: String
        var trunk: String
        var inbound: String
        var number: String
    }

    /// Rules are checked in ID order, as LiveKit's store lists them.
    public init(rules: [DispatchRule]) {
        // Positions are sorted, not the rules: moving 100,000 large values costs far more.
        let ids = rules.map(\.id)
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var owner: [Key: Int] = [:]
        owner.reserveCapacity(rules.count)
        var pairIndex: [[Int]: Int] = [:]
        for (index, position) in order.enumerated() {
            let rule = rules[position]
            guard let kind = rule.kind else {
                unsupported.append(rule.id)
                continue
            }
            let pin = kind.pin
            let trunks = rule.trunkIds.isEmpty ? [""] : rule.trunkIds
            let inbound = rule.inboundNumbers.isEmpty ? [""] : rule.inboundNumbers.map(PhoneNumber.normalize)
            let numbers = rule.numbers.isEmpty ? [""] : rule.numbers.map(PhoneNumber.normalize)
            for trunk in trunks {
                for i in inbound {
                    for n in numbers {
                        let key = Key(pin: pin, trunk: trunk, inbound: i, number: n)
                        if let first = owner[key] {
                            guard first != index else { continue }
                            // A pair is listed once, but indexed under every trunk it shares, so a
                            // call on any of those trunks sees it.
                            let pair =
                                pairIndex[[first, index]]
                                ?? {
                                    let existing = rules[order[first]]
                                    all.append(Conflict(existing: existing.id, existingName: existing.name, other: rule.id, trunk: trunk))
                                    pairIndex[[first, index]] = all.count - 1
                                    return all.count - 1
                                }()
                            if firstByTrunk[trunk] == nil { firstByTrunk[trunk] = pair }
                        } else {
                            owner[key] = index
                        }
                    }
                }
            }
        }
    }

    /// The conflict that makes a call on `trunkID` fail, if any: LiveKit validates all
    /// candidate rules (wildcard ones, and those listing the trunk; every rule when no trunk
    /// matched) before it filters them.
    public func blockingConflict(forTrunk trunkID: String?) -> Conflict? {
        guard let trunkID else { return all.first }
        let candidates = [firstByTrunk[""], firstByTrunk[trunkID]].compactMap { $0 }
        return candidates.min().map { all[$0] }
    }

    public func conflicts(involving ruleID: String) -> [Conflict] {
        all.filter { $0.existing == ruleID || $0.other == ruleID }
    }
}
