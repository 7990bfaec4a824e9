/// `switchboard validate`: the field checks LiveKit makes on create/update, its conflict checks
/// for trunks and rules, and warnings for things LiveKit accepts that rarely do what was meant.
public enum WorkspaceValidator {
    public static func validate(_ workspace: Workspace) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let trunkIDs = Set(workspace.trunks.map(\.id))
        for trunk in workspace.trunks { out += TrunkChecks.check(trunk) }
        for conflict in TrunkConflicts(trunks: workspace.trunks).all {
            out.append(
                Diagnostic(
                    .error, item: ItemKey(.trunk, conflict.second), field: "numbers", conflict.message,
                    related: [ItemKey(.trunk, conflict.first)]))
        }
        let trunkNumbersNormalized = workspace.trunks.contains { t in t.numbers.contains { $0 == PhoneNumber.normalize($0) } }
        // Through the buffer: `for rule in rules` copied (retained) every field of every rule.
        workspace.rules.withUnsafeBufferPointer { rules in
            for i in rules.indices {
                RuleChecks.check(rules[i], knownTrunks: trunkIDs, trunksUseNormalizedNumbers: trunkNumbersNormalized, into: &out)
            }
        }
        // The routing index the reachability check needs computes the same conflicts over the
        // rules in ID order: reused when the workspace lists them so (as LiveKit does). It is
        // built only when some rule's reachability is checked (not for a rule list alone).
        let index = ReachabilityAnalyzer.givesVerdicts(workspace) ? RoutingIndex(workspace: workspace) : nil
        let sorted = workspace.rules.withUnsafeBufferPointer { rules in
            rules.indices.dropFirst().allSatisfy { rules[$0 - 1].id <= rules[$0].id }
        }
        let conflicts = sorted ? index?.conflicts ?? RuleConflicts(rules: workspace.rules) : RuleConflicts(rules: workspace.rules)
        for conflict in conflicts.all {
            out.append(
                Diagnostic(
                    .error, item: ItemKey(.rule, conflict.other), conflict.message, related: [ItemKey(.rule, conflict.existing)]))
        }
        // Last: a rule's own findings read before the note that no call reaches it.
        if let index { out += ReachabilityAnalyzer.diagnostics(index, mode: workspace.settings.mode) }
        return out
    }

    public static func diagnostics(for item: ItemKey, in all: [Diagnostic]) -> [Diagnostic] {
        all.filter { $0.item == item || $0.related.contains(item) }
    }
}
