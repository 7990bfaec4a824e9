import SwitchboardCore

/// The configuration every benchmark shares: 10,000 trunks and 100,000 rules from the
/// generator (the same as `switchboard generate --trunks 10000 --rules 100000 --seed 1`),
/// built once per process.
struct Fixture: Sendable {
    static let trunkCount = 10_000
    static let ruleCount = 100_000
    static let callCount = 10_000

    let output: ConfigurationGenerator.Output
    let workspace: Workspace
    let index: RoutingIndex
    let calls: [SimulatedCall]
    /// The planned rule of each call, to check both routers agree before timing them.
    let expectedRules: [String]
    /// `lk sip dispatch list --json` for the rules: what the load and export benchmarks read.
    let ruleListBytes: [UInt8]

    static let shared = Fixture()

    private init() {
        var rng = SeededGenerator(seed: 1)
        let generator = ConfigurationGenerator(trunks: Self.trunkCount, rules: Self.ruleCount, scenarios: Self.callCount)
        output = generator.generate(using: &rng)
        var workspace = Workspace()
        workspace.trunks = output.trunks
        workspace.rules = output.rules
        self.workspace = workspace
        index = RoutingIndex(workspace: workspace)
        calls = output.calls.enumerated().map { i, planned in
            SimulatedCall(from: planned.from, to: planned.to, sourceIP: planned.sourceIP, callID: "SCL_bench\(i)")
        }
        expectedRules = output.calls.map(\.ruleID)
        ruleListBytes = JSONWriter.bytes(output.ruleListDocument())
    }
}
