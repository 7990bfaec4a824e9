import Testing

@testable import SwitchboardCore

/// Trunk matching: livekit-routing.md 2.2–2.3 and behaviour cases T1–T18 (section 8.1).
@Suite("Routing: trunk matching")
struct RoutingTrunkTests {
    static let lobby = #"{"sipDispatchRuleId": "SDR_lobby", "rule": {"dispatchRuleDirect": {"roomName": "lobby"}}}"#

    @Test("T1: a trunk listing the called number matches it as specific")
    func specific() throws {
        let out = try route(project(trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#], rules: [Self.lobby]))
        #expect(out.trunk == CallOutcome.TrunkMatch(id: "ST_T1", name: "", match: .specific))
        #expect(out.entry(.trunk, "ST_T1")?.outcome == "matched")
        #expect(out.entry(.trunk, "ST_T1")?.why == "number +15550100 listed")
        #expect(out.participant?.attributes["sip.trunkID"] == "ST_T1")
    }

    @Test("T2: called numbers are compared after normalization", arguments: ["15550100", "+1 555-0100", "(1) 555 0100"])
    func normalized(to: String) throws {
        let out = try route(project(trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#], rules: [Self.lobby]), testCall(to: to))
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.entry(.trunk, "ST_T1")?.why.contains("after normalization") == true)
    }

    static let specificAndDefault = project(
        trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#, #"{"sipTrunkId": "ST_T0"}"#], rules: [lobby])

    @Test("T3: a number no trunk lists goes to the default trunk")
    func defaultTrunk() throws {
        let out = try route(Self.specificAndDefault, testCall(to: "+15550199"))
        #expect(out.trunk == CallOutcome.TrunkMatch(id: "ST_T0", name: "", match: .default))
        #expect(out.entry(.trunk, "ST_T1") == nil, "T1 lists another number: not a candidate")
        #expect(out.entry(.trunk, "")?.why == "1 other trunk lists other numbers")
    }

    @Test("T4: a specific trunk beats the default trunk, which is traced as outranked")
    func specificBeatsDefault() throws {
        let out = try route(Self.specificAndDefault)
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.trunk?.match == .specific)
        #expect(out.entry(.trunk, "ST_T0")?.outcome == "outranked")
        #expect(out.entry(.trunk, "ST_T0")?.why.contains("ST_T1 lists the number") == true)
    }

    @Test("T6: two stored trunks listing the number fail the call with 503 and no trunk")
    func multipleSpecific() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#, #"{"sipTrunkId": "ST_T2", "numbers": ["+15550100"]}"#],
            rules: [Self.lobby])
        let out = try route(config)
        #expect(out.result == .error)
        #expect(out.error == #"Multiple SIP Trunks matched for "+15550100""#)
        #expect(out.sip == .tryAgainLater)
        #expect(out.sip.status == 503)
        #expect(out.trunk == nil)
        #expect(out.rule == nil)
        #expect(out.entry(.trunk, "ST_T1")?.outcome == "error")
        #expect(out.entry(.trunk, "ST_T2")?.outcome == "error")
        #expect(out.entry(.rule, "SDR_lobby") == nil, "rules are never reached")
    }

    @Test("T7: two default trunks that both pass fail the call")
    func multipleDefaults() throws {
        let config = project(trunks: [#"{"sipTrunkId": "ST_D1"}"#, #"{"sipTrunkId": "ST_D2"}"#], rules: [Self.lobby])
        let out = try route(config)
        #expect(out.result == .error)
        #expect(out.error == #"Multiple default SIP Trunks matched for "+15550100""#)
        #expect(out.sip.status == 503)
        #expect(out.trunk == nil)
    }

    @Test("T7 with a specific trunk: defaults are ignored even when several pass")
    func multipleDefaultsIgnoredBySpecific() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_D1"}"#, #"{"sipTrunkId": "ST_D2"}"#, #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"]}"#],
            rules: [Self.lobby])
        let out = try route(config)
        #expect(out.result == .accept)
        #expect(out.trunk?.id == "ST_T1")
    }

    @Test("T8: a default trunk filtered out by address leaves the other one, no error")
    func defaultFilteredByAddress() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_D1", "allowedAddresses": ["10.0.0.0/8"]}"#, #"{"sipTrunkId": "ST_D2"}"#], rules: [Self.lobby])
        let out = try route(config)
        #expect(out.trunk == CallOutcome.TrunkMatch(id: "ST_D2", name: "", match: .default))
        #expect(out.entry(.trunk, "ST_D1")?.outcome == "skipped")
        #expect(
            out.entry(.trunk, "ST_D1")?.why
                == #"source IP 203.0.113.7 is not in allowed_addresses [10.0.0.0/8] and From host "sip.carrier.example" is not listed"#)
    }

    @Test("T9: allowed_addresses CIDR lets 203.0.113.7 in and keeps 198.51.100.1 out")
    func cidr() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedAddresses": ["203.0.113.0/24"]}"#], rules: [Self.lobby])
        let inside = try route(config)
        #expect(inside.trunk?.id == "ST_T1")
        #expect(inside.entry(.trunk, "ST_T1")?.why == "number +15550100 listed; source IP 203.0.113.7 in 203.0.113.0/24")
        let outside = try route(config, testCall(sourceIP: "198.51.100.1"))
        #expect(outside.trunk == nil)
        #expect(outside.result == .accept, "OSS: the wildcard rule still takes the call")
        #expect(outside.participant?.attributes["sip.trunkID"] == "")
    }

    @Test("IPv6: an allowed_addresses prefix and an exact IPv6 address")
    func ipv6() throws {
        let config = project(
            trunks: [
                #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedAddresses": ["2001:db8:10::/48"]}"#,
                #"{"sipTrunkId": "ST_T2", "numbers": ["+15550101"], "allowedAddresses": ["2001:db8::7"]}"#,
            ], rules: [Self.lobby])
        #expect(try route(config, testCall(sourceIP: "2001:db8:10:ffff::1")).trunk?.id == "ST_T1")
        #expect(try route(config, testCall(sourceIP: "2001:db8:11::1")).trunk == nil)
        #expect(try route(config, testCall(sourceIP: "203.0.113.7")).trunk == nil, "an IPv4 source never matches an IPv6 prefix")
        #expect(try route(config, testCall(to: "+15550101", sourceIP: "2001:0db8:0:0::7")).trunk?.id == "ST_T2")
        #expect(try route(config, testCall(to: "+15550101", sourceIP: "2001:db8::8")).trunk == nil)
    }

    static let restrictedAndOpen = project(
        trunks: [
            #"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedNumbers": ["+1999"]}"#,
            #"{"sipTrunkId": "ST_T2", "numbers": ["+15550100"]}"#,
        ], rules: [lobby])

    @Test("T10: an allowed caller matches both trunks (error); another caller only the open one")
    func allowedNumbersOverlap() throws {
        let allowed = try route(Self.restrictedAndOpen, testCall(from: "+1999"))
        #expect(allowed.result == .error)
        #expect(allowed.error == #"Multiple SIP Trunks matched for "+15550100""#)
        let other = try route(Self.restrictedAndOpen, testCall(from: "+1888"))
        #expect(other.trunk?.id == "ST_T2")
        #expect(other.entry(.trunk, "ST_T1")?.why == "caller +1888 is not in allowed_numbers [+1999]")
    }

    @Test("T11: allowed_numbers compares normalized numbers")
    func allowedNumbersNormalized() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedNumbers": ["+1999"]}"#], rules: [Self.lobby])
        let out = try route(config, testCall(from: "1999"))
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.entry(.trunk, "ST_T1")?.why.contains(#"caller 1999 in allowed_numbers (as "+1999", after normalization)"#) == true)
    }

    @Test("T12: a hostname entry matches the From host, whatever the IP")
    func hostname() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedAddresses": ["sip.carrier.example"]}"#],
            rules: [Self.lobby])
        let out = try route(config, testCall(sourceIP: "192.0.2.99"))
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.entry(.trunk, "ST_T1")?.why.hasSuffix("From host sip.carrier.example in allowed_addresses") == true)
        #expect(try route(config, testCall(fromHost: "other.example")).trunk == nil)
    }

    @Test("T13: a list of only malformed entries allows every source")
    func malformedOnly() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedAddresses": ["1.2.3.4, 5.6.7.8"]}"#], rules: [Self.lobby])
        let out = try route(config, testCall(sourceIP: "192.0.2.99"))
        #expect(out.trunk?.id == "ST_T1")
        #expect(out.entry(.trunk, "ST_T1")?.why.contains("only malformed entries") == true)
    }

    @Test("T14 (HEAD): a trunk listing one number in two spellings matches once")
    func sameTrunkTwoSpellings() throws {
        let config = project(trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100", "15550100"]}"#], rules: [Self.lobby])
        #expect(try route(config).trunk?.id == "ST_T1")
        #expect(try route(config, testCall(to: "15550100")).trunk?.id == "ST_T1")
    }

    @Test("T18: no trunk in OSS mode still reaches a wildcard rule, with an empty sip.trunkID")
    func noTrunkOSS() throws {
        let out = try route(project(rules: [Self.lobby]))
        #expect(out.trunk == nil)
        #expect(out.result == .accept)
        #expect(out.room == "lobby")
        #expect(out.participant?.attributes["sip.trunkID"] == "")
        #expect(out.trace.first { $0.outcome == "no trunk" }?.why.contains("only wildcard rules can apply") == true)
    }

    @Test("Cloud mode: no trunk is REJECT 404 No trunk found")
    func noTrunkCloud() throws {
        let out = try route(project(rules: [Self.lobby]), mode: .cloud)
        #expect(out.result == .reject)
        #expect(out.reject == CallOutcome.Reject(statusCode: 404, reason: "No trunk found"))
        #expect(out.sip == CallOutcome.SIPResponse(status: 404, reason: "No trunk found"))
        #expect(out.rule == nil)
        #expect(out.trunk == nil)
    }

    @Test("Cloud mode with a matching trunk routes as OSS does")
    func cloudWithTrunk() throws {
        let out = try route(Self.specificAndDefault, mode: .cloud)
        #expect(out.result == .accept)
        #expect(out.trunk?.id == "ST_T1")
    }

    @Test("An unparseable source IP passes the address filter, but LiveKit's dispatch refuses it")
    func unparseableSourceIP() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "allowedAddresses": ["10.0.0.0/8"]}"#], rules: [Self.lobby])
        let out = try route(config, testCall(sourceIP: "not-an-ip"))
        #expect(out.trunk?.id == "ST_T1", "the trunk filter lets an unparseable IP through")
        #expect(out.entry(.trunk, "ST_T1")?.why.contains("is not an IP address, which LiveKit's address filter lets through") == true)
        #expect(out.result == .error)
        #expect(out.error == #"source IP "not-an-ip" is not an IP address"#)
        #expect(out.sip.status == 503)
    }

    @Test("Trunk auth and metadata play no part in matching")
    func authIgnored() throws {
        let config = project(
            trunks: [#"{"sipTrunkId": "ST_T1", "numbers": ["+15550100"], "authUsername": "u", "authPassword": "p", "metadata": "m"}"#],
            rules: [Self.lobby])
        #expect(try route(config).trunk?.id == "ST_T1")
    }
}
