import Testing

@testable import SwitchboardCore

/// Loading a file and writing it back without edits must give the same JSON document: same
/// keys, same values, same order (compared as documents, not bytes).
@Suite("Lossless round trip")
struct RoundTripTests {
    static let samples = ["samples/project.json", "samples/lk/inbound-trunks.json", "samples/lk/dispatch-rules.json"]

    @Test("every sample file survives a round trip", arguments: samples)
    func sampleRoundTrip(path: String) throws {
        let bytes = try sampleBytes(path)
        let workspace = try load([SourceDocument(path: path, bytes: bytes)])
        let original = try JSONParser.parse(bytes)
        let written = WorkspaceWriter.document(forFile: 0, of: workspace)
        #expect(written == original, "\(differingLeaves(original, written))")
        #expect(workspace.rules.count + workspace.trunks.count > 0)
    }

    static let handWritten = #"""
        {
          "x-top": {"kept": [1, 2, {"deep": true}]},
          "settings": {"mode": "cloud", "x-setting": 12345678901234567890},
          "trunks": [
            {
              "sip_trunk_id": "ST_abcdefghijkm",
              "name": "Mixed styles",
              "allowedAddresses": ["192.0.2.0/24"],
              "include_headers": 2,
              "mediaEncryption": 1,
              "ringing_timeout": "30.000s",
              "x-trunk-note": "keep me",
              "media": {"encryption": 0, "codecs": [{"name": "PCMU", "x-codec": 1}], "x-media": null}
            }
          ],
          "dispatch_rules": [
            {
              "rule": {"dispatch_rule_individual": {"room_prefix": "call", "x-variant": "v"}, "x-rule": [] },
              "inbound_numbers": ["+15550100"],
              "roomConfig": {"agents": [{"agentName": "bot", "x-agent": {"a": "\u001b"}}], "emptyTimeout": 30},
              "x-future-field": {"nested": {"value": 1.0}},
              "attributes": {"b": "2", "a": "1"},
              "name": "Escapes \"quoted\" \\ \u00e9"
            }
          ],
          "calls": [{"from": "+15550111", "to": "+15550100", "x-call": true}]
        }
        """#

    @Test("unknown keys at every level, mixed spellings and enum numbers are kept in place")
    func handWrittenRoundTrip() throws {
        let workspace = try load(Self.handWritten)
        let written = WorkspaceWriter.document(forFile: 0, of: workspace)
        // The rule had no ID: one is generated and marked new, and it appears in the output.
        let rule = try #require(workspace.rules.first)
        #expect(workspace.isNew(rule.id))
        guard case .object(let root) = written, case .array(let rules) = root["dispatch_rules"],
            case .object(let writtenRule) = rules[0]
        else {
            Issue.record("unexpected output shape")
            return
        }
        #expect(!writtenRule.keys.contains("sipDispatchRuleId"), "a generated ID is never written")
        let original = try parse(Self.handWritten)
        #expect(JSONValue.object(root) == original, "\(differingLeaves(original, .object(root)))")
        // Typed values were read through the spellings and numbers.
        let trunk = try #require(workspace.trunks.first)
        #expect(trunk.includeHeaders == .allHeaders)
        #expect(trunk.mediaEncryption == .allow)
        #expect(trunk.media?.encryption == .disable)
        #expect(trunk.ringingTimeout == ProtoDuration(parsing: "30s"))
        #expect(workspace.settings.mode == .cloud)
        #expect(rule.kind == .individual(IndividualRule(roomPrefix: "call")).self || rule.kind?.typeName == "individual")
        #expect(rule.attributes.keys == ["b", "a"])
    }

    @Test("changing one field of one rule changes exactly that value")
    func editOneField() throws {
        let bytes = try sampleBytes("samples/project.json")
        var workspace = try load([SourceDocument(path: "samples/project.json", bytes: bytes)])
        let index = try #require(workspace.rules.firstIndex { $0.id == "SDR_VipCaLLers34" })
        guard case .direct(var direct) = workspace.rules[index].kind else {
            Issue.record("expected a direct rule")
            return
        }
        direct.roomName = "vip-lounge-2"
        workspace.rules[index].kind = .direct(direct)
        let original = try JSONParser.parse(bytes)
        let written = WorkspaceWriter.document(forFile: 0, of: workspace)
        #expect(differingLeaves(original, written) == ["$.dispatchRules[1].rule.dispatchRuleDirect.roomName"])
    }

    @Test("switching a rule's type replaces the variant and keeps the rule's other fields")
    func switchVariant() throws {
        var workspace = try load(Self.handWritten)
        workspace.rules[0].kind = .dynamic(DynamicRule(url: "https://router.example.net/sip", method: "GET"))
        let written = WorkspaceWriter.document(forFile: 0, of: workspace)
        let rule = written.objectValue?["dispatch_rules"]?.arrayValue?.first?.objectValue
        let variant = rule?["rule"]?.objectValue
        #expect(variant?.keys == ["x-rule", "dispatchRuleDynamic"])
        #expect(variant?["dispatchRuleDynamic"] == .object(["url": "https://router.example.net/sip", "method": "GET"]))
        #expect(rule?["x-future-field"] != nil)
        #expect(rule?["inbound_numbers"] == ["+15550100"])
    }

    @Test("clearing a field that was present writes its zero value in place")
    func clearField() throws {
        var workspace = try load(Self.handWritten)
        workspace.trunks[0].allowedAddresses = []
        let trunk = WorkspaceWriter.document(forFile: 0, of: workspace).objectValue?["trunks"]?.arrayValue?.first?.objectValue
        #expect(trunk?["allowedAddresses"] == .array([]))
        #expect(trunk?.keys.firstIndex(of: "allowedAddresses") == 2, "in its original place")
    }

    @Test("--names camel and proto rename known keys, including roomConfig, and leave unknown keys")
    func renaming() throws {
        let workspace = try load(Self.handWritten)
        let camel = WorkspaceWriter.projectDocument(of: workspace, names: .camel)
        let rule = camel.objectValue?["dispatchRules"]?.arrayValue?.first?.objectValue
        #expect(rule?["inboundNumbers"] != nil)
        #expect(rule?["rule"]?.objectValue?["dispatchRuleIndividual"]?.objectValue?.keys == ["roomPrefix", "x-variant"])
        let proto = WorkspaceWriter.projectDocument(of: workspace, names: .proto)
        let protoRule = proto.objectValue?["dispatch_rules"]?.arrayValue?.first?.objectValue
        let agent = protoRule?["room_config"]?.objectValue?["agents"]?.arrayValue?.first?.objectValue
        #expect(agent?.keys == ["agent_name", "x-agent"])
        #expect(protoRule?["x-future-field"] != nil)
        let trunk = proto.objectValue?["trunks"]?.arrayValue?.first?.objectValue
        #expect(trunk?.keys.contains("allowed_addresses") == true)
        #expect(trunk?["include_headers"] == 2)
    }

    @Test("several files merge into one workspace and each writes back to its own shape")
    func mergeFiles() throws {
        let workspace = try load([
            document(#"{"trunk": {"name": "A", "numbers": ["+15550100"]}}"#, path: "a.json"),
            document(#"{"dispatch_rule": {"name": "R", "rule": {"dispatchRuleDirect": {"roomName": "r"}}}}"#, path: "b.json"),
            document(#"{"sipDispatchRuleId": "SDR_x", "rule": {"dispatchRuleCallee": {"roomPrefix": "c"}}}"#, path: "c.json"),
        ])
        #expect(workspace.trunks.count == 1)
        #expect(workspace.rules.map(\.id).contains("SDR_x"))
        #expect(workspace.files.map(\.shape) == [.trunkCreate, .ruleCreate, .bareRule])
        #expect(workspace.trunks[0].id.hasPrefix("ST_") && workspace.trunks[0].id.count == 15)
        #expect(workspace.rules[0].id.hasPrefix("SDR_") && workspace.rules[0].id.count == 16)
        let alphabet = Set(GeneratedID.alphabet)
        #expect(workspace.rules[0].id.dropFirst(4).allSatisfy(alphabet.contains))
        // A create request writes back without the generated ID: LiveKit assigns one.
        #expect(WorkspaceWriter.document(forFile: 1, of: workspace).objectValue?["dispatch_rule"]?.objectValue?.keys == ["name", "rule"])
    }
}
