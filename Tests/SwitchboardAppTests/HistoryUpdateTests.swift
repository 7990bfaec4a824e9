import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The run history through `update`: listing, details, re-run, compare, save as scenario.
@Suite("Run history")
struct HistoryUpdateTests {
    /// Carrier router (dynamic): accepted into the lobby by the webhook.
    static let lobbyCall = SimulatedCall(from: "+12025550100", to: "+13105550188", sourceIP: "203.0.113.7", callID: "SCL_lobby")
    /// Front desk (direct rule): no webhook.
    static let deskCall = SimulatedCall(from: "+12025550100", to: "+14155550100", callID: "SCL_desk")

    static func result(_ runID: Int, _ call: SimulatedCall, exchange: WebhookExchange = SimulatorFixtures.answer) async -> CallResult {
        let request = CallRequest(runID: runID, call: call, workspace: Fixtures.catalog.workspace, workspaceRevision: 0)
        return await SimulatorFixtures.result(for: request, exchange: exchange)
    }

    /// A state with runs #1 (lobby, answer), #2 (front desk, answer) and #3 (lobby, the webhook
    /// resets: error), on the history screen.
    static func historyState(columns: Int = 120, rows: Int = 40) async -> AppState {
        var state = Fixtures.state(columns: columns, rows: rows)
        state.history.record(await result(1, lobbyCall))
        state.history.record(await result(2, deskCall))
        state.history.record(await result(3, lobbyCall, exchange: SimulatorFixtures.reset))
        state.simulator.nextRunID = 4
        return Fixtures.press([.char("H")], on: state).0
    }

    @Test("H lists every run newest first; Enter shows one in the simulator's panes; Esc goes back")
    func listAndDetail() async {
        var state = await Self.historyState()
        #expect(state.screen == .history)
        #expect(state.history.screen.selectedRunID == 3)
        let screen = Fixtures.screen(state)
        #expect(screen[1].contains("History · 3 runs"))
        let rows = screen.filter { $0.contains("#1 ") || $0.contains("#2 ") || $0.contains("#3 ") }
        #expect(rows.count == 3)
        #expect(rows[0].contains("#3") && rows[0].contains("error"))
        #expect(rows[1].contains("#2") && rows[1].contains("Front desk") && rows[1].contains("answer"))
        #expect(rows[2].contains("#1") && rows[2].contains("Carrier router"))
        (state, _) = Fixtures.press([.char("j"), .enter], on: state)
        #expect(state.history.screen.mode == .detail(runID: 2))
        #expect(Fixtures.screen(state).joined().contains("Answer → room front-desk"))
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.history.screen.mode == .list)
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.screen == .browse)
    }

    @Test("r runs the selected call again; when the result arrives it is compared with the original")
    func rerun() async {
        var (state, effects) = Fixtures.press([.char("G"), .char("r")], on: await Self.historyState())
        guard case .runCall(let request) = effects.last else {
            Issue.record("expected a .runCall, got \(effects)")
            return
        }
        #expect(request.call == Self.lobbyCall)
        #expect(request.runID == 4)
        #expect(state.history.screen.rerun?.original == 1 && state.history.screen.rerun?.new == 4)
        (state, _) = App.update(state, .callFinished(await Self.result(4, Self.lobbyCall, exchange: SimulatorFixtures.reset)))
        #expect(state.history.count == 4)
        guard case .compare(let comparison) = state.history.screen.mode else {
            Issue.record("expected the comparison to open, got \(state.history.screen.mode)")
            return
        }
        #expect(comparison.left == 1 && comparison.right == 4)
        #expect(comparison.summary.contains("outcome: answer → error"))
    }

    @Test("space marks a run, c compares it with the selected one: summary and changed lines marked")
    func compare() async {
        var (state, _) = Fixtures.press([.char("G"), .char(" "), .char("g"), .char("c")], on: await Self.historyState())
        #expect(state.history.screen.markedRunID == 1)
        guard case .compare(let comparison) = state.history.screen.mode else {
            Issue.record("expected a comparison, got \(state.history.screen.mode)")
            return
        }
        #expect(comparison.left == 1 && comparison.right == 3)
        #expect(comparison.summary.hasPrefix("outcome: answer → error"))
        #expect(comparison.summary.contains("room: dynamic-lobby → none"))
        let outcome = comparison.sections[0]
        #expect(outcome.rows.contains { $0.change != .same && $0.left == "  \"result\": \"ACCEPT\"," })
        #expect(outcome.rows.contains { $0.change != .same && $0.right == "  \"result\": \"ERROR\"," })
        // The request is the same call to the same URL: only the response differs there.
        #expect(comparison.sections[1].changes == 0)
        #expect(comparison.sections[2].changes > 0)
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("Compare #1 ↔ #3"))
        #expect(screen.contains("\n│~ ") || screen.contains("\n│- "))
        // It opens at the first difference; n jumps to the next block of differences.
        let first = state.history.screen.offset
        #expect(first > 0)
        (state, _) = Fixtures.press([.char("n")], on: state)
        #expect(state.history.screen.offset > first)
    }

    @Test("c with nothing marked compares with the run before; with a single run it explains")
    func compareDefaults() async {
        let (state, _) = Fixtures.press([.char("c")], on: await Self.historyState())
        guard case .compare(let comparison) = state.history.screen.mode else {
            Issue.record("expected a comparison")
            return
        }
        #expect(comparison.left == 2 && comparison.right == 3)
        var single = Fixtures.state()
        single.history.record(await Self.result(1, Self.deskCall))
        let (alone, _) = Fixtures.press([.char("H"), .char("c")], on: single)
        #expect(alone.history.screen.mode == .list)
        #expect(alone.toast?.toast.kind == .warning)
    }

    @Test("s saves a run as a scenario: name prompt, read the file, splice, write, toast with the path")
    func saveScenario() async throws {
        var (state, effects) = Fixtures.press([.char("j"), .char("s")], on: await Self.historyState())
        #expect(state.history.screen.prompt?.name.text == "+12025550100 → +14155550100 ACCEPT")
        #expect(state.history.screen.prompt?.path == "samples/scenarios.json")
        (state, effects) = Fixtures.press([.ctrl("u")] + Fixtures.type("Desk") + [.enter], on: state)
        #expect(effects == [.readFile(path: "samples/scenarios.json")])
        let existing = Array(#"{"scenarios": [{"name": "old", "call": {"from": "1", "to": "2"}, "expect": {}}], "note": "kept"}"#.utf8)
        (state, effects) = App.update(state, .fileRead(FileReadResult(path: "samples/scenarios.json", outcome: .success(existing))))
        guard case .writeFile(let write) = effects.first, effects.count == 1 else {
            Issue.record("expected one write, got \(effects)")
            return
        }
        #expect(write.path == "samples/scenarios.json")
        #expect(write.purpose == .saveScenario)
        let scenarios = try ScenarioFileReader.read(SourceDocument(path: write.path, bytes: write.bytes))
        #expect(scenarios.map(\.name) == ["old", "Desk"])
        #expect(scenarios[1].call.from == "+12025550100" && scenarios[1].call.to == "+14155550100")
        #expect(scenarios[1].expect.result == .accept)
        #expect(scenarios[1].expect.ruleId == .value("SDR_FrontDesk2Ab"))
        #expect(scenarios[1].expect.room == .value("front-desk"))
        let text = String(decoding: write.bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"scenarios": [{"name": "old", "call": {"from": "1", "to": "2"}, "expect": {}},"#))
        #expect(text.hasSuffix(#"], "note": "kept"}"#))
        (state, _) = App.update(
            state, .fileWritten(FileWriteResult(path: write.path, purpose: .saveScenario, outcome: .success(write.bytes.count))))
        #expect(state.toast?.toast.kind == .success)
        #expect(state.toast?.toast.message.contains("samples/scenarios.json") == true)
        #expect(state.toast?.toast.message.contains("Desk") == true)
    }

    @Test("a scenario with the same name asks before replacing; no answer writes nothing")
    func sameNameAsks() async throws {
        var (state, _) = Fixtures.press([.char("s"), .ctrl("u")] + Fixtures.type("old") + [.enter], on: await Self.historyState())
        let existing = Array(#"{"scenarios": [{"name": "old", "call": {"from": "1", "to": "2"}, "expect": {}}]}"#.utf8)
        var effects: [Effect]
        (state, effects) = App.update(state, .fileRead(FileReadResult(path: "samples/scenarios.json", outcome: .success(existing))))
        #expect(effects.isEmpty)
        guard case .confirm(let question) = state.overlay else {
            Issue.record("expected a confirmation")
            return
        }
        #expect(question.message.contains("\"old\""))
        #expect(question.message.contains("samples/scenarios.json"))
        let (declined, none) = Fixtures.press([.char("n")], on: state)
        #expect(none.isEmpty && declined.overlay == .none)
        (state, effects) = Fixtures.press([.char("y")], on: state)
        guard case .writeFile(let write) = effects.first else {
            Issue.record("expected a write after yes")
            return
        }
        let scenarios = try ScenarioFileReader.read(SourceDocument(path: write.path, bytes: write.bytes))
        #expect(scenarios.count == 1)
        #expect(scenarios[0].expect.result == .error)
    }

    @Test("a cancelled run cannot be saved; a missing scenarios file is created; a bad one is refused")
    func saveEdges() async throws {
        var state = Fixtures.state()
        state.history.record(CallResult(runID: 1, call: Self.deskCall, ending: .cancelled, durationMs: 900))
        let (cancelled, none) = Fixtures.press([.char("H"), .char("s")], on: state)
        #expect(none.isEmpty && cancelled.history.screen.prompt == nil)
        #expect(cancelled.toast?.toast.kind == .warning)

        var (saving, _) = Fixtures.press([.char("s"), .enter], on: await Self.historyState())
        var effects: [Effect]
        (saving, effects) = App.update(saving, .fileRead(FileReadResult(path: "samples/scenarios.json", outcome: .success(nil))))
        guard case .writeFile(let write) = effects.first else {
            Issue.record("expected a new file")
            return
        }
        #expect(try ScenarioFileReader.read(SourceDocument(path: write.path, bytes: write.bytes)).count == 1)

        (saving, _) = Fixtures.press([.char("s"), .enter], on: saving)
        (saving, effects) = App.update(
            saving, .fileRead(FileReadResult(path: "samples/scenarios.json", outcome: .success(Array("{oops".utf8)))))
        #expect(effects.isEmpty)
        #expect(saving.toast?.toast.kind == .error)
        #expect(saving.toast?.toast.message.contains("samples/scenarios.json:1:2") == true)
    }
}
