import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Golden snapshots of the history list, a comparison, a run's details and the export screen
/// at 120×40, 80×24 and the minimum size, without colour and in 256 colours.
@Suite("History and export snapshots")
struct HistoryExportSnapshotTests {
    static let sizes = [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 80, rows: 24), ScreenLayout.minimumSize]
    static let depths: [ColorDepth] = [.none, .indexed256]

    static func check(_ state: AppState, _ name: String) {
        for depth in depths {
            let theme = Theme.fallback.adapted(to: depth)
            SnapshotAssertion.check(
                SnapshotRenderer(theme: theme).render(App.view(state, size: state.size, theme: theme)),
                named: "\(name)_\(state.size.columns)x\(state.size.rows)_\(ViewSnapshotTests.depthName(depth))")
        }
    }

    @Test("the history list, a run, a comparison and the scenario prompt")
    func history() async {
        for size in Self.sizes {
            let state = await HistoryUpdateTests.historyState(columns: size.columns, rows: size.rows)
            Self.check(state, "history-list")
            Self.check(Fixtures.press([.char("j"), .enter], on: state).0, "history-run")
            Self.check(Fixtures.press([.char("G"), .char(" "), .char("g"), .char("c")], on: state).0, "history-compare")
            Self.check(Fixtures.press([.char("s")], on: state).0, "history-save")
        }
        Self.check(Fixtures.press([.char("H")], on: Fixtures.state(columns: 80, rows: 24)).0, "history-empty")
    }

    @Test("the export screen: project format, lk-create with warnings, an error line")
    func export() {
        for size in Self.sizes {
            let state = ExportUpdateTests.opened(columns: size.columns, rows: size.rows)
            Self.check(state, "export-project")
            Self.check(Fixtures.press([.tab], on: state).0, "export-lk-create")
            var failed = Fixtures.press([.enter], on: state).0
            failed =
                App.update(
                    failed,
                    .fileWritten(
                        FileWriteResult(
                            path: "samples/project-export.json", purpose: .export, outcome: .failure(.failed("Permission denied"))))
                ).0
            failed.toast = nil
            Self.check(failed, "export-error")
        }
    }
}
