import Foundation
import SwitchboardCore
import Testing

/// `validate` and `export` run as a user runs them: the real binary, real files.
@Suite("validate and export on the command line")
struct ValidateExportCLITests {
    @Test("validate on the samples: warnings only, exit 0, JSON counts them")
    func validateSamples() throws {
        let result = try runSwitchboard(["validate"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("0 errors, 2 warnings in 4 trunks and 11 dispatch rules\n"))
        let json = try runSwitchboard(["validate", "--json", "samples/project.json"])
        let document = try JSONParser.parse(json.stdout)
        #expect(document.objectValue?["errors"] == 0)
        #expect(document.objectValue?["warnings"] == 2)
    }

    @Test("validate exits 1 on a conflict and prints LiveKit's message")
    func validateConflict() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("rules.json")
        try Data(
            #"{"items": [{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDirect": {"roomName": "a"}}}, {"sipDispatchRuleId": "SDR_b", "rule": {"dispatchRuleCallee": {}}}]}"#
                .utf8
        ).write(to: file)
        let result = try runSwitchboard(["validate", file.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("already exists in dispatch rule \"SDR_a\" \"<blank name>\""))
    }

    @Test("bad input: exit 2, one line FILE:LINE:COL per file, nothing written")
    func badInput() throws {
        let dir = try temporaryDirectory()
        let bad = dir.appendingPathComponent("bad.json")
        try Data("{\n  \"trunks\": [\n    {\"name\": 7}\n  ]\n}".utf8).write(to: bad)
        let out = dir.appendingPathComponent("out.json")
        let result = try runSwitchboard(["export", bad.path, dir.appendingPathComponent("missing.json").path, "-o", out.path])
        #expect(result.status == 2)
        #expect(
            result.stderr == """
                \(bad.path):3:14: expected a string for "name", found a number
                \(dir.path)/missing.json:1:1: expected a JSON file, found no file at this path

                """)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let directory = try runSwitchboard(["validate", dir.path])
        #expect(directory.status == 2)
        #expect(directory.stderr.contains("expected a JSON file, found a directory"))
    }

    @Test("bad usage exits 2")
    func badUsage() throws {
        let result = try runSwitchboard(["export", "--format", "yaml", "-o", "/tmp/x.json"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("yaml"))
    }

    @Test("export project round-trips the samples as the same document")
    func exportProject() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("project.json")
        let result = try runSwitchboard(["export", "samples/project.json", "-o", out.path])
        #expect(result.status == 0)
        let original = try JSONParser.parse([UInt8](Data(contentsOf: packageRoot.appendingPathComponent("samples/project.json"))))
        let written = try JSONParser.parse([UInt8](Data(contentsOf: out)))
        #expect(original == written)
        // No temporary files are left next to the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["project.json"])
    }

    @Test("export lk-create writes wrapped requests without IDs, and warns about dynamic rules")
    func exportCreate() throws {
        let dir = try temporaryDirectory().appendingPathComponent("lk")
        let result = try runSwitchboard(["export", "--format", "lk-create", "-o", dir.path])
        #expect(result.status == 0)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files.count == 15)
        let rule = try JSONParser.parse([UInt8](Data(contentsOf: dir.appendingPathComponent("rule-SDR_DynRouter8Hk.json"))))
        let inner = rule.objectValue?["dispatch_rule"]?.objectValue
        #expect(inner?["sipDispatchRuleId"] == nil)
        #expect(inner?["rule"]?.objectValue?["dispatchRuleDynamic"]?.objectValue?["url"] == "http://127.0.0.1:8089/dispatch")
        let trunk = try JSONParser.parse([UInt8](Data(contentsOf: dir.appendingPathComponent("trunk-ST_PartnrPbx5W6.json"))))
        #expect(trunk.objectValue?["trunk"]?.objectValue?["sip_trunk_id"] == nil)
        #expect(result.stderr.contains("SDR_DynRouter8Hk \"Carrier router (webhook)\" is a dynamic rule"))
    }

    @Test("export lk-update --names camel writes bare objects with IDs in lowerCamelCase")
    func exportUpdate() throws {
        let dir = try temporaryDirectory()
        let result = try runSwitchboard(["export", "--format", "lk-update", "--names", "camel", "-o", dir.path])
        #expect(result.status == 0)
        let trunk = try JSONParser.parse([UInt8](Data(contentsOf: dir.appendingPathComponent("trunk-ST_PartnrPbx5W6.json"))))
        #expect(trunk.objectValue?["sipTrunkId"] == "ST_PartnrPbx5W6")
        #expect(trunk.objectValue?["authRealm"] == "partner.example")
    }
}
