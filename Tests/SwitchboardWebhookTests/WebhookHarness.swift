import Foundation
import SwitchboardCore
import Testing

@testable import SwitchboardWebhook

/// A real mock webhook server on 127.0.0.1 (ephemeral port), the real AsyncHTTPClient
/// transport, and a simulator whose one dynamic rule points at the server. Everything the
/// server receives is kept for byte-level assertions.
final class WebhookHarness: Sendable {
    let server: MockWebhookServer
    let transport: HTTPClientTransport
    private let received: Locked<[MockWebhookServer.ReceivedRequest]>

    /// Every request the server received, in arrival order.
    var requests: [MockWebhookServer.ReceivedRequest] { received.withLock { $0 } }

    private init(server: MockWebhookServer, transport: HTTPClientTransport, received: Locked<[MockWebhookServer.ReceivedRequest]>) {
        self.server = server
        self.transport = transport
        self.received = received
    }

    /// Runs `body` against a server for `script`, and always shuts both ends down.
    static func with<T>(
        script: String, hugeBodyBytes: Int = 4096, _ body: (WebhookHarness) async throws -> T
    ) async throws -> T {
        let parsed = try MockScriptReader.read(SourceDocument(path: "script.json", bytes: Array(script.utf8)))
        let box = Locked<[MockWebhookServer.ReceivedRequest]>([])
        let configuration = MockWebhookServer.Configuration(
            host: "127.0.0.1", port: 0, hugeBodyBytes: hugeBodyBytes, slowBodyByteInterval: .milliseconds(50),
            onRequest: { request in box.withLock { $0.append(request) } })
        let server = try await MockWebhookServer.start(script: parsed, configuration: configuration)
        let harness = WebhookHarness(server: server, transport: HTTPClientTransport(), received: box)
        do {
            let result = try await body(harness)
            await harness.shutdown()
            return result
        } catch {
            await harness.shutdown()
            throw error
        }
    }

    /// A single-route script answering `status` with `body` (a JSON object, or raw text).
    static func with<T>(status: Int = 200, body: String, _ run: (WebhookHarness) async throws -> T) async throws -> T {
        try await with(script: #"{"routes": [{"status": \#(status), "body": \#(body)}]}"#, run)
    }

    func shutdown() async {
        await transport.shutdown()
        await server.shutdown()
    }

    struct Run {
        var outcome: CallOutcome
        var elapsed: Duration
    }

    /// Simulates `call` through a project whose dynamic rule calls `url` (default: this server).
    func simulate(
        _ call: SimulatedCall = WebhookHarness.call(), url: String? = nil, path: String = "/dispatch", method: String = "POST",
        limits: WebhookLimits = WebhookLimits(connectTimeoutMs: 1000, totalTimeoutMs: 2000, maxResponseBytes: 65536),
        signer: (any WebhookSigner)? = nil, payload: ProjectSettings.Payload = .livekit, transport: (any WebhookTransport)? = nil
    ) async throws -> Run {
        let target = url ?? server.baseURL + path
        let project = #"""
            {"settings": {"projectId": "p_test"},
             "trunks": [{"sipTrunkId": "ST_WebhookTrk01", "name": "Carrier", "numbers": ["+15550100"]}],
             "dispatchRules": [{"sipDispatchRuleId": "SDR_WebhookDyn01", "name": "Router", "trunkIds": ["ST_WebhookTrk01"],
               "metadata": "rule-metadata", "attributes": {"team": "rule"},
               "rule": {"dispatchRuleDynamic": {"url": "\#(target)", "method": "\#(method)"}}}]}
            """#
        var rng = SeededGenerator(seed: 3)
        let workspace = try WorkspaceLoader.load([SourceDocument(path: "project.json", bytes: Array(project.utf8))], using: &rng)
        let context = WebhookContext(
            transport: transport ?? self.transport, limits: limits, projectID: "p_test", payload: payload, signer: signer,
            version: "test")
        let simulator = CallSimulator(engine: RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss), webhook: context)
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = await simulator.simulate(call, using: &rng)
        return Run(outcome: outcome, elapsed: clock.now - start)
    }

    static func call(from: String = "+15551234", pin: String = "", noPin: Bool = false) -> SimulatedCall {
        SimulatedCall(
            from: from, to: "+15550100", fromHost: "sip.carrier.example", sourceIP: "203.0.113.7", callID: "SCL_WebhookCall01",
            sipCallID: "abc@sip.carrier.example", pin: pin, noPin: noPin)
    }
}
