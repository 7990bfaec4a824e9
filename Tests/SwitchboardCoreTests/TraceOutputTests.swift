import Testing

@testable import SwitchboardCore

/// The explain trace and the two renderings of an outcome: the `simulate --json` contract
/// (cli.md section 3) and the human summary.
@Suite("Trace and output")
struct TraceOutputTests {
    static let config = project(
        trunks: [
            #"{"sipTrunkId": "ST_A", "name": "Front", "numbers": ["+15550100"], "allowedNumbers": ["+1999"]}"#,
            #"{"sipTrunkId": "ST_B", "name": "Main", "numbers": ["+15550100"]}"#,
            #"{"sipTrunkId": "ST_C", "numbers": ["+15550999"]}"#,
        ],
        rules: [
            #"{"sipDispatchRuleId": "SDR_1", "name": "Sales", "trunkIds": ["ST_B"], "rule": {"dispatchRuleDirect": {"roomName": "sales"}}, "attributes": {"tier": "gold"}, "metadata": "m"}"#,
            #"{"sipDispatchRuleId": "SDR_2", "trunkIds": ["ST_B"], "inboundNumbers": ["+15550999"], "rule": {"dispatchRuleDirect": {"roomName": "vip"}}}"#,
            #"{"sipDispatchRuleId": "SDR_3", "rule": {"dispatchRuleDirect": {"roomName": "lobby"}}}"#,
            #"{"sipDispatchRuleId": "SDR_4", "trunkIds": ["ST_C"], "rule": {"dispatchRuleDirect": {"roomName": "c"}}}"#,
        ])

    @Test("The trace lists every trunk and rule considered, in order, with outcome and reason")
    func traceOrder() throws {
        let out = try route(Self.config)
        let lines = out.trace.map { "\($0.step.rawValue) \($0.id.isEmpty ? "-" : $0.id) \($0.outcome): \($0.why)" }
        #expect(
            lines == [
                "trunk ST_A skipped: caller +15551234 is not in allowed_numbers [+1999]",
                "trunk ST_B matched: number +15550100 listed",
                "trunk - not considered: 1 other trunk lists other numbers",
                "rule SDR_1 chosen: the only rule scoped to ST_B that passed the filters; "
                    + "priority 2100 = 100 (direct, no pin) + 1000 (no inbound_numbers) + 1000 (no numbers)",
                "rule SDR_2 skipped: caller +15551234 is not in inbound_numbers [+15550999]",
                "rule SDR_3 outranked: outranked by SDR_1: rules listing trunk ST_B are chosen before wildcard rules, "
                    + "whatever the priority (2100 vs 2100)",
                "rule - not considered: 1 other rule not scoped to this trunk was not considered",
                #"evaluate SDR_1 accept: room "sales": direct rule: room_name verbatim; identity sip_ + caller"#,
                "evaluate SDR_1 session: media encryption SIP_MEDIA_ENCRYPT_DISABLE (trunk unset, rule unset); krisp off (trunk OR rule); "
                    + "ringing timeout 180s; max call duration 86400s",
            ])
    }

    @Test("simulate --json: every key, in the contract's order, null when empty")
    func jsonAccept() throws {
        let out = try route(Self.config)
        let object = try #require(out.json.objectValue)
        #expect(
            object.keys == [
                "call", "trunk", "rule", "webhook", "result", "room", "participant", "reject", "transfer", "sip", "error", "notes", "trace",
            ])
        #expect(
            object["call"]
                == .object([
                    "from": "+15551234", "to": "+15550100", "fromHost": "sip.carrier.example", "toHost": "sip.livekit.local",
                    "sourceIp": "203.0.113.7", "callId": "SCL_TestCall0001", "pin": .null, "noPin": false, "headers": .object([:]),
                ]))
        #expect(object["trunk"] == .object(["id": "ST_B", "name": "Main", "match": "specific"]))
        #expect(object["rule"] == .object(["id": "SDR_1", "name": "Sales", "type": "direct"]))
        #expect(object["webhook"] == .null)
        #expect(object["result"] == "ACCEPT")
        #expect(object["room"] == "sales")
        let participant = try #require(object["participant"]?.objectValue)
        #expect(participant.keys == ["identity", "name", "metadata", "attributes"])
        #expect(participant["identity"] == "sip_+15551234")
        #expect(participant["name"] == "Phone +15551234")
        #expect(participant["metadata"] == "m")
        #expect(participant["attributes"]?.objectValue?.keys.first == "tier")
        #expect(participant["attributes"]?.objectValue?["sip.ruleID"] == "SDR_1")
        #expect(object["reject"] == .null)
        #expect(object["transfer"] == .null)
        #expect(object["sip"] == .object(["status": 200, "reason": "OK"]))
        #expect(object["error"] == .null)
        #expect(object["notes"] == .array([]))
        let firstTrace = try #require(object["trace"]?.arrayValue?.first)
        #expect(
            firstTrace
                == .object([
                    "step": "trunk", "id": "ST_A", "outcome": "skipped", "why": "caller +15551234 is not in allowed_numbers [+1999]",
                ]))
    }

    @Test("JSON of DROP, REJECT (cloud), ERROR and REQUEST_PIN outcomes")
    func jsonOtherResults() throws {
        let drop = try route(Self.config, testCall(to: "+15550999", pin: "12")).json.objectValue
        #expect(drop?["result"] == "DROP")
        #expect(drop?["rule"] == .null)
        #expect(drop?["call"]?.objectValue?["pin"] == "12")
        #expect(drop?["sip"]?.objectValue?["status"] == 200, "after the pin prompt the call was answered")

        let silent = try route(project(trunks: [#"{"sipTrunkId": "ST_X", "numbers": ["+15550100"]}"#])).json.objectValue
        #expect(silent?["sip"] == .object(["status": .null, "reason": "dropped without a final response"]))
        #expect(silent?["room"] == .null)
        #expect(silent?["participant"] == .null)

        let cloud = try route(project(), mode: .cloud).json.objectValue
        #expect(cloud?["result"] == "REJECT")
        #expect(cloud?["trunk"] == .null)
        #expect(cloud?["reject"] == .object(["statusCode": 404, "reason": "No trunk found"]))
        #expect(cloud?["sip"] == .object(["status": 404, "reason": "No trunk found"]))

        let conflict = try route(
            project(trunks: [#"{"sipTrunkId": "ST_1", "numbers": ["+15550100"]}"#, #"{"sipTrunkId": "ST_2", "numbers": ["15550100"]}"#])
        ).json.objectValue
        #expect(conflict?["result"] == "ERROR")
        #expect(conflict?["trunk"] == .null)
        #expect(conflict?["error"] == .object(["message": #"Multiple SIP Trunks matched for "+15550100""#]))
        #expect(conflict?["sip"] == .object(["status": 503, "reason": "Try again later"]))

        let pin = try route(
            project(rules: [#"{"sipDispatchRuleId": "SDR_P", "rule": {"dispatchRuleDirect": {"roomName": "p", "pin": "1"}}}"#])
        )
        .json.objectValue
        #expect(pin?["result"] == "REQUEST_PIN")
        #expect(pin?["room"] == .null)
        #expect(pin?["participant"] == .null)
        #expect(pin?["sip"] == .object(["status": 200, "reason": "OK (pin prompt)"]))
    }

    @Test("JSON of the webhook, reject status null and transfer fields")
    func jsonWebhookAndTransfer() {
        var out = CallOutcome(call: testCall(), result: .transfer, sip: .ok)
        out.transfer = CallOutcome.Transfer(to: "sip:+15556666@pbx.example", destinationName: "Desk", ringingTimeoutSeconds: 30)
        out.reject = CallOutcome.Reject(statusCode: nil, reason: "wrong pin")
        out.webhook = WebhookRecord(
            request: WebhookRecord.Request(
                method: "POST", url: "http://127.0.0.1:8089/dispatch", headers: ["Content-Type": "application/json"], body: "{}"),
            response: WebhookRecord.Response(status: 200, headers: [:], body: nil, durationMs: 3.5), error: nil)
        let object = out.json.objectValue
        #expect(
            object?["transfer"] == .object(["to": "sip:+15556666@pbx.example", "destinationName": "Desk", "ringingTimeoutSeconds": 30]))
        #expect(object?["reject"] == .object(["statusCode": .null, "reason": "wrong pin"]))
        #expect(
            object?["webhook"]
                == .object([
                    "request": .object([
                        "method": "POST", "url": "http://127.0.0.1:8089/dispatch", "headers": .object(["Content-Type": "application/json"]),
                        "body": "{}",
                    ]),
                    "response": .object(["status": 200, "headers": .object([:]), "body": .null, "durationMs": .number(JSONNumber(3.5))]),
                    "error": .null,
                ]))
    }

    @Test("The human summary: aligned labels, the trace only with explain")
    func summary() throws {
        let report = SimulationReport(try route(Self.config))
        let text = report.text(explain: false)
        let lines = text.split(separator: "\n")
        #expect(lines.contains("result       ACCEPT — SIP 200 OK"))
        #expect(lines.contains(#"trunk        ST_B "Main" (specific)"#))
        #expect(lines.contains(#"rule         SDR_1 "Sales" (direct)"#))
        #expect(lines.contains("room         sales"))
        #expect(lines.contains("attributes   tier=gold"))
        #expect(!text.contains("trace:"))
        let explained = report.text(explain: true)
        #expect(explained.contains("trace:\n  trunk     ST_A   skipped         caller +15551234 is not in allowed_numbers [+1999]\n"))
    }

    @Test("Counts in summary lines use thousands separators")
    func grouping() {
        #expect(Wording.grouped(9988) == "9,988")
        #expect(Wording.grouped(100_000) == "100,000")
        #expect(Wording.grouped(999) == "999")
        #expect(Wording.count(1, "other rule") == "1 other rule")
        #expect(Wording.count(12_345, "other rule") == "12,345 other rules")
    }
}
