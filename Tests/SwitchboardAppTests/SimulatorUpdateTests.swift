import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The call simulator's flows through `update`: run, result, cancel, spinner, copy, saved calls.
@Suite("Simulator update")
struct SimulatorUpdateTests {
    @Test("c on the dynamic rule opens the simulator with a call that rule takes")
    func opensPrefilled() {
        let state = SimulatorFixtures.openOnDynamicRule()
        #expect(state.screen == .simulator)
        #expect(state.keyContext == .simulator)
        let spec = state.simulator.form.spec
        // The carrier trunk is a default trunk that only takes calls from its allowed network.
        var rng = SeededGenerator(seed: 1)
        let engine = RoutingEngine(index: RoutingIndex(workspace: state.workspace), mode: state.workspace.settings.mode)
        let outcome = engine.run(SimulatedCall(spec, using: &rng), using: &rng)
        #expect(outcome.trunk?.id == "ST_CarrDef8mZ3q")
        #expect(outcome.rule?.id == state.selectedRule?.id)
        #expect(spec.sourceIp.hasPrefix("203.0.113."))
        let screen = Fixtures.screen(state).joined(separator: "\n")
        #expect(screen.contains("Source IP") && screen.contains(spec.sourceIp))
        #expect(screen.contains("enter run the call"))
    }

    @Test("Enter runs the form's call against the workspace as it is now, and shows a spinner")
    func enterRuns() {
        var state = SimulatorFixtures.openOnDynamicRule()
        state.simulator.form.editFocused { $0.insert("9") }
        let (running, effects) = App.update(state, .key(.enter))
        guard case .runCall(let request) = effects.first, effects.count == 1 else {
            Issue.record("expected one runCall, got \(effects)")
            return
        }
        #expect(request.call.from == state.simulator.form.spec.from)
        #expect(request.call.from.hasSuffix("9"))
        #expect(request.call.to == state.simulator.form.spec.to)
        #expect(request.call.callID.hasPrefix("SCL_"))
        #expect(request.workspaceRevision == state.workspaceRevision)
        #expect(request.workspace.rules.map(\.id) == state.workspace.rules.map(\.id))
        #expect(running.simulator.isRunning)
        #expect(running.keyContext == .simulatorRunning)
        let screen = Fixtures.screen(running).joined(separator: "\n")
        #expect(screen.contains("calling… 0.0 s"))
        #expect(screen.contains("esc cancel the call"))
    }

    @Test("the spinner and elapsed time advance with ticks")
    func spinnerAdvances() {
        let start = App.update(App.update(SimulatorFixtures.openOnDynamicRule(), .tick(milliseconds: 1000)).0, .key(.enter)).0
        let later = App.update(start, .tick(milliseconds: 2200)).0
        let before = Fixtures.screen(start).joined(separator: "\n")
        let after = Fixtures.screen(later).joined(separator: "\n")
        #expect(before.contains("⠋ calling… 0.0 s"))
        #expect(after.contains("⠹ calling… 1.2 s"), "12 frames of 100 ms later")
    }

    @Test("a finished run fills the three panes, records the run and takes the keyboard")
    func finishedShowsPanes() async {
        let (state, result) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule())
        #expect(state.simulator.result == result)
        #expect(state.keyContext == .simulatorResult)
        #expect(state.history.count == 1)
        let content = try! #require(state.simulator.content)
        let request = SimulatorFixtures.text(content.request)
        #expect(request.contains("POST http://127.0.0.1:8089/dispatch"))
        #expect(request.contains("Authorization"))
        #expect(request.contains(#"header  {"alg":"HS256","typ":"JWT"}"#))
        #expect(request.contains(#""iss":"APIsbDemo4Key""#))
        #expect(!request.contains("demo-secret"), "the API secret never appears")
        #expect(request.contains(#""call_id": ""#) || request.contains(#""callId": ""#))
        let response = SimulatorFixtures.text(content.response)
        #expect(response.contains("HTTP 200 OK"))
        #expect(response.contains(#""room_name": "dynamic-lobby""#))
        #expect(content.responseNote == "200 OK · 121 B · 21 ms")
        let outcome = SimulatorFixtures.text(content.outcome)
        #expect(outcome.hasPrefix("Answer → room dynamic-lobby as "))
        #expect(outcome.contains("result") && outcome.contains("ACCEPT — SIP 200 OK"))
        #expect(outcome.contains("Trace (every trunk and rule, and why)"))
        #expect(outcome.contains("SDR_DynRouter8Hk"))
    }

    @Test("Esc while running cancels at once; the late result of that run is ignored")
    func escCancels() async {
        let opened = App.update(SimulatorFixtures.openOnDynamicRule(), .tick(milliseconds: 500)).0
        let (running, runEffects) = App.update(opened, .key(.enter))
        guard case .runCall(let request) = runEffects.first else {
            Issue.record("no runCall")
            return
        }
        let ticked = App.update(running, .tick(milliseconds: 1700)).0
        let (cancelled, effects) = App.update(ticked, .key(.escape))
        #expect(effects == [.cancelCall(runID: request.runID)])
        #expect(!cancelled.simulator.isRunning)
        #expect(cancelled.simulator.result?.ending == .cancelled)
        #expect(cancelled.simulator.result?.durationMs == 1200)
        #expect(cancelled.history.count == 1)
        #expect(cancelled.screen == .simulator, "Esc cancels the call, it does not leave the simulator")
        let screen = Fixtures.screen(cancelled).joined(separator: "\n")
        #expect(screen.contains("Cancelled after 1.2 s"))

        let late = await SimulatorFixtures.result(for: request)
        let (after, lateEffects) = App.update(cancelled, .callFinished(late))
        #expect(lateEffects.isEmpty)
        #expect(after.simulator.result?.ending == .cancelled, "the late result does not replace the cancel")
        #expect(after.history.count == 1, "the late result is not recorded twice")
    }

    @Test("copy keys: C copies the request as curl, y on the outcome pane the simulate --json JSON")
    func copyKeys() async {
        let (state, result) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule())
        let request = try! #require(result.request)
        let (curled, curlEffects) = App.update(state, .key(.char("C")))
        #expect(curlEffects == [.copyToClipboard(CurlCommand.make(request))])
        #expect(curlEffects.description.contains("--data-raw"))
        #expect(curled.toast?.toast.message.hasPrefix("Copied the request as curl (") == true)

        let (_, jsonEffects) = Fixtures.press([.char("3"), .char("y")], on: state)
        let outcome = try! #require(result.outcome)
        #expect(jsonEffects == [.copyToClipboard(JSONWriter.string(outcome.json))])

        let (bodyState, bodyEffects) = Fixtures.press([.char("2"), .char("y")], on: state)
        #expect(bodyEffects == [.copyToClipboard(String(decoding: SimulatorFixtures.answer.response!.body, as: UTF8.self))])
        #expect(bodyState.toast?.toast.message == "Copied the response body (121 B) to the clipboard")
    }

    @Test("the saved-call picker fills the form")
    func savedCallPicker() {
        let state = SimulatorFixtures.openOnDynamicRule()
        let (picking, _) = App.update(state, .key(.ctrl("o")))
        #expect(picking.keyContext == .simulatorPicker)
        #expect(Fixtures.screen(picking).joined(separator: "\n").contains("Webhook rejects (busy)"))
        let (filled, _) = Fixtures.press([.char("j"), .char("j"), .char("j"), .enter], on: picking)
        #expect(filled.keyContext == .simulator)
        let spec = filled.simulator.form.spec
        #expect(spec.name == "Webhook rejects (busy)")
        #expect(spec.from == "+12025550111")
        #expect(spec.to == "+13105550188")
        #expect(spec.sourceIp == "203.0.113.7")
        #expect(Fixtures.screen(filled).joined(separator: "\n").contains("Webhook rejects (busy)"))
    }

    @Test("a static rule: the request pane says no webhook is called, and why")
    func staticRule() async {
        let opened = Fixtures.press([.char("c"), .ctrl("o"), .enter], on: Fixtures.state()).0
        #expect(opened.simulator.form.spec.name == "Front desk call")
        let (state, result) = await SimulatorFixtures.run(opened)
        #expect(result.request == nil)
        let request = SimulatorFixtures.text(state.simulator.content?.request ?? [])
        #expect(request.contains("No webhook is called."))
        #expect(request.contains(#"Rule SDR_FrontDesk2Ab "Front desk" is a direct rule"#))
        let outcome = SimulatorFixtures.text(state.simulator.content?.outcome ?? [])
        #expect(outcome.hasPrefix("Answer → room front-desk as "))
        let (_, effects) = App.update(state, .key(.char("C")))
        #expect(effects.isEmpty, "nothing to copy as curl without a request")
    }

    @Test("escape sequences from the webhook are shown escaped and never reach the screen raw")
    func hostileWebhook() async {
        let (state, _) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule(), exchange: SimulatorFixtures.hostile)
        let response = SimulatorFixtures.text(state.simulator.content?.response ?? [])
        #expect(response.contains(#"\x1b[2J\x1b[31mred"#))
        #expect(response.contains(#"lobby\u001b[2J\u001b[31m"#))
        for pane in SimulatorState.Pane.allCases {
            let text = SimulatorFixtures.text(state.simulator.content?.lines(pane) ?? [])
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B }, "raw ESC in the \(pane) pane")
        }
        let screen = Fixtures.screen(App.update(state, .key(.char("2"))).0)
        #expect(!screen.joined().unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test("a fault says what happened in words")
    func fault() async {
        let (state, _) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule(), exchange: SimulatorFixtures.reset)
        let content = try! #require(state.simulator.content)
        #expect(SimulatorFixtures.text(content.response).hasPrefix("connection reset after 12 ms"))
        #expect(content.responseNote == "reset · 12 ms")
        #expect(SimulatorFixtures.text(content.outcome).hasPrefix("Error: "))
    }

    @Test("a PIN with letters keeps the call from running and says why")
    func invalidPin() {
        var state = SimulatorFixtures.openOnDynamicRule()
        state.simulator.form.pin = TextFieldState("12a")
        let (next, effects) = App.update(state, .key(.enter))
        #expect(effects.isEmpty)
        #expect(next.simulator.form.focused == .pin)
        #expect(Fixtures.screen(next).joined(separator: "\n").contains("digits only"))
    }

    @Test("the form keeps its values when leaving and coming back")
    func keepsValues() {
        var state = SimulatorFixtures.openOnDynamicRule()
        state.simulator.form.editFocused { $0.insert("7") }
        let typed = state.simulator.form.spec.from
        let (back, _) = Fixtures.press([.escape, .char("1"), .char("c")], on: state)
        #expect(back.screen == .simulator)
        #expect(back.simulator.form.spec.from == typed)
    }

    @Test("scrolling a pane stops at its last row")
    func scrolling() async {
        let (state, _) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule(columns: 80, rows: 24))
        let (bottom, _) = Fixtures.press([.char("1"), .char("G")], on: state)
        let offset = bottom.simulator.offset(.request)
        #expect(offset > 0)
        let (further, _) = App.update(bottom, .key(.char("j")))
        #expect(further.simulator.offset(.request) == offset)
        let (top, _) = App.update(further, .key(.char("g")))
        #expect(top.simulator.offset(.request) == 0)
    }

    @Test("a huge body is cut for display into short lines; the copy keeps all of it")
    func hugeBody() async {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 1_048_576)
        let huge = WebhookExchange(
            response: .init(status: 200, headers: StringMap(), body: body), failure: .responseTooLarge(limit: 1_048_576),
            durationMs: 30)
        let (state, _) = await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule(), exchange: huge)
        let lines = state.simulator.content?.response ?? []
        #expect(lines.allSatisfy { $0.plainText.count <= 512 }, "no line long enough to stall a frame")
        #expect(lines.last?.plainText == "… cut at 65.5 kB for display; y copies all 1.0 MB")
        let (_, effects) = Fixtures.press([.char("2"), .char("y")], on: state)
        #expect(effects == [.copyToClipboard(String(repeating: "x", count: 1_048_576))])
    }
}
