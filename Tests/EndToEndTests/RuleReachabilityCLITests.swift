import Foundation
import SwitchboardCore
import Testing

/// `simulate --rule` and the `validate` warning about unreachable rules, run as a user runs
/// them.
@Suite("rule reachability on the command line")
struct RuleReachabilityCLITests {
    /// A trunk with one number and two rules on it: the one with a numbers filter wins every
    /// call the other could take.
    func shadowedConfig() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-reach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("project.json")
        try Data(
            #"""
            {"trunks": [{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}],
             "dispatchRules": [
               {"sipDispatchRuleId": "SDR_Wide", "rule": {"dispatchRuleDirect": {"roomName": "wide"}}, "trunkIds": ["ST_T1"]},
               {"sipDispatchRuleId": "SDR_Exact", "rule": {"dispatchRuleDirect": {"roomName": "exact"}}, "trunkIds": ["ST_T1"],
                "numbers": ["+15550100"]}]}
            """#.utf8
        ).write(to: file)
        return file
    }

    @Test("simulate --rule on a sample rule: says which call it built and routes it to that rule")
    func simulateRule() throws {
        let result = try runSwitchboard(["simulate", "--rule", "SDR_VipCaLLers34", "--seed", "1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "Call built for rule SDR_VipCaLLers34: +12025550123 → +14155550100 via ST_FrntDsk7Qa2b")
        #expect(lines.contains { $0.hasPrefix("rule") && $0.contains("SDR_VipCaLLers34") })
    }

    @Test("simulate --rule with a pinned rule enters its pin; explicit options override the built call")
    func simulateRulePinAndOverride() throws {
        let pinned = try runSwitchboard(["simulate", "--rule", "SDR_ConfBridge42", "--json"])
        #expect(pinned.status == 0)
        let doc = try #require(try JSONParser.parse(pinned.stdout).objectValue)
        #expect(doc.keys == SimulateCommandTests.contractKeys)
        #expect(doc["call"]?.objectValue?["pin"] == "4321")
        #expect(doc["rule"]?.objectValue?["id"] == "SDR_ConfBridge42")
        #expect(pinned.stderr.hasPrefix("Call built for rule SDR_ConfBridge42: "))
        let overridden = try runSwitchboard(["simulate", "--rule", "SDR_VipCaLLers34", "--from", "+19995550000", "--json"])
        let call = try #require(try JSONParser.parse(overridden.stdout).objectValue?["call"]?.objectValue)
        #expect(call["from"] == "+19995550000")
        #expect(call["to"] == "+14155550100")
    }

    @Test("simulate --rule on a shadowed rule: exit 0, names the winner, simulates the call anyway")
    func simulateUnreachable() throws {
        let file = try shadowedConfig()
        let result = try runSwitchboard(["simulate", file.path, "--rule", "SDR_Wide"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Rule SDR_Wide is unreachable: every call it could take goes to SDR_Exact\n"))
        #expect(result.stdout.contains("Simulating a call it would take: "))
        #expect(result.stdout.contains("\nrule") && result.stdout.contains("SDR_Exact \""))
        let unknown = try runSwitchboard(["simulate", file.path, "--rule", "SDR_Nope"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("no dispatch rule \"SDR_Nope\""))
        let missing = try runSwitchboard(["simulate", file.path])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("--rule"))
    }

    @Test("validate: a warning per unreachable rule, in the text and in the JSON, exit 0")
    func validateWarning() throws {
        let file = try shadowedConfig()
        let text = try runSwitchboard(["validate", file.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("rule SDR_Wide: unreachable: every call it could take goes to SDR_Exact"))
        let json = try runSwitchboard(["validate", "--json", file.path])
        #expect(json.status == 0)
        let doc = try #require(try JSONParser.parse(json.stdout).objectValue)
        #expect(doc["warnings"] == 1)
        #expect(json.stdout.contains("unreachable: every call it could take goes to SDR_Exact"))
    }
}
