import Testing

@testable import SwitchboardCore

/// `RoutingEngine(explain: false)`, used by bulk `test` runs, must decide every call exactly
/// as the explaining engine does; only the trace's sentences are left out.
@Suite("Routing: without explanations")
struct RoutingExplainTests {
    @Test("same outcomes and trace steps over generated calls, including misses and pins")
    func sameDecisions() throws {
        var rng = SeededGenerator(seed: 11)
        let output = ConfigurationGenerator(trunks: 120, rules: 1500, scenarios: 400).generate(using: &rng)
        let index = RoutingIndex(trunks: output.trunks, rules: output.rules, fullTraceLimit: 8)
        var calls = output.calls.map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_x") }
        // Callers and numbers no filter lists, an entered pin, and no_pin.
        calls += calls.prefix(50).map { SimulatedCall(from: "+19995550100", to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_y") }
        calls += calls.prefix(50).map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_z", pin: "1022") }
        calls += calls.prefix(50).map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_w", noPin: true) }
        for call in calls {
            var a = SeededGenerator(seed: 1)
            var b = SeededGenerator(seed: 1)
            var c = SeededGenerator(seed: 1)
            var explained = RoutingEngine(index: index, mode: .oss).run(call, using: &a)
            let quiet = RoutingEngine(index: index, mode: .oss, explain: false).run(call, using: &b)
            var untraced = RoutingEngine(index: index, mode: .oss, recordsTrace: false).run(call, using: &c)
            #expect(quiet.trace.map(\.outcome) == explained.trace.filter { $0.outcome != "not considered" }.map(\.outcome))
            #expect(untraced.trace.isEmpty)
            explained.trace = quiet.trace
            #expect(explained == quiet, "\(call.from) -> \(call.to)")
            untraced.trace = quiet.trace
            #expect(untraced == quiet, "untraced: \(call.from) -> \(call.to)")
        }
    }
}
