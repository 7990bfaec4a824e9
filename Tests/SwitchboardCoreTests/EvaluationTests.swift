import Testing

@testable import SwitchboardCore

/// Rule evaluation: livekit-routing.md section 4 and behaviour cases E1–E13 (section 8.3), and
/// the accept-with-overrides API the webhook resolution uses.
@Suite("Evaluation")
struct EvaluationTests {
    static let t1 = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#

    /// One wildcard rule with the given `rule` variant and extra fields, on trunk T1.
    static func config(_ variant: String, _ extra: String = "", trunk: String = t1) -> String {
        project(trunks: [trunk], rules: [#"{"sipDispatchRuleId": "SDR_R", "rule": {\#(variant)}\#(extra)}"#])
    }

    @Test("E1: Direct: room, identity, name, metadata, and the attributes in LiveKit's order")
    func direct() throws {
        let out = try route(
            Self.config(#""dispatchRuleDirect": {"roomName": "sales"}"#, #", "attributes": {"tier": "gold"}, "metadata": "m""#))
        #expect(out.result == .accept)
        #expect(out.room == "sales")
        #expect(out.sip == CallOutcome.SIPResponse(status: 200, reason: "OK"))
        let participant = try #require(out.participant)
        #expect(participant.identity == "sip_+15551234")
        #expect(participant.name == "Phone +15551234")
        #expect(participant.metadata == "m")
        #expect(
            participant.attributes.pairs.map { "\($0.key)=\($0.value)" } == [
                "tier=gold", "sip.callID=SCL_TestCall0001", "sip.trunkID=ST_T1", "sip.phoneNumber=+15551234",
                "sip.hostname=sip.carrier.example", "sip.trunkPhoneNumber=+15550100", "sip.ruleID=SDR_R",
            ])
    }

    @Test("E2: Individual with a prefix: prefix_caller_RND")
    func individualPrefix() throws {
        let room = try #require(try route(Self.config(#""dispatchRuleIndividual": {"roomPrefix": "call"}"#)).room)
        #expect(room.hasPrefix("call_+15551234_"))
        #expect(isRandomSuffix(room.dropFirst("call_+15551234_".count)))
    }

    @Test("E3 (HEAD): Individual without a prefix has no leading underscore")
    func individualNoPrefix() throws {
        let room = try #require(try route(Self.config(#""dispatchRuleIndividual": {}"#)).room)
        #expect(room.hasPrefix("+15551234_"))
        #expect(isRandomSuffix(room.dropFirst("+15551234_".count)))
    }

    @Test("E4: Individual, no prefix, no_randomness: just the caller")
    func individualMinimal() throws {
        #expect(try route(Self.config(#""dispatchRuleIndividual": {"noRandomness": true}"#)).room == "+15551234")
    }

    @Test("E5: Callee with prefix number-, without and with randomize")
    func calleePrefix() throws {
        #expect(try route(Self.config(#""dispatchRuleCallee": {"roomPrefix": "number-"}"#)).room == "number-_+15550100")
        let random = try #require(try route(Self.config(#""dispatchRuleCallee": {"roomPrefix": "number-", "randomize": true}"#)).room)
        #expect(random.hasPrefix("number-_+15550100_"))
        #expect(isRandomSuffix(random.dropFirst("number-_+15550100_".count)))
    }

    @Test("E6: Callee without a prefix: the called number")
    func calleeNoPrefix() throws {
        #expect(try route(Self.config(#""dispatchRuleCallee": {}"#)).room == "+15550100")
    }

    @Test("Random suffixes come from the seed: same seed, same room; another seed, another room")
    func seededSuffix() throws {
        let config = Self.config(#""dispatchRuleIndividual": {"roomPrefix": "call"}"#)
        #expect(try route(config, seed: 5).room == (try route(config, seed: 5).room))
        #expect(try route(config, seed: 5).room != (try route(config, seed: 6).room))
    }

    @Test("E7: hide_phone_number: hashed identity (test vector), last four digits, no number attributes")
    func hidePhoneNumber() throws {
        let out = try route(
            Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, #", "hidePhoneNumber": true"#), testCall(from: "+11112222"))
        let participant = try #require(out.participant)
        #expect(participant.identity == "sip_c15a31c71649a522")
        #expect(participant.name == "Phone 2222")
        #expect(participant.attributes.keys == ["sip.callID", "sip.trunkID", "sip.ruleID"])
        #expect(CallerPresentation.hashedIdentity("+11112222") == "sip_c15a31c71649a522")
    }

    @Test("E8: Individual with hide_phone_number uses the masked caller in the room")
    func hiddenIndividual() throws {
        let room = try #require(
            try route(Self.config(#""dispatchRuleIndividual": {"roomPrefix": "call"}"#, #", "hidePhoneNumber": true"#)).room)
        #expect(room.hasPrefix("call_1234_"))
        #expect(isRandomSuffix(room.dropFirst("call_1234_".count)))
    }

    @Test("hide_phone_number with four characters or fewer keeps only the last one")
    func hiddenShortCaller() throws {
        let out = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, #", "hidePhoneNumber": true"#), testCall(from: "1234"))
        #expect(out.participant?.name == "Phone 4")
    }

    @Test("hide_phone_number with an empty caller is an ERROR outcome, not a crash")
    func hiddenEmptyCaller() throws {
        let out = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, #", "hidePhoneNumber": true"#), testCall(from: ""))
        #expect(out.result == .error)
        #expect(out.sip.status == 503)
        #expect(out.error?.hasPrefix("rule SDR_R hides the phone number, but the call has no caller number") == true)
        #expect(out.rule?.id == "SDR_R")
        #expect(out.participant == nil)
    }

    @Test("E9: a pinned Individual rule without a pin: REQUEST_PIN, no room, media settings carried")
    func requestPin() throws {
        let trunk = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "mediaEncryption": "SIP_MEDIA_ENCRYPT_REQUIRE"}"#
        let out = try route(Self.config(#""dispatchRuleIndividual": {"roomPrefix": "x", "pin": "123"}"#, trunk: trunk))
        #expect(out.result == .requestPin)
        #expect(out.room == nil)
        #expect(out.participant == nil)
        #expect(out.sip == .pinPrompt)
        #expect(out.session?.mediaEncryption == .require)
        #expect(out.rule?.id == "SDR_R")
        #expect(out.trunk?.id == "ST_T1")
    }

    @Test("E10: the routing attributes overwrite the rule's own sip.callID, sip.trunkID, sip.ruleID")
    func routingAttributesWin() throws {
        let out = try route(
            Self.config(
                #""dispatchRuleDirect": {"roomName": "r"}"#, #", "attributes": {"sip.callID": "x", "a": "1", "sip.ruleID": "y"}"#))
        let attributes = try #require(out.participant?.attributes)
        #expect(attributes["sip.callID"] == "SCL_TestCall0001")
        #expect(attributes["sip.ruleID"] == "SDR_R")
        #expect(attributes.keys.first == "a", "LiveKit's own keys come after the user's")
    }

    @Test(
        "E11: media encryption merge (HEAD): rule over trunk, DISABLE on the rule yields",
        arguments: [
            (#""media": {"encryption": "SIP_MEDIA_ENCRYPT_REQUIRE"}"#, "", MediaEncryption.require),
            (#""media": {"encryption": "SIP_MEDIA_ENCRYPT_REQUIRE"}"#, #", "media": {"encryption": "SIP_MEDIA_ENCRYPT_ALLOW"}"#, .allow),
            (#""media": {"encryption": "SIP_MEDIA_ENCRYPT_ALLOW"}"#, #", "media": {"encryption": "SIP_MEDIA_ENCRYPT_DISABLE"}"#, .allow),
            (#""mediaEncryption": "SIP_MEDIA_ENCRYPT_REQUIRE""#, #", "mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW""#, .allow),
            (#""mediaEncryption": "SIP_MEDIA_ENCRYPT_ALLOW""#, #", "mediaEncryption": "SIP_MEDIA_ENCRYPT_DISABLE""#, .allow),
            (#""name": "plain""#, "", .disable),
            (#""name": "plain""#, #", "mediaEncryption": "SIP_MEDIA_ENCRYPT_REQUIRE""#, .require),
        ])
    func mediaMerge(trunkMedia: String, ruleMedia: String, expected: MediaEncryption) throws {
        let trunk = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], \#(trunkMedia)}"#
        let out = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, ruleMedia, trunk: trunk))
        #expect(out.session?.mediaEncryption == expected)
    }

    @Test("Codecs and media timeout: the rule's when set, else the trunk's")
    func codecsMerge() throws {
        let trunk =
            #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "media": {"codecs": [{"name": "PCMU"}], "mediaTimeout": "20s"}}"#
        let trunkOnly = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, trunk: trunk))
        #expect(trunkOnly.session?.codecs.map(\.name) == ["PCMU"])
        #expect(trunkOnly.session?.mediaTimeout == ProtoDuration(parsing: "20s"))
        let ruleWins = try route(
            Self.config(
                #""dispatchRuleDirect": {"roomName": "r"}"#,
                #", "media": {"codecs": [{"name": "opus", "rate": 48000}], "onlyListedCodecs": true}"#,
                trunk: trunk))
        #expect(ruleWins.session?.codecs.map { "\($0.name)/\($0.rate)" } == ["opus/48000"])
        #expect(ruleWins.session?.onlyListedCodecs == true)
    }

    @Test(
        "E12: Krisp is on when the trunk or the rule enables it", arguments: [(false, false), (false, true), (true, false), (true, true)])
    func krisp(trunkKrisp: Bool, ruleKrisp: Bool) throws {
        let trunk = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "krispEnabled": \#(trunkKrisp)}"#
        let out = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, #", "krispEnabled": \#(ruleKrisp)"#, trunk: trunk))
        #expect(out.session?.krisp == (trunkKrisp || ruleKrisp))
    }

    @Test("E13: ringing timeout defaults to 3 minutes; max call duration is clamped to 24 hours")
    func trunkTimings() throws {
        let trunk = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "maxCallDuration": "172800s"}"#
        let out = try route(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#, trunk: trunk))
        #expect(out.session?.ringingTimeout == ProtoDuration(parsing: "180s"))
        #expect(out.session?.maxCallDuration == ProtoDuration(parsing: "86400s"))
        let kept = try route(
            Self.config(
                #""dispatchRuleDirect": {"roomName": "r"}"#,
                trunk: #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "ringingTimeout": "40s", "maxCallDuration": "3600s"}"#))
        #expect(kept.session?.ringingTimeout == ProtoDuration(parsing: "40s"))
        #expect(kept.session?.maxCallDuration == ProtoDuration(parsing: "3600s"))
    }

    @Test("Trunk headers and header mappings, room preset and room config pass into the session")
    func passthrough() throws {
        let trunk = """
            {"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "headers": {"X-A": "1"}, "headersToAttributes": {"X-Account": "account"},
             "attributesToHeaders": {"tier": "X-Tier"}, "includeHeaders": "SIP_ALL_HEADERS", "metadata": "trunk data"}
            """
        let out = try route(
            Self.config(
                #""dispatchRuleDirect": {"roomName": "r"}"#, #", "roomPreset": "big", "roomConfig": {"agents": [{"agentName": "bot"}]}"#,
                trunk: trunk))
        let session = try #require(out.session)
        #expect(session.headers == ["X-A": "1"])
        #expect(session.headersToAttributes == ["X-Account": "account"])
        #expect(session.attributesToHeaders == ["tier": "X-Tier"])
        #expect(session.includeHeaders == .allHeaders)
        #expect(session.roomPreset == "big")
        #expect(session.roomConfig == .object(["agents": .array([.object(["agentName": "bot"])])]))
        #expect(out.participant?.metadata == "", "the trunk's metadata is not used")
    }

    @Test("A pin entered for a pinless rule is ignored at evaluation")
    func pinIgnoredByOpenDynamicPath() throws {
        // Selection skips open static rules when a pin is sent, so only the accept API shows it.
        let workspace = try load(Self.config(#""dispatchRuleDirect": {"roomName": "r"}"#))
        let routed = RoutedCall(call: testCall(pin: "1"), trunk: nil, trunkMatch: nil, rule: workspace.rules[0])
        var rng = SeededGenerator(seed: 1)
        #expect(routed.accept(using: &rng).room == "r")
    }
}
