import Benchmark
import SwitchboardCore

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1,
        maxDuration: .seconds(5),
        maxIterations: 1_000_000
    )
    routingBenchmarks()
    workspaceBenchmarks()
    webhookBenchmarks()
    tuiBenchmarks()
}

/// One routing decision per scaled iteration, cycling through 10,000 generated calls.
///
/// A *routing decision* is `RoutingEngine.run` for one call: match the trunk, select the
/// rule (conflict check, filters, priority) and evaluate it into the full `CallOutcome`
/// (room, participant identity and attributes, session settings, SIP response). A dynamic
/// rule ends in the engine's "needs its webhook" outcome (no I/O). By default no trace is
/// recorded (`recordsTrace: false`); the other two benchmarks add the trace steps
/// (`explain: false`, what bulk runs used before) and the full explain trace.
func routingBenchmarks() {
    let perCall = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], scalingFactor: .kilo)

    func routing(_ name: String, _ engine: @escaping @Sendable (RoutingIndex) -> RoutingEngine) {
        Benchmark(name, configuration: perCall) { benchmark in
            let fixture = Fixture.shared
            let engine = engine(fixture.index)
            var rng = SeededGenerator(seed: 7)
            var next = 0
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations {
                blackHole(engine.run(fixture.calls[next], using: &rng))
                next = next + 1 == fixture.calls.count ? 0 : next + 1
            }
        }
    }
    routing("Routing: decision, no trace, one call (100k rules, 10k trunks)") {
        RoutingEngine(index: $0, mode: .oss, recordsTrace: false)
    }
    routing("Routing: decision + trace steps without sentences, one call (100k rules, 10k trunks)") {
        RoutingEngine(index: $0, mode: .oss, explain: false)
    }
    routing("Routing: decision + explain trace, one call (100k rules, 10k trunks)") {
        RoutingEngine(index: $0, mode: .oss)
    }

    Benchmark(
        "Routing: linear scan baseline, one call (100k rules, 10k trunks)",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .throughput], maxDuration: .seconds(5))
    ) { benchmark in
        let fixture = Fixture.shared
        let router = LinearScanRouter(trunks: fixture.workspace.trunks, rules: fixture.workspace.rules)
        // Both routers must agree before either is timed.
        for i in stride(from: 0, to: fixture.calls.count, by: 997) {
            precondition(router.route(fixture.calls[i]) == fixture.expectedRules[i], "baseline disagrees on call \(i)")
        }
        var next = 0
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(router.route(fixture.calls[next]))
            next = next + 1 == fixture.calls.count ? 0 : next + 1
        }
    }

    Benchmark(
        "Routing: build the index (100k rules, 10k trunks)",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], maxDuration: .seconds(10), maxIterations: 20)
    ) { benchmark in
        let workspace = Fixture.shared.workspace
        benchmark.startMeasurement()
        blackHole(RoutingIndex(workspace: workspace))
    }
}

/// Reading and writing the 100,000-rule `lk sip dispatch list --json` file.
func workspaceBenchmarks() {
    let large = Benchmark.Configuration(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(15), maxIterations: 20)

    Benchmark("Workspace: parse JSON (100k-rule lk list)", configuration: large) { benchmark in
        let bytes = Fixture.shared.ruleListBytes
        benchmark.startMeasurement()
        blackHole(try JSONParser.parse(bytes))
    }

    Benchmark("Workspace: load + validate (100k-rule lk list)", configuration: large) { benchmark in
        let document = SourceDocument(path: "dispatch-rules.json", bytes: Fixture.shared.ruleListBytes)
        var rng = SeededGenerator(seed: 1)
        benchmark.startMeasurement()
        let workspace = try WorkspaceLoader.load([document], using: &rng)
        blackHole(WorkspaceValidator.validate(workspace))
    }

    Benchmark("Workspace: lossless export (100k-rule lk list)", configuration: large) { benchmark in
        let document = SourceDocument(path: "dispatch-rules.json", bytes: Fixture.shared.ruleListBytes)
        var rng = SeededGenerator(seed: 1)
        let workspace = try WorkspaceLoader.load([document], using: &rng)
        benchmark.startMeasurement()
        let bytes = JSONWriter.bytes(WorkspaceWriter.document(forFile: 0, of: workspace), style: .compact)
        benchmark.stopMeasurement()
        precondition(bytes.count > document.bytes.count / 2)
    }
}

/// Building a dynamic rule's request, and reading its webhook's reply.
func webhookBenchmarks() {
    let small = Benchmark.Configuration(metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .throughput], scalingFactor: .kilo)

    Benchmark("Webhook: build a POST request (payload + JSON body)", configuration: small) { benchmark in
        let call = SimulatedCall(
            from: "+15105550100", to: "+12015550123", sourceIP: "198.51.100.10", callID: "SCL_8aZ3kQ9xY2mN",
            sipCallID: "a84b4c76e66710@pc33.example.com", headers: ["X-Account": "acme", "X-Region": "eu"])
        let rule = DynamicRule(url: "http://127.0.0.1:8089/dispatch", method: "POST")
        let inputs = WebhookPayload.Inputs(projectID: "p_bench", trunkID: "ST_akyTTmtXJoRc", ruleID: "SDR_dQb55gABGUEA", call: call)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            let payload = WebhookPayload.object(inputs, style: .livekit)
            blackHole(WebhookRequestBuilder.build(rule: rule, payload: payload, version: "0.1.0", signer: nil))
        }
    }

    Benchmark("Webhook: parse an accept reply", configuration: small) { benchmark in
        let body = Array(
            #"{"dispatch_action":"accept","room_name":"support-eu","participant_identity":"caller-0100","participant_name":"Caller","participant_metadata":"{\"tier\":\"gold\"}","participant_attributes":{"team":"support","tier":"gold"}}"#
                .utf8)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations {
            blackHole(WebhookReplyReader.read(status: 200, body: body))
        }
    }
}
