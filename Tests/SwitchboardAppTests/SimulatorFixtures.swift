import SwitchboardApp
import SwitchboardCore
import TerminalKit

/// Results for the simulator's tests, made by the real ``CallSimulator`` with a transport that
/// answers from memory, a fixed signer and fixed timings, so panes and snapshots are stable.
enum SimulatorFixtures {
    /// A webhook that answers every request with the same exchange.
    struct StubTransport: WebhookTransport {
        var exchange: WebhookExchange
        func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange { exchange }
    }

    /// Signs with a token made once (header, claims with fixed times, a dummy signature).
    struct FixedSigner: WebhookSigner {
        func authorization(forBody body: [UInt8]) -> String { SimulatorFixtures.token }
    }

    static let token =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjE3NjcyMjU5MDAsImlzcyI6IkFQSXNiRGVtbzRLZXkiLCJuYmYiOjE3NjcyMjU2MDAsImlhdCI6"
        + "MTc2NzIyNTYwMCwic2hhMjU2IjoiNDdERVFwajhIQlNhKy9USW1XKzVKQ2V1UWVSa201Tk1wSldaRzNoU3VGVT0ifQ.c2lnbmF0dXJl"

    /// The mock script's answer for the carrier router: accept into `dynamic-lobby`.
    static let answer = WebhookExchange(
        response: .init(
            status: 200, headers: headers(["Content-Type": "application/json", "X-Mock-Route": "lobby"]),
            body: Array(
                #"{"dispatch_action":"accept","room_name":"dynamic-lobby","metadata":"{\"routed\":\"mock\"}","attributes":{"lobby":"main"}}"#
                    .utf8)),
        failure: nil, durationMs: 21)

    static let reset = WebhookExchange(response: nil, failure: .connectionReset, durationMs: 12)

    /// A hostile webhook: escape sequences in a header value and in the JSON body.
    static let hostile = WebhookExchange(
        response: .init(
            status: 200, headers: headers(["Content-Type": "application/json", "X-Evil": "\u{1B}[2J\u{1B}[31mred"]),
            body: Array(#"{"dispatch_action":"accept","room_name":"lobby\u001b[2J\u001b[31m"}"#.utf8)),
        failure: nil, durationMs: 5)

    static func headers(_ pairs: KeyValuePairs<String, String>) -> StringMap {
        var map = StringMap()
        for (key, value) in pairs { map[key] = value }
        return map
    }

    /// Runs the request as the CallRunner would, with `exchange` as the webhook's answer.
    static func result(for request: CallRequest, exchange: WebhookExchange = answer) async -> CallResult {
        let workspace = request.workspace
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
        let context = WebhookContext(
            transport: StubTransport(exchange: exchange), settings: workspace.settings, signer: FixedSigner(), version: "test")
        var rng = SeededGenerator(seed: 7)
        let simulation = await CallSimulator(engine: engine, webhook: context).run(request.call, using: &rng)
        return CallResult(
            runID: request.runID, call: request.call, outcome: simulation.outcome, request: simulation.request,
            exchange: simulation.exchange, durationMs: 25, workspaceRevision: request.workspaceRevision)
    }

    /// The simulator opened on the carrier router rule (dynamic, POST), with its call ready.
    static func openOnDynamicRule(columns: Int = 120, rows: Int = 40) -> AppState {
        let keys: [Key] = [.char("2")] + Array(repeating: .char("j"), count: 5) + [.char("c")]
        return Fixtures.press(keys, on: Fixtures.state(columns: columns, rows: rows)).0
    }

    /// Enter, then the result for the request it asked for.
    static func run(_ state: AppState, exchange: WebhookExchange = answer) async -> (AppState, CallResult) {
        let (running, effects) = App.update(state, .key(.enter))
        guard case .runCall(let request) = effects.last else { fatalError("Enter did not run the call: \(effects)") }
        let result = await result(for: request, exchange: exchange)
        return (App.update(running, .callFinished(result)).0, result)
    }

    static func text(_ lines: [SimulatorContent.Line]) -> String {
        lines.map(\.plainText).joined(separator: "\n")
    }
}
