import Foundation
import SwitchboardCore
import Testing

@Suite("Saving a run as a scenario")
struct ScenarioWriterTests {
    static let workspace: Workspace = try! load([
        SourceDocument(path: "samples/project.json", bytes: try! sampleBytes("samples/project.json"))
    ])

    /// Routes `call` through the samples (static rules only: no webhook).
    static func outcome(_ call: SimulatedCall, seed: UInt64 = 1) async -> CallOutcome {
        let simulator = CallSimulator(engine: RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss), webhook: nil)
        var rng = SeededGenerator(seed: seed)
        return await simulator.simulate(call, using: &rng)
    }

    /// Scenarios compared by what they say (the reader also records where each key was read).
    static func same(_ a: [Scenario], _ b: [Scenario]) -> Bool {
        a.count == b.count
            && zip(a, b).allSatisfy { x, y in
                x.name == y.name && x.expect == y.expect && x.call.from == y.call.from && x.call.to == y.call.to
                    && x.call.fromHost == y.call.fromHost && x.call.toHost == y.call.toHost && x.call.sourceIp == y.call.sourceIp
                    && x.call.pin == y.call.pin && x.call.noPin == y.call.noPin && x.call.headers == y.call.headers
            }
    }

    static func read(_ bytes: [UInt8]) throws -> [Scenario] {
        try ScenarioFileReader.read(SourceDocument(path: "scenarios.json", bytes: bytes))
    }

    @Test("a saved run reads back with its call and its outcome as the expectation, and passes")
    func roundTrip() async throws {
        let call = SimulatedCall(from: "+12025550100", to: "+14155550100", sourceIP: "198.51.100.77", callID: "SCL_x", pin: "")
        let outcome = await Self.outcome(call)
        let scenario = ScenarioWriter.scenario(named: "Front desk", call: call, outcome: outcome, roomIsRandom: false)
        let bytes = try ScenarioWriter.saving(scenario, into: nil, path: "scenarios.json")
        let read = try Self.read(bytes)
        #expect(Self.same(read, [scenario]))
        #expect(read[0].call.sourceIp == "198.51.100.77")
        #expect(read[0].call.fromHost.isEmpty)  // defaults are left out
        #expect(read[0].call.callId.isEmpty)  // generated IDs too
        #expect(read[0].expect.result == .accept)
        #expect(read[0].expect.room == .value("front-desk"))
        #expect(ExpectationCheck.mismatches(read[0].expect, outcome).isEmpty)
    }

    @Test("a random room suffix is expected as a pattern, so another run of the call passes")
    func randomRoom() async throws {
        // SDR_SupportQue7x: individual rule, prefix "support", random suffix.
        let call = SimulatedCall(from: "+12025550100", to: "+12125550143", sourceIP: "198.51.100.10", callID: "SCL_y")
        let first = await Self.outcome(call, seed: 1)
        let second = await Self.outcome(call, seed: 2)
        #expect(first.room != second.room)
        let scenario = ScenarioWriter.scenario(named: "Support", call: call, outcome: first, roomIsRandom: true)
        #expect(scenario.expect.room == .value("support_+12025550100_*"))
        #expect(ExpectationCheck.mismatches(scenario.expect, second).isEmpty)
    }

    @Test("adding to an existing file keeps every other byte, in the file's own layout")
    func appendKeepsFile() throws {
        let existing = try sampleBytes("samples/scenarios.json")
        let call = SimulatedCall(from: "+1555", to: "+1666", callID: "SCL_z", headers: StringMap([("X-Tier", "gold")]))
        var expect = Expectation()
        expect.result = .reject
        expect.sipStatus = .value(486)
        let scenario = Scenario(name: "New one", call: CallSpec(from: call.from, to: call.to), expect: expect)
        let bytes = try ScenarioWriter.saving(scenario, into: existing, path: "scenarios.json")
        let before = try Self.read(existing)
        let after = try Self.read(bytes)
        #expect(after.count == before.count + 1)
        #expect(Self.same(Array(after.dropLast()), before))
        #expect(Self.same([after.last!], [scenario]))
        // The original bytes up to the last scenario's end are untouched, and so is the tail.
        let text = String(decoding: bytes, as: UTF8.self)
        let original = String(decoding: existing, as: UTF8.self)
        let lastEnd = original.range(
            of: "}", options: .backwards, range: original.startIndex..<original.range(of: "]", options: .backwards)!.lowerBound)!.upperBound
        #expect(text.hasPrefix(String(original[..<lastEnd])))
        #expect(text.hasSuffix(String(original[lastEnd...])))
        #expect(
            text.contains(
                "\n    {\n      \"name\": \"New one\",\n      \"call\": {\"from\": \"+1555\", \"to\": \"+1666\"},\n      \"expect\": {\"result\": \"REJECT\", \"sipStatus\": 486}\n    }"
            ))
    }

    @Test("a scenario with the same name is replaced in place; the others stay as they were")
    func replaceByName() throws {
        let existing = Array(
            #"{"scenarios": [{"name": "a", "call": {"from": "1", "to": "2"}, "expect": {"result": "ACCEPT"}},  {"name": "b", "call": {"from": "3", "to": "4"}, "expect": {}}], "x": 1}"#
                .utf8)
        var expect = Expectation()
        expect.result = .drop
        let scenario = Scenario(name: "a", call: CallSpec(from: "9", to: "8"), expect: expect)
        let bytes = try ScenarioWriter.saving(scenario, into: existing, path: "s.json")
        let read = try Self.read(bytes)
        #expect(read.map(\.name) == ["a", "b"])
        #expect(Self.same([read[0]], [scenario]))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"scenarios": [{"#))
        #expect(text.hasSuffix(#",  {"name": "b", "call": {"from": "3", "to": "4"}, "expect": {}}], "x": 1}"#))
        #expect(try ScenarioWriter.names(in: bytes, path: "s.json") == ["a", "b"])
    }

    @Test("an empty list, a missing file and an invalid file")
    func edges() throws {
        var expect = Expectation()
        expect.result = .accept
        let scenario = Scenario(name: "n", call: CallSpec(from: "1", to: "2"), expect: expect)
        let empty = try ScenarioWriter.saving(scenario, into: Array("{\n  \"scenarios\": []\n}\n".utf8), path: "s.json")
        #expect(Self.same(try Self.read(empty), [scenario]))
        #expect(String(decoding: empty, as: UTF8.self).hasSuffix("\n  ]\n}\n"))
        let blank = try ScenarioWriter.saving(scenario, into: Array("  \n".utf8), path: "s.json")
        #expect(Self.same(try Self.read(blank), [scenario]))
        #expect(throws: ScenarioWriter.Failure.self) {
            try ScenarioWriter.saving(scenario, into: Array("{\"scenarios\": [}".utf8), path: "s.json")
        }
        #expect(throws: ScenarioWriter.Failure.self) {
            try ScenarioWriter.saving(scenario, into: Array("[1, 2]".utf8), path: "s.json")
        }
    }
}
