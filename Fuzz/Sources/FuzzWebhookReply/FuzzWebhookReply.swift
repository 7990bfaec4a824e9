import SwitchboardCore

/// The webhook response parser and resolution: arbitrary bytes as the body a webhook sent,
/// read by `WebhookReplyReader`, resolved into a call outcome (pin handling, transfer targets,
/// compatibility notes) and rendered as `simulate` shows it, human and JSON.
///
/// The first byte picks the status, the method and whether the call carried a pin; the rest is
/// the body.
private struct NoTransport: WebhookTransport {
    func send(_ request: WebhookRequest, limits: WebhookLimits) async -> WebhookExchange {
        WebhookExchange(response: nil, failure: .other("not used"), durationMs: 0)
    }
}

private let project = #"""
    {"trunks": [{"sipTrunkId": "ST_FuzzTrunk01", "name": "Carrier", "numbers": ["+15550100"]}],
     "dispatchRules": [
       {"sipDispatchRuleId": "SDR_FuzzPost01", "name": "Post", "trunkIds": ["ST_FuzzTrunk01"], "inboundNumbers": ["+15551234"],
        "metadata": "m", "attributes": {"team": "rule"}, "hidePhoneNumber": true,
        "rule": {"dispatchRuleDynamic": {"url": "https://router.example.net/sip?x=1", "method": "POST"}}},
       {"sipDispatchRuleId": "SDR_FuzzGet001", "name": "Get", "trunkIds": ["ST_FuzzTrunk01"],
        "rule": {"dispatchRuleDynamic": {"url": "http://router.example.net/sip", "method": "GET"}}}]}
    """#

private func pending(from caller: String, pin: String) -> PendingDynamicCall {
    var rng = SeededGenerator(seed: 7)
    let workspace = try! WorkspaceLoader.load([SourceDocument(path: "p.json", bytes: Array(project.utf8))], using: &rng)
    let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: .oss)
    let call = SimulatedCall(from: caller, to: "+15550100", callID: "SCL_FuzzCall0001", pin: pin)
    guard case .needsWebhook(let pending) = engine.begin(call, using: &rng) else { fatalError("the fuzz project has no dynamic rule") }
    return pending
}

// Built once: the routing is not what this target fuzzes.
private let pendings = [
    pending(from: "+15551234", pin: ""), pending(from: "+15551234", pin: "1234"),
    pending(from: "+15559999", pin: ""), pending(from: "+15559999", pin: "42"),
]
// The request each (call, payload shape) sends, also built once: signing it is not what this
// target fuzzes, and it was a fifth of each input's time.
private let requests: [[WebhookRequest]] = pendings.map { call in
    [ProjectSettings.Payload.livekit, .extended].map { payload in
        WebhookContext(transport: NoTransport(), limits: WebhookLimits(), payload: payload, version: "fuzz").request(for: call)
    }
}
private let statuses = [200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 204, 301, 302, 404, 500]

public func fuzzWebhookReply(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let selector = Int(data[0])
    let body = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let call = pendings[selector >> 6]
    let payload: ProjectSettings.Payload = selector & 0x20 == 0 ? .livekit : .extended
    let request = requests[selector >> 6][selector & 0x20 == 0 ? 0 : 1]
    var headers = StringMap()
    headers["Content-Type"] = "application/json"
    if selector & 0x10 != 0 { headers["Location"] = String(decoding: body.prefix(64), as: UTF8.self) }
    let exchange = WebhookExchange(
        response: .init(status: statuses[selector & 0x0F], headers: headers, body: body), failure: nil, durationMs: 1.5)

    _ = WebhookReplyReader.read(status: 200, body: body)
    var rng = SeededGenerator(seed: 11)
    let outcome = WebhookResolution.resolve(call, request: request, exchange: exchange, payload: payload, using: &rng)
    _ = JSONWriter.bytes(outcome.json)
    _ = SimulationReport(outcome).text(explain: true)
    return 0
}
