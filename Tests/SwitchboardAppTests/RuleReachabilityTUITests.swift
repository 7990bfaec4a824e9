import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// "Simulate this rule" in the TUI: `c` on a rule fills a call that rule takes, and the rule's
/// detail pane says whether any call reaches it, or which rule wins instead.
@Suite("Rule reachability in the TUI")
struct RuleReachabilityTUITests {
    /// One trunk; `SDR_Wide` takes its calls only where `SDR_Exact` (same trunk, a `numbers`
    /// filter) does not: nowhere, since the trunk has one number.
    static let shadowedJSON = #"""
        {"trunks": [{"sipTrunkId": "ST_T1", "name": "Main", "numbers": ["+15550100"], "allowedAddresses": ["203.0.113.0/24"]}],
         "dispatchRules": [
          {"sipDispatchRuleId": "SDR_Wide", "name": "Wide", "trunkIds": ["ST_T1"], "rule": {"dispatchRuleDirect": {"roomName": "wide"}}},
          {"sipDispatchRuleId": "SDR_Exact", "name": "Exact", "trunkIds": ["ST_T1"], "numbers": ["+15550100"],
           "rule": {"dispatchRuleDirect": {"roomName": "exact"}}}
         ]}
        """#

    static func state(_ json: String) throws -> AppState {
        var generator = SeededGenerator(seed: 1)
        let workspace = try WorkspaceLoader.load([SourceDocument(path: "p.json", bytes: Array(json.utf8))], using: &generator)
        return AppState(
            catalog: WorkspaceCatalog(workspace: workspace), options: AppOptions(unicode: true, inputPaths: ["p.json"]),
            size: TerminalSize(columns: 120, rows: 40), mouseEnabled: true)
    }

    /// The rules tab with the `index`th rule selected.
    static func onRule(_ index: Int, of state: AppState) -> AppState {
        Fixtures.press([.char("2")] + Array(repeating: .char("j"), count: index), on: state).0
    }

    @Test("c on each rule of the fixture fills a call the routing engine sends to that very rule")
    func everyRuleGetsItsCall() throws {
        let initial = Fixtures.state()
        let index = RoutingIndex(workspace: initial.workspace)
        let engine = RoutingEngine(index: index, mode: initial.workspace.settings.mode)
        var checked = 0
        for position in initial.workspace.rules.indices {
            let onRule = Self.onRule(position, of: initial)
            let rule = try #require(onRule.selectedRule)
            let (opened, _) = Fixtures.press([.char("c")], on: onRule)
            #expect(opened.screen == .simulator)
            // A rule another rule shadows gets the call it would take; only reachable rules here.
            guard ReachabilityAnalyzer(index: index, mode: initial.workspace.settings.mode).check(ruleID: rule.id)?.isReachable == true
            else { continue }
            var rng = SeededGenerator(seed: 1)
            let outcome = engine.run(SimulatedCall(opened.simulator.form.spec, using: &rng), using: &rng)
            #expect(outcome.rule?.id == rule.id, "c on \(rule.id) filled \(opened.simulator.form.spec)")
            checked += 1
        }
        #expect(checked >= 5)
    }

    @Test("c on another rule refills the form for that rule, even after the first prefill")
    func refillsPerRule() throws {
        let initial = Fixtures.state()
        let first = Fixtures.press([.char("c")], on: Self.onRule(0, of: initial)).0
        let back = Fixtures.press([.escape, .escape], on: first).0
        #expect(back.screen != .simulator)
        var second = back
        second.tab = .rules
        let fromSecond = Fixtures.press([.char("j"), .char("c")], on: second).0
        let firstRule = try #require(Self.onRule(0, of: initial).selectedRule)
        let secondRule = try #require(Self.onRule(1, of: initial).selectedRule)
        #expect(firstRule.id != secondRule.id)
        let analyzer = ReachabilityAnalyzer(index: RoutingIndex(workspace: initial.workspace), mode: initial.workspace.settings.mode)
        #expect(fromSecond.simulator.form.spec.from == analyzer.check(ruleID: secondRule.id)?.call?.from)
    }

    @Test("the detail pane of a reachable rule shows the call; of a shadowed one, who wins instead")
    func detailPane() throws {
        let state = try Self.state(Self.shadowedJSON)
        let wide = Fixtures.screen(Self.onRule(0, of: state)).joined(separator: "\n")
        #expect(wide.contains("Reachability        Unreachable: shadowed, SDR_Exact wins every call"))
        #expect(wide.contains("engine: outranked: outranked by SDR_Exact"))
        // A warning that cites the winner: the rule's own problem, not a conflict between the two.
        #expect(wide.contains("Checks              1 warning (below)"))
        #expect(wide.contains("Warning             unreachable: every call it could take goes to"))
        #expect(!wide.contains("Conflicts with other rules"))
        let exact = Fixtures.screen(Self.onRule(1, of: state)).joined(separator: "\n")
        #expect(exact.contains("Reachability        Reachable — e.g. "))
        #expect(exact.contains("c simulates this call"))
        #expect(exact.contains("Checks              no problems found"))
    }

    @Test("c on a shadowed rule fills the call it would take, so Enter shows the rule that wins")
    func shadowedCall() throws {
        let state = try Self.state(Self.shadowedJSON)
        let opened = Fixtures.press([.char("c")], on: Self.onRule(0, of: state)).0
        var rng = SeededGenerator(seed: 1)
        let engine = RoutingEngine(index: RoutingIndex(workspace: state.workspace), mode: .oss)
        #expect(engine.run(SimulatedCall(opened.simulator.form.spec, using: &rng), using: &rng).rule?.id == "SDR_Exact")
    }
}
