import Foundation
import SwitchboardApp
import SwitchboardCore
import SwitchboardIO
import TerminalKit
import Testing

/// The TUI on a LiveKit server (issue 17): the header's marker, `p` (the plan first, sent
/// only after `y`), `P` (a pull that asks before dropping local changes), and the refusals
/// that keep unsaved edits safe. Flows through `update`; the effects are asserted as values.
@Suite("Server in the TUI: header, push screen, pull")
struct ServerScreenTests {
    static let link = ServerLink(base: "https://acme.livekit.cloud", directory: "pulled")

    static func state(columns: Int = 120, rows: Int = 40) -> AppState {
        AppState(
            catalog: Fixtures.catalog,
            options: AppOptions(unicode: true, inputPaths: ["pulled/inbound-trunks.json", "pulled/dispatch-rules.json"], server: link),
            size: TerminalSize(columns: columns, rows: rows), mouseEnabled: true)
    }

    /// The server's lists: the fixture's static rules (a server has no dynamic ones), with the
    /// first renamed there (so the files' name is an update to send), or, with `newerThere`,
    /// also changed since the pull.
    static func serverLists(newerThere: Bool = false) -> ServerLists {
        let workspace = Fixtures.catalog.workspace
        var rules = workspace.rules.filter { rule in
            if case .dynamic? = rule.kind { return false }
            return true
        }
        rules[0].name = "Old name on the server"
        if newerThere { rules[0].updatedAt = "2099-01-01T00:00:00Z" }
        return ServerLists(trunks: workspace.trunks, rules: rules)
    }

    static func planned(_ lists: ServerLists) -> PlannedPush {
        PlannedPush(plan: PushPlan(workspace: Fixtures.catalog.workspace, server: lists, record: nil), server: lists, record: nil)
    }

    static func text(_ state: AppState) -> String { Fixtures.screen(state).joined(separator: "\n") }

    @Test("the header names the server instead of the pulled files")
    func header() {
        let top = Fixtures.screen(Self.state())[0].trimmingCharacters(in: .whitespaces)
        #expect(top.hasSuffix("Switchboard · server acme.livekit.cloud"))
        #expect(!top.contains("dispatch-rules.json"))
    }

    @Test("p plans, shows the plan and sends nothing; y sends it; progress, then the outcome and a reload")
    func pushFlow() throws {
        let (opened, effects) = Fixtures.press([.char("p")], on: Self.state())
        #expect(opened.screen == .push)
        guard case .planPush(let request)? = effects.first else {
            Issue.record("expected planPush, got \(effects)")
            return
        }
        #expect(request.recordPath == "pulled/.switchboard-pull.json")
        #expect(Self.text(opened).contains("Fetching the lists on acme.livekit.cloud"))

        let planned = Self.planned(Self.serverLists())
        let rule = Fixtures.catalog.workspace.rules[0]
        #expect(planned.plan.steps.map(\.label) == ["update rule \(rule.id) \"\(rule.name)\""])
        let shown = App.update(opened, .pushPlanned(.success(planned))).0
        let screen = Self.text(shown)
        #expect(screen.contains("y sends this change to acme.livekit.cloud; Esc sends nothing."))
        #expect(screen.contains("update rule \(rule.id)"))
        #expect(screen.contains("name: \"Old name on the server\" → \"\(rule.name)\""))
        #expect(screen.contains("never pushed"), "the fixture's dynamic rules are listed as skipped")

        // Esc would leave without sending; y sends.
        let (sending, sent) = Fixtures.press([.char("y")], on: shown)
        guard case .sendPush(_, let what)? = sent.first, sent.count == 1 else {
            Issue.record("expected one sendPush, got \(sent)")
            return
        }
        #expect(what == planned)
        #expect(Self.text(sending).contains("Sending 0/1…"))
        #expect(Fixtures.press([.char("y")], on: sending).1.isEmpty, "a second y sends nothing more")
        #expect(Fixtures.press([.escape], on: sending).0.screen == .push, "Esc does not leave while sending")

        let progressed = App.update(sending, .pushProgress(done: 1)).0
        #expect(Self.text(progressed).contains("Sending 1/1…"))
        let (finished, reload) = App.update(progressed, .pushFinished(PushRun.Outcome(done: [planned.plan.steps[0].label], total: 1)))
        #expect(reload == [.reload(paths: ["pulled/inbound-trunks.json", "pulled/dispatch-rules.json"])])
        #expect(Self.text(finished).contains("Pushed to acme.livekit.cloud: pushed 1 change."))
        #expect(Fixtures.press([.escape], on: finished).0.screen == .browse)
    }

    @Test("a conflict: the plan says nothing will be sent, and y sends nothing")
    func conflict() {
        let opened = Fixtures.press([.char("p")], on: Self.state()).0
        let shown = App.update(opened, .pushPlanned(.success(Self.planned(Self.serverLists(newerThere: true))))).0
        let screen = Self.text(shown)
        #expect(screen.contains("1 conflict: nothing will be sent."))
        #expect(screen.contains("CONFLICT"))
        #expect(Fixtures.press([.char("y")], on: shown).1.isEmpty)
    }

    @Test("a failed plan is one line, and nothing is sent")
    func planFailed() {
        let opened = Fixtures.press([.char("p")], on: Self.state()).0
        let message = "LiveKit server at https://acme.livekit.cloud is unreachable: connection refused"
        let shown = App.update(opened, .pushPlanned(.failure(ReloadFailure(message)))).0
        #expect(Self.text(shown).contains("No plan: " + message))
        #expect(Fixtures.press([.char("y")], on: shown).1.isEmpty)
    }

    @Test("unsaved edits: p and P refuse and say why; without a server they say how to open one")
    func refusals() {
        var dirty = Self.state()
        dirty = Fixtures.press([.char("2"), .delete, .char("y")], on: dirty).0
        #expect(dirty.edits.isDirty)
        let (push, pushEffects) = Fixtures.press([.char("p")], on: dirty)
        #expect(pushEffects.isEmpty)
        #expect(push.screen == .browse)
        #expect(Self.text(push).contains("Save first (ctrl+s): push sends the saved files"))
        let (pull, pullEffects) = Fixtures.press([.char("P")], on: dirty)
        #expect(pullEffects.isEmpty)
        #expect(Self.text(pull).contains("Save or revert (U) first: a pull rewrites the files"))

        let (files, none) = Fixtures.press([.char("p")], on: Fixtures.state())
        #expect(none.isEmpty)
        #expect(Self.text(files).contains("No server: start with switchboard --server"))
    }

    @Test("P writes the server's lists at once when nothing would be lost, else asks; then reloads")
    func pull() {
        let (asked, effects) = Fixtures.press([.char("P")], on: Self.state())
        guard case .fetchForPull? = effects.first else {
            Issue.record("expected fetchForPull, got \(effects)")
            return
        }
        let lists = Self.serverLists()
        let clean = App.update(asked, .pullFetched(.success(FetchedPull(lists: lists, unpushed: [])))).1
        #expect(clean == [.writePulled(lists)])

        let unpushed = FetchedPull.unpushed(Self.planned(lists).plan)
        #expect(unpushed.first?.hasPrefix("update rule ") == true)
        #expect(unpushed.contains { $0.hasPrefix("dynamic rule ") })
        let (question, none) = App.update(asked, .pullFetched(.success(FetchedPull(lists: lists, unpushed: unpushed))))
        #expect(none.isEmpty)
        #expect(Self.text(question).contains("Pull over local changes"))
        #expect(Fixtures.press([.char("n")], on: question).1.isEmpty)
        #expect(Fixtures.press([.char("y")], on: question).1 == [.writePulled(lists)])

        let (_, reload) = App.update(asked, .pullWritten(.success(["pulled/inbound-trunks.json"])))
        #expect(reload == [.reload(paths: ["pulled/inbound-trunks.json", "pulled/dispatch-rules.json"])])
    }

    @Test("the push screen at 80×24 and the minimum size: the headline stays, long plan lines wrap")
    func narrow() {
        for size in [TerminalSize(columns: 80, rows: 24), ScreenLayout.minimumSize] {
            let opened = Fixtures.press([.char("p")], on: Self.state(columns: size.columns, rows: size.rows)).0
            let shown = App.update(opened, .pushPlanned(.success(Self.planned(Self.serverLists(newerThere: true))))).0
            let rows = Fixtures.screen(shown)
            #expect(rows[2].contains("1 conflict: nothing will be"), "\(size): \(rows[2])")
            #expect(!rows.contains { $0.contains("…") && $0.contains("CONFLICT") }, "\(size): a plan line cut instead of wrapped")
        }
    }
}
