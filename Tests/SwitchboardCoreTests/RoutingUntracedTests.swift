import Testing

@testable import SwitchboardCore

/// `recordsTrace: false` takes its own path through the index (number tables, shared compact
/// pools, the rule and trunk read in place); it must decide and build every outcome exactly
/// as the traced engine does, including the corners the generator alone does not reach.
@Suite("Routing: untraced path")
struct RoutingUntracedTests {
    /// A generated configuration plus wildcard rules, trunks with session settings, a number
    /// listed by two trunks, a pool too big for compact entries and hidden caller numbers.
    static func configuration() -> (trunks: [Trunk], rules: [DispatchRule], calls: [SimulatedCall]) {
        var rng = SeededGenerator(seed: 23)
        let output = ConfigurationGenerator(trunks: 150, rules: 2000, scenarios: 500).generate(using: &rng)
        var trunks = output.trunks
        var rules = output.rules
        for t in stride(from: 0, to: trunks.count, by: 9) {
            trunks[t].headers = ["X-Trunk": "t\(t)"]
            trunks[t].ringingTimeout = ProtoDuration(nanoseconds: 30_000_000_000)
            var media = MediaConfig()
            media.encryption = .require
            trunks[t].media = media
        }
        // A second trunk listing the first trunk's first number: calls to it are an error.
        trunks[4].numbers.append(trunks[3].numbers[0])
        // Wildcard rules, each with its own caller, and one without filters.
        for w in 0..<5 {
            var rule = DispatchRule()
            rule.id = "SDR_Wildcard\(w)"
            rule.inboundNumbers = w == 0 ? [] : ["+1999555010\(w)"]
            rule.kind = w % 2 == 0 ? .direct(DirectRule(roomName: "wild-\(w)")) : .individual(IndividualRule(roomPrefix: "w\(w)"))
            rule.attributes = ["sip.trunkID": "overwritten", "kind": "wildcard"]
            rules.append(rule)
        }
        // 70 rules on one trunk: more than a compact pool holds.
        for r in 0..<70 {
            var rule = DispatchRule()
            rule.id = "SDR_BigPool\(r)"
            rule.trunkIds = [trunks[10].id]
            rule.inboundNumbers = ["+1777555\(1000 + r)"]
            rule.kind = .callee(CalleeRule(roomPrefix: "big", randomize: r % 2 == 0))
            rule.hidePhoneNumber = r % 3 == 0
            rules.append(rule)
        }
        // A filter that equals the caller only as Unicode (KELVIN SIGN is canonically K).
        var kelvin = DispatchRule()
        kelvin.id = "SDR_Kelvin"
        kelvin.trunkIds = [trunks[20].id]
        kelvin.inboundNumbers = ["\u{212A}ate"]
        kelvin.kind = .direct(DirectRule(roomName: "kelvin"))
        rules.append(kelvin)
        var calls = output.calls.map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_x") }
        let base = Array(calls.prefix(60))
        calls += base.map { SimulatedCall(from: "+19995550102", to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_w") }
        calls += base.map { SimulatedCall(from: $0.from, to: "+10000000000", sourceIP: $0.sourceIP, callID: "SCL_n") }
        calls += base.map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_p", pin: "1022") }
        calls += base.map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: $0.sourceIP, callID: "SCL_q", noPin: true) }
        calls += base.map { SimulatedCall(from: $0.from, to: $0.to, sourceIP: "not-an-ip", callID: "SCL_i") }
        calls += (0..<70).map { SimulatedCall(from: "+1777555\(1000 + $0)", to: trunks[10].numbers[0], callID: "SCL_b") }
        calls.append(SimulatedCall(from: "+15550000", to: trunks[3].numbers[0], callID: "SCL_d"))
        calls.append(SimulatedCall(from: "Kate", to: trunks[20].numbers[0], callID: "SCL_k"))
        return (trunks, rules, calls)
    }

    @Test("same outcomes as the traced engine, in both modes and with default trunks looked up by caller")
    func sameOutcomes() {
        let (trunks, rules, calls) = Self.configuration()
        // A limit of 1 makes the default trunks (three) be looked up by caller.
        for index in [RoutingIndex(trunks: trunks, rules: rules), RoutingIndex(trunks: trunks, rules: rules, fullTraceLimit: 1)] {
            #expect(index.trunkRouting.contains { $0.poolCount == -1 })
            for mode in [ProjectSettings.Mode.oss, .cloud] {
                var outcomes: Set<CallOutcome.Result> = []
                for call in calls {
                    var a = SeededGenerator(seed: 5)
                    var b = SeededGenerator(seed: 5)
                    let traced = RoutingEngine(index: index, mode: mode, explain: false).run(call, using: &a)
                    var untraced = RoutingEngine(index: index, mode: mode, recordsTrace: false).run(call, using: &b)
                    #expect(untraced.trace.isEmpty)
                    untraced.trace = traced.trace
                    #expect(untraced == traced, "\(mode) \(call.from) -> \(call.to) \(call.callID)")
                    #expect(a.next() == b.next(), "same random draws: \(call.from) -> \(call.to)")
                    outcomes.insert(traced.result)
                }
                #expect(outcomes.isSuperset(of: [.accept, .error, .drop]), "\(mode): \(outcomes)")
                var rng = SeededGenerator(seed: 5)
                let kate = RoutingEngine(index: index, mode: mode, recordsTrace: false).run(calls[calls.count - 1], using: &rng)
                #expect(kate.rule?.id == "SDR_Kelvin")
            }
        }
    }

    @Test("a pending dynamic call carries the same rule and trunk as the index")
    func pendingCall() throws {
        let (trunks, rules, calls) = Self.configuration()
        let index = RoutingIndex(trunks: trunks, rules: rules)
        var pendingCount = 0
        for call in calls.prefix(300) {
            var rng = SeededGenerator(seed: 1)
            guard case .needsWebhook(let pending) = RoutingEngine(index: index, mode: .oss, recordsTrace: false).begin(call, using: &rng)
            else { continue }
            pendingCount += 1
            let rule = try #require(index.rules.first { $0.id == pending.rule.id })
            #expect(pending.rule == rule)
            #expect(pending.trunk == index.trunks.first { $0.id == pending.routed.trunkMatch?.id })
            guard case .dynamic(let dynamic) = rule.kind else {
                Issue.record("pending call on a rule that is not dynamic: \(rule.id)")
                continue
            }
            #expect(pending.dynamicRule == dynamic)
        }
        #expect(pendingCount > 10)
    }

    @Test("setLast: the same map as removing the key and setting it again")
    func setLast() {
        for key in ["a", "b", "c", "sip.callID"] {
            var expected: StringMap = ["a": "1", "b": "2", "c": "3"]
            expected[key] = nil
            expected[key] = "new"
            var map: StringMap = ["a": "1", "b": "2", "c": "3"]
            map.setLast(key, "new")
            #expect(map == expected, "\(key)")
            #expect(map.keys.last == key)
        }
    }

    @Test("number table: the same positions as the dictionary it is built from")
    func numberTable() {
        var entries: [String: [Int]] = [:]
        for i in 0..<3000 { entries["+1555\(i)", default: []].append(i) }
        for i in stride(from: 0, to: 3000, by: 7) { entries["+1555\(i)", default: []].append(5000 + i) }
        entries["alice"] = [1, 2, 3]
        // KELVIN SIGN is canonically equivalent to K: String == says equal, so must the table.
        entries["\u{212A}elvin"] = [42]
        let table = NumberTable(entries)
        for (key, positions) in entries { #expect(Array(table.positions(key)) == positions, "\(key)") }
        #expect(Array(table.positions("Kelvin")) == [42])
        for missing in ["", "+1555", "+15553000", "bob", "+1555-1"] { #expect(table.positions(missing).isEmpty, "\(missing)") }
        #expect(NumberTable([:]).positions("+1").isEmpty)
    }
}
