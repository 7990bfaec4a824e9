import SwitchboardCore
import TerminalKit

extension App {
    /// Does what a browsing key (or a palette command) asks.
    static func perform(_ action: AppAction, _ state: inout AppState) -> [Effect] {
        let rows = state.layout.listRows
        let catalog = state.catalog
        switch action {
        case .showTrunks: switchTab(&state, to: .trunks)
        case .showRules: switchTab(&state, to: .rules)
        case .showProject: switchTab(&state, to: .project)
        case .moveDown: move(&state, by: 1)
        case .moveUp: move(&state, by: -1)
        case .pageDown: page(&state, 1)
        case .pageUp: page(&state, -1)
        case .moveTop: move(&state, by: -Int.max / 2)
        case .moveBottom: move(&state, by: Int.max / 2)
        case .nextPane, .previousPane:
            if state.tab != .project { state.focus = state.focus == .list ? .detail : .list }
        case .focusDetail: state.focus = .detail
        case .focusList: if state.tab != .project { state.focus = .list }
        case .startFilter:
            guard state.currentList != nil else {
                state.showToast("The project tab has nothing to filter; press 1 or 2 for a list")
                return []
            }
            state.focus = .list
            state.updateCurrentList { $0.isEditingFilter = true }
        case .back, .clearFilter:
            if action == .back, state.focus == .detail, state.tab != .project {
                state.focus = .list
            } else if let list = state.currentList, !list.filter.isEmpty || list.isEditingFilter {
                state.updateCurrentList {
                    $0.isEditingFilter = false
                    $0.setFilter("", catalog: catalog, viewHeight: rows)
                }
                selectionChanged(&state)
            } else if state.revealSecrets {
                state.revealSecrets = false
            }
        case .acceptFilter:
            state.updateCurrentList { $0.isEditingFilter = false }
        case .cycleSort:
            guard let list = state.currentList else { return [] }
            let order = list.sort.next
            state.updateCurrentList { $0.setSort(order, catalog: catalog, viewHeight: rows) }
            state.showToast("Sorted \(order.label)")
        case .revealSecrets:
            state.revealSecrets.toggle()
            if state.revealSecrets { state.showToast("Secrets shown; press r to hide them", kind: .warning) }
        case .toggleMouse:
            return [.setMouseReporting(!state.mouseEnabled)]
        case .reload:
            return requestReload(&state)
        case .help:
            state.overlay = .help(HelpState())
        case .palette:
            state.overlay = .palette(PaletteState())
        case .quit:
            return requestQuit(&state)
        case .edit: return openForm(.edit, &state)
        case .newItem: return openForm(.new, &state)
        case .duplicate: return openForm(.duplicate, &state)
        case .deleteItem: return requestDelete(&state)
        case .undo: return undo(&state)
        case .redo: return redo(&state)
        case .save: return save(&state)
        case .revertToSaved: return requestRevert(&state)
        case .simulateCall: return openSimulator(&state)
        case .showHistory: return openHistory(&state)
        case .showLiveCalls: return openLiveCalls(&state)
        case .export: return openExport(&state)
        case .pullFromServer: return requestPull(&state)
        case .pushToServer: return openPush(&state)
        default:
            // Actions of other contexts (the filter, overlays, screens) do nothing here.
            break
        }
        return []
    }

    static func switchTab(_ state: inout AppState, to tab: Tab) {
        guard state.tab != tab else { return }
        state.updateCurrentList { $0.isEditingFilter = false }
        state.tab = tab
        state.focus = tab == .project ? .detail : .list
        state.detailOffset = 0
        state.revealSecrets = false
        // The new tab may lay the list out differently; keep its selection visible.
        relayout(&state)
    }

    /// Motion keys move the selection in the list, or scroll the detail pane when it has focus.
    static func move(_ state: inout AppState, by delta: Int) {
        if state.focus == .detail || state.currentList == nil {
            scrollDetail(&state, by: delta)
            return
        }
        let before = state.currentList?.selectedID
        let rows = state.layout.listRows
        let catalog = state.catalog
        state.updateCurrentList { $0.move(by: delta, viewHeight: rows, catalog: catalog) }
        if state.currentList?.selectedID != before { selectionChanged(&state) }
    }

    static func page(_ state: inout AppState, _ direction: Int) {
        if state.focus == .detail || state.currentList == nil {
            scrollDetail(&state, by: direction * max(1, state.layout.detailInner.height - 1))
            return
        }
        let before = state.currentList?.selectedID
        let rows = state.layout.listRows
        let catalog = state.catalog
        state.updateCurrentList { $0.page(direction, viewHeight: rows, catalog: catalog) }
        if state.currentList?.selectedID != before { selectionChanged(&state) }
    }

    /// A different item is selected: its detail starts at the top, with secrets hidden.
    static func selectionChanged(_ state: inout AppState) {
        state.detailOffset = 0
        state.revealSecrets = false
    }

    static func scrollDetail(_ state: inout AppState, by delta: Int) {
        // Deltas are at most ±Int.max / 2 (first/last), so the sum cannot overflow.
        state.detailOffset = max(0, min(maxDetailOffset(state), state.detailOffset + delta))
    }

    /// The largest useful detail offset: the last row at the bottom of the pane.
    static func maxDetailOffset(_ state: AppState) -> Int {
        let inner = state.layout.detailInner
        return max(0, detailRowCount(state, width: inner.width) - inner.height)
    }

    static func detailRowCount(_ state: AppState, width: Int) -> Int {
        KeyValueTable(rows: DetailContent.rows(for: state), symbols: state.options.symbols).displayRowCount(width: width)
    }
}
