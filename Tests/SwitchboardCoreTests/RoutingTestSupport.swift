import Testing

@testable import SwitchboardCore

/// The call of livekit-routing.md section 8: caller `+15551234`, callee `+15550100`, source IP
/// `203.0.113.7`, From host `sip.carrier.example`, with a fixed call ID.
func testCall(
    from: String = "+15551234", to: String = "+15550100", fromHost: String = "sip.carrier.example",
    sourceIP: String = "203.0.113.7", pin: String = "", noPin: Bool = false
) -> SimulatedCall {
    SimulatedCall(
        from: from, to: to, fromHost: fromHost, toHost: "sip.livekit.local", sourceIP: sourceIP, callID: "SCL_TestCall0001",
        sipCallID: "abc@sip.carrier.example", pin: pin, noPin: noPin)
}

/// A project document from trunk and rule objects written as JSON.
func project(trunks: [String] = [], rules: [String] = []) -> String {
    #"{"trunks": ["# + trunks.joined(separator: ", ") + #"], "dispatchRules": ["# + rules.joined(separator: ", ") + "]}"
}

/// Loads `config` and routes `call` completely (no webhook), with a seeded generator.
func route(
    _ config: String, _ call: SimulatedCall = testCall(), mode: ProjectSettings.Mode = .oss, seed: UInt64 = 42,
    fullTraceLimit: Int = RoutingIndex.defaultFullTraceLimit
) throws -> CallOutcome {
    let workspace = try load(config)
    var rng = SeededGenerator(seed: seed)
    return RoutingEngine(index: RoutingIndex(workspace: workspace, fullTraceLimit: fullTraceLimit), mode: mode).run(call, using: &rng)
}

/// `begin` only, for tests of the webhook hand-off.
func begin(_ config: String, _ call: SimulatedCall = testCall(), seed: UInt64 = 42) throws -> RoutingStep {
    let workspace = try load(config)
    var rng = SeededGenerator(seed: seed)
    return RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss).begin(call, using: &rng)
}

extension CallOutcome {
    /// The trace entry for a trunk or rule ID at a step.
    func entry(_ step: TraceEntry.Step, _ id: String) -> TraceEntry? {
        trace.first { $0.step == step && $0.id == id }
    }
}

/// The random room suffix: 12 characters of LiveKit's base-57 alphabet.
func isRandomSuffix(_ text: Substring) -> Bool {
    text.count == 12 && text.allSatisfy { GeneratedID.alphabet.contains($0) }
}
