import SwitchboardCore

/// The scenarios reader over arbitrary bytes, then every scenario read is run against a small
/// static project and its expectations checked (patterns included), as `switchboard test` does.
private let project = #"""
    {"trunks": [{"sipTrunkId": "ST_FuzzTrunk01", "name": "Carrier", "numbers": ["+15550100"]}],
     "dispatchRules": [
       {"sipDispatchRuleId": "SDR_FuzzDirect1", "name": "Direct", "trunkIds": ["ST_FuzzTrunk01"], "inboundNumbers": ["+15551234"],
        "rule": {"dispatchRuleDirect": {"roomName": "direct-room", "pin": "1234"}}},
       {"sipDispatchRuleId": "SDR_FuzzIndiv01", "name": "Individual",
        "rule": {"dispatchRuleIndividual": {"roomPrefix": "call-"}}}]}
    """#

private let engine: RoutingEngine = {
    var rng = SeededGenerator(seed: 7)
    let workspace = try! WorkspaceLoader.load([SourceDocument(path: "p.json", bytes: Array(project.utf8))], using: &rng)
    return RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss)
}()

public func fuzzScenarios(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let scenarios = try? ScenarioFileReader.read(SourceDocument(path: "scenarios.json", bytes: bytes)) else { return 0 }
    for scenario in scenarios.prefix(16) {
        var rng = SeededGenerator(seed: 3)
        let outcome = engine.run(SimulatedCall(scenario.call, using: &rng), using: &rng)
        for mismatch in ExpectationCheck.mismatches(scenario.expect, outcome) { _ = mismatch.description }
    }
    return 0
}
