import Testing

@testable import SwitchboardCore

/// The saved calls of samples/project.json give the outcomes LiveKit would give.
@Suite("Routing: the sample project's calls")
struct RoutingSamplesTests {
    func outcomes() throws -> [String: RoutingStep] {
        let workspace = try load([SourceDocument(path: "samples/project.json", bytes: try sampleBytes("samples/project.json"))])
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
        var rng = SeededGenerator(seed: 11)
        var out: [String: RoutingStep] = [:]
        for spec in workspace.calls {
            out[spec.name] = engine.begin(SimulatedCall(spec, using: &rng), using: &rng)
        }
        return out
    }

    func finished(_ step: RoutingStep?) throws -> CallOutcome {
        guard case .finished(let outcome) = step else { throw Unexpected(step: step) }
        return outcome
    }

    func pending(_ step: RoutingStep?) throws -> PendingDynamicCall {
        guard case .needsWebhook(let pending) = step else { throw Unexpected(step: step) }
        return pending
    }

    struct Unexpected: Error {
        var step: RoutingStep?
    }

    @Test("Every sample call is routed")
    func allCalls() throws {
        #expect(try outcomes().count == 7)
    }

    @Test("Front desk call: Front desk trunk, Front desk rule, with the trunk's Krisp and ringing timeout")
    func frontDesk() throws {
        let out = try finished(try outcomes()["Front desk call"])
        #expect(out.result == .accept)
        #expect(out.trunk == CallOutcome.TrunkMatch(id: "ST_FrntDsk7Qa2b", name: "Front desk", match: .specific))
        #expect(out.rule?.id == "SDR_FrontDesk2Ab")
        #expect(out.room == "front-desk")
        #expect(out.participant?.attributes["department"] == "reception")
        #expect(out.session?.krisp == true)
        #expect(out.session?.ringingTimeout == ProtoDuration(parsing: "40s"))
        #expect(out.session?.roomConfig?.objectValue?["agents"] != nil)
    }

    @Test("VIP caller: the inbound_numbers rule (1100) beats the trunk's general rule (2100)")
    func vip() throws {
        let out = try finished(try outcomes()["VIP caller"])
        #expect(out.rule?.id == "SDR_VipCaLLers34")
        #expect(out.room == "vip-lounge")
        #expect(out.participant?.metadata == #"{"tier":"gold"}"#)
        #expect(out.entry(.rule, "SDR_FrontDesk2Ab")?.outcome == "outranked")
    }

    @Test("Carrier calls from 203.0.113.7 reach the webhook router through the default trunk")
    func carrierWebhook() throws {
        let all = try outcomes()
        for name in ["Carrier call via webhook", "Webhook rejects (busy)", "Webhook transfers"] {
            let pending = try pending(all[name])
            #expect(pending.trunk?.id == "ST_CarrDef8mZ3q")
            #expect(pending.routed.trunkMatch?.match == .default)
            #expect(pending.rule.id == "SDR_DynRouter8Hk")
            #expect(pending.dynamicRule.effectiveMethod == "POST")
        }
    }

    @Test("Overflow via GET: the number-filtered dynamic rule (999) beats the Front desk rule (2100)")
    func overflow() throws {
        let pending = try pending(try outcomes()["Overflow via GET"])
        #expect(pending.rule.id == "SDR_DynGetRtr3Qz")
        #expect(pending.dynamicRule.effectiveMethod == "GET")
        #expect(pending.finishWithoutWebhook().error == "dynamic rule SDR_DynGetRtr3Qz needs its webhook; run with a webhook transport")
    }

    @Test("Unknown number from the default source IP: no trunk; the pinned Board room rule (2000) asks for a pin")
    func unknownNumber() throws {
        // The catch-all (2101) loses to the wildcard pinned rules (2000), as in LiveKit; "board"
        // sorts before "bridge".
        let out = try finished(try outcomes()["Unknown number (catch-all)"])
        #expect(out.trunk == nil)
        #expect(out.result == .requestPin)
        #expect(out.rule?.id == "SDR_BoardRoom987")
        #expect(out.entry(.rule, "SDR_AfterHours56")?.outcome == "outranked")
    }
}
