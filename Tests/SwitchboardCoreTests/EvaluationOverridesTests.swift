import Testing

@testable import SwitchboardCore

/// The accept-with-overrides API the webhook resolution finishes dynamic calls with
/// (dynamic-dispatch.md sections 3–4), driven from a real `needsWebhook` hand-off.
@Suite("Evaluation: webhook overrides")
struct EvaluationOverridesTests {
    static let config = project(
        trunks: [
            #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "krispEnabled": false, "mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW"}"#
        ],
        rules: [
            #"""
            {"sipDispatchRuleId": "SDR_D", "name": "Router", "rule": {"dispatchRuleDynamic": {"url": "https://r.example/sip"}},
             "attributes": {"routed-by": "webhook", "k": "rule"}, "metadata": "rule meta", "roomPreset": "rule-preset", "hidePhoneNumber": false}
            """#
        ])

    func pending(_ call: SimulatedCall = testCall()) throws -> PendingDynamicCall {
        guard case .needsWebhook(let pending) = try begin(Self.config, call) else {
            throw PendingMissing()
        }
        return pending
    }

    struct PendingMissing: Error {}

    @Test("The hand-off carries the call, the trunk, the rule and the trace so far")
    func handOff() throws {
        let pending = try pending()
        #expect(pending.call.callID == "SCL_TestCall0001")
        #expect(pending.trunk?.id == "ST_T1")
        #expect(pending.routed.trunkMatch?.match == .specific)
        #expect(pending.rule.name == "Router")
        #expect(pending.routed.trace.map(\.id) == ["ST_T1", "SDR_D"])
    }

    @Test("Answer: room verbatim, metadata and attributes merged, sip.* still win, media and Krisp overridden")
    func acceptWithOverrides() throws {
        var overrides = AcceptOverrides(roomName: "dyn", metadata: "m", mediaEncryption: .require, roomPreset: "p", krispEnabled: true)
        overrides.attributes = ["k": "v", "sip.trunkID": "forged", "extra": "1"]
        var rng = SeededGenerator(seed: 1)
        let out = try pending().routed.accept(overrides, using: &rng)
        #expect(out.result == .accept)
        #expect(out.room == "dyn")
        #expect(out.rule == CallOutcome.RuleChoice(id: "SDR_D", name: "Router", type: "dynamic"))
        let participant = try #require(out.participant)
        #expect(participant.identity == "sip_+15551234")
        #expect(participant.metadata == "m")
        #expect(participant.attributes["k"] == "v")
        #expect(participant.attributes["routed-by"] == "webhook")
        #expect(participant.attributes["extra"] == "1")
        #expect(participant.attributes["sip.trunkID"] == "ST_T1")
        #expect(participant.attributes["sip.ruleID"] == "SDR_D")
        #expect(out.session?.mediaEncryption == .require)
        #expect(out.session?.krisp == true)
        #expect(out.session?.roomPreset == "p")
        #expect(out.sip == .ok)
    }

    @Test("Without overrides the rule's metadata and preset stay; the trunk's encryption applies")
    func acceptPlain() throws {
        var rng = SeededGenerator(seed: 1)
        let out = try pending().routed.accept(AcceptOverrides(roomName: "dyn"), using: &rng)
        #expect(out.participant?.metadata == "rule meta")
        #expect(out.session?.roomPreset == "rule-preset")
        #expect(out.session?.mediaEncryption == .allow)
        #expect(out.session?.krisp == false)
    }

    @Test("A webhook pin with none entered asks for it; the same pin enters; another pin is a wrong-pin REJECT")
    func webhookPin() throws {
        var rng = SeededGenerator(seed: 1)
        let ask = try pending().routed.accept(AcceptOverrides(roomName: "dyn", pin: "5678"), using: &rng)
        #expect(ask.result == .requestPin)
        #expect(ask.sip == .pinPrompt)
        #expect(ask.room == nil)

        let right = try pending(testCall(pin: "5678")).routed.accept(AcceptOverrides(roomName: "dyn", pin: "5678"), using: &rng)
        #expect(right.result == .accept)
        #expect(right.room == "dyn")
        #expect(right.sip == .ok)

        for call in [testCall(pin: "1111"), testCall(noPin: true)] {
            let wrong = try pending(call).routed.accept(AcceptOverrides(roomName: "dyn", pin: "5678"), using: &rng)
            #expect(wrong.result == .reject)
            #expect(wrong.reject == CallOutcome.Reject(statusCode: nil, reason: "wrong pin"))
            #expect(wrong.sip == .wrongPin)
        }
    }

    @Test("After the pin prompt, an answer without a room name still hangs up with the wrong-pin prompt")
    func emptyRoomAfterPrompt() throws {
        var rng = SeededGenerator(seed: 1)
        let out = try pending(testCall(noPin: true)).routed.accept(AcceptOverrides(roomName: ""), using: &rng)
        #expect(out.result == .accept)
        #expect(out.sip == .wrongPin)
        #expect(out.trace.last?.outcome == "pin prompt")
    }

    @Test("Other results are assembled from outcome(_:sip:) and finished; failures are 503")
    func otherResults() throws {
        let routed = try pending().routed
        var reject = routed.outcome(.reject, sip: CallOutcome.SIPResponse(status: 486, reason: "Busy Here"))
        reject.reject = CallOutcome.Reject(statusCode: 486, reason: "Busy Here")
        reject = routed.finish(reject)
        #expect(reject.sip.status == 486)
        #expect(reject.trunk?.id == "ST_T1")

        let failed = routed.failure("webhook returned non-200 status: 500")
        #expect(failed.result == .error)
        #expect(failed.error == "webhook returned non-200 status: 500")
        #expect(failed.sip == .tryAgainLater)

        let afterPrompt = try pending(testCall(pin: "1")).routed
        #expect(afterPrompt.finish(afterPrompt.outcome(.reject, sip: .doesNotMatch)).sip == .wrongPin)
        #expect(afterPrompt.failure("boom").sip == .pinEvaluationFailed)
    }
}
