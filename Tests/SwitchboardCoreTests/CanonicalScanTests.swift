import Testing

@testable import SwitchboardCore

/// Items of large lists are read straight from the bytes when they are canonical
/// (`CanonicalScan`). Whatever an item looks like, the result must be what `decode` gives from
/// its JSON tree — the same typed fields and the same source — and an item the scan does not
/// take must still load (or fail) as before.
@Suite("Canonical scan of list items")
struct CanonicalScanTests {
    static let rules: [String] = [
        // lk's own shapes
        #"{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDirect": {"roomName": "r", "pin": "12"}}, "trunkIds": ["ST_a"], "name": "n"}"#,
        #"{"sip_dispatch_rule_id": "SDR_a", "rule": {"dispatch_rule_individual": {"room_prefix": "p", "no_randomness": true}}, "trunk_ids": ["ST_a", "ST_b"]}"#,
        #"{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleCallee": {"roomPrefix": "c", "randomize": true}}, "inboundNumbers": ["+1555"], "numbers": ["+1666", ""]}"#,
        #"{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDynamic": {"url": "https://x.example/h", "method": "GET"}}, "hidePhoneNumber": true}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "attributes": {"a": "1", "b": ""}, "roomPreset": "p", "roomConfig": {"agents": [{"agentName": "x"}], "emptyTimeout": 0}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"onlyListedCodecs": true, "codecs": [{"name": "PCMU", "rate": 8000}, {"name": "opus"}], "encryption": "SIP_MEDIA_ENCRYPT_DISABLE", "mediaTimeout": "1.500s"}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "krispEnabled": true, "mediaEncryption": "SIP_MEDIA_ENCRYPT_REQUIRE", "createdAt": "t", "updatedAt": "u"}"#,
        // timestamps: packed (`CompactTimestamp`) or kept as written
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "createdAt": "2026-11-20T10:00:00.123456Z", "updatedAt": "2026-11-20T10:00:00.123456789Z"}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "createdAt": "2025-01-07T22:40:00.Z", "updatedAt": "9999-99-99T99:99:99Z"}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "createdAt": "2025-01-07T22:40:00.000Z", "updatedAt": "2025-01-07 22:40:00Z"}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "createdAt": "2025-01-07T22:40:00\u005a", "updatedAt": "0000-00-00T00:00:00Z"}"#,
        #"{"rule": {}, "name": "no variant"}"#,
        #"{"rule": {"dispatchRuleDirect": {}}}"#,
        #"{"rule":{"dispatchRuleDirect":{"roomName":"compact"}},"trunkIds":["ST_a"]}"#,
        "{\n\t\"rule\" : {\r\n\"dispatchRuleDirect\" : { \"roomName\" : \"spaced\" } } }",
        // escapes in values and keys
        #"{"rule": {"dispatchRuleDirect": {"roomName": "a\"b\\c\u00e9\n"}}, "name": "\ud83d\ude00"}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "na\u006de": "escaped key"}"#,
        // not canonical: the scan must give way to decode
        #"{"name": "a", "rule": {"dispatchRuleDirect": {"roomName": "r"}}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "room_preset": "p", "roomConfig": {}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "hidePhoneNumber": false}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "mediaEncryption": 1}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "mediaEncryption": "SIP_MEDIA_ENCRYPT_DISABLE"}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "x-future": 1}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "name": null}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "name": ""}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "trunkIds": []}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "attributes": {}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "attributes": {"a": "1", "a": "2"}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "roomConfig": null}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r", "x": 1}}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"mediaTimeout": "30.000s"}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"codecs": [{"name": "PCMU", "rate": 0}]}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"codecs": [{"name": "PCMU", "rate": "8000"}]}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"codecs": [{"name": "PCMU", "rate": 8000.0}]}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"codecs": [{"name": "PCMU", "rate": 8e3}]}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"encryption": null}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}, "media": {"encryption": 7}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}, "dispatchRuleDirect": {"roomName": "s"}}}"#,
        #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}, "dispatchRuleDynamic": null}}"#,
        #"{"rule": {"dispatch_rule_direct": {"roomName": "r"}}}"#,
    ]

    static let trunks: [String] = [
        #"{"sipTrunkId": "ST_a", "name": "t", "numbers": ["+1555"], "allowedAddresses": ["10.0.0.0/8"], "authUsername": "u", "authPassword": "p", "krispEnabled": true, "mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW"}"#,
        #"{"sip_trunk_id": "ST_a", "headers": {"X-A": "1"}, "headers_to_attributes": {"X-B": "b"}, "include_headers": "SIP_X_HEADERS", "ringing_timeout": "30s", "max_call_duration": "1.5s"}"#,
        #"{"sipTrunkId": "ST_a", "ringingTimeout": "30.0s"}"#,
        #"{"sipTrunkId": "ST_a", "includeHeaders": "SIP_NO_HEADERS"}"#,
    ]

    /// The item loaded from `{"items": [item]}` (through the list path) against `decode`.
    func expectSameAsDecode(_ text: String, kind: ItemKind) throws {
        guard case .object(let object) = try JSONParser.parse(text) else { throw JSONSyntaxError(offset: 0, message: "") }
        let bytes = Array(("{\"items\": [\n" + text + ",\n" + text + "\n]}").utf8)
        let document = SourceDocument(path: "list.json", bytes: bytes)
        let decoded: Result<ParsedPair, ModelError>
        do {
            decoded = .success(
                kind == .rule
                    ? ParsedPair(rule: try DispatchRule.decode(object, path: .root))
                    : ParsedPair(trunk: try Trunk.decode(object, path: .root)))
        } catch {
            decoded = .failure(error)
        }
        let parsed = try? WorkspaceLoader.readFile(document)
        switch decoded {
        case .success(let expected):
            let parsed = try #require(parsed, "\(text)")
            if let rule = expected.rule {
                #expect(parsed.rules == [rule, rule], "\(text)")
                #expect(parsed.rules.first?.encode() == rule.encode(), "\(text)")
            }
            if let trunk = expected.trunk {
                #expect(parsed.trunks == [trunk, trunk], "\(text)")
            }
        case .failure:
            #expect(parsed == nil, "\(text)")
        }
    }

    struct ParsedPair {
        var rule: DispatchRule?
        var trunk: Trunk?
    }

    @Test("every rule item loads as decode reads it", arguments: rules)
    func ruleItems(text: String) throws {
        try expectSameAsDecode(text, kind: .rule)
    }

    @Test("every trunk item loads as decode reads it", arguments: trunks)
    func trunkItems(text: String) throws {
        try expectSameAsDecode(text, kind: .trunk)
    }

    @Test("a list whose items are not all valid is reported where the ordinary parser reports it")
    func syntaxErrorsAfterCanonicalItems() throws {
        let item = #"{"rule": {"dispatchRuleDirect": {"roomName": "r"}}}"#
        for (tail, message) in [
            (",]}", "trailing commas are not JSON"),
            (", {\"rule\": {\"dispatchRuleDirect\": {\"roomName\": \"r\",}}}]}", "trailing commas are not JSON"),
            (" {}]}", "expected ',' or ']' after an array element"),
        ] {
            let bytes = Array(("{\"items\": [" + item + "," + item + tail).utf8)
            #expect(throws: InputError.self) { try WorkspaceLoader.readFile(SourceDocument(path: "f.json", bytes: bytes)) }
            do {
                _ = try WorkspaceLoader.readFile(SourceDocument(path: "f.json", bytes: bytes))
            } catch {
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
    }

    @Test("a project's lists are scanned too")
    func projectLists() throws {
        let rule = #"{"sipDispatchRuleId": "SDR_a", "rule": {"dispatchRuleDirect": {"roomName": "r"}}}"#
        let trunk = #"{"sipTrunkId": "ST_a", "numbers": ["+1555"]}"#
        let text = #"{"trunks": ["# + trunk + #"], "dispatchRules": ["# + rule + "], \"settings\": {}}"
        let parsed = try WorkspaceLoader.readFile(SourceDocument(path: "p.json", bytes: Array(text.utf8)))
        guard case .object(let ruleObject) = try JSONParser.parse(rule), case .object(let trunkObject) = try JSONParser.parse(trunk) else {
            throw JSONSyntaxError(offset: 0, message: "")
        }
        #expect(parsed.rules == [try DispatchRule.decode(ruleObject, path: .root)])
        #expect(parsed.trunks == [try Trunk.decode(trunkObject, path: .root)])
        #expect(parsed.rules.first?.source.layout != nil)
    }
}
