/// ``RuleConflicts`` kept up to date while single rules are replaced, added or removed: the
/// terminal UI's edits of a 100,000-rule workspace re-check only the rules that share a key
/// with the edited one instead of hashing every rule's keys again.
///
/// It remembers each rule's key hashes (the same hashes `RuleConflicts` groups rules by) and
/// which rules share one with another rule. An edit changes only the edited rule's keys, so
/// only rules holding one of its old or new hashes can start or stop sharing; finding them is
/// a scan of integers. The exact check then runs over the sharing rules, as a full check does,
/// so the conflicts are the same as `RuleConflicts(rules:)` of the new list, in the same order.
/// Hashes are the process's (`Hasher` is seeded per run): a tracker is never stored.
public struct RuleConflictTracker: Sendable {
    /// Each rule's distinct key hashes, by position (empty for a rule without a variant).
    private var keyHashes: [[Int]]
    /// By position: some key hash of the rule is also another rule's.
    private var sharing: [Bool]
    public private(set) var conflicts: RuleConflicts

    public init(rules: [DispatchRule]) {
        var keyHashes: [[Int]] = []
        keyHashes.reserveCapacity(rules.count)
        var lastByHash: [Int: Int] = [:]
        lastByHash.reserveCapacity(rules.count)
        var sharing = [Bool](repeating: false, count: rules.count)
        rules.withUnsafeBufferPointer { rules in
            for position in rules.indices {
                let hashes = Self.hashes(rules[position])
                for hash in hashes {
                    if let previous = lastByHash.updateValue(position, forKey: hash) {
                        sharing[previous] = true
                        sharing[position] = true
                    }
                }
                keyHashes.append(hashes)
            }
        }
        self.keyHashes = keyHashes
        self.sharing = sharing
        conflicts = RuleConflicts(rules: rules, sharing: sharing.indices.filter { sharing[$0] })
    }

    /// The rule at `position` of `rules` (the list after the change) replaced its previous value.
    public mutating func replace(at position: Int, in rules: [DispatchRule]) {
        let old = keyHashes[position]
        keyHashes[position] = Self.hashes(rules[position])
        sharing[position] = false
        update(touching: old, position: position, rules: rules)
    }

    /// A rule was inserted at `position` of `rules` (the list after the change).
    public mutating func insert(at position: Int, in rules: [DispatchRule]) {
        keyHashes.insert(Self.hashes(rules[position]), at: position)
        sharing.insert(false, at: position)
        update(touching: [], position: position, rules: rules)
    }

    /// The rule at `position` was removed; `rules` is the list after the change.
    public mutating func remove(at position: Int, in rules: [DispatchRule]) {
        let old = keyHashes.remove(at: position)
        sharing.remove(at: position)
        update(touching: old, position: nil, rules: rules)
    }

    /// Re-decides `sharing` for every rule holding one of `old` or the changed rule's hashes,
    /// then runs the exact check over the sharing rules.
    private mutating func update(touching old: [Int], position: Int?, rules: [DispatchRule]) {
        var touched = Set(old)
        if let position { touched.formUnion(keyHashes[position]) }
        if !touched.isEmpty {
            // The rules holding a touched hash, and every hash they hold: only their counts
            // can decide whether they share.
            var affected: [Int] = []
            var counted: [Int: Int] = [:]
            keyHashes.withUnsafeBufferPointer { all in
                for index in all.indices where all[index].contains(where: touched.contains) {
                    affected.append(index)
                    for hash in all[index] { counted[hash] = 0 }
                }
                for index in all.indices {
                    for hash in all[index] where counted[hash] != nil { counted[hash, default: 0] += 1 }
                }
            }
            for index in affected {
                sharing[index] = keyHashes[index].contains { counted[$0, default: 0] > 1 }
            }
        }
        conflicts = RuleConflicts(rules: rules, sharing: sharing.indices.filter { sharing[$0] })
    }

    /// Positions, ascending, of the rules holding one of `rule`'s key hashes.
    public func positions(sharingKeysWith rule: DispatchRule) -> [Int] {
        let wanted = Self.hashes(rule)
        guard !wanted.isEmpty else { return [] }
        return keyHashes.withUnsafeBufferPointer { all in
            all.indices.filter { index in all[index].contains(where: wanted.contains) }
        }
    }

    /// The distinct hashes of a rule's (pin, trunk, inbound, number) keys.
    static func hashes(_ rule: DispatchRule) -> [Int] {
        guard let pin = rule.kind?.pin else { return [] }
        var out: [Int] = []
        RuleConflicts.forEachKey(trunks: rule.trunkIds, inbound: rule.inboundNumbers, numbers: rule.numbers, pin: pin) { key in
            let hash = key.hashValue
            if !out.contains(hash) { out.append(hash) }
        }
        return out
    }
}
