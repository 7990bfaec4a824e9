import Foundation
import SwitchboardCore
import Testing

/// The expectation keys beyond the first seven: each passes on the outcome it describes and
/// fails, naming its key path, on one that differs; unknown keys are reader errors.
@Suite("Scenario expectations on every outcome field")
struct ScenarioExpectationTests {
    static let call = SimulatedCall(from: "+12025550100", to: "+14155550100", callID: "SCL_x")

    static let accepted = CallOutcome(
        call: call, trunk: .init(id: "ST_a", name: "Front desk", match: .specific),
        rule: .init(id: "SDR_a", name: "Front rule", type: "direct"),
        result: .accept, room: "front-desk",
        participant: .init(
            identity: "sip_+12025550100", name: "Phone +12025550100", metadata: "{\"vip\":true}",
            attributes: ["sip.trunkID": "ST_a", "team": "front"]),
        sip: .init(status: 200, reason: "OK"))

    static let transferred = CallOutcome(
        call: call, rule: .init(id: "SDR_d", name: "Dynamic", type: "dynamic"),
        webhook: WebhookRecord(
            request: .init(method: "POST", url: "http://127.0.0.1:1/dispatch", headers: StringMap(), body: "{}"),
            response: .init(
                status: 200, headers: StringMap(), body: #"{"dispatchAction":"ACTION_TRANSFER","transferTo":"sip:a@b"}"#, durationMs: 1)),
        result: .transfer, transfer: .init(to: "sip:a@b", destinationName: "Front via carrier", ringingTimeoutSeconds: 30),
        sip: .init(status: 200, reason: "OK (answered, then REFER)"))

    static let rejected = CallOutcome(
        call: call, result: .reject, reject: .init(statusCode: 486, reason: "busy here"), sip: .init(status: 486, reason: "Busy Here"))

    static let failed = CallOutcome(
        call: call, result: .error, sip: .init(status: 503, reason: "Service Unavailable"), error: "webhook unreachable: connection refused"
    )

    /// The expectation of a one-scenario file whose `expect` is `json`.
    static func expectation(_ json: String) throws -> SwitchboardCore.Expectation {
        let text = #"{"scenarios": [{"name": "s", "call": {"from": "+1", "to": "+2"}, "expect": "# + json + "}]}"
        return try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(text.utf8)))[0].expect
    }

    static func mismatchKeys(_ json: String, _ outcome: CallOutcome) throws -> [String] {
        ExpectationCheck.mismatches(try expectation(json), outcome).map(\.key)
    }

    @Test(
        "each new key passes on its outcome and fails with its key path on another",
        arguments: [
            (#"{"trunkName": "Front*"}"#, #"{"trunkName": "Sales"}"#, "trunkName", 0),
            (#"{"ruleName": "Front rule"}"#, #"{"ruleName": "Back rule"}"#, "ruleName", 0),
            (#"{"participant": {"identity": "sip_+1202*"}}"#, #"{"participant": {"identity": "bob"}}"#, "participant.identity", 0),
            (#"{"participant": {"name": "Phone *"}}"#, #"{"participant": {"name": "Bob"}}"#, "participant.name", 0),
            (#"{"participant": {"metadata": "*vip*"}}"#, #"{"participant": {"metadata": ""}}"#, "participant.metadata", 0),
            (
                #"{"participant": {"attributes": {"sip.trunkID": "ST_a", "missing": null}}}"#,
                #"{"participant": {"attributes": {"sip.trunkID": "ST_b"}}}"#, "participant.attributes.sip.trunkID", 0
            ),
            (#"{"sipReason": "OK"}"#, #"{"sipReason": "Busy*"}"#, "sipReason", 0),
            (#"{"webhook": null}"#, #"{"webhook": {"status": 200}}"#, "webhook", 0),
            (#"{"webhook": {"action": "transfer", "status": 200}}"#, #"{"webhook": {"action": "answer"}}"#, "webhook.action", 1),
            (#"{"webhook": {"action": "ACTION_TRANSFER"}}"#, #"{"webhook": {"status": 500}}"#, "webhook.status", 1),
            (#"{"transferDestinationName": "Front*"}"#, #"{"transferDestinationName": null}"#, "transferDestinationName", 1),
            (#"{"transferRingingTimeoutSeconds": 30}"#, #"{"transferRingingTimeoutSeconds": 20.5}"#, "transferRingingTimeoutSeconds", 1),
            (#"{"rejectReason": "busy*"}"#, #"{"rejectReason": "no such number"}"#, "rejectReason", 2),
            (#"{"error": "*connection refused"}"#, #"{"error": null}"#, "error", 3),
            (#"{"participant": null}"#, #"{"participant": {"identity": "x"}}"#, "participant", 3),
        ] as [(String, String, String, Int)])
    func keyPassesAndFails(passing: String, failing: String, key: String, outcomeIndex: Int) throws {
        let outcome = [Self.accepted, Self.transferred, Self.rejected, Self.failed][outcomeIndex]
        #expect(try Self.mismatchKeys(passing, outcome) == [], "\(passing)")
        #expect(try Self.mismatchKeys(failing, outcome) == [key], "\(failing)")
    }

    @Test("a mismatch line names the key path, the expected and the actual value")
    func mismatchLine() throws {
        let lines = ExpectationCheck.mismatches(
            try Self.expectation(#"{"participant": {"attributes": {"sip.trunkID": "ST_b"}}}"#), Self.accepted)
        #expect(lines.map(\ExpectationCheck.Mismatch.description) == [#"participant.attributes.sip.trunkID: expected "ST_b", got "ST_a""#])
    }

    @Test(
        "an unknown key is an error at its FILE:LINE:COL listing the known keys",
        arguments: [
            (#"{"reslut": "ACCEPT"}"#, "expected an expectation key (result, trunkId, ruleId, room", "reslut"),
            (#"{"participant": {"identiy": "x"}}"#, "expected a participant key (identity, name, metadata, attributes)", "identiy"),
            (#"{"webhook": {"code": 200}}"#, "expected a webhook key (action, status)", "code"),
        ])
    func unknownKeys(json: String, message: String, key: String) throws {
        let text = "{\"scenarios\": [\n  {\"name\": \"s\", \"call\": {\"from\": \"+1\", \"to\": \"+2\"},\n   \"expect\": \(json)}]}"
        do {
            _ = try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(text.utf8)))
            Issue.record("read \(json) without an error")
        } catch {
            #expect(error.description.hasPrefix("s.json:3:"), "\(error.description)")
            #expect(error.description.contains(message), "\(error.description)")
            #expect(error.description.contains("found \"\(key)\""), "\(error.description)")
        }
    }

    @Test("tags are read, kept by the writer, and a wrong type is an error")
    func tags() throws {
        let text = #"{"scenarios": [{"name": "s", "tags": ["smoke", "pin"], "call": {"from": "+1", "to": "+2"}, "expect": {}}]}"#
        let read = try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(text.utf8)))
        #expect(read[0].tags == ["smoke", "pin"])
        let saved = try ScenarioWriter.saving(read[0], into: nil, path: "s.json")
        #expect(try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: saved))[0].tags == ["smoke", "pin"])
        let bad = #"{"scenarios": [{"name": "s", "tags": "smoke", "call": {"from": "+1", "to": "+2"}, "expect": {}}]}"#
        #expect(throws: InputError.self) { try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(bad.utf8))) }
    }

    @Test("an ERROR outcome the scenario did not expect is an error, not a failure; one it expected passes")
    func errorsApartFromFailures() throws {
        func result(_ expect: String, _ outcome: CallOutcome) throws -> ScenarioRunner.Result.Status {
            let expectation = try Self.expectation(expect)
            let scenario = Scenario(name: "s", call: CallSpec(from: "+1", to: "+2"), expect: expectation)
            return ScenarioRunner.Result(
                scenario: scenario, outcome: outcome, mismatches: ExpectationCheck.mismatches(expectation, outcome), durationMs: 1
            ).status
        }
        #expect(try result(#"{"room": "front-desk"}"#, Self.failed) == .error)
        #expect(try result(#"{}"#, Self.failed) == .error)
        #expect(try result(#"{"result": "ERROR"}"#, Self.failed) == .passed)
        #expect(try result(#"{"result": "ACCEPT"}"#, Self.rejected) == .failed)
        #expect(ScenarioReferences.problem(try Self.expectation(#"{"trunkId": "ST_gone"}"#), trunkIds: ["ST_a"], ruleIds: []) != nil)
        #expect(
            ScenarioReferences.problem(try Self.expectation(#"{"trunkId": "ST_a", "ruleId": null}"#), trunkIds: ["ST_a"], ruleIds: [])
                == nil)
    }
}
