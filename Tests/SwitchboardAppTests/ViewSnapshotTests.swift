import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Golden text snapshots of every screen at 80×24, 120×40 and the minimum size, without colour
/// and in 16 and 256 colours, with styled runs listed after the text (TerminalKit's
/// ``SnapshotRenderer``). Files live in `__Snapshots__/`.
@Suite("View snapshots")
struct ViewSnapshotTests {
    enum Screen: String, CaseIterable {
        case trunks
        case rulesDynamic = "rules-dynamic"
        case help
        case palette
        case filter
    }

    static let sizes = [TerminalSize(columns: 80, rows: 24), TerminalSize(columns: 120, rows: 40), ScreenLayout.minimumSize]
    static let depths: [ColorDepth] = [.none, .ansi16, .indexed256]

    static func keys(for screen: Screen) -> [Key] {
        switch screen {
        case .trunks: return []
        // SDR_DynRouter8Hk, the sixth rule: a dynamic POST rule on the carrier trunk.
        case .rulesDynamic: return [.char("2")] + Array(repeating: .char("j"), count: 5)
        case .help: return [.char("?")]
        case .palette: return [.char(":")] + Fixtures.type("ru")
        case .filter: return [.char("2"), .char("/")] + Fixtures.type("desk")
        }
    }

    static func depthName(_ depth: ColorDepth) -> String {
        switch depth {
        case .none: return "mono"
        case .ansi16: return "16"
        case .indexed256: return "256"
        case .truecolor: return "truecolor"
        }
    }

    static func render(_ state: AppState, size: TerminalSize, depth: ColorDepth) -> String {
        let theme = Theme.fallback.adapted(to: depth)
        return SnapshotRenderer(theme: theme).render(App.view(state, size: size, theme: theme))
    }

    @Test("each screen, size and colour depth matches its snapshot", arguments: Screen.allCases)
    func screens(_ screen: Screen) {
        for size in Self.sizes {
            var initial = Fixtures.state(columns: size.columns, rows: size.rows)
            initial.mouseEnabled = true
            let (state, _) = Fixtures.press(Self.keys(for: screen), on: initial)
            if screen == .rulesDynamic { #expect(state.rules.selectedID == "SDR_DynRouter8Hk") }
            for depth in Self.depths {
                SnapshotAssertion.check(
                    Self.render(state, size: size, depth: depth),
                    named: "\(screen.rawValue)_\(size.columns)x\(size.rows)_\(Self.depthName(depth))")
            }
        }
    }

    @Test("below the minimum size: a centred message instead of the layout")
    func minimumSize() {
        for size in [TerminalSize(columns: 30, rows: 8), TerminalSize(columns: 59, rows: 16)] {
            let state = Fixtures.state(columns: size.columns, rows: size.rows)
            for depth in Self.depths {
                SnapshotAssertion.check(
                    Self.render(state, size: size, depth: depth),
                    named: "too-small_\(size.columns)x\(size.rows)_\(Self.depthName(depth))")
            }
        }
    }
}
