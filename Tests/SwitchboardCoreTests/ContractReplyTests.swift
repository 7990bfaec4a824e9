import Testing

@testable import SwitchboardCore

@Suite("Contract: reading the response")
struct ContractReplyTests {
    static let answerWords = ["accept", "answer", "ACTION_ANSWER", "Accept", "action_answer"]
    static let rejectWords = ["reject", "hangup", "ACTION_REJECT", "HANGUP"]
    static let transferWords = ["transfer", "ACTION_TRANSFER", "Transfer"]
    static let actionKeys = ["dispatch_action", "dispatchAction", "action"]

    @Test("every answer word under every action key", arguments: answerWords, actionKeys)
    func answerVocabulary(word: String, key: String) throws {
        let reply = try ContractFixture.read(#"{"\#(key)": "\#(word)", "room_name": "r"}"#).get()
        #expect(reply.decision == .answer(WebhookReply.Answer(roomName: "r")))
    }

    @Test("every reject word under every action key", arguments: rejectWords, actionKeys)
    func rejectVocabulary(word: String, key: String) throws {
        let reply = try ContractFixture.read(#"{"\#(key)": "\#(word)"}"#).get()
        #expect(reply.decision.action == .reject)
    }

    @Test("every transfer word under every action key", arguments: transferWords, actionKeys)
    func transferVocabulary(word: String, key: String) throws {
        let reply = try ContractFixture.read(#"{"\#(key)": "\#(word)", "transfer_to": "tel:+15550199"}"#).get()
        #expect(reply.decision == .transfer(WebhookReply.Transfer(to: "tel:+15550199")))
    }

    @Test("enum numbers 0, 1, 2 in action", arguments: [(0, DispatchAction.answer), (1, .reject), (2, .transfer)])
    func actionNumbers(number: Int, action: DispatchAction) throws {
        let reply = try ContractFixture.read(#"{"action": \#(number), "room_name": "r", "transfer_to": "sip:a@b"}"#).get()
        #expect(reply.decision.action == action)
    }

    @Test("snake_case and lowerCamelCase keys read the same answer")
    func bothSpellings() throws {
        let snake = try ContractFixture.read(
            #"{"dispatch_action":"accept","room_name":"r","media_encryption":"SRTP","room_preset":"p","room_config":{"a":1},"krisp_enabled":true}"#
        ).get()
        let camel = try ContractFixture.read(
            #"{"dispatchAction":"accept","roomName":"r","mediaEncryption":"SRTP","roomPreset":"p","roomConfig":{"a":1},"krispEnabled":true}"#
        ).get()
        #expect(snake == camel)
        guard case .answer(let answer) = snake.decision else { return }
        #expect(answer.mediaEncryption == .require)
        #expect(answer.roomPreset == "p")
        #expect(answer.roomConfig == .object(["a": 1]))
        #expect(answer.krispEnabled == true)
    }

    @Test(
        "media encryption vocabulary",
        arguments: [
            ("SRTP", MediaEncryption.require), ("REQUIRE", .require), ("SIP_MEDIA_ENCRYPT_REQUIRE", .require), ("ALLOW", .allow),
            ("SIP_MEDIA_ENCRYPT_ALLOW", .allow), ("DISABLE", .disable), ("SIP_MEDIA_ENCRYPT_DISABLE", .disable), ("srtp", .require),
        ])
    func mediaEncryption(word: String, value: MediaEncryption) throws {
        let reply = try ContractFixture.read(#"{"action":"accept","room_name":"r","media_encryption":"\#(word)"}"#).get()
        guard case .answer(let answer) = reply.decision else {
            Issue.record("not an answer")
            return
        }
        #expect(answer.mediaEncryption == value)
    }

    @Test(
        "reject status: a number, an enum name, or 486 Busy Here by default",
        arguments: [
            (#""reject_status_code": 403"#, 403, "Forbidden"), (#""rejectStatusCode": "SIP_STATUS_GLOBAL_DECLINE""#, 603, "Decline"),
            (#""reject_status_code": 480, "reject_reason": "closed""#, 480, "closed"), (#""reject_reason": """#, 486, "Busy Here"),
            (#""x": 1"#, 486, "Busy Here"),
        ])
    func rejectStatus(fields: String, code: Int, reason: String) throws {
        let reply = try ContractFixture.read(#"{"action":"reject", \#(fields)}"#).get()
        guard case .reject(let reject) = reply.decision else {
            Issue.record("not a reject")
            return
        }
        #expect(reject.statusCode == code)
        #expect(reject.reason == reason)
    }

    @Test(
        "transfer targets: sip:, sips:, tel:, <…>, bare numbers",
        arguments: [
            ("sip:+15550199@carrier.example", "sip:+15550199@carrier.example", false),
            ("sips:desk@pbx.example", "sips:desk@pbx.example", false), ("tel:+15550199", "tel:+15550199", false),
            ("<sip:desk@pbx.example>", "sip:desk@pbx.example", false), (" <tel:+15550199> ", "tel:+15550199", false),
            ("+1 (555) 019-9", "tel:+15550199", true), ("15550199", "tel:+15550199", true),
        ])
    func transferTargets(raw: String, uri: String, noted: Bool) throws {
        let reply = try ContractFixture.read(#"{"action":"transfer","transfer_to":"\#(raw)","destination_name":"Desk"}"#).get()
        #expect(reply.decision == .transfer(WebhookReply.Transfer(to: uri, destinationName: "Desk")))
        #expect(reply.notes.contains { $0.contains("bare number") } == noted)
    }

    @Test("transfer ringing timeout: whole seconds or a duration string", arguments: [("30", 30.0), (#""30s""#, 30), (#""1.5s""#, 1.5)])
    func ringingTimeout(json: String, seconds: Double) throws {
        let reply = try ContractFixture.read(#"{"action":"transfer","transfer_to":"tel:+1555","transfer_ringing_timeout":\#(json)}"#).get()
        guard case .transfer(let transfer) = reply.decision else {
            Issue.record("not a transfer")
            return
        }
        #expect(transfer.ringingTimeoutSeconds == seconds)
    }

    @Test(
        "responses the contract refuses, each with one clear line",
        arguments: [
            (500, #"{"action":"accept","room_name":"r"}"#, WebhookReplyError.Kind.status, "webhook returned non-200 status: 500"),
            (201, #"{}"#, .status, "webhook returned non-200 status: 201"),
            (200, "not json", .notJSON, "webhook response body is not JSON"),
            (200, "", .notJSON, "webhook response body is not JSON"),
            (200, "[1]", .notObject, "webhook response body must be a JSON object, found an array"),
            (200, #"{"room_name":"r"}"#, .missingAction, "webhook response has no \"dispatch_action\""),
            (200, #"{"action":"dance"}"#, .unknownAction, "\"dance\", an unknown action"),
            (200, #"{"action":7}"#, .unknownAction, "unknown action number"),
            (200, #"{"dispatch_action":0}"#, .wrongType, "numbers are read only in \"action\""),
            (200, #"{"action":"accept","dispatch_action":"accept","room_name":"r"}"#, .duplicateKey, "both \"action\" and"),
            (200, #"{"action":"accept","room_name":"r","roomName":"s"}"#, .duplicateKey, "both \"room_name\" and \"roomName\""),
            (200, #"{"action":"accept"}"#, .missingRoomName, "webhook answered without \"room_name\""),
            (200, #"{"action":"accept","room_name":""}"#, .missingRoomName, "without \"room_name\""),
            (200, #"{"action":"accept","room_name":5}"#, .wrongType, "\"room_name\" must be a string, found the number 5"),
            (200, #"{"action":"accept","room_name":"r","attributes":{"a":1}}"#, .wrongType, "must map names to strings"),
            (200, #"{"action":"accept","room_name":"r","krisp_enabled":"yes"}"#, .wrongType, "must be true or false"),
            (200, #"{"action":"accept","room_name":"r","pin":"12a"}"#, .badValue, "\"pin\" must be digits"),
            (200, #"{"action":"accept","room_name":"r","media_encryption":"AES"}"#, .badValue, "media encryption \"AES\" is unknown"),
            (200, #"{"action":"transfer"}"#, .missingTransferTarget, "webhook transfer has no \"transfer_to\""),
            (200, #"{"action":"transfer","transfer_to":"mailto:x@y"}"#, .invalidTransferTarget, "is not a sip:, sips: or tel: URI"),
            (200, #"{"action":"transfer","transfer_to":"tel:+1","transfer_ringing_timeout":1.5}"#, .wrongType, "whole seconds"),
            (200, #"{"action":"reject","reject_status_code":200}"#, .rejectCodeOutOfRange, "must be from 400 to 699"),
            (200, #"{"action":"reject","reject_status_code":700}"#, .rejectCodeOutOfRange, "is 700"),
            (200, #"{"action":"reject","reject_status_code":"BUSY"}"#, .badValue, "not a SIP_STATUS_* failure name"),
        ])
    func refused(status: Int, body: String, kind: WebhookReplyError.Kind, message: String) {
        switch ContractFixture.read(body, status: status) {
        case .success(let reply): Issue.record("expected \(kind), read \(reply)")
        case .failure(let error):
            #expect(error.kind == kind)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test("unknown keys and keys of another action are ignored with a note")
    func ignoredKeys() throws {
        let reply = try ContractFixture.read(#"{"action":"accept","room_name":"r","colour":"red","reject_reason":"x"}"#).get()
        #expect(reply.notes.count == 2)
        #expect(reply.notes.contains { $0.contains("\"colour\" ignored: not part of the dynamic dispatch contract") })
        #expect(reply.notes.contains { $0.contains("\"reject_reason\" ignored: it applies to reject, not answer") })
    }

    @Test("null is read as absent, as protojson does")
    func nullIsAbsent() throws {
        let reply = try ContractFixture.read(#"{"action":"accept","room_name":"r","pin":null,"metadata":null}"#).get()
        #expect(reply.decision == .answer(WebhookReply.Answer(roomName: "r")))
    }
}
