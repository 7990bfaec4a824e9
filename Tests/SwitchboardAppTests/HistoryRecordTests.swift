import SwitchboardApp
import SwitchboardCore
import Testing

@Suite("Run history storage")
struct HistoryRecordTests {
    static func entry(_ id: Int, body: String? = nil) -> RunEntry {
        let call = SimulatedCall(from: "+1202555\(1000 + id % 9000)", to: "+14155550100", callID: "SCL_\(id)")
        var outcome = CallOutcome(call: call, result: .accept, room: "room-\(id)", sip: .init(status: 200, reason: "OK"))
        var exchange: WebhookExchange?
        if let body {
            outcome.webhook = WebhookRecord(
                request: .init(method: "POST", url: "http://127.0.0.1:8089/dispatch", headers: StringMap(), body: "{}"),
                response: .init(status: 200, headers: StringMap(), body: body, durationMs: 3))
            exchange = WebhookExchange(
                response: .init(status: 200, headers: StringMap(), body: Array(body.utf8)), failure: nil, durationMs: 3)
        }
        return RunEntry(CallResult(runID: id, call: call, outcome: outcome, exchange: exchange, durationMs: 3))
    }

    @Test("runs are listed newest first and found by run ID")
    func newestFirst() {
        var history = RunHistory()
        for id in 1...3 { history.append(Self.entry(id)) }
        #expect(history.newestFirst.map(\.runID) == [3, 2, 1])
        #expect(history.entry(runID: 2)?.outcome?.room == "room-2")
        #expect(history.entry(runID: 9) == nil)
    }

    @Test("the history holds 10,000 runs and then drops the oldest, counting them")
    func capsAtTenThousand() {
        var history = RunHistory()
        for id in 1...10_250 { history.append(Self.entry(id)) }
        #expect(history.count == 10_000)
        #expect(history.dropped == 250)
        #expect(history.newest(0).runID == 10_250)
        #expect(history.newest(9_999).runID == 251)
        #expect(history.entry(runID: 250) == nil)
        #expect(history.position(ofRunID: 5_000) == 5_250)
    }

    @Test("a huge response body is cut when kept, and the cut is marked")
    func compactsBodies() {
        var history = RunHistory()
        history.append(Self.entry(1, body: String(repeating: "x", count: RunHistory.bodyLimit + 10)))
        let kept = history.newest(0).outcome?.webhook?.response?.body ?? ""
        #expect(kept.hasPrefix(String(repeating: "x", count: RunHistory.bodyLimit)))
        #expect(kept.hasSuffix("(10 more bytes not kept in the history)"))
        let raw = history.newest(0).result.exchange?.response?.body ?? []
        #expect(raw.count < RunHistory.bodyLimit + 100)
    }
}
