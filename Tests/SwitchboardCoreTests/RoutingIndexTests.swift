import Testing

@testable import SwitchboardCore

/// The index yields LiveKit's candidates by lookup; big pools are narrowed by number filters
/// and summarized in the trace. The chosen rule must not depend on the path taken.
@Suite("Routing: index")
struct RoutingIndexTests {
    /// 200 wildcard rules, each for one caller, plus a catch-all and a number-filtered rule.
    static let bigPool: String = {
        var rules = (0..<200).map { i in
            #"{"sipDispatchRuleId": "SDR_C\#(1000 + i)", "inboundNumbers": ["+1555\#(1000 + i)"], "rule": {"dispatchRuleDirect": {"roomName": "c\#(i)"}}}"#
        }
        rules.append(#"{"sipDispatchRuleId": "SDR_ALL", "rule": {"dispatchRuleIndividual": {"roomPrefix": "all"}}}"#)
        rules.append(#"{"sipDispatchRuleId": "SDR_NUM", "numbers": ["15550100"], "rule": {"dispatchRuleDirect": {"roomName": "num"}}}"#)
        return project(rules: rules)
    }()

    @Test("A big pool is narrowed by the caller: same choice as a full scan, the rest counted in one line")
    func narrowedPool() throws {
        let call = testCall(from: "+15551042")
        let indexed = try route(Self.bigPool, call, fullTraceLimit: 16)
        let scanned = try route(Self.bigPool, call, fullTraceLimit: 1000)
        #expect(indexed.room == "c42")
        #expect(scanned.room == "c42")
        #expect(indexed.trace.filter { $0.step == .rule && !$0.id.isEmpty }.map(\.id) == ["SDR_ALL", "SDR_C1042", "SDR_NUM"])
        #expect(
            indexed.entry(.rule, "")?.why
                == "199 other wildcard rules filter on other callers or called numbers (looked up by number in the index)")
        #expect(scanned.trace.filter { $0.step == .rule }.count == 202)
    }

    @Test("The index still finds near misses for the number-hygiene trace")
    func narrowedNearMiss() throws {
        let out = try route(Self.bigPool, testCall(from: "+15559999"), fullTraceLimit: 16)
        #expect(out.rule?.id == "SDR_ALL")
        #expect(out.entry(.rule, "SDR_NUM")?.why.hasPrefix(#"numbers filter "15550100" would match called number +15550100"#) == true)
    }

    @Test("Trunk candidates: listing trunks by normalized number and default trunks, in ID order")
    func trunkCandidates() throws {
        let workspace = try load(
            project(trunks: [
                #"{"sipTrunkId": "ST_3", "numbers": ["+15550100"]}"#, #"{"sipTrunkId": "ST_1"}"#,
                #"{"sipTrunkId": "ST_2", "numbers": ["1 555 0100", "+15550100"]}"#, #"{"sipTrunkId": "ST_4", "numbers": ["+1"]}"#,
            ]))
        let index = RoutingIndex(workspace: workspace)
        #expect(index.candidateTrunks(calledNumber: "15550100").map { index.trunks[$0].id } == ["ST_1", "ST_2", "ST_3"])
        #expect(index.candidateTrunks(calledNumber: "+19999").map { index.trunks[$0].id } == ["ST_1"])
    }

    /// 101 default trunks, each allowing one caller.
    static let manyDefaults: String = {
        var trunks = (0..<100).map { i in #"{"sipTrunkId": "ST_D\#(100 + i)", "allowedNumbers": ["+1555\#(1000 + i)"]}"# }
        trunks.append(#"{"sipTrunkId": "ST_Z", "allowedNumbers": ["+15559999"]}"#)
        return project(trunks: trunks, rules: [#"{"sipDispatchRuleId": "SDR_1", "rule": {"dispatchRuleDirect": {"roomName": "w"}}}"#])
    }()

    @Test("Many default trunks are narrowed by the caller: same decision as a full scan, the rest counted in one line")
    func narrowedDefaultTrunks() throws {
        let call = testCall(from: "+15551042")
        let indexed = try route(Self.manyDefaults, call, fullTraceLimit: 16)
        let scanned = try route(Self.manyDefaults, call, fullTraceLimit: 1000)
        #expect(indexed.trunk?.id == scanned.trunk?.id)
        #expect(indexed.result == scanned.result)
        #expect(indexed.trunk?.id == "ST_D142")
        #expect(indexed.trace.filter { $0.step == .trunk && !$0.id.isEmpty }.map(\.id) == ["ST_D142"])
        #expect(
            indexed.entry(.trunk, "")?.why
                == "100 other default trunks do not allow caller +15551042 in allowed_numbers (looked up by number in the index)")
        #expect(scanned.trace.filter { $0.step == .trunk }.count == 101)
    }

    @Test("Rule pools: by trunk ID (once per rule), wildcard rules apart")
    func rulePools() throws {
        let workspace = try load(
            project(rules: [
                #"{"sipDispatchRuleId": "SDR_2", "trunkIds": ["ST_A", "ST_A", "ST_B"], "rule": {"dispatchRuleDirect": {"roomName": "x"}}}"#,
                #"{"sipDispatchRuleId": "SDR_1", "rule": {"dispatchRuleDirect": {"roomName": "w"}}}"#,
            ]))
        let index = RoutingIndex(workspace: workspace)
        #expect(index.pool(forTrunk: "ST_A").members.map { index.rules[$0].id } == ["SDR_2"])
        #expect(index.pool(forTrunk: "ST_B").members.count == 1)
        #expect(index.pool(forTrunk: "ST_Z").members.isEmpty)
        #expect(index.wildcardPool.members.map { index.rules[$0].id } == ["SDR_1"])
        #expect(index.scopedRules.map { index.rules[$0].id } == ["SDR_2"])
    }

    @Test("Many trunk-scoped rules with no trunk matched are summarized, not listed")
    func scopedSummary() throws {
        let rules = (0..<20).map { i in
            #"{"sipDispatchRuleId": "SDR_S\#(i)", "trunkIds": ["ST_\#(i)"], "rule": {"dispatchRuleDirect": {"roomName": "s"}}}"#
        }
        let out = try route(project(rules: rules), fullTraceLimit: 8)
        #expect(out.result == .drop)
        #expect(out.trace.contains { $0.why == "20 rules scoped to trunks cannot apply: no trunk matched this call" })
    }

    @Test("The same index serves many calls")
    func reuse() throws {
        let workspace = try load(Self.bigPool)
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss)
        var rng = SeededGenerator(seed: 3)
        for i in [0, 57, 199] {
            #expect(engine.run(testCall(from: "+1555\(1000 + i)"), using: &rng).room == "c\(i)")
        }
    }
}
