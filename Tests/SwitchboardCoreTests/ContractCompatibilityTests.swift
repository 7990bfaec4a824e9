import Testing

@testable import SwitchboardCore

/// One test per case of dynamic-dispatch.md section 5: the note appears exactly when it applies.
@Suite("Contract: compatibility notes")
struct ContractCompatibilityTests {
    func notes(
        _ body: String, status: Int = 200, call: SimulatedCall = testCall(), url: String = "https://hooks.example.net/sip",
        method: String = "POST"
    ) throws -> [String] {
        try ContractFixture.resolve(body, status: status, call: call, url: url, method: method).notes.filter { $0.hasPrefix("compat: ") }
    }

    let plainAccept = #"{"dispatch_action":"accept","room_name":"r"}"#

    @Test("a response the proposal reads the same way gets no note")
    func noNote() throws {
        #expect(try notes(plainAccept).isEmpty)
    }

    @Test("GET: the proposal always POSTs")
    func alwaysPost() throws {
        #expect(try notes(plainAccept, method: "GET").contains { $0.contains("always sends POST") })
    }

    @Test("http:// URLs are refused there")
    func httpRefused() throws {
        #expect(try notes(plainAccept, url: "http://127.0.0.1:8089/sip").contains { $0.contains("do not start with https://") })
    }

    @Test("camelCase keys are ignored there")
    func camelIgnored() throws {
        let found = try notes(#"{"dispatch_action":"accept","roomName":"r"}"#)
        #expect(found.contains { $0.contains("reads only snake_case keys: \"roomName\"") })
        #expect(found.contains { $0.contains("into a room with an empty name") } == false, "dispatch_action is still read there")
    }

    @Test(
        "answer, hangup, enum names and numbers fall through to accept with an empty room",
        arguments: [
            #"{"dispatch_action":"answer"}"#, #"{"dispatch_action":"hangup"}"#, #"{"dispatch_action":"ACTION_REJECT"}"#,
            #"{"action":2,"transfer_to":"tel:+1"}"#,
        ])
    func vocabulary(body: String) throws {
        let found = try notes(body)
        #expect(found.contains { $0.contains("the call would go into a room with an empty name there") }, "\(found)")
    }

    @Test("a missing or unknown action is accepted there with an empty room name")
    func missingAction() throws {
        let outcome = try ContractFixture.resolve(#"{"dispatch_action":"dance"}"#)
        #expect(outcome.result == .error)
        #expect(outcome.notes.contains { $0.contains("\"dance\" (it knows only accept, reject and transfer)") })
        #expect(try notes(#"{"room_name":"r"}"#).contains { $0.contains("missing or unknown action") && $0.contains("room \"r\"") })
    }

    @Test("every reject becomes SIP 404 there")
    func rejectIs404() throws {
        #expect(try notes(#"{"dispatch_action":"reject","reject_status_code":486}"#).contains { $0.contains("every reject with SIP 404") })
    }

    @Test("a transfer is dropped there")
    func transferDropped() throws {
        #expect(try notes(#"{"dispatch_action":"transfer","transfer_to":"tel:+15550199"}"#).contains { $0.contains("drops a transfer") })
    }

    @Test("a webhook pin can never succeed there, whatever the caller entered", arguments: ["", "2468", "1111"])
    func pinNeverSucceeds(pin: String) throws {
        let found = try notes(#"{"dispatch_action":"accept","room_name":"r","pin":"2468"}"#, call: testCall(pin: pin))
        #expect(found.contains { $0.contains("a webhook pin can never succeed") })
    }

    @Test("no timeout there: a slow webhook would hold the call")
    func noTimeout() {
        let exchange = WebhookExchange(response: nil, failure: .totalTimeout(ms: 5000), durationMs: 5000)
        let request = WebhookRequest(method: .post, url: "https://h/x", headers: [:], body: [])
        let found = CompatibilityNotes.notes(
            for: CompatibilityNotes.Exchange(
                rule: DynamicRule(url: "https://h/x"), request: request, payload: .livekit, result: exchange, reply: nil))
        #expect(
            found == [
                "compat: the proposal's code has no timeout: the call would have waited for this webhook with no limit instead of failing after 5000 ms"
            ])
    }

    @Test("a response the proposal cannot decode fails the call there")
    func decodeFailure() throws {
        let found = try notes(#"{"dispatch_action":"transfer","transfer_to":"tel:+1","transfer_ringing_timeout":"30s"}"#)
        #expect(found.contains { $0.contains("could not decode this response") })
    }

    @Test("media words, unread fields and sip.* attributes differ there")
    func answerDetails() throws {
        let found = try notes(
            #"{"dispatch_action":"accept","room_name":"r","media_encryption":"ALLOW","room_preset":"p","attributes":{"sip.trunkID":"x"}}"#)
        #expect(found.contains { $0.contains("only \"SRTP\" and \"DISABLE\"") })
        #expect(found.contains { $0.contains("does not read room_preset") })
        #expect(found.contains { $0.contains("webhook attributes overwrite sip.trunkID") })
    }
}
