import Testing

@testable import SwitchboardCore

/// The generator's data is what the benchmarks measure and the load tests expect; if a profile
/// stopped being valid or its planned calls stopped reaching their rules, the figures would
/// measure error paths instead.
@Suite("ConfigurationGenerator")
struct ConfigurationGeneratorTests {
    static func generate(_ profile: ConfigurationGenerator.Profile) -> ConfigurationGenerator.Output {
        var rng = SeededGenerator(seed: 3)
        return ConfigurationGenerator(trunks: 120, rules: 1500, scenarios: 400, profile: profile).generate(using: &rng)
    }

    @Test(
        "Each profile is free of validation errors and routes every planned call to its planned rule",
        arguments: ConfigurationGenerator.Profile.allCases)
    func plannedCallsReachTheirRules(profile: ConfigurationGenerator.Profile) {
        let output = Self.generate(profile)
        var workspace = Workspace()
        workspace.trunks = output.trunks
        workspace.rules = output.rules
        let errors = WorkspaceValidator.validate(workspace).filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(profile): \(errors.prefix(3).map(\.description))")
        #expect(output.calls.count == 400)
        let engine = RoutingEngine(index: RoutingIndex(trunks: output.trunks, rules: output.rules), mode: .oss, recordsTrace: false)
        for planned in output.calls {
            var rng = SeededGenerator(seed: 1)
            let call = SimulatedCall(from: planned.from, to: planned.to, sourceIP: planned.sourceIP, callID: "SCL_x")
            guard case .finished(let outcome) = engine.begin(call, using: &rng) else { continue }  // dynamic: the webhook decides
            #expect(outcome.trunk?.id == planned.trunkID, "\(profile) \(planned.name)")
            #expect(outcome.rule?.id == planned.ruleID, "\(profile) \(planned.name): \(outcome.result)")
        }
    }

    @Test("The dense profile fills in what a busy production list carries, on every item")
    func denseFillsEveryItem() {
        let output = Self.generate(.dense)
        #expect(output.rules.allSatisfy { !$0.inboundNumbers.isEmpty && $0.attributes.count == 3 && !$0.metadata.isEmpty })
        #expect(output.trunks.allSatisfy { $0.ringingTimeout != nil && !$0.headersToAttributes.isEmpty })
        let pinned = output.rules.filter { rule in
            switch rule.kind {
            case .direct(let d)?: return !d.pin.isEmpty
            case .individual(let i)?: return !i.pin.isEmpty
            case .callee(let c)?: return !c.pin.isEmpty
            default: return false
            }
        }
        #expect(pinned.count > output.rules.count / 12)
        #expect(output.rules.filter { $0.roomConfig != nil }.count >= output.rules.count / 4)
        let sparse = Self.generate(.sparse)
        #expect(sparse.rules.filter { !$0.inboundNumbers.isEmpty }.count < sparse.rules.count)
    }
}
