import SwitchboardCore
import TerminalKit

/// The list panel: a bordered list of trunks or rules drawn from the visible window only.
///
/// Rows are built for the rows on screen (a few dozen), never for the whole list, so drawing
/// 100,000 rules costs the same as drawing 11.
enum ListPaneView {
    static func render(_ list: BrowseList, state: AppState, in panel: Rect, grid: inout CellGrid, theme: Theme) {
        let catalog = state.catalog
        let total = list.totalCount(catalog)
        let noun = list.kind == .trunk ? "Trunks" : "Rules"
        let title = list.filter.isEmpty ? "\(noun) \(total)" : "\(noun) \(list.visible.count)/\(total)"
        let inner = Panel(
            title: title, trailingTitle: list.sort == .file ? nil : list.sort.label, focused: state.focus == .list,
            glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: panel, grid: &grid, theme: theme)
        let rows = max(0, inner.height - 1)
        let offset = list.list.visibleOffset(viewHeight: rows, count: list.visible.count)
        let window = list.visible[offset..<min(list.visible.count, offset + rows)]
        let items = window.map { position in
            var row = item(list.kind, at: position, catalog: catalog, unicode: state.options.unicode)
            if !state.edits.marks.isEmpty { EditMarkers.decorate(&row, list.kind, at: position, state: state) }
            return row
        }
        ListView(
            items: items, state: list.list, focused: state.focus == .list,
            filter: list.filter.isEmpty && !list.isEditingFilter ? nil : sanitizeForDisplay(list.filter),
            isEditingFilter: list.isEditingFilter, totalCount: total, emptyMessage: emptyMessage(list, total: total),
            symbols: state.options.symbols, itemCount: list.visible.count, windowStart: offset
        ).render(in: inner, grid: &grid, theme: theme)
    }

    /// One row: a problem marker, the name (or the ID when unnamed), and a short detail.
    static func item(_ kind: ItemKind, at position: Int, catalog: WorkspaceCatalog, unicode: Bool) -> ListItem {
        let text: String
        let detail: String
        switch kind {
        case .trunk:
            let trunk = catalog.workspace.trunks[position]
            text = trunk.name.isEmpty ? trunk.id : trunk.name
            detail = trunk.isDefault ? "default" : trunk.numbers[0] + (trunk.numbers.count > 1 ? " +\(trunk.numbers.count - 1)" : "")
        case .rule:
            let rule = catalog.workspace.rules[position]
            text = rule.name.isEmpty ? rule.id : rule.name
            detail = rule.kind?.typeName ?? "no type"
        }
        let marker: (String, ThemeRole?)
        switch catalog.severity(of: kind, at: position) {
        case .error: marker = (unicode ? "✗" : "x", .error)
        case .warning: marker = ("!", .warning)
        case nil: marker = (" ", nil)
        }
        return ListItem(
            sanitizeForDisplay(text), detail: sanitizeForDisplay(detail), marker: marker.0, markerStyle: marker.1)
    }

    static func emptyMessage(_ list: BrowseList, total: Int) -> String {
        let noun = list.kind == .trunk ? "trunk" : "rule"
        if total == 0 { return "No \(noun)s loaded" }
        return "No \(noun) matches; Esc clears"
    }
}
