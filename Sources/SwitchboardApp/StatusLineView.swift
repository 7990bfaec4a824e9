import TerminalKit

/// The bottom row: the mode, the position in the list, the most useful keys for where the
/// keyboard is (from the key-binding table) and `? more`.
enum StatusLineView {
    static func render(_ state: AppState, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let context = state.keyContext
        var position: String?
        if state.screen == .browse, state.focus == .list, let list = state.currentList {
            position = list.list.positionText(count: list.visible.count)
        }
        if state.screen == .history { position = HistoryView.positionText(state) }
        let hints = KeyMap.table.hints(for: context.rawValue, limit: 5, ascii: !state.options.unicode)
        StatusBar(
            mode: mode(state, context) + (state.options.readOnly ? " read-only" : "") + EditMarkers.statusSuffix(state),
            position: position, hints: hints,
            moreHint: context == .browse ? KeyHint(key: "?", label: "more") : nil, symbols: state.options.symbols
        ).render(in: rect, grid: &grid, theme: theme)
    }

    static func mode(_ state: AppState, _ context: KeyContext) -> String {
        switch context {
        case .help: return "HELP"
        case .palette: return "COMMANDS"
        case .filter: return "FILTER"
        case .browse: return state.tab.title.uppercased()
        case .confirm: return "CONFIRM"
        case .form: return "EDIT"
        case .simulator: return "CALL"
        case .simulatorResult: return "RESULT"
        case .simulatorPicker: return "SAVED CALLS"
        case .simulatorRunning: return "CALLING"
        case .history: return "HISTORY"
        case .historyDetail: return "RUN"
        case .historyCompare: return "COMPARE"
        case .historyPrompt: return "SAVE SCENARIO"
        case .export: return "EXPORT"
        case .exportPath: return "EXPORT PATH"
        case .push: return "PUSH"
        case .live: return "LIVE"
        }
    }
}
