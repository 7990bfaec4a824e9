import SwitchboardCore
import Testing

/// `ValidationFindings` is what the terminal UI patches when one item changes; its findings
/// must be `validate`'s, in `validate`'s order, however many edits it went through.
@Suite("Validation findings")
struct ValidationFindingsTests {
    static func generated() -> Workspace {
        var rng = SeededGenerator(seed: 3)
        let output = ConfigurationGenerator(trunks: 20, rules: 200).generate(using: &rng)
        var workspace = Workspace()
        workspace.trunks = output.trunks
        workspace.rules = output.rules
        return workspace
    }

    @Test("a fresh check lists exactly validate's findings, in its order")
    func freshIsValidate() {
        let workspace = Self.generated()
        #expect(ValidationFindings(workspace).all == WorkspaceValidator.validate(workspace))
    }

    @Test("rule edits re-check the rule and its conflicts; reachability waits for a refresh")
    func ruleEdits() {
        var workspace = Self.generated()
        var findings = ValidationFindings(workspace)
        // Rule 1 takes rule 0's keys: a conflict.
        var rule = workspace.rules[1]
        rule.trunkIds = workspace.rules[0].trunkIds
        rule.inboundNumbers = workspace.rules[0].inboundNumbers
        rule.numbers = workspace.rules[0].numbers
        rule.kind = workspace.rules[0].kind
        workspace.rules[1] = rule
        findings.ruleChanged(.replaced(1), in: workspace)
        #expect(!findings.reachabilityIsCurrent)
        #expect(findings.ruleConflicts == Array(WorkspaceValidator.validate(workspace).filter { $0.message.contains("already exists") }))
        // A copy inserted, one removed.
        var copy = workspace.rules[1]
        copy.id = "SDR_copyOfRuleOne"
        workspace.rules.insert(copy, at: 50)
        findings.ruleChanged(.inserted(50), in: workspace)
        let removed = workspace.rules.remove(at: 0)
        findings.ruleChanged(.removed(0, id: removed.id), in: workspace)
        findings.refreshReachability(workspace)
        #expect(findings.reachabilityIsCurrent)
        #expect(findings.all == WorkspaceValidator.validate(workspace))
    }

    @Test("a rule list alone needs no reachability check (no routing index is built for it)")
    func ruleListAlone() {
        var workspace = Self.generated()
        workspace.trunks = []
        #expect(!ReachabilityAnalyzer.givesVerdicts(workspace))
        #expect(!WorkspaceValidator.validate(workspace).contains { $0.message.hasPrefix("unreachable: ") })
        // A rule without trunk IDs takes calls from any trunk, so it is checked even then.
        workspace.rules[0].trunkIds = []
        #expect(ReachabilityAnalyzer.givesVerdicts(workspace))
        #expect(ValidationFindings(workspace).all == WorkspaceValidator.validate(workspace))
    }

    @Test("a deleted trunk re-checks the rules naming it")
    func trunkEdits() {
        var workspace = Self.generated()
        var findings = ValidationFindings(workspace)
        let removed = workspace.trunks.remove(at: 4)
        let naming = workspace.rules.indices.filter { workspace.rules[$0].trunkIds.contains(removed.id) }
        let patched = findings.trunkChanged(.removed(4, id: removed.id), in: workspace, rulesNaming: { $0 == removed.id ? naming : [] })
        #expect(patched)
        findings.refreshReachability(workspace)
        #expect(findings.all == WorkspaceValidator.validate(workspace))
    }
}
