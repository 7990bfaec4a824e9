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
        // Almost every rule has keys no other rule has. One pass over the rules as they are
        // finds the few that share one (by the key's hash: a collision only adds a rule to
        // check); only those are put in ID order and checked exactly. A rule whose keys are
        // all its own neither conflicts nor owns a key another rule meets, so leaving it out
        // changes nothing, and sorting 100,000 IDs was most of this check's time.
        // Positions as Int32: the table has a bucket for every key of every rule, and its
        // values were 4 of the 100,000-rule peak's megabytes at 8 bytes each.
        var lastByHash: [Int: Int32] = [:]
        var shares = [Bool](repeating: false, count: rules.count)
        var withoutKind: [Int] = []
        // Through the buffer: reading `rules[position]` copied (retained) every field of the rule.
        rules.withUnsafeBufferPointer { rules in
            // Room for every key at once: reserving one per rule, a rule with two callers made
            // the table grow, and the old table and the new one were both alive at the peak.
            var keys = 0
            for rule in rules.indices {
                keys += max(rules[rule].trunkIds.count, 1) * max(rules[rule].inboundNumbers.count, 1) * max(rules[rule].numbers.count, 1)
            }
            lastByHash.reserveCapacity(keys)
            for position in rules.indices {
                guard let pin = rules[position].rule?.kind?.pin else {
                    withoutKind.append(position)
                    continue
                }
                // The three lists, not the rule: passing the rule copied (retained) all of it.
                Self.forEachKey(
                    trunks: rules[position].trunkIds, inbound: rules[position].inboundNumbers, numbers: rules[position].numbers,
                    pin: pin
                ) { key in
                    if let previous = lastByHash.updateValue(Int32(position), forKey: key.hashValue).map(Int.init),
                        previous != position
                    {
                        shares[previous] = true
                        shares[position] = true
                    }
                }
            }
        }
        self.init(rules: rules, sharing: rules.indices.filter { shares[$0] }, withoutKind: withoutKind)
    }

    /// The exact check over the rules that share a key hash with another (`sharing`, a
    /// superset of the conflicting rules is enough: a rule whose keys are all its own adds
    /// nothing). ``RuleConflictTracker`` keeps that set up to date through edits.
    init(rules: [DispatchRule], sharing: [Int], withoutKind: [Int] = []) {
        unsupported = Self.inIDOrder(withoutKind, of: rules).map { rules[$0].id }
        let order = Self.inIDOrder(sharing, of: rules)
        guard !order.isEmpty else { return }

        var owner: [Key: Int] = [:]
        var pairIndex: [[Int]: Int] = [:]
        for (index, position) in order.enumerated() {
            let rule = rules[position]
            guard let pin = rule.kind?.pin else { continue }
            Self.forEachKey(trunks: rule.trunkIds, inbound: rule.inboundNumbers, numbers: rule.numbers, pin: pin) { key in
                guard let first = owner[key] else {
                    owner[key] = index
                    return
                }
                guard first != index else { return }
                // A pair is listed once, but indexed under every trunk it shares, so a
                // call on any of those trunks sees it.
                let pair =
                    pairIndex[[first, index]]
                    ?? {
                        let existing = rules[order[first]]
                        all.append(Conflict(existing: existing.id, existingName: existing.name, other: rule.id, trunk: key.trunk))
                        pairIndex[[first, index]] = all.count - 1
                        return all.count - 1
                    }()
                if firstByTrunk[key.trunk] == nil { firstByTrunk[key.trunk] = pair }
            }
        }
    }

    /// Positions of `rules` sorted by ID (stable: equal IDs keep their order).
    static func inIDOrder(_ positions: [Int], of rules: [DispatchRule]) -> [Int] {
        positions.sorted { rules[$0].id < rules[$1].id }
    }

    /// A rule's keys: every trunk (or `""`), every normalized inbound number (or `""`),
    /// every normalized number (or `""`), in that nesting.
    static func forEachKey(trunks: [String], inbound: [String], numbers: [String], pin: String, _ body: (Key) -> Void) {
        for t in 0..<max(trunks.count, 1) {
            let trunk = trunks.isEmpty ? "" : trunks[t]
            for i in 0..<max(inbound.count, 1) {
                let caller = inbound.isEmpty ? "" : PhoneNumber.normalize(inbound[i])
                for n in 0..<max(numbers.count, 1) {
                    let number = numbers.isEmpty ? "" : PhoneNumber.normalize(numbers[n])
                    body(Key(pin: pin, trunk: trunk, inbound: caller, number: number))
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
