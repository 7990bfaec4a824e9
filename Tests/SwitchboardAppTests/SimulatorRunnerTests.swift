import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardWebhook
import Testing

/// The production effect runner's calls over a real socket: the samples' mock webhook script
/// served in-process, AsyncHTTPClient as the transport.
@Suite("Simulator call runner")
struct SimulatorRunnerTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The mock webhook and a transport to it, for the duration of `body`.
    static func withMock(totalTimeoutMs: Int = 5000, _ body: (WebhookContext, Workspace) async throws -> Void) async throws {
        let path = Self.packageRoot.appendingPathComponent("samples/mock-webhook.json").path
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let script = try MockScriptReader.read(SourceDocument(path: path, bytes: bytes))
        var workspace = Fixtures.catalog.workspace
        // The runner takes the limits from the workspace it is given, as edited.
        workspace.settings.timeoutMs = totalTimeoutMs
        let mock = try await InProcessMockWebhook.start(
            script: script, endpoints: InProcessMockWebhook.endpoints(of: workspace.rules), maxResponseBytes: 1_048_576)
        let transport = HTTPClientTransport(connectOverrides: mock.connectOverrides)
        let context = WebhookContext(transport: transport, settings: workspace.settings, signer: nil, version: "test")
        do {
            try await body(context, workspace)
        } catch {
            await transport.shutdown()
            await mock.shutdown()
            throw error
        }
        await transport.shutdown()
        await mock.shutdown()
    }

    /// Polls the runner until a call result arrives or `seconds` pass.
    static func waitForResult(_ runner: LiveEffectRunner, seconds: Double = 10) async -> CallResult? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            for message in runner.takeMessages() {
                if case .callFinished(let result) = message { return result }
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return nil
    }

    /// Only the measured durations differ between two real exchanges.
    static func withoutTimings(_ outcome: CallOutcome) -> CallOutcome {
        var outcome = outcome
        outcome.webhook?.response?.durationMs = 0
        outcome.trace = outcome.trace.map { entry in
            var entry = entry
            if entry.step == .webhook { entry.why = entry.why.replacing(/in [0-9.]+ ms/, with: "in _ ms") }
            return entry
        }
        return outcome
    }

    static func call(from: String) -> SimulatedCall {
        SimulatedCall(from: from, to: "+13105550188", sourceIP: "203.0.113.7", callID: "SCL_runnerTest01", sipCallID: "abc@host")
    }

    @Test("a run gives the same outcome as CallSimulator directly, with the exchange kept")
    func sameOutcome() async throws {
        try await Self.withMock { context, workspace in
            let runner = LiveEffectRunner(setMouseReporting: { _ in false }, webhook: context)
            let call = Self.call(from: "+12025550100")
            runner.run(.runCall(CallRequest(runID: 1, call: call, workspace: workspace, workspaceRevision: 0)))
            let result = try #require(await Self.waitForResult(runner))
            #expect(result.runID == 1)
            #expect(result.ending == .finished)
            #expect(result.request?.url == "http://127.0.0.1:8089/dispatch")
            #expect(result.exchange?.response?.status == 200)

            let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
            var rng = SystemRandomNumberGenerator()
            let direct = await CallSimulator(engine: engine, webhook: context).simulate(call, using: &rng)
            let viaRunner = try #require(result.outcome)
            #expect(Self.withoutTimings(viaRunner) == Self.withoutTimings(direct))
            #expect(viaRunner.room == "dynamic-lobby")
        }
    }

    @Test("cancel during a hanging route answers at once with a cancelled result; nothing else follows")
    func cancelHanging() async throws {
        // A minute-long timeout: only the cancel can end this run within the wait below.
        try await Self.withMock(totalTimeoutMs: 60_000) { context, workspace in
            let runner = LiveEffectRunner(setMouseReporting: { _ in false }, webhook: context)
            let request = CallRequest(runID: 2, call: Self.call(from: "+12025550115"), workspace: workspace, workspaceRevision: 0)
            runner.run(.runCall(request))
            #expect(runner.takeMessages().isEmpty)
            runner.run(.cancelCall(runID: 2))
            let result = try #require(await Self.waitForResult(runner, seconds: 5))
            #expect(result.runID == 2)
            #expect(result.ending == .cancelled)
            #expect(result.outcome == nil)
            #expect(result.call == request.call)
            // The cancelled task posts nothing more.
            #expect(await Self.waitForResult(runner, seconds: 0.3) == nil)
        }
    }
}
