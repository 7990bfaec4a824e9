import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Golden snapshots of the edit form: a dynamic rule (with its http:// warning), a direct rule
/// and a trunk (password masked), at 120×40 (side panel), 80×24 and the minimum size (help
/// under the field).
@Suite("Form snapshots")
struct FormSnapshotTests {
    enum Form: String, CaseIterable {
        case dynamicRule = "form-dynamic-rule"
        case directRule = "form-direct-rule"
        case trunk = "form-trunk"
        case errors = "form-dynamic-errors"
    }

    static let sizes = [TerminalSize(columns: 120, rows: 40), TerminalSize(columns: 80, rows: 24), ScreenLayout.minimumSize]

    static func state(_ form: Form, size: TerminalSize) -> AppState {
        let initial = Fixtures.state(columns: size.columns, rows: size.rows)
        switch form {
        case .dynamicRule:
            return FormTests.press([.char("e")], FormTests.onRule("SDR_DynRouter8Hk", initial))
        case .directRule:
            return FormTests.press([.char("e")], FormTests.onRule("SDR_FrontDesk2Ab", initial))
        case .trunk:
            let state = FormTests.press([.char("e")], FormTests.onTrunk("ST_PartnrPbx5W6", initial))
            return FormTests.focus(.authPassword, state)
        case .errors:
            // An empty URL (an error) and the method picker open over the form.
            var state = FormTests.press([.char("e")], FormTests.onRule("SDR_DynGetRtr3Qz", initial))
            state = FormTests.press([.ctrl("u"), .tab, .enter], state)
            return state
        }
    }

    @Test("each form and size matches its snapshot", arguments: Form.allCases)
    func snapshots(_ form: Form) {
        for size in Self.sizes {
            let state = Self.state(form, size: size)
            #expect(state.screen == .form)
            for depth in [ColorDepth.none, .indexed256] {
                let theme = Theme.fallback.adapted(to: depth)
                SnapshotAssertion.check(
                    SnapshotRenderer(theme: theme).render(App.view(state, size: size, theme: theme)),
                    named: "\(form.rawValue)_\(size.columns)x\(size.rows)_\(ViewSnapshotTests.depthName(depth))")
            }
        }
    }
}
