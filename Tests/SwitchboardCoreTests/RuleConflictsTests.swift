import Testing

@testable import SwitchboardCore

/// `RuleConflicts` checks only the rules that share a key with another, instead of putting all
/// of them in ID order. Its findings must be those of the plain check over every rule in ID
/// order (kept here as the reference), for any mix of rules, duplicate IDs included.
@Suite("Rule conflicts")
struct RuleConflictsTests {
    /// LiveKit's check as written: every rule in ID order, every key owned by the first rule
    /// that has it.
    static func reference(_ rules: [DispatchRule]) -> (all: [RuleConflicts.Conflict], unsupported: [String], firstByTrunk: [String: Int]) {
        let order = rules.indices.sorted { rules[$0].id < rules[$1].id }
        var all: [RuleConflicts.Conflict] = []
        var unsupported: [String] = []
        var owner: [[String]: Int] = [:]
        var pairs: [[Int]: Int] = [:]
        var firstByTrunk: [String: Int] = [:]
        for (index, position) in order.enumerated() {
            let rule = rules[position]
            guard let kind = rule.kind else {
                unsupported.append(rule.id)
                continue
            }
            let trunks = rule.trunkIds.isEmpty ? [""] : rule.trunkIds
            let inbound = rule.inboundNumbers.isEmpty ? [""] : rule.inboundNumbers.map(PhoneNumber.normalize)
            let numbers = rule.numbers.isEmpty ? [""] : rule.numbers.map(PhoneNumber.normalize)
            for trunk in trunks {
                for caller in inbound {
                    for number in numbers {
                        let key = [kind.pin, trunk, caller, number]
                        guard let first = owner[key] else {
                            owner[key] = index
                            continue
                        }
                        guard first != index else { continue }
                        if pairs[[first, index]] == nil {
                            let existing = rules[order[first]]
                            all.append(.init(existing: existing.id, existingName: existing.name, other: rule.id, trunk: trunk))
                            pairs[[first, index]] = all.count - 1
                        }
                        if firstByTrunk[trunk] == nil { firstByTrunk[trunk] = pairs[[first, index]] }
                    }
                }
            }
        }
        return (all, unsupported, firstByTrunk)
    }

    /// A small deterministic generator, so a failure names a seed that reproduces it.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
    }

    static func randomRules(seed: UInt64, count: Int) -> [DispatchRule] {
        var rng = Generator(state: seed)
        func pick<T>(_ values: [T]) -> T { values[Int.random(in: 0..<values.count, using: &rng)] }
        func some(_ values: [String], upTo limit: Int) -> [String] {
            (0..<Int.random(in: 0...limit, using: &rng)).map { _ in pick(values) }
        }
        return (0..<count).map { i in
            var rule = DispatchRule()
            rule.id = pick(["SDR_b", "SDR_a", "SDR_c", "SDR_é", "SDR_e\u{301}"]) + String(Int.random(in: 0..<(count / 2 + 1), using: &rng))
            rule.name = "Rule \(i)"
            switch Int.random(in: 0..<5, using: &rng) {
            case 0: rule.kind = nil
            case 1: rule.kind = .dynamic(DynamicRule(url: "https://x.example"))
            case 2: rule.kind = .individual(IndividualRule(roomPrefix: "p", pin: pick(["", "1"])))
            default: rule.kind = .direct(DirectRule(roomName: "r", pin: pick(["", "1", "2"])))
            }
            rule.trunkIds = some(["ST_1", "ST_2", "ST_3", "ST_1"], upTo: 2)
            rule.inboundNumbers = some(["+1 555", "+1555", "+1556", "alice"], upTo: 2)
            rule.numbers = some(["+1 (777)", "+1777", "+1778"], upTo: 1)
            return rule
        }
    }

    @Test("the same conflicts, in the same order, as checking every rule in ID order", arguments: 0..<40)
    func matchesReference(seed: UInt64) {
        let rules = Self.randomRules(seed: seed, count: Int(seed % 8) * 6 + 2)
        let conflicts = RuleConflicts(rules: rules)
        let expected = Self.reference(rules)
        #expect(conflicts.all == expected.all, "seed \(seed)")
        #expect(conflicts.unsupported == expected.unsupported, "seed \(seed)")
        // The routing check: the first conflict found on the trunk or among wildcard rules.
        for trunk in ["ST_1", "ST_2", "ST_3", "ST_4"] {
            let blocking = [expected.firstByTrunk[""], expected.firstByTrunk[trunk]].compactMap { $0 }.min().map { expected.all[$0] }
            #expect(conflicts.blockingConflict(forTrunk: trunk) == blocking, "seed \(seed) trunk \(trunk)")
        }
        #expect(conflicts.blockingConflict(forTrunk: nil) == expected.all.first)
    }

    @Test("rules that share no key have no conflicts and need no ordering")
    func noSharedKeys() {
        let rules = (0..<50).map { i in
            var rule = DispatchRule()
            rule.id = "SDR_\(50 - i)"
            rule.kind = .direct(DirectRule(roomName: "r"))
            rule.trunkIds = ["ST_\(i)"]
            return rule
        }
        let conflicts = RuleConflicts(rules: rules)
        #expect(conflicts.all.isEmpty)
        #expect(conflicts.unsupported.isEmpty)
        #expect(conflicts.blockingConflict(forTrunk: "ST_1") == nil)
    }
}
