/// LiveKit's ranking of the rules that passed the filters (`DispatchRulePriority`,
/// `hasHigherPriority`, HEAD; livekit-routing.md 3.4), with the dynamic rule of
/// dynamic-dispatch.md section 1 at −1. Lower wins.
///
/// | rule       | with pin | without pin |
/// |------------|----------|-------------|
/// | Direct     | 0        | 100         |
/// | Individual | 1        | 101         |
/// | Callee     | 2        | 102         |
/// | Dynamic    | −1       | −1          |
///
/// plus 1000 when `inbound_numbers` is empty and 1000 when `numbers` is empty, so any rule
/// with a number filter beats any rule without one in the same pool. Ties go to the
/// lexicographically smaller room name or prefix, then to the rule listed first (smaller ID).
public enum RulePriority {
    public static let unknownType = Int(Int32.max)
    public static let missingFilterPenalty = 1000

    public static func value(of rule: DispatchRule) -> Int {
        guard let kind = rule.kind else { return unknownType }
        return base(kind) + penalties(rule)
    }

    static func base(_ kind: RuleKind) -> Int {
        let pinned = !kind.pin.isEmpty
        switch kind {
        case .direct: return pinned ? 0 : 100
        case .individual: return pinned ? 1 : 101
        case .callee: return pinned ? 2 : 102
        case .dynamic: return -1
        }
    }

    static func penalties(_ rule: DispatchRule) -> Int {
        (rule.inboundNumbers.isEmpty ? missingFilterPenalty : 0) + (rule.numbers.isEmpty ? missingFilterPenalty : 0)
    }

    /// `2100 = 100 (direct, no pin) + 1000 (no inbound_numbers) + 1000 (no numbers)`.
    public static func explain(_ rule: DispatchRule) -> String {
        guard let kind = rule.kind else { return "\(unknownType) (rule without a variant)" }
        let pinWords: String
        if case .dynamic = kind {
            pinWords = "dynamic"
        } else {
            pinWords = "\(kind.typeName), \(kind.pin.isEmpty ? "no pin" : "pin")"
        }
        var parts = ["\(base(kind)) (\(pinWords))"]
        if rule.inboundNumbers.isEmpty { parts.append("1000 (no inbound_numbers)") }
        if rule.numbers.isEmpty { parts.append("1000 (no numbers)") }
        return "\(value(of: rule)) = " + parts.joined(separator: " + ")
    }

    /// True when `a` ranks before `b`; positions (ID order) break full ties.
    static func ranksBefore(_ a: (rule: DispatchRule, position: Int), _ b: (rule: DispatchRule, position: Int)) -> Bool {
        let pa = value(of: a.rule)
        let pb = value(of: b.rule)
        if pa != pb { return pa < pb }
        let ra = a.rule.kind?.roomNameOrPrefix ?? ""
        let rb = b.rule.kind?.roomNameOrPrefix ?? ""
        // Go compares strings byte by byte; Swift's `<` would order by Unicode rules.
        if ra != rb { return ra.utf8.lexicographicallyPrecedes(rb.utf8) }
        return a.position < b.position
    }

    /// Why `winner` beat `loser` in the same pool, for the trace.
    static func whyOutranked(_ loser: DispatchRule, by winner: DispatchRule) -> String {
        let pl = value(of: loser)
        let pw = value(of: winner)
        if pw != pl { return "outranked by \(winner.id): priority \(pw) < \(pl) (\(explain(loser)))" }
        let rw = winner.kind?.roomNameOrPrefix ?? ""
        let rl = loser.kind?.roomNameOrPrefix ?? ""
        if rw != rl {
            return
                "outranked by \(winner.id): same priority \(pw); "
                + "room name or prefix \(Wording.quoted(rw)) sorts before \(Wording.quoted(rl))"
        }
        return "outranked by \(winner.id): same priority \(pw) and room name or prefix \(Wording.quoted(rw)); the smaller rule ID wins"
    }
}
