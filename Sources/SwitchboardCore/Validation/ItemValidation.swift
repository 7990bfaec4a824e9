/// The checks `validate` makes, for one trunk or rule that is not in the workspace yet (the
/// draft of an edit form): its own field checks in the context of the workspace, and the
/// conflicts LiveKit reports when the item is created or updated next to the others.
///
/// Field checks are cheap and run on every keystroke; the conflict checks walk every other
/// item, so the form runs them when the draft is applied.
public enum ItemValidation {
    /// What a rule's checks need to know about the rest of the workspace, gathered once when a
    /// form opens rather than on every keystroke.
    public struct Context: Sendable, Equatable {
        public var knownTrunks: Set<String>
        public var trunksUseNormalizedNumbers: Bool

        public init(workspace: Workspace) {
            knownTrunks = Set(workspace.trunks.map(\.id))
            trunksUseNormalizedNumbers = workspace.trunks.contains { t in t.numbers.contains { $0 == PhoneNumber.normalize($0) } }
        }
    }

    public static func check(_ trunk: Trunk) -> [Diagnostic] {
        TrunkChecks.check(trunk)
    }

    public static func check(_ rule: DispatchRule, context: Context) -> [Diagnostic] {
        RuleChecks.check(rule, knownTrunks: context.knownTrunks, trunksUseNormalizedNumbers: context.trunksUseNormalizedNumbers)
    }

    /// The rules LiveKit would name when `rule` is created or updated: every other rule (by ID)
    /// sharing a (pin, trunk, inbound number, number) key with it. `existing` is the other rule,
    /// `other` the draft.
    public static func ruleConflicts(_ rule: DispatchRule, among rules: [DispatchRule]) -> [RuleConflicts.Conflict] {
        guard let kind = rule.kind else { return [] }
        let mine = keys(of: rule, pin: kind.pin)
        var out: [RuleConflicts.Conflict] = []
        for other in rules where other.id != rule.id {
            guard let otherKind = other.kind else { continue }
            // Cheap rejections first: pins differ, or one is trunk-specific and the other is not.
            guard otherKind.pin == kind.pin, other.trunkIds.isEmpty == rule.trunkIds.isEmpty else { continue }
            for key in keys(of: other, pin: otherKind.pin) where mine.contains(key) {
                out.append(RuleConflicts.Conflict(existing: other.id, existingName: other.name, other: rule.id, trunk: key.trunk))
                break
            }
        }
        return out
    }

    /// The trunks LiveKit would name when `trunk` is created or updated next to `trunks`.
    public static func trunkConflicts(_ trunk: Trunk, among trunks: [Trunk]) -> [TrunkConflicts.Conflict] {
        var out: [TrunkConflicts.Conflict] = []
        for other in trunks where other.id != trunk.id {
            for conflict in TrunkConflicts(trunks: [other, trunk]).all {
                out.append(conflict)
                break
            }
        }
        return out
    }

    static func keys(of rule: DispatchRule, pin: String) -> Set<RuleConflicts.Key> {
        let trunks = rule.trunkIds.isEmpty ? [""] : rule.trunkIds
        let inbound = rule.inboundNumbers.isEmpty ? [""] : rule.inboundNumbers.map(PhoneNumber.normalize)
        let numbers = rule.numbers.isEmpty ? [""] : rule.numbers.map(PhoneNumber.normalize)
        var out: Set<RuleConflicts.Key> = []
        for trunk in trunks {
            for i in inbound {
                for n in numbers { out.insert(RuleConflicts.Key(pin: pin, trunk: trunk, inbound: i, number: n)) }
            }
        }
        return out
    }
}
