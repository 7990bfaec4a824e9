import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// Every action, vocabulary and key spelling, answered by the real mock server over a real socket.
@Suite("Webhook actions over HTTP")
struct WebhookActionTests {
    static let actionKeys = ["dispatch_action", "dispatchAction", "action"]

    @Test(
        "each action in each vocabulary and key spelling",
        arguments: actionKeys,
        [
            ("accept", CallOutcome.Result.accept), ("answer", .accept), ("ACTION_ANSWER", .accept), ("reject", .reject),
            ("hangup", .reject), ("ACTION_REJECT", .reject), ("transfer", .transfer), ("ACTION_TRANSFER", .transfer),
        ])
    func vocabulary(key: String, action: (word: String, result: CallOutcome.Result)) async throws {
        let roomKey = key == "dispatchAction" ? "roomName" : "room_name"
        let targetKey = key == "dispatchAction" ? "transferTo" : "transfer_to"
        let body = #"{"\#(key)": "\#(action.word)", "\#(roomKey)": "hook-room", "\#(targetKey)": "tel:+15550199"}"#
        let run = try await WebhookHarness.with(body: body) { try await $0.simulate() }
        #expect(run.outcome.result == action.result, "\(run.outcome.error ?? "")")
        switch action.result {
        case .accept: #expect(run.outcome.room == "hook-room")
        case .transfer: #expect(run.outcome.transfer?.to == "tel:+15550199")
        default: #expect(run.outcome.reject?.statusCode == 486)
        }
    }

    @Test("enum numbers in action", arguments: [(0, CallOutcome.Result.accept), (1, .reject), (2, .transfer)])
    func numbers(number: Int, result: CallOutcome.Result) async throws {
        let body = #"{"action": \#(number), "roomName": "r", "transferTo": "sip:desk@pbx.example"}"#
        let run = try await WebhookHarness.with(body: body) { try await $0.simulate() }
        #expect(run.outcome.result == result)
    }

    @Test("pins: the prompt, the right pin, a wrong pin and no_pin")
    func pins() async throws {
        let body = #"{"dispatch_action": "accept", "room_name": "vault", "pin": "2468"}"#
        try await WebhookHarness.with(body: body) { harness in
            let prompt = try await harness.simulate(WebhookHarness.call())
            #expect(prompt.outcome.result == .requestPin)
            #expect(prompt.outcome.sip == CallOutcome.SIPResponse(status: 200, reason: "OK (pin prompt)"))
            let right = try await harness.simulate(WebhookHarness.call(pin: "2468"))
            #expect(right.outcome.result == .accept)
            #expect(right.outcome.room == "vault")
            for call in [WebhookHarness.call(pin: "1357"), WebhookHarness.call(noPin: true)] {
                let wrong = try await harness.simulate(call)
                #expect(wrong.outcome.result == .reject)
                #expect(wrong.outcome.reject == CallOutcome.Reject(statusCode: nil, reason: "wrong pin"))
                #expect(wrong.outcome.sip.status == 200)
            }
            #expect(harness.requests.count == 4, "the webhook is asked again after the prompt")
        }
    }

    @Test("metadata replaces the rule's; attributes merge over the rule's; sip.* keys stay routing's")
    func merging() async throws {
        let body =
            #"{"action": "accept", "room_name": "r", "metadata": "vip", "attributes": {"team": "hook", "tier": "gold", "sip.trunkID": "x"}}"#
        let run = try await WebhookHarness.with(body: body) { try await $0.simulate() }
        let participant = try #require(run.outcome.participant)
        #expect(participant.metadata == "vip")
        #expect(participant.attributes["team"] == "hook")
        #expect(participant.attributes["tier"] == "gold")
        #expect(participant.attributes["sip.trunkID"] == "ST_WebhookTrk01")
        #expect(participant.identity == "sip_+15551234")
    }

    @Test(
        "media encryption values",
        arguments: [
            ("SRTP", MediaEncryption.require), ("REQUIRE", .require), ("SIP_MEDIA_ENCRYPT_REQUIRE", .require), ("ALLOW", .allow),
            ("SIP_MEDIA_ENCRYPT_ALLOW", .allow), ("DISABLE", .disable), ("SIP_MEDIA_ENCRYPT_DISABLE", .disable),
        ])
    func mediaEncryption(word: String, expected: MediaEncryption) async throws {
        let body = #"{"action": "accept", "room_name": "r", "mediaEncryption": "\#(word)"}"#
        let run = try await WebhookHarness.with(body: body) { try await $0.simulate() }
        #expect(run.outcome.session?.mediaEncryption == expected)
    }

    @Test(
        "reject codes: a number, an enum name, the default",
        arguments: [
            (#""reject_status_code": 603"#, 603, "Decline"), (#""rejectStatusCode": "SIP_STATUS_NOTFOUND""#, 404, "Not Found"),
            (#""reject_reason": "closed for lunch""#, 486, "closed for lunch"), (#""x": 0"#, 486, "Busy Here"),
        ])
    func rejectCodes(fields: String, code: Int, reason: String) async throws {
        let run = try await WebhookHarness.with(body: #"{"action": "reject", \#(fields)}"#) { try await $0.simulate() }
        #expect(run.outcome.reject == CallOutcome.Reject(statusCode: code, reason: reason))
        #expect(run.outcome.sip == CallOutcome.SIPResponse(status: code, reason: reason))
    }

    @Test(
        "transfer targets",
        arguments: [
            ("sip:+15550199@carrier.example", "sip:+15550199@carrier.example"), ("sips:desk@pbx.example", "sips:desk@pbx.example"),
            ("tel:+15550199", "tel:+15550199"), ("<sip:desk@pbx.example>", "sip:desk@pbx.example"), ("+1 555 0199", "tel:+15550199"),
        ])
    func transferTargets(raw: String, uri: String) async throws {
        let body = #"{"action": "transfer", "transfer_to": "\#(raw)", "transfer_ringing_timeout": 25}"#
        let run = try await WebhookHarness.with(body: body) { try await $0.simulate() }
        #expect(run.outcome.result == .transfer)
        #expect(run.outcome.transfer == CallOutcome.Transfer(to: uri, ringingTimeoutSeconds: 25))
        #expect(run.outcome.sip.status == 200)
    }

    @Test("an invalid transfer target is an ERROR")
    func invalidTarget() async throws {
        let run = try await WebhookHarness.with(body: #"{"action": "transfer", "transfer_to": "desk"}"#) { try await $0.simulate() }
        #expect(run.outcome.result == .error)
        #expect(run.outcome.error == #"webhook transfer_to "desk" is not a sip:, sips: or tel: URI (optionally in <>), or a phone number"#)
        #expect(run.outcome.sip == CallOutcome.SIPResponse(status: 503, reason: "Try again later"))
    }
}
