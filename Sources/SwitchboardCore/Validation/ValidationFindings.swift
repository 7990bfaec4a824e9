/// `validate`'s findings kept by where they come from, so that the terminal UI can re-check one
/// edited item instead of the whole workspace: its own field checks, the conflicts its keys
/// touch. ``all`` is exactly `WorkspaceValidator.validate` of the same workspace, in its order.
///
/// Reachability is the one global part (any rule may win another's calls), and needs a routing
/// index that takes seconds to build for 100,000 rules. An edit therefore only marks it stale
/// (``reachabilityIsCurrent``): the warnings already known stay, minus those of removed rules,
/// until ``refreshReachability(_:)`` (or a fresh check in the background) replaces them.
public struct ValidationFindings: Sendable {
    /// Field checks of each trunk, by position.
    public private(set) var trunkChecks: [[Diagnostic]]
    public private(set) var trunkConflicts: [Diagnostic]
    /// Field checks of each rule, by position.
    public private(set) var ruleChecks: [[Diagnostic]]
    public private(set) var ruleConflicts: [Diagnostic]
    /// The "unreachable" warnings, as of the last refresh.
    public private(set) var reachability: [Diagnostic]
    /// False after an edit, until reachability is computed again.
    public private(set) var reachabilityIsCurrent = true
    /// What the rule checks read of the trunks.
    private var context: ItemValidation.Context
    private var conflicts: RuleConflictTracker

    /// Every finding, in `validate`'s order: trunk checks, trunk conflicts, rule checks, rule
    /// conflicts, reachability.
    public var all: [Diagnostic] {
        var out: [Diagnostic] = []
        for checks in trunkChecks where !checks.isEmpty { out += checks }
        out += trunkConflicts
        ruleChecks.withUnsafeBufferPointer { checks in
            for index in checks.indices where !checks[index].isEmpty { out += checks[index] }
        }
        return out + ruleConflicts + reachability
    }

    public init(_ workspace: Workspace) {
        context = ItemValidation.Context(workspace: workspace)
        trunkChecks = workspace.trunks.map(TrunkChecks.check)
        trunkConflicts = Self.diagnostics(TrunkConflicts(trunks: workspace.trunks))
        let context = context
        ruleChecks = workspace.rules.withUnsafeBufferPointer { rules in
            rules.indices.map {
                RuleChecks.check(
                    rules[$0], knownTrunks: context.knownTrunks, trunksUseNormalizedNumbers: context.trunksUseNormalizedNumbers)
            }
        }
        conflicts = RuleConflictTracker(rules: workspace.rules)
        ruleConflicts = Self.diagnostics(conflicts.conflicts)
        reachability = ReachabilityAnalyzer.diagnostics(workspace)
    }

    /// Computes the reachability warnings of `workspace` (the one these findings are of).
    public mutating func refreshReachability(_ workspace: Workspace) {
        reachability = ReachabilityAnalyzer.diagnostics(workspace)
        reachabilityIsCurrent = true
    }

    // MARK: Edits

    /// One change to one item, with the workspace after it.
    public enum Change: Sendable {
        case replaced(Int)
        case inserted(Int)
        case removed(Int, id: String)
    }

    /// Re-checks the rule `change` is about. Always possible: nothing else reads a rule.
    public mutating func ruleChanged(_ change: Change, in workspace: Workspace) {
        switch change {
        case .replaced(let position):
            ruleChecks[position] = check(workspace.rules[position])
            conflicts.replace(at: position, in: workspace.rules)
        case .inserted(let position):
            ruleChecks.insert(check(workspace.rules[position]), at: position)
            conflicts.insert(at: position, in: workspace.rules)
        case .removed(let position, let id):
            ruleChecks.remove(at: position)
            conflicts.remove(at: position, in: workspace.rules)
            reachability.removeAll { $0.item == ItemKey(.rule, id) }
        }
        ruleConflicts = Self.diagnostics(conflicts.conflicts)
        reachabilityIsCurrent = false
    }

    /// Re-checks the trunk `change` is about, its conflicts and the rules naming it; false
    /// when the change reaches every rule's checks (whether any trunk is loaded, or whether
    /// trunks write numbers normalized), which only a full check redoes.
    public mutating func trunkChanged(_ change: Change, in workspace: Workspace, rulesNaming: (String) -> [Int]) -> Bool {
        let newContext = ItemValidation.Context(workspace: workspace)
        guard newContext.trunksUseNormalizedNumbers == context.trunksUseNormalizedNumbers,
            newContext.knownTrunks.isEmpty == context.knownTrunks.isEmpty
        else { return false }
        let changedIDs = newContext.knownTrunks.symmetricDifference(context.knownTrunks)
        context = newContext
        switch change {
        case .replaced(let position): trunkChecks[position] = TrunkChecks.check(workspace.trunks[position])
        case .inserted(let position): trunkChecks.insert(TrunkChecks.check(workspace.trunks[position]), at: position)
        case .removed(let position, _): trunkChecks.remove(at: position)
        }
        trunkConflicts = Self.diagnostics(TrunkConflicts(trunks: workspace.trunks))
        // A trunk ID that appeared or went changes the "not in the loaded configuration"
        // warning of the rules naming it.
        for id in changedIDs {
            for position in rulesNaming(id) { ruleChecks[position] = check(workspace.rules[position]) }
        }
        reachabilityIsCurrent = false
        return true
    }

    /// Positions, ascending, of the rules holding a key hash of `rule` (a superset of those
    /// `ItemValidation.ruleConflicts` would name, found without hashing every rule's keys).
    public func rulesSharingKeys(with rule: DispatchRule) -> [Int] {
        conflicts.positions(sharingKeysWith: rule)
    }

    private func check(_ rule: DispatchRule) -> [Diagnostic] {
        RuleChecks.check(rule, knownTrunks: context.knownTrunks, trunksUseNormalizedNumbers: context.trunksUseNormalizedNumbers)
    }

    static func diagnostics(_ conflicts: TrunkConflicts) -> [Diagnostic] {
        conflicts.all.map {
            Diagnostic(.error, item: ItemKey(.trunk, $0.second), field: "numbers", $0.message, related: [ItemKey(.trunk, $0.first)])
        }
    }

    static func diagnostics(_ conflicts: RuleConflicts) -> [Diagnostic] {
        conflicts.all.map { Diagnostic(.error, item: ItemKey(.rule, $0.other), $0.message, related: [ItemKey(.rule, $0.existing)]) }
    }
}
