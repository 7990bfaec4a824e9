import TerminalKit

/// The mouse, when reporting is on: the wheel scrolls whatever is under the pointer, a click
/// on a tab switches to it, a click on a list row selects it, a click on a pane focuses it.
/// Hit testing uses ``ScreenLayout``, the same rectangles `view` draws into.
extension App {
    static let wheelStep = 3

    static func handleMouse(_ state: inout AppState, _ event: MouseEvent) -> [Effect] {
        guard state.overlay == .none, !state.layout.isTooSmall else { return [] }
        if state.screen == .form { return handleFormMouse(&state, event) }
        let layout = state.layout
        let overList = layout.listPanel.contains(column: event.column, row: event.row)
        let overDetail = layout.detailPanel.contains(column: event.column, row: event.row)
        switch event.action {
        case .scrollUp, .scrollDown:
            let delta = event.action == .scrollUp ? -wheelStep : wheelStep
            if overList {
                let before = state.currentList?.selectedID
                let catalog = state.catalog
                state.updateCurrentList { $0.scroll(by: delta, viewHeight: layout.listRows, catalog: catalog) }
                if state.currentList?.selectedID != before { selectionChanged(&state) }
            } else if overDetail {
                scrollDetail(&state, by: delta)
            }
        case .press(.left):
            if layout.header.contains(column: event.column, row: event.row) {
                if let tab = tab(atColumn: event.column, state: state) { switchTab(&state, to: tab) }
            } else if overList {
                state.focus = .list
                let row = event.row - layout.listInner.y
                guard let list = state.currentList, row >= 0, row < layout.listRows else { return [] }
                let index = list.list.offset + row
                guard index < list.visible.count else { return [] }
                let before = list.selectedID
                let catalog = state.catalog
                state.updateCurrentList { $0.select(index: index, viewHeight: layout.listRows, catalog: catalog) }
                if state.currentList?.selectedID != before { selectionChanged(&state) }
            } else if overDetail {
                state.focus = .detail
            }
        default:
            break
        }
        return []
    }

    /// The tab under a header column, using the same strip the view draws.
    static func tab(atColumn column: Int, state: AppState) -> Tab? {
        var grid = CellGrid(width: state.size.columns, height: 1)
        let ranges = HeaderView.tabs(state).render(in: grid.bounds, grid: &grid, theme: Theme.fallback)
        return Tabs.tab(at: column, in: ranges).flatMap { Tab(rawValue: $0 + 1) }
    }
}
