import Testing

@testable import SwitchboardCore

/// `switchboard test` streams results instead of keeping every outcome: the streamed run must
/// report the same results, in the scenarios' order, as the collected one.
@Suite("Scenarios: streamed results")
struct ScenarioStreamingTests {
    @Test("streamed results arrive in order and match the collected run")
    func streamedInOrder() async {
        var rng = SeededGenerator(seed: 5)
        let output = ConfigurationGenerator(trunks: 40, rules: 300, scenarios: 250).generate(using: &rng)
        let engine = RoutingEngine(index: RoutingIndex(trunks: output.trunks, rules: output.rules), mode: .oss, recordsTrace: false)
        let simulator = CallSimulator(engine: engine, webhook: nil)
        let scenarios = output.calls.enumerated().map { i, call in
            var expect = Expectation()
            expect.ruleId = .value(i % 7 == 0 ? "SDR_not_this_one" : call.ruleID)
            var spec = CallSpec(from: call.from, to: call.to)
            spec.sourceIp = call.sourceIP
            return Scenario(name: "call \(i)", call: spec, expect: expect)
        }
        let collected = await ScenarioRunner.run(scenarios, simulator: simulator, jobs: 4, seed: 3, now: { 0 })
        var streamed: [ScenarioRunner.Result] = []
        await ScenarioRunner.run(scenarios, simulator: simulator, jobs: 3, seed: 3, window: 5, now: { 0 }) { streamed.append($0) }
        #expect(streamed.map(\.scenario.name) == scenarios.map(\.name))
        #expect(streamed == collected)
        #expect(streamed.filter { !$0.passed }.count == (0..<scenarios.count).filter { $0 % 7 == 0 }.count)
    }
}
