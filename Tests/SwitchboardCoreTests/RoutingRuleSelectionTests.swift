import Testing

@testable import SwitchboardCore

/// Rule selection: livekit-routing.md 3.1–3.5, behaviour cases D1–D17 (section 8.2), and the
/// dynamic rule of dynamic-dispatch.md section 1.
@Suite("Routing: rule selection")
struct RoutingRuleSelectionTests {
    static let t1 = #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#
    static let t2 = #"{"sipTrunkId": "ST_T2", "numbers": ["+15550200"]}"#

    /// A Direct rule; `extra` is spliced into the object (`"trunkIds": [...]`, filters…).
    static func direct(_ id: String, room: String, pin: String = "", _ extra: String = "") -> String {
        #"{"sipDispatchRuleId": "\#(id)", "rule": {"dispatchRuleDirect": {"roomName": "\#(room)", "pin": "\#(pin)"}}\#(extra)}"#
    }

    static func individual(_ id: String, prefix: String, pin: String = "", _ extra: String = "") -> String {
        #"{"sipDispatchRuleId": "\#(id)", "rule": {"dispatchRuleIndividual": {"roomPrefix": "\#(prefix)", "pin": "\#(pin)"}}\#(extra)}"#
    }

    static func callee(_ id: String, prefix: String, pin: String = "", _ extra: String = "") -> String {
        #"{"sipDispatchRuleId": "\#(id)", "rule": {"dispatchRuleCallee": {"roomPrefix": "\#(prefix)", "pin": "\#(pin)"}}\#(extra)}"#
    }

    static func dynamic(_ id: String, _ extra: String = "") -> String {
        #"{"sipDispatchRuleId": "\#(id)", "rule": {"dispatchRuleDynamic": {"url": "https://router.example/sip"}}\#(extra)}"#
    }

    @Test("D1: a rule listing the trunk wins on it; the wildcard rule takes other trunks")
    func specificAndWildcard() throws {
        let config = project(
            trunks: [Self.t1, Self.t2],
            rules: [Self.direct("SDR_1", room: "lobby"), Self.direct("SDR_2", room: "t1", #", "trunkIds": ["ST_T1"]"#)])
        let onT1 = try route(config)
        #expect(onT1.rule?.id == "SDR_2")
        #expect(onT1.room == "t1")
        #expect(onT1.entry(.rule, "SDR_1")?.outcome == "outranked")
        #expect(onT1.entry(.rule, "SDR_1")?.why.contains("rules listing trunk ST_T1 are chosen before wildcard rules") == true)
        let onT2 = try route(config, testCall(to: "+15550200"))
        #expect(onT2.rule?.id == "SDR_1")
        #expect(onT2.room == "lobby")
        #expect(onT2.entry(.rule, "SDR_2") == nil, "a rule for another trunk is not a candidate")
        #expect(onT2.entry(.rule, "")?.why == "1 other rule not scoped to this trunk was not considered")
    }

    @Test("D2: a rule for another trunk only: DROP without a final response")
    func otherTrunkOnly() throws {
        let out = try route(project(trunks: [Self.t1], rules: [Self.direct("SDR_1", room: "x", #", "trunkIds": ["ST_T2"]"#)]))
        #expect(out.result == .drop)
        #expect(out.rule == nil)
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.sip == CallOutcome.SIPResponse(status: nil, reason: "dropped without a final response"))
        #expect(out.room == nil)
        #expect(out.participant == nil)
    }

    @Test("D3: with no trunk, a trunk-scoped rule cannot apply")
    func scopedNeedsTrunk() throws {
        let out = try route(project(rules: [Self.direct("SDR_1", room: "x", #", "trunkIds": ["ST_T1"]"#)]))
        #expect(out.result == .drop)
        #expect(out.entry(.rule, "SDR_1")?.why == "scoped to trunks [ST_T1], and no trunk matched this call")
    }

    @Test("D7: a stored conflict among the candidates fails the call with LiveKit's message and 503")
    func storedConflict() throws {
        let config = project(
            trunks: [Self.t1],
            rules: [Self.direct("SDR_A", room: "a", #", "name": "First""#), Self.individual("SDR_B", prefix: "b")])
        let out = try route(config)
        #expect(out.result == .error)
        #expect(
            out.error
                == #"Dispatch rule for the same trunk, inbound number, number, and PIN combination already exists in dispatch rule "SDR_A" "First""#
        )
        #expect(out.sip == .tryAgainLater)
        #expect(out.trunk?.id == "ST_T1", "a rule conflict leaves the trunk in place")
        #expect(out.rule == nil)
        #expect(out.entry(.rule, "SDR_B")?.outcome == "error")
        #expect(out.entry(.rule, "SDR_B")?.why.hasPrefix("conflicts with SDR_A") == true)
    }

    @Test("D7: a conflict between rules of another trunk does not affect this call")
    func conflictElsewhere() throws {
        let config = project(
            trunks: [Self.t1, Self.t2],
            rules: [
                Self.direct("SDR_A", room: "a", #", "trunkIds": ["ST_T2"]"#), Self.direct("SDR_B", room: "b", #", "trunkIds": ["ST_T2"]"#),
                Self.direct("SDR_C", room: "c"),
            ])
        #expect(try route(config).room == "c")
        #expect(try route(config, testCall(to: "+15550200")).result == .error)
    }

    @Test("A rule without a variant among the candidates fails the call")
    func unsupportedRule() throws {
        let config = project(
            trunks: [Self.t1], rules: [#"{"sipDispatchRuleId": "SDR_0", "rule": {}}"#, Self.direct("SDR_1", room: "x")])
        let out = try route(config)
        #expect(out.result == .error)
        #expect(out.error == "unsupported SIP Dispatch Rule: <nil>")
        #expect(out.sip.status == 503)
        #expect(out.entry(.rule, "SDR_0")?.outcome == "error")
    }

    static let twoPins = project(rules: [direct("SDR_1", room: "a", pin: "123"), direct("SDR_2", room: "b", pin: "456")])

    @Test("D8: pinned rules ask for a pin; the right pin enters, a wrong one is dropped after the prompt")
    func pins() throws {
        let first = try route(Self.twoPins)
        #expect(first.result == .requestPin)
        #expect(first.sip == CallOutcome.SIPResponse(status: 200, reason: "OK (pin prompt)"))
        #expect(first.room == nil)
        #expect(first.participant == nil)
        #expect(first.rule?.id == "SDR_1", "same priority 2000: room \"a\" sorts first")

        let right = try route(Self.twoPins, testCall(pin: "456"))
        #expect(right.result == .accept)
        #expect(right.room == "b")
        #expect(right.sip == .ok)
        #expect(right.entry(.rule, "SDR_1")?.why == "pin 123 does not match the entered 456")

        let wrong = try route(Self.twoPins, testCall(pin: "999"))
        #expect(wrong.result == .drop)
        #expect(wrong.rule == nil)
        #expect(wrong.sip.status == 200)
        #expect(wrong.sip.reason.contains("wrong pin"))
    }

    static let openAndSecret = project(rules: [direct("SDR_1", room: "open"), direct("SDR_2", room: "secret", pin: "123")])

    @Test("D9: a pinned rule (2000) outranks an open one (2100): the first evaluation asks for the pin")
    func pinnedBeatsOpen() throws {
        let out = try route(Self.openAndSecret)
        #expect(out.result == .requestPin)
        #expect(out.rule?.id == "SDR_2")
        #expect(out.entry(.rule, "SDR_1")?.why.hasPrefix("outranked by SDR_2: priority 2000 < 2100") == true)
    }

    @Test("D10: only # pressed (no_pin) skips pinned rules: the open rule takes the call")
    func noPin() throws {
        let out = try route(Self.openAndSecret, testCall(noPin: true))
        #expect(out.result == .accept)
        #expect(out.room == "open")
        #expect(out.sip == .ok)
        #expect(out.entry(.rule, "SDR_2")?.why == "has a pin, and the caller pressed only # (no_pin)")
    }

    @Test("A pin sent skips open rules: no fallback to them")
    func pinSkipsOpen() throws {
        let out = try route(Self.openAndSecret, testCall(pin: "999"))
        #expect(out.result == .drop)
        #expect(out.entry(.rule, "SDR_1")?.why.hasPrefix("has no pin, and a caller who entered one (999)") == true)
    }

    static let ownerOrTeam = project(rules: [
        direct("SDR_1", room: "team", pin: "123"), direct("SDR_2", room: "owner", #", "inboundNumbers": ["+15551234"]"#),
    ])

    @Test("D11: an open rule with inbound_numbers (1100) beats a generic pinned rule (2000)")
    func filteredOpenBeatsPinned() throws {
        let owner = try route(Self.ownerOrTeam)
        #expect(owner.result == .accept)
        #expect(owner.room == "owner")
        #expect(owner.entry(.rule, "SDR_1")?.why.hasPrefix("outranked by SDR_2: priority 1100 < 2000") == true)
        let other = try route(Self.ownerOrTeam, testCall(from: "+15559999"))
        #expect(other.result == .requestPin)
        #expect(other.rule?.id == "SDR_1")
        #expect(other.entry(.rule, "SDR_2")?.why == "caller +15559999 is not in inbound_numbers [+15551234]")
    }

    @Test("D12: inbound_numbers is an exact string; the trace names the normalization near miss")
    func exactInbound() throws {
        let config = project(rules: [Self.direct("SDR_1", room: "x", #", "inboundNumbers": ["+15551234"]"#)])
        let out = try route(config, testCall(from: "15551234"))
        #expect(out.result == .drop)
        #expect(
            out.entry(.rule, "SDR_1")?.why
                == #"inbound_numbers filter "+15551234" would match caller 15551234 only after normalization; "#
                + "LiveKit compares rule filters exactly")
    }

    static let numberFilter = project(rules: [
        direct("SDR_1", room: "sales", #", "numbers": ["+15550100"]"#), direct("SDR_2", room: "general"),
    ])

    @Test("D14: a called-number filter (1100) beats an unfiltered rule (2100); other numbers skip it")
    func numbersFilter() throws {
        let hit = try route(Self.numberFilter)
        #expect(hit.room == "sales")
        #expect(hit.entry(.rule, "SDR_2")?.why.hasPrefix("outranked by SDR_1: priority 1100 < 2100") == true)
        let miss = try route(Self.numberFilter, testCall(to: "+15550101"))
        #expect(miss.room == "general")
        #expect(miss.entry(.rule, "SDR_1")?.why == "called number +15550101 is not in numbers [+15550100]")
    }

    @Test("numbers filter near miss: written without +, compared exactly")
    func numbersNearMiss() throws {
        let out = try route(project(rules: [Self.direct("SDR_1", room: "x", #", "numbers": ["15550100"]"#)]))
        #expect(out.result == .drop)
        #expect(
            out.entry(.rule, "SDR_1")?.why
                == #"numbers filter "15550100" would match called number +15550100 only after normalization; LiveKit compares rule filters exactly"#
        )
    }

    @Test("Both filters combined: the rule needs the caller and the called number")
    func filtersCombined() throws {
        let config = project(rules: [
            Self.direct("SDR_1", room: "both", #", "inboundNumbers": ["+15551234"], "numbers": ["+15550100"]"#),
            Self.direct("SDR_2", room: "fallback"),
        ])
        #expect(try route(config).room == "both")
        #expect(try route(config, testCall(from: "+15550000")).room == "fallback")
        #expect(try route(config, testCall(to: "+15550199")).room == "fallback")
    }

    @Test("D15: the specific pool wins over a better wildcard rule")
    func specificPoolAlwaysWins() throws {
        let config = project(
            trunks: [Self.t1],
            rules: [
                Self.individual("SDR_1", prefix: "spec", #", "trunkIds": ["ST_T1"]"#),
                Self.direct("SDR_2", room: "w", pin: "123", #", "inboundNumbers": ["+15551234"]"#),
            ])
        let out = try route(config)
        #expect(out.result == .accept)
        #expect(out.rule?.id == "SDR_1")
        #expect(out.entry(.rule, "SDR_2")?.why.contains("(2101 vs 1000)") == true)
    }

    @Test("D16: Direct pin (2000) outranks Individual pin (2001); the pin 456 leaves only its rule")
    func directBeforeIndividual() throws {
        let config = project(rules: [Self.individual("SDR_1", prefix: "ind", pin: "123"), Self.direct("SDR_2", room: "dir", pin: "456")])
        let out = try route(config, testCall(pin: "456"))
        #expect(out.rule?.id == "SDR_2")
        #expect(out.room == "dir")
        let ranked = try route(config)
        #expect(ranked.result == .requestPin)
        #expect(ranked.rule?.id == "SDR_2")
        #expect(ranked.entry(.rule, "SDR_1")?.why.hasPrefix("outranked by SDR_2: priority 2000 < 2001") == true)
    }

    @Test("D17: no rules at all: DROP, and the trace quotes LiveKit's error")
    func noRules() throws {
        let out = try route(project(trunks: [Self.t1]))
        #expect(out.result == .drop)
        #expect(out.trace.last?.why.contains(#""No SIP Dispatch Rules defined""#) == true)
    }

    @Test(
        "Priority table: each type with and without pin, plus the +1000 penalties",
        arguments: [
            (direct("R", room: "r", pin: "1"), 2000), (direct("R", room: "r"), 2100), (individual("R", prefix: "r", pin: "1"), 2001),
            (individual("R", prefix: "r"), 2101), (callee("R", prefix: "r", pin: "1"), 2002), (callee("R", prefix: "r"), 2102),
            (dynamic("R"), 1999), (direct("R", room: "r", #", "inboundNumbers": ["+1"]"#), 1100),
            (direct("R", room: "r", #", "numbers": ["+1"]"#), 1100),
            (direct("R", room: "r", #", "inboundNumbers": ["+1"], "numbers": ["+2"]"#), 100),
            (dynamic("R", #", "inboundNumbers": ["+1"], "numbers": ["+2"]"#), -1), (#"{"sipDispatchRuleId": "R"}"#, Int(Int32.max)),
        ])
    func priorityTable(rule: String, expected: Int) throws {
        let workspace = try load(project(rules: [rule]))
        #expect(RulePriority.value(of: try #require(workspace.rules.first)) == expected)
    }

    @Test("Tie-breaks: same priority goes to the smaller room name, then to the smaller rule ID")
    func tieBreaks() throws {
        // Different pins keep the rules out of conflict; both rank 2000 on the first evaluation.
        let byRoom = try route(project(rules: [Self.direct("SDR_1", room: "b", pin: "1"), Self.direct("SDR_2", room: "a", pin: "2")]))
        #expect(byRoom.rule?.id == "SDR_2")
        #expect(byRoom.entry(.rule, "SDR_1")?.why == #"outranked by SDR_2: same priority 2000; room name or prefix "a" sorts before "b""#)

        let byID = try route(project(rules: [Self.direct("SDR_B", room: "same", pin: "1"), Self.direct("SDR_A", room: "same", pin: "2")]))
        #expect(byID.rule?.id == "SDR_A")
        #expect(
            byID.entry(.rule, "SDR_B")?.why
                == #"outranked by SDR_A: same priority 2000 and room name or prefix "same"; the smaller rule ID wins"#)

        let prefixAgainstRoom = try route(
            project(rules: [Self.direct("SDR_1", room: "m", pin: "1"), Self.callee("SDR_2", prefix: "a", pin: "2")]))
        #expect(prefixAgainstRoom.rule?.id == "SDR_1", "priority first: Direct 2000 beats Callee 2002 despite the room name")
    }

    @Test("Dynamic rules: priority 1999 beats every unfiltered static rule, pinned ones included (Y10)")
    func dynamicPriority() throws {
        let config = project(rules: [Self.dynamic("SDR_D"), Self.direct("SDR_P", room: "p", pin: "123")])
        guard case .needsWebhook(let pending) = try begin(config) else {
            Issue.record("expected the dynamic rule to need its webhook")
            return
        }
        #expect(pending.rule.id == "SDR_D")
        #expect(pending.dynamicRule.url == "https://router.example/sip")
        #expect(pending.routed.trace.contains { $0.id == "SDR_P" && $0.why.hasPrefix("outranked by SDR_D: priority 1999 < 2000") })
    }

    @Test("Dynamic rules stay candidates after the pin prompt (pin or no_pin), with a compat note")
    func dynamicAfterPin() throws {
        let config = project(rules: [Self.dynamic("SDR_D")])
        for call in [testCall(pin: "5678"), testCall(noPin: true)] {
            guard case .needsWebhook(let pending) = try begin(config, call) else {
                Issue.record("the dynamic rule must be kept for \(call.pin.isEmpty ? "no_pin" : "a pin")")
                continue
            }
            #expect(pending.routed.notes.contains { $0.hasPrefix("compat: LiveKit's proposal skips dynamic rule SDR_D") })
        }
    }

    @Test("A dynamic rule conflicts with an open static rule of the same scope (Y11)")
    func dynamicConflict() throws {
        let out = try route(project(rules: [Self.dynamic("SDR_D"), Self.individual("SDR_I", prefix: "x")]))
        #expect(out.result == .error)
        #expect(out.error?.contains(#"already exists in dispatch rule "SDR_D""#) == true)
    }

    @Test("Without a webhook, a chosen dynamic rule is an ERROR that says so")
    func dynamicWithoutWebhook() throws {
        let out = try route(project(rules: [Self.dynamic("SDR_D")]))
        #expect(out.result == .error)
        #expect(out.rule == CallOutcome.RuleChoice(id: "SDR_D", name: "", type: "dynamic"))
        #expect(out.error == "dynamic rule SDR_D needs its webhook; run with a webhook transport")
        #expect(out.sip.status == 503)
        #expect(out.webhook == nil)
    }
}
