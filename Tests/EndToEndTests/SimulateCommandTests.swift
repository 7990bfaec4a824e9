import Foundation
import SwitchboardCore
import Testing

/// `switchboard simulate` run as a user runs it, its JSON checked against cli.md section 3.
@Suite("simulate on the command line")
struct SimulateCommandTests {
    static let contractKeys = [
        "call", "trunk", "rule", "webhook", "result", "room", "participant", "reject", "transfer", "sip", "error", "notes", "trace",
    ]

    func simulateJSON(_ arguments: [String]) throws -> JSONObject {
        let result = try runSwitchboard(["simulate", "--json"] + arguments)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        return try #require(try JSONParser.parse(result.stdout).objectValue)
    }

    @Test("Front desk call on the samples: the whole document")
    func frontDesk() throws {
        let doc = try simulateJSON([
            "samples/project.json", "--from", "+12025550100", "--to", "+14155550100", "--call-id", "SCL_e2eCall00001",
            "--header", "X-Account=42", "--seed", "3",
        ])
        #expect(doc.keys == Self.contractKeys)
        #expect(
            doc["call"]
                == .object([
                    "from": "+12025550100", "to": "+14155550100", "fromHost": "sip.example.net", "toHost": "sip.livekit.local",
                    "sourceIp": "198.51.100.10", "callId": "SCL_e2eCall00001", "pin": .null, "noPin": false,
                    "headers": .object(["X-Account": "42"]),
                ]))
        #expect(doc["trunk"] == .object(["id": "ST_FrntDsk7Qa2b", "name": "Front desk", "match": "specific"]))
        #expect(doc["rule"] == .object(["id": "SDR_FrontDesk2Ab", "name": "Front desk", "type": "direct"]))
        #expect(doc["webhook"] == .null)
        #expect(doc["result"] == "ACCEPT")
        #expect(doc["room"] == "front-desk")
        #expect(
            doc["participant"]
                == .object([
                    "identity": "sip_+12025550100", "name": "Phone +12025550100", "metadata": "",
                    "attributes": .object([
                        "department": "reception", "sip.callID": "SCL_e2eCall00001", "sip.trunkID": "ST_FrntDsk7Qa2b",
                        "sip.phoneNumber": "+12025550100", "sip.hostname": "sip.example.net", "sip.trunkPhoneNumber": "+14155550100",
                        "sip.ruleID": "SDR_FrontDesk2Ab",
                    ]),
                ]))
        #expect(doc["reject"] == .null)
        #expect(doc["transfer"] == .null)
        #expect(doc["sip"] == .object(["status": 200, "reason": "OK"]))
        #expect(doc["error"] == .null)
        #expect(doc["notes"] == .array([]))
        let trace = try #require(doc["trace"]?.arrayValue)
        #expect(trace.allSatisfy { $0.objectValue?.keys == ["step", "id", "outcome", "why"] })
        #expect(
            trace.contains(
                .object([
                    "step": "trunk", "id": "ST_FrntDsk7Qa2b", "outcome": "matched",
                    "why": "number +14155550100 listed; source IP 198.51.100.10 in 198.51.100.0/24",
                ])))
    }

    @Test("--seed reproduces the call ID and the random room suffix")
    func seed() throws {
        let arguments = ["samples/project.json", "--from", "+12025550100", "--to", "+12125550142", "--seed", "9"]
        let first = try simulateJSON(arguments)
        let second = try simulateJSON(arguments)
        let room = try #require(first["room"]?.stringValue)
        #expect(room.hasPrefix("sales_+12125550142_"))
        #expect(room.count == "sales_+12125550142_".count + 12)
        #expect(first["room"] == second["room"])
        #expect(first["call"]?.objectValue?["callId"] == second["call"]?.objectValue?["callId"])
        #expect(first["call"]?.objectValue?["callId"]?.stringValue?.hasPrefix("SCL_") == true)
        let other = try simulateJSON(["samples/project.json", "--from", "+12025550100", "--to", "+12125550142", "--seed", "10"])
        #expect(other["room"] != first["room"])
    }

    @Test("A wrong pin after the prompt: DROP, no rule, answered 200 with the wrong-pin prompt")
    func wrongPin() throws {
        let doc = try simulateJSON(["samples/project.json", "--from", "+12025550150", "--to", "+13105550199", "--pin", "1111"])
        #expect(doc["result"] == "DROP")
        #expect(doc["rule"] == .null)
        #expect(doc["call"]?.objectValue?["pin"] == "1111")
        #expect(doc["sip"]?.objectValue?["status"] == 200)
        #expect(doc["sip"]?.objectValue?["reason"]?.stringValue?.contains("wrong pin") == true)
        let right = try simulateJSON(["samples/project.json", "--from", "+12025550150", "--to", "+13105550199", "--pin", "4321"])
        #expect(right["result"] == "ACCEPT")
        #expect(right["room"] == "bridge")
    }

    @Test("--mode cloud without a trunk: REJECT 404 No trunk found; the samples' oss mode by default")
    func modes() throws {
        let args = ["samples/project.json", "--from", "+12025550150", "--to", "+13105550199", "--no-pin"]
        let cloud = try simulateJSON(args + ["--mode", "cloud"])
        #expect(cloud["result"] == "REJECT")
        #expect(cloud["reject"] == .object(["statusCode": 404, "reason": "No trunk found"]))
        #expect(cloud["sip"] == .object(["status": 404, "reason": "No trunk found"]))
        let oss = try simulateJSON(args)
        #expect(oss["result"] == "ACCEPT")
        #expect(oss["rule"]?.objectValue?["id"] == "SDR_AfterHours56")
        #expect(oss["call"]?.objectValue?["noPin"] == true)
    }

    @Test("A dynamic rule's call leaves routing for the webhook: the document records the exchange")
    func dynamicRule() throws {
        let doc = try simulateJSON([
            "samples/project.json", "--from", "+12025550100", "--to", "+13105550188", "--source-ip", "203.0.113.7", "--seed", "1",
        ])
        #expect(doc.keys == Self.contractKeys)
        #expect(doc["rule"] == .object(["id": "SDR_DynRouter8Hk", "name": "Carrier router (webhook)", "type": "dynamic"]))
        #expect(doc["trunk"] == .object(["id": "ST_CarrDef8mZ3q", "name": "Carrier default", "match": "default"]))
        #expect(doc["webhook"]?.objectValue?["request"]?.objectValue?["url"] == "http://127.0.0.1:8089/dispatch")
        let trace = try #require(doc["trace"]?.arrayValue)
        #expect(
            trace.contains(
                .object([
                    "step": "trunk", "id": "ST_CarrDef8mZ3q", "outcome": "matched",
                    "why": "default trunk (no numbers); source IP 203.0.113.7 in 203.0.113.0/24",
                ])))
    }

    @Test("Without --json: a summary; --explain adds the trace")
    func humanOutput() throws {
        let plain = try runSwitchboard(["simulate", "--from", "+12025550123", "--to", "+14155550100", "--seed", "1"])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("result           ACCEPT — SIP 200 OK\n"))
        #expect(plain.stdout.contains("room             vip-lounge\n"))
        #expect(!plain.stdout.contains("trace:"))
        let explained = try runSwitchboard(["simulate", "--from", "+12025550123", "--to", "+14155550100", "--seed", "1", "--explain"])
        #expect(explained.stdout.contains("trace:\n"))
        #expect(explained.stdout.contains("outranked by SDR_VipCaLLers34: priority 1100 < 2100"))
    }

    @Test(
        "Bad input exits 2 with a message that says what was expected",
        arguments: [
            (["--from", "+1", "--to", "+2", "--pin", "12", "--no-pin"], "not both"),
            (["--from", "+1", "--to", "+2", "--pin", "12#"], "expected digits for --pin"),
            (["--from", "+1", "--to", "+2", "--header", "NoEquals"], "expected --header NAME=VALUE"),
            (["--from", "+1", "--to", "+2", "--mode", "saas"], "saas"),
            (["--to", "+2"], "--from"),
            (["--from", "+1", "--to", "+2", "missing-file.json"], "missing-file.json"),
        ])
    func badInput(arguments: [String], message: String) throws {
        let result = try runSwitchboard(["simulate"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}
