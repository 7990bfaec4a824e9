import Foundation
import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// The Live calls screen (issue 16) through `update`: `L` starts the endpoint once, call events
/// become rows and history runs, Enter opens a call's panes and Esc comes back, an edit hands
/// the endpoint the new workspace, and a call arriving elsewhere is announced.
@Suite("Live calls in the TUI")
struct LiveCallsTests {
    static func simulation(from: String, to: String, workspace: Workspace = Fixtures.catalog.workspace) -> CallSimulation {
        let engine = RoutingEngine(index: RoutingIndex(workspace: workspace), mode: workspace.settings.mode)
        var rng = SeededGenerator(seed: 7)
        var spec = CallSpec(from: from, to: to)
        spec.sipCallId = "call-1"
        switch engine.begin(SimulatedCall(spec, using: &rng), using: &rng) {
        case .finished(let outcome): return CallSimulation(outcome: outcome)
        case .needsWebhook(let pending): return CallSimulation(outcome: pending.finishWithoutWebhook())
        }
    }

    static func event(_ kind: LiveCallEvent.Kind = .invite, id: String = "call-1", simulation: CallSimulation?) -> LiveCallEvent {
        LiveCallEvent(
            kind: kind, sipCallID: id, source: "127.0.0.1:5062/udp", from: "+12025550100", to: "+14155550123",
            sent: [100, 180, 200], finalStatus: 200, finalReason: "OK", endReason: kind == .bye ? "the caller hung up" : nil,
            milliseconds: 3.5, simulation: simulation)
    }

    static func text(_ state: AppState) -> String { Fixtures.screen(state).joined(separator: "\n") }

    @Test("L starts the endpoint once, on the workspace as it is, and shows where it listens")
    func startsOnce() throws {
        var (state, effects) = Fixtures.press([.char("L")], on: Fixtures.state())
        #expect(state.screen == .live)
        #expect(effects == [.startLiveCalls(state.workspace)])
        #expect(Self.text(state).contains("Starting the SIP endpoint"))
        (state, _) = App.update(state, .liveCallsStarted(.success(["sip:127.0.0.1:5060;transport=udp"])))
        #expect(Self.text(state).contains("Listening on sip:127.0.0.1:5060;transport=udp"))
        let number = try #require(state.workspace.trunks.first?.numbers.first)
        #expect(Self.text(state).contains("sipp -sn uac -m 1 -s \(number) 127.0.0.1:5060"), "a number of the workspace's")
        (state, effects) = Fixtures.press([.escape, .char("L")], on: state)
        #expect(effects.isEmpty, "already listening: nothing started again")
    }

    @Test("a failure to listen is shown, and L tries again")
    func failureRetries() {
        var (state, _) = Fixtures.press([.char("L")], on: Fixtures.state())
        (state, _) = App.update(state, .liveCallsStarted(.failure(ReloadFailure("Address already in use (errno: 98)"))))
        #expect(Self.text(state).contains("could not start: Address already in use"))
        let (_, effects) = Fixtures.press([.escape, .char("L")], on: state)
        #expect(effects.count == 1)
    }

    @Test("a call becomes a row and a history run; Enter opens its panes, Esc returns to the calls")
    func callRowsAndPanes() throws {
        var (state, _) = Fixtures.press([.char("L")], on: Fixtures.state())
        (state, _) = App.update(state, .liveCallsStarted(.success(["sip:127.0.0.1:5060;transport=udp"])))
        let simulation = Self.simulation(from: "+12025550100", to: "+12125550143")
        let room = try #require(simulation.outcome.room)
        (state, _) = App.update(state, .liveCall(Self.event(simulation: simulation)))
        (state, _) = App.update(state, .liveCall(Self.event(.bye, simulation: simulation)))
        let screen = Self.text(state)
        #expect(screen.contains("Live calls · 1 call"))
        #expect(screen.contains("+12025550100 → +14155550123"))
        #expect(screen.contains("ended"))
        #expect(screen.contains("\(simulation.outcome.result.rawValue) \(room.prefix(8))"))
        #expect(state.history.count == 1, "the call is a run of the history")

        (state, _) = Fixtures.press([.enter], on: state)
        #expect(state.screen == .history)
        #expect(Self.text(state).contains("Outcome"))
        (state, _) = Fixtures.press([.escape], on: state)
        #expect(state.screen == .live)
    }

    @Test("a call refused before routing (a challenge) is listed but has no panes to open")
    func challengeHasNoPanes() {
        var (state, _) = Fixtures.press([.char("L")], on: Fixtures.state())
        var event = Self.event(simulation: nil)
        event.sent = [100, 407]
        event.finalStatus = 407
        event.finalReason = "Proxy Authentication Required"
        event.authentication = "challenged"
        (state, _) = App.update(state, .liveCall(event))
        #expect(Self.text(state).contains("407 Proxy"))
        (state, _) = Fixtures.press([.enter], on: state)
        #expect(state.screen == .live)
        #expect(state.toast != nil)
        #expect(state.history.isEmpty)
    }

    @Test("an edit hands the listening endpoint the new workspace, once per revision")
    func editRoutesNewWorkspace() {
        var (state, _) = Fixtures.press([.char("L")], on: Fixtures.state())
        (state, _) = App.update(state, .liveCallsStarted(.success(["sip:127.0.0.1:5060;transport=udp"])))
        (state, _) = Fixtures.press([.escape, .char("2")], on: state)
        let (edited, effects) = Fixtures.press([.delete, .char("y")], on: state)
        #expect(edited.workspace.rules.count == state.workspace.rules.count - 1, "the rule was deleted")
        let routes = effects.filter { if case .routeLiveCalls = $0 { return true } else { return false } }
        #expect(routes == [.routeLiveCalls(edited.workspace)])
        let (_, more) = App.update(edited, .tick(milliseconds: 100))
        #expect(!more.contains { if case .routeLiveCalls = $0 { return true } else { return false } })
    }

    @Test("a call while another screen is open is announced in a toast")
    func toastElsewhere() {
        var (state, _) = Fixtures.press([.char("L"), .escape], on: Fixtures.state())
        #expect(state.screen == .browse)
        (state, _) = App.update(state, .liveCall(Self.event(simulation: Self.simulation(from: "+12025550100", to: "+12125550143"))))
        #expect(Self.text(state).contains("Live call (L): +12025550100"), "\(Self.text(state))")
    }

    @Test("what the endpoint could not read is counted on the screen, with the latest line")
    func problemsShown() {
        var (state, _) = Fixtures.press([.char("L")], on: Fixtures.state())
        (state, _) = App.update(state, .liveCallsStarted(.success(["sip:127.0.0.1:5060;transport=udp"])))
        (state, _) = App.update(state, .liveCallsProblem("127.0.0.1:9/udp: malformed message: no empty line after the headers"))
        (state, _) = App.update(state, .liveCallsProblem("127.0.0.1:9/udp: malformed message: bad status line: SIP/2.0 99"))
        let screen = Self.text(state)
        #expect(screen.contains("2 problems reported; latest: 127.0.0.1:9/udp: malformed message: bad status line"))
        #expect(screen.contains("No calls yet"), "the hint still shows below")
    }
}
