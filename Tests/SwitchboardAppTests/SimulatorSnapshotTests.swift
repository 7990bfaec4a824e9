import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Golden screens of the call simulator: an answer side by side (160×40) and as tabs (120×40,
/// 80×24, 60×16), a call in flight with its spinner, and a fault.
@Suite("Simulator snapshots")
struct SimulatorSnapshotTests {
    static func render(_ state: AppState, depth: ColorDepth = .none) -> String {
        let theme = Theme.fallback.adapted(to: depth)
        return SnapshotRenderer(theme: theme).render(App.view(state, size: state.size, theme: theme))
    }

    static func answered(columns: Int, rows: Int, exchange: WebhookExchange = SimulatorFixtures.answer) async -> AppState {
        await SimulatorFixtures.run(SimulatorFixtures.openOnDynamicRule(columns: columns, rows: rows), exchange: exchange).0
    }

    @Test("an answer: side by side at 160×40, tabs at 120×40, 80×24 and 60×16")
    func answer() async {
        let wide = await Self.answered(columns: 160, rows: 40)
        SnapshotAssertion.check(Self.render(wide), named: "simulator-answer_160x40_mono")
        SnapshotAssertion.check(Self.render(wide, depth: .indexed256), named: "simulator-answer_160x40_256")
        let text = Fixtures.screen(wide).joined(separator: "\n")
        #expect(text.contains("1 Request") && text.contains("2 Response") && text.contains("3 Outcome"))
        for (columns, rows) in [(120, 40), (80, 24), (60, 16)] {
            let state = await Self.answered(columns: columns, rows: rows)
            SnapshotAssertion.check(Self.render(state), named: "simulator-answer_\(columns)x\(rows)_mono")
            let (request, _) = App.update(state, .key(.char("1")))
            SnapshotAssertion.check(Self.render(request), named: "simulator-request_\(columns)x\(rows)_mono")
        }
    }

    @Test("the form before any run, at 120×40 and 80×24")
    func form() {
        for (columns, rows) in [(120, 40), (80, 24)] {
            let state = SimulatorFixtures.openOnDynamicRule(columns: columns, rows: rows)
            SnapshotAssertion.check(Self.render(state), named: "simulator-form_\(columns)x\(rows)_mono")
        }
    }

    @Test("a call in flight: spinner with elapsed time, Esc cancels")
    func running() {
        let opened = App.update(SimulatorFixtures.openOnDynamicRule(), .tick(milliseconds: 10_000)).0
        let running = App.update(App.update(opened, .key(.enter)).0, .tick(milliseconds: 11_300)).0
        SnapshotAssertion.check(Self.render(running), named: "simulator-running_120x40_mono")
        SnapshotAssertion.check(Self.render(running, depth: .ansi16), named: "simulator-running_120x40_16")
    }

    @Test("a fault: the response pane says what happened")
    func fault() async {
        let state = await Self.answered(columns: 120, rows: 40, exchange: SimulatorFixtures.reset)
        let (response, _) = App.update(state, .key(.char("2")))
        SnapshotAssertion.check(Self.render(response), named: "simulator-fault_120x40_mono")
        SnapshotAssertion.check(Self.render(response, depth: .indexed256), named: "simulator-fault_120x40_256")
    }
}
