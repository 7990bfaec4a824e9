import Testing

@testable import SwitchboardCore

/// Large files are loaded without a JSON tree per item: canonical objects keep only their
/// layout (`MessageSource`), and item lists are parsed one item at a time. Both must write
/// exactly what the ordinary path writes, edited or not.
@Suite("Compact sources and list loading")
struct CompactSourceTests {
    static let canonicalRule: JSONObject = [
        "sipDispatchRuleId": "SDR_abcdefghijkm",
        "rule": .object(["dispatchRuleDirect": .object(["roomName": "lobby", "pin": "1234"])]),
        "trunkIds": ["ST_abcdefghijkm"],
        "name": "Front desk",
        "attributes": .object(["team": "support"]),
        "roomConfig": .object(["agents": .array([.object(["agentName": "bot"])])]),
        "createdAt": "2025-01-01T00:00:00Z",
    ]

    /// The same object, with the full object kept instead of the layout.
    static func withFullSource(_ rule: DispatchRule, _ object: JSONObject) -> DispatchRule {
        var copy = rule
        copy.source = MessageSource(object)
        return copy
    }

    @Test("a canonical object keeps only its layout, and writes back unchanged")
    func canonicalLayout() throws {
        let rule = try DispatchRule.decode(Self.canonicalRule, path: .root)
        #expect(rule.source.layout != nil)
        #expect(rule.source.members.isEmpty)
        #expect(rule.encode() == Self.canonicalRule)
        #expect(rule.unknownMembers.isEmpty)
    }

    @Test("proto spellings are canonical too, and keep their spelling")
    func protoSpelling() throws {
        let object: JSONObject = [
            "sip_dispatch_rule_id": "SDR_abcdefghijkm", "trunk_ids": ["ST_abcdefghijkm"], "name": "n", "room_preset": "p",
        ]
        let rule = try DispatchRule.decode(object, path: .root)
        #expect(rule.source.layout != nil)
        #expect(rule.encode() == object)
        #expect(rule.encode(names: .camel) == withFullSourceEncoded(object, names: .camel))
    }

    func withFullSourceEncoded(_ object: JSONObject, names: NameStyle) -> JSONObject {
        let rule = (try? DispatchRule.decode(object, path: .root)) ?? DispatchRule()
        return Self.withFullSource(rule, object).encode(names: names)
    }

    @Test(
        "anything encode would not reproduce keeps the whole object",
        arguments: [
            #"{"name": "a", "sipDispatchRuleId": "SDR_x"}"#,  // not in table order
            #"{"sipDispatchRuleId": "SDR_x", "room_preset": "p", "roomConfig": {}}"#,  // mixed spellings
            #"{"sipDispatchRuleId": "SDR_x", "hidePhoneNumber": false}"#,  // a zero value written out
            #"{"sipDispatchRuleId": "SDR_x", "mediaEncryption": 1}"#,  // an enum as a number
            #"{"sipDispatchRuleId": "SDR_x", "x-future": 1}"#,  // an unknown key
            #"{"sipDispatchRuleId": "SDR_x", "name": null}"#,  // null for a string
        ])
    func nonCanonical(text: String) throws {
        guard case .object(let object) = try JSONParser.parse(text) else { throw JSONSyntaxError(offset: 0, message: "") }
        let rule = try DispatchRule.decode(object, path: .root)
        #expect(rule.source.layout == nil)
        #expect(rule.source.members == object.members)
        #expect(rule.encode() == object)
    }

    @Test("edits write the same as over the full object: cleared, changed, added and renamed fields")
    func editsMatchFullSource() throws {
        let compact = try DispatchRule.decode(Self.canonicalRule, path: .root)
        let full = Self.withFullSource(compact, Self.canonicalRule)
        let edits: [(String, (inout DispatchRule) -> Void)] = [
            ("clear name", { $0.name = "" }),
            ("change room", { $0.kind = .direct(DirectRule(roomName: "other")) }),
            ("switch variant", { $0.kind = .callee(CalleeRule(roomPrefix: "line")) }),
            ("add numbers", { $0.numbers = ["+15550100"] }),
            ("clear attributes", { $0.attributes = StringMap() }),
            ("clear room config", { $0.roomConfig = nil }),
            ("new id", { $0.id = "SDR_newnewnewnew" }),
        ]
        for (name, edit) in edits {
            var a = compact
            var b = full
            edit(&a)
            edit(&b)
            for names in [NameStyle.keep, .camel, .proto] {
                #expect(a.encode(names: names) == b.encode(names: names), "\(name), \(names)")
            }
        }
    }

    @Test("a list loaded item by item equals the list loaded whole, and round-trips")
    func deferredListMatchesWholeParse() throws {
        var rng = SeededGenerator(seed: 3)
        let output = ConfigurationGenerator(trunks: 20, rules: 200).generate(using: &rng)
        for document in [output.ruleListDocument(), output.trunkListDocument(), output.projectDocument()] {
            let bytes = JSONWriter.bytes(document)
            let source = SourceDocument(path: "list.json", bytes: bytes)
            let fast = try #require(WorkspaceLoader.readListsInPlace(source))
            let whole = try WorkspaceLoader.interpret(JSONParser.parse(bytes), path: "list.json")
            #expect(fast.rules == whole.rules)
            #expect(fast.trunks == whole.trunks)
            #expect(fast.file == whole.file)
            let workspace = try load([source])
            #expect(WorkspaceWriter.document(forFile: 0, of: workspace) == document)
        }
    }

    @Test(
        "malformed lists fall back to the ordinary path, which reports the error",
        arguments: [
            #"{"items": [{"rule": {}}, ]}"#,
            #"{"items": [{"rule": {"dispatchRuleDirect": {"roomName": "a"}}} {"rule": {}}]}"#,
            #"{"items": [{"rule": {"dispatchRuleDirect": {"roomName": 5}}}]}"#,
            #"{"trunks": [{"sipTrunkId": "ST_a"}, {"sipTrunkId": "ST_a"}], "x": }"#,
            #"{"items": [1, 2"#,
        ])
    func malformedFallsBack(text: String) throws {
        #expect(WorkspaceLoader.readListsInPlace(document(text)) == nil)
        #expect(loadError(text) != nil)
    }
}
