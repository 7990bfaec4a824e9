import Testing

@testable import SwitchboardCore

/// Which rules a call can reach, with the call that does or the rule that wins instead; every
/// witness is held to what `RoutingEngine.run` (what `simulate` runs) does with it.
@Suite("Rule reachability")
struct RuleReachabilityTests {
    static let trunk =
        #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedNumbers": ["+15551234", "+15559999"], "allowedAddresses": ["203.0.113.0/24"]}"#

    static func direct(_ id: String, room: String = "room", pin: String = "", _ extra: String = "") -> String {
        #"{"sipDispatchRuleId": "\#(id)", "rule": {"dispatchRuleDirect": {"roomName": "\#(room)", "pin": "\#(pin)"}}\#(extra)}"#
    }

    func analyze(_ config: String, mode: ProjectSettings.Mode = .oss) throws -> (RoutingIndex, ReachabilityAnalyzer) {
        let index = RoutingIndex(workspace: try load(config))
        return (index, ReachabilityAnalyzer(index: index, mode: mode))
    }

    /// The witness run as `simulate` runs it (every evaluation the verdict relied on).
    func simulated(_ verdict: RuleReachability, _ index: RoutingIndex, mode: ProjectSettings.Mode = .oss) throws -> CallOutcome {
        let spec = try #require(verdict.call)
        var rng = SeededGenerator(seed: 1)
        return RoutingEngine(index: index, mode: mode).run(ReachabilityAnalyzer.call(spec), using: &rng)
    }

    @Test("A reachable rule: caller from inbound_numbers, called number from numbers, a source in the trunk's CIDR")
    func reachable() throws {
        let config = project(
            trunks: [Self.trunk], rules: [Self.direct("SDR_A", #", "trunkIds": ["ST_T1"], "inboundNumbers": ["+15559999"]"#)])
        let (index, analyzer) = try analyze(config)
        let verdict = try #require(analyzer.check(ruleID: "SDR_A"))
        #expect(verdict.isReachable)
        #expect(verdict.call?.from == "+15559999")
        #expect(verdict.call?.to == "+15550100")
        #expect(verdict.call?.sourceIp == "203.0.113.1")
        #expect(verdict.trunkID == "ST_T1")
        #expect(verdict.summary == "Reachable — e.g. +15559999 → +15550100 via ST_T1")
        let outcome = try simulated(verdict, index)
        #expect(outcome.rule?.id == "SDR_A")
        #expect(outcome.result == .accept)
    }

    @Test("Shadowed: a rule with a numbers filter on the same trunk wins every call; the winner is named")
    func shadowed() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [
                Self.direct("SDR_Wide", #", "trunkIds": ["ST_T1"]"#),
                Self.direct("SDR_Exact", room: "z", #", "trunkIds": ["ST_T1"], "numbers": ["+15550100"]"#),
            ])
        let (index, analyzer) = try analyze(config)
        let verdict = try #require(analyzer.check(ruleID: "SDR_Wide"))
        #expect(verdict.cause == .shadowed)
        #expect(verdict.winners == ["SDR_Exact"])
        #expect(verdict.warning == "unreachable: every call it could take goes to SDR_Exact")
        #expect(verdict.summary == "Unreachable: shadowed, SDR_Exact wins every call it could take")
        #expect(verdict.engineWhy?.hasPrefix("outranked: outranked by SDR_Exact") == true)
        #expect(try simulated(verdict, index).rule?.id == "SDR_Exact")
        #expect(analyzer.check(ruleID: "SDR_Exact")?.isReachable == true)
    }

    @Test("Twins on one trunk conflict, so no call reaches either: the calls fail (validate reports the conflict)")
    func tie() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [Self.direct("SDR_B", #", "trunkIds": ["ST_T1"]"#), Self.direct("SDR_A", #", "trunkIds": ["ST_T1"]"#)])
        let (_, analyzer) = try analyze(config)
        // Twins conflict at LiveKit (same trunk, numbers and pin): the call fails, which
        // validate reports as an error; reachability says the calls fail.
        guard case .callsFail? = analyzer.check(ruleID: "SDR_B")?.cause else {
            Issue.record("expected failing calls")
            return
        }
    }

    @Test("A trunk that is not in the configuration")
    func missingTrunk() throws {
        let config = project(trunks: [Self.trunk], rules: [Self.direct("SDR_A", #", "trunkIds": ["ST_Gone"]"#)])
        let verdict = try #require(try analyze(config).1.check(ruleID: "SDR_A"))
        #expect(verdict.cause == .missingTrunks(["ST_Gone"]))
        #expect(verdict.warning == "unreachable: its trunk [ST_Gone] is not in the configuration")
    }

    @Test("A pinned rule whose open twin has a number filter: no pin prompt, the twin wins")
    func pinTwin() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [
                Self.direct("SDR_Pin", pin: "1234", #", "trunkIds": ["ST_T1"]"#),
                Self.direct("SDR_Open", #", "trunkIds": ["ST_T1"], "numbers": ["+15550100"]"#),
            ])
        let (_, analyzer) = try analyze(config)
        let verdict = try #require(analyzer.check(ruleID: "SDR_Pin"))
        #expect(verdict.cause == .noPinPrompt)
        #expect(verdict.winners == ["SDR_Open"])
        #expect(verdict.summary == "Unreachable: no pin prompt, SDR_Open (no pin) wins")
    }

    @Test("A pinned rule is reached with its pin after the prompt; its open twin by pressing only #")
    func pinnedAndOpen() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [
                Self.direct("SDR_Pin", pin: "1234", #", "trunkIds": ["ST_T1"]"#),
                Self.direct("SDR_Open", #", "trunkIds": ["ST_T1"]"#),
            ])
        let (index, analyzer) = try analyze(config)
        let pinned = try #require(analyzer.check(ruleID: "SDR_Pin"))
        #expect(pinned.isReachable)
        #expect(pinned.call?.pin == "1234")
        #expect(pinned.callWords?.hasSuffix(", pin 1234") == true)
        #expect(try simulated(pinned, index).result == .accept)
        let open = try #require(analyzer.check(ruleID: "SDR_Open"))
        #expect(open.isReachable)
        #expect(open.call?.noPin == true)
        #expect(try simulated(open, index).rule?.id == "SDR_Open")
    }

    @Test("Filters no trunk satisfies: inbound_numbers refused by allowed_numbers, numbers not on the trunk")
    func filters() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [
                Self.direct("SDR_Caller", #", "trunkIds": ["ST_T1"], "inboundNumbers": ["+19990000"]"#),
                Self.direct("SDR_Number", room: "n", #", "trunkIds": ["ST_T1"], "numbers": ["+19990001"]"#),
            ])
        let (_, analyzer) = try analyze(config)
        #expect(
            analyzer.check(ruleID: "SDR_Caller")?.warning
                == "unreachable: its inbound_numbers [+19990000] are refused by the allowed_numbers of trunk [ST_T1]")
        #expect(analyzer.check(ruleID: "SDR_Number")?.warning == "unreachable: its numbers [+19990001] are not numbers of trunk [ST_T1]")
    }

    @Test("A wildcard rule behind a trunk's own rule is still reached by a call with no trunk (OSS), not in cloud mode")
    func wildcardModes() throws {
        let config = project(trunks: [Self.trunk], rules: [Self.direct("SDR_Any"), Self.direct("SDR_Own", #", "trunkIds": ["ST_T1"]"#)])
        let (index, oss) = try analyze(config)
        let verdict = try #require(oss.check(ruleID: "SDR_Any"))
        #expect(verdict.isReachable)
        #expect(verdict.trunkID == nil)
        #expect(try simulated(verdict, index).rule?.id == "SDR_Any")
        let cloud = try #require(try analyze(config, mode: .cloud).1.check(ruleID: "SDR_Any"))
        #expect(cloud.cause == .shadowed)
        #expect(cloud.winners == ["SDR_Own"])
    }

    @Test("Every sample rule is reachable, and the engine routes each witness to its rule")
    func samples() throws {
        for path in ["samples/project.json"] {
            let workspace = try load([SourceDocument(path: path, bytes: try sampleBytes(path))])
            let index = RoutingIndex(workspace: workspace)
            let analyzer = ReachabilityAnalyzer(index: index, mode: workspace.settings.mode)
            #expect(index.rules.count == 11)
            for rule in index.rules {
                let verdict = try #require(analyzer.check(ruleID: rule.id))
                #expect(verdict.isReachable, "\(rule.id): \(verdict.summary)")
                #expect(try simulated(verdict, index, mode: workspace.settings.mode).rule?.id == rule.id)
            }
        }
    }

    @Test("validate: a warning per unreachable rule, naming the winner as related")
    func validateWarning() throws {
        let config = project(
            trunks: [Self.trunk],
            rules: [
                Self.direct("SDR_Wide", #", "trunkIds": ["ST_T1"]"#),
                Self.direct("SDR_Exact", room: "z", #", "trunkIds": ["ST_T1"], "numbers": ["+15550100"]"#),
            ])
        let found = WorkspaceValidator.validate(try load(config)).filter { $0.message.hasPrefix("unreachable") }
        #expect(
            found == [
                Diagnostic(
                    .warning, item: ItemKey(.rule, "SDR_Wide"), "unreachable: every call it could take goes to SDR_Exact",
                    related: [ItemKey(.rule, "SDR_Exact")])
            ])
    }

    @Test("decide gives run's trunk and rule for the sample calls and every witness")
    func decisionMatchesRun() throws {
        let workspace = try load([SourceDocument(path: "samples/project.json", bytes: try sampleBytes("samples/project.json"))])
        let index = RoutingIndex(workspace: workspace)
        let engine = RoutingEngine(index: index, mode: workspace.settings.mode)
        let analyzer = ReachabilityAnalyzer(index: index, mode: workspace.settings.mode)
        var calls = workspace.calls
        calls += index.rules.compactMap { analyzer.check(ruleID: $0.id)?.call }
        // The first evaluation of each too (no pin entered yet).
        calls += calls.map { call -> CallSpec in
            var first = call
            first.pin = ""
            first.noPin = false
            return first
        }
        for spec in calls {
            var rng = SeededGenerator(seed: 3)
            let call = SimulatedCall(spec, using: &rng)
            let outcome = engine.run(call, using: &rng)
            let decision = engine.decide(call)
            #expect(decision.rule.map { index.rules[$0].id } == outcome.rule?.id, "\(spec.from) → \(spec.to)")
            #expect(decision.trunk.map { index.trunks[$0].id } == outcome.trunk?.id)
            #expect(decision.promptsPin == (outcome.result == .requestPin))
        }
    }
}
