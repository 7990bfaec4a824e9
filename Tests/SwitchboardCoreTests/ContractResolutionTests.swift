import Testing

@testable import SwitchboardCore

@Suite("Contract: resolution into the outcome")
struct ContractResolutionTests {
    @Test("an answer accepts into the room verbatim, with static identity and merged metadata and attributes")
    func answer() throws {
        let outcome = try ContractFixture.resolve(
            #"{"action":"accept","room_name":"support-42","metadata":"from-hook","attributes":{"team":"hook","vip":"yes","sip.callID":"x"}}"#
        )
        #expect(outcome.result == .accept)
        #expect(outcome.room == "support-42")
        #expect(outcome.sip == .ok)
        let participant = try #require(outcome.participant)
        #expect(participant.identity == "sip_+15551234")
        #expect(participant.name == "Phone +15551234")
        #expect(participant.metadata == "from-hook")
        #expect(participant.attributes["team"] == "hook")
        #expect(participant.attributes["vip"] == "yes")
        #expect(participant.attributes["sip.callID"] == "SCL_TestCall0001", "routing's sip.* keys win over the webhook's")
        #expect(participant.attributes["sip.ruleID"] == "SDR_ContractDyn1")
        #expect(outcome.webhook?.response?.status == 200)
        #expect(outcome.webhook?.error == nil)
        #expect(outcome.trace.contains { $0.step == .webhook && $0.outcome == "answer" })
    }

    @Test("an empty webhook metadata keeps the rule's")
    func metadataKept() throws {
        let outcome = try ContractFixture.resolve(#"{"action":"accept","room_name":"r","metadata":""}"#)
        #expect(outcome.participant?.metadata == "rule-metadata")
    }

    @Test(
        "media encryption merges with the trunk's REQUIRE as the rule's side would",
        arguments: [
            (#""media_encryption":"ALLOW""#, MediaEncryption.allow), (#""media_encryption":"DISABLE""#, .require),
            (#""media_encryption":"SRTP""#, .require), (#""x":1"#, .require),
        ])
    func mediaMerge(field: String, expected: MediaEncryption) throws {
        let outcome = try ContractFixture.resolve(#"{"action":"accept","room_name":"r",\#(field)}"#)
        #expect(outcome.session?.mediaEncryption == expected)
    }

    @Test("preset, config and Krisp from the webhook reach the session")
    func sessionOverrides() throws {
        let outcome = try ContractFixture.resolve(
            #"{"action":"accept","room_name":"r","room_preset":"big","room_config":{"emptyTimeout":5},"krisp_enabled":true}"#)
        #expect(outcome.session?.roomPreset == "big")
        #expect(outcome.session?.roomConfig == .object(["emptyTimeout": 5]))
        #expect(outcome.session?.krisp == true)
    }

    @Test("a webhook pin: prompt when none entered, accept when right, reject (wrong pin) when wrong or no_pin")
    func pins() throws {
        let body = #"{"action":"accept","room_name":"vault","pin":"2468"}"#
        let prompt = try ContractFixture.resolve(body)
        #expect(prompt.result == .requestPin)
        #expect(prompt.room == nil && prompt.participant == nil)
        #expect(prompt.sip == .pinPrompt)

        let right = try ContractFixture.resolve(body, call: testCall(pin: "2468"))
        #expect(right.result == .accept)
        #expect(right.room == "vault")

        for call in [testCall(pin: "1111"), testCall(noPin: true)] {
            let wrong = try ContractFixture.resolve(body, call: call)
            #expect(wrong.result == .reject)
            #expect(wrong.reject == CallOutcome.Reject(statusCode: nil, reason: "wrong pin"))
            #expect(wrong.sip.status == 200)
            #expect(wrong.sip.reason.contains("wrong pin"))
        }
    }

    @Test("a reject gives its status and reason to the caller")
    func reject() throws {
        let outcome = try ContractFixture.resolve(#"{"action":"hangup","reject_status_code":"SIP_STATUS_TEMPORARILY_UNAVAILABLE"}"#)
        #expect(outcome.result == .reject)
        #expect(outcome.reject == CallOutcome.Reject(statusCode: 480, reason: "Temporarily Unavailable"))
        #expect(outcome.sip == CallOutcome.SIPResponse(status: 480, reason: "Temporarily Unavailable"))
        #expect(outcome.room == nil)
    }

    @Test("a transfer answers with 200, then REFERs to the target")
    func transfer() throws {
        let outcome = try ContractFixture.resolve(
            #"{"action":"transfer","transfer_to":"<sip:desk@pbx.example>","destination_name":"Desk","transfer_ringing_timeout":"20s"}"#)
        #expect(outcome.result == .transfer)
        #expect(outcome.transfer == CallOutcome.Transfer(to: "sip:desk@pbx.example", destinationName: "Desk", ringingTimeoutSeconds: 20))
        #expect(outcome.sip.status == 200)
        #expect(outcome.sip.reason.contains("REFER to sip:desk@pbx.example"))
    }

    @Test("an unusable response is an ERROR with SIP 503 and the response kept as received")
    func errorKeepsResponse() throws {
        let outcome = try ContractFixture.resolve("oops", status: 502)
        #expect(outcome.result == .error)
        #expect(outcome.error == "webhook returned non-200 status: 502")
        #expect(outcome.sip == .tryAgainLater)
        #expect(outcome.webhook?.response?.body == "oops")
        #expect(outcome.webhook?.error == outcome.error)
    }

    @Test("a transport failure is an ERROR with no response recorded")
    func transportFailure() throws {
        let pending = try ContractFixture.pending()
        let context = WebhookContext(transport: UnusedTransport(), limits: WebhookLimits(), version: "t")
        var rng = SeededGenerator(seed: 1)
        let exchange = WebhookExchange(response: nil, failure: .connectionRefused(host: "127.0.0.1", port: 9), durationMs: 0.4)
        let outcome = WebhookResolution.resolve(
            pending, request: context.request(for: pending), exchange: exchange, payload: .livekit, using: &rng)
        #expect(outcome.result == .error)
        #expect(outcome.sip == .tryAgainLater)
        #expect(outcome.webhook?.response == nil)
        #expect(outcome.error?.hasPrefix("webhook connection refused by 127.0.0.1:9") == true)
    }
}
