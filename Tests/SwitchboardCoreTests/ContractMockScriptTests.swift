import Testing

@testable import SwitchboardCore

@Suite("Mock webhook scripts and scenario files")
struct ContractMockScriptTests {
    func script(_ text: String) throws -> MockScript {
        try MockScriptReader.read(SourceDocument(path: "mock.json", bytes: Array(text.utf8)))
    }

    func error(_ text: String) -> String? {
        do {
            _ = try script(text)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test("routes are tried in order; every listed field must fit; * is a prefix match")
    func matching() throws {
        let mock = try script(
            #"""
            {"routes": [
              {"match": {"from_user": "+1555000*", "to_user": "+15550100"}, "status": 200, "body": {"dispatch_action": "reject"}},
              {"match": {"from_user": "+1555000*"}, "delayMs": 20, "body": "plain", "headers": {"X-A": "1"}},
              {"match": {}, "fault": "slow-body"}
            ]}
            """#)
        #expect(mock.route(for: ["from_user": "+15550001", "to_user": "+15550100"])?.body == .json(.object(["dispatch_action": "reject"])))
        let second = try #require(mock.route(for: ["from_user": "+15550009", "to_user": "+1"]))
        #expect(second.body == .text("plain"))
        #expect(second.delayMs == 20)
        #expect(second.headers["X-A"] == "1")
        #expect(mock.route(for: [:])?.fault == .slowBody)
        #expect(MockScript.Body.text("é").bytes == Array("é".utf8))
        #expect(MockScript.Body.json(.object(["a": "b"])).bytes == Array(#"{"a":"b"}"#.utf8))
    }

    @Test("the payload is read only when a route lists fields, and once however many do")
    func lazyPayload() throws {
        var reads = 0
        func reading(_ fields: [String: String]) -> () -> [String: String] {
            {
                reads += 1
                return fields
            }
        }
        let catchAll = try script(#"{"routes": [{"status": 201}]}"#)
        #expect(catchAll.route(payload: reading([:]))?.status == 201)
        #expect(reads == 0, "a catch-all first route answers without parsing the request")

        let listed = try script(
            #"{"routes": [{"match": {"to_user": "+1"}, "status": 404}, {"match": {"to_user": "+2"}, "status": 409}, {"status": 500}]}"#)
        #expect(listed.route(payload: reading(["to_user": "+2"]))?.status == 409)
        #expect(reads == 1)
        #expect(listed.route(payload: reading(["to_user": "+3"]))?.status == 500)
        #expect(reads == 2)
    }

    @Test("query and JSON payloads give the same fields")
    func payloadFields() {
        let query = MockScript.payloadFields(query: "from_user=%2B1555%20x&headers.X-A=1&flag")
        #expect(query == ["from_user": "+1555 x", "headers.X-A": "1", "flag": ""])
        let json = MockScript.payloadFields(jsonBody: ["from_user": "+1555 x", "headers": .object(["X-A": "1"])])
        #expect(json == ["from_user": "+1555 x", "headers.X-A": "1"])
    }

    @Test(
        "script errors name the file, line and column",
        arguments: [
            (
                #"{"routes": [{"fault": "drop"}]}"#,
                #"mock.json:1:23: expected one of "close", "reset", "hang", "slow-body", "huge" for "fault", found "drop""#
            ),
            ("{\"routes\": [\n  {\"status\": 99}]}", "mock.json:2:14: expected an HTTP status from 100 to 599 for \"status\", found 99"),
            (
                #"{"routes": [{"delay": 5}]}"#,
                #"mock.json:1:23: expected a route key ("match", "status", "body", "headers", "delayMs", "fault"), found "delay""#
            ),
            (#"{"routes": [{"match": {"from_user": 5}}]}"#, #"mock.json:1:37: expected a string pattern for "from_user", found a number"#),
            (#"{"rules": []}"#, "mock.json:1:1: expected a mock webhook script ({\"routes\": [...]}), found an object"),
            (#"{"routes": [}"#, "mock.json:1:13: "),
        ])
    func scriptErrors(text: String, message: String) {
        #expect(error(text)?.hasPrefix(message) == true, "\(error(text) ?? "no error")")
    }

    @Test("scenario files read call and expectations; errors are placed")
    func scenarios() throws {
        let text = #"""
            {"scenarios": [
              {"name": "VIP", "call": {"from": "+1", "to": "+2", "sourceIp": "198.51.100.1"},
               "expect": {"result": "ACCEPT", "room": "sales-*", "trunkId": null, "sipStatus": 200}}
            ]}
            """#
        let list = try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(text.utf8)))
        #expect(list.count == 1)
        #expect(list[0].call.sourceIp == "198.51.100.1")
        #expect(list[0].expect.result == .accept)
        #expect(list[0].expect.trunkId == .null)
        #expect(list[0].expect.room == .value("sales-*"))
        #expect(list[0].expect.ruleId == nil)

        let bad = #"{"scenarios": [{"call": {}, "expect": {"roomName": "x"}}]}"#
        #expect(throws: InputError.self) { try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(bad.utf8))) }
        do {
            _ = try ScenarioFileReader.read(SourceDocument(path: "s.json", bytes: Array(bad.utf8)))
        } catch {
            #expect("\(error)".hasPrefix("s.json:1:52: expected an expectation key (result, trunkId"))
        }
    }

    @Test("expectations compare only the keys given; room patterns use *")
    func expectations() throws {
        var call = testCall()
        call.callID = "SCL_x"
        var outcome = CallOutcome(call: call, result: .accept, room: "sales_+15550100_Ab3", sip: .ok)
        outcome.rule = CallOutcome.RuleChoice(id: "SDR_1", name: "", type: "callee")
        var expect = Expectation()
        expect.room = .value("sales_*")
        expect.result = .accept
        #expect(ExpectationCheck.mismatches(expect, outcome).isEmpty)
        expect.room = .value("support*")
        expect.ruleId = .value("SDR_2")
        expect.trunkId = .null
        let lines = ExpectationCheck.mismatches(expect, outcome).map(\.description)
        #expect(lines == [#"ruleId: expected "SDR_2", got "SDR_1""#, #"room: expected "support*", got "sales_+15550100_Ab3""#])
        #expect(ExpectationCheck.matches("abc", pattern: "a*c"))
        #expect(ExpectationCheck.matches("ac", pattern: "a*c"))
        #expect(!ExpectationCheck.matches("ab", pattern: "a*c"))
        #expect(ExpectationCheck.matches("a-b-c", pattern: "*-*-*"))
        #expect(Expectation(outcome: outcome).room == .value("sales_+15550100_Ab3"))
    }

    @Test("JUnit XML escapes names and carries every mismatch")
    func junit() {
        let scenario = Scenario(name: "a <b> & \"c\"", call: CallSpec(), expect: Expectation())
        let outcome = CallOutcome(call: testCall(), result: .drop, sip: .dropped)
        let failing = ScenarioRunner.Result(
            scenario: scenario, outcome: outcome,
            mismatches: [ExpectationCheck.Mismatch(key: "result", expected: "ACCEPT", actual: "DROP")], durationMs: 2)
        let xml = JUnitReport.xml([failing], suiteName: "scenarios")
        #expect(xml.contains(#"<testcase classname="scenarios" name="a &lt;b&gt; &amp; &quot;c&quot;" time="0.002">"#))
        #expect(xml.contains(#"<failure message="result: expected ACCEPT, got DROP" type="mismatch">"#))
        #expect(xml.contains(#"tests="1" failures="1""#))
    }
}
