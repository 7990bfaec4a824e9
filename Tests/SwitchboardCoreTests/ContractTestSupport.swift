import Testing

@testable import SwitchboardCore

/// A project with one trunk (REQUIRE encryption, Krisp off) and one dynamic rule on it, whose
/// own attributes and metadata let tests see what a webhook answer overrides.
enum ContractFixture {
    static let trunk = #"""
        {"sipTrunkId": "ST_ContractTrk1", "name": "Carrier", "numbers": ["+15550100"],
         "media": {"encryption": "SIP_MEDIA_ENCRYPT_REQUIRE"}}
        """#

    static func rule(url: String = "https://hooks.example.net/sip", method: String = "POST") -> String {
        #"""
        {"sipDispatchRuleId": "SDR_ContractDyn1", "name": "Router", "trunkIds": ["ST_ContractTrk1"],
         "metadata": "rule-metadata", "attributes": {"team": "rule", "sip.callID": "user-value"},
         "rule": {"dispatchRuleDynamic": {"url": "\#(url)", "method": "\#(method)"}}}
        """#
    }

    static func pending(
        url: String = "https://hooks.example.net/sip", method: String = "POST", call: SimulatedCall = testCall()
    ) throws -> PendingDynamicCall {
        let step = try begin(project(trunks: [trunk], rules: [rule(url: url, method: method)]), call)
        guard case .needsWebhook(let pending) = step else {
            Issue.record("expected the dynamic rule to be chosen, got \(step)")
            throw FixtureError.notDynamic
        }
        return pending
    }

    enum FixtureError: Error { case notDynamic }

    static func exchange(status: Int = 200, body: String) -> WebhookExchange {
        WebhookExchange(
            response: WebhookExchange.Response(status: status, headers: ["Content-Type": "application/json"], body: Array(body.utf8)),
            failure: nil, durationMs: 1.5)
    }

    /// Resolves `body` (answered with `status`) for a pending call, as the simulator would.
    static func resolve(
        _ body: String, status: Int = 200, call: SimulatedCall = testCall(), url: String = "https://hooks.example.net/sip",
        method: String = "POST", payload: ProjectSettings.Payload = .livekit
    ) throws -> CallOutcome {
        let pending = try pending(url: url, method: method, call: call)
        let context = WebhookContext(transport: UnusedTransport(), limits: WebhookLimits(), payload: payload, version: "test")
        var rng = SeededGenerator(seed: 1)
        return WebhookResolution.resolve(
            pending, request: context.request(for: pending), exchange: exchange(status: status, body: body), payload: payload,
            using: &rng)
    }

    static func read(_ body: String, status: Int = 200) -> Result<WebhookReply, WebhookReplyError> {
        WebhookReplyReader.read(status: status, body: Array(body.utf8))
    }
}

/// Resolution tests hand the exchange in directly; nothing may send.
struct UnusedTransport: WebhookTransport {
    func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange {
        Issue.record("UnusedTransport.send called")
        return WebhookExchange(response: nil, failure: .other("unused"), durationMs: 0)
    }
}

/// Signs with a fixed string, so request tests see exactly where the header goes.
struct FixedSigner: WebhookSigner {
    func authorization(forBody body: [UInt8]) -> String { "token-for-\(body.count)-bytes" }
}
