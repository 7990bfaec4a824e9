import TerminalKit

/// The detail panel: the selected item's labelled fields, scrollable when focused. The title
/// names the item; the trailing title shows which rows are in view when they do not all fit.
enum DetailPaneView {
    static func render(_ state: AppState, in panel: Rect, grid: inout CellGrid, theme: Theme) {
        let table = KeyValueTable(
            rows: DetailContent.rows(for: state), offset: 0, maximumKeyWidth: 22, symbols: state.options.symbols)
        let inner = panel.inset(top: 1, left: 2, bottom: 1, right: 1)
        let wrapped = table.wrapped(width: inner.width)
        let total = wrapped.count
        let offset = max(0, min(state.detailOffset, total - inner.height))
        var trailing: String?
        if total > inner.height, inner.height > 0 {
            trailing = "\(offset + 1)-\(min(total, offset + inner.height))/\(total)"
        }
        Panel(
            title: DetailContent.title(for: state), trailingTitle: trailing, focused: state.focus == .detail,
            glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: panel, grid: &grid, theme: theme)
        var visible = table
        visible.offset = offset
        visible.render(wrapped, in: inner, grid: &grid, theme: theme)
    }
}
