import TerminalKit

extension App {
    /// Draws the state for a terminal of `size` in `theme` (already adapted to the terminal's
    /// colour depth). Pure: the same state always gives the same grid, which is what the
    /// golden snapshots rely on, and the loop diffs it against the previous frame.
    public static func view(_ state: AppState, size: TerminalSize, theme: Theme) -> CellGrid {
        var grid = CellGrid(width: size.columns, height: size.rows, fill: .blank(theme.base))
        let layout = ScreenLayout(size: size, tab: state.tab)
        if layout.isTooSmall {
            MinimumSizeView.render(size: size, in: &grid, theme: theme, unicode: state.options.unicode)
            return grid
        }
        HeaderView.render(state, layout: layout, grid: &grid, theme: theme)
        switch state.screen {
        case .browse:
            if let list = state.currentList {
                ListPaneView.render(list, state: state, in: layout.listPanel, grid: &grid, theme: theme)
            }
            DetailPaneView.render(state, in: layout.detailPanel, grid: &grid, theme: theme)
        case .form:
            FormView.render(state, in: layout.body, grid: &grid, theme: theme)
        case .simulator:
            SimulatorView.render(state, in: layout.body, grid: &grid, theme: theme)
        case .history:
            HistoryView.render(state, in: layout.body, grid: &grid, theme: theme)
        case .export:
            ExportView.render(state, in: layout.body, grid: &grid, theme: theme)
        case .push:
            PushView.render(state, in: layout.body, grid: &grid, theme: theme)
        case .live:
            LiveCallsView.render(state, in: layout.body, grid: &grid, theme: theme)
        }
        StatusLineView.render(state, in: layout.statusBar, grid: &grid, theme: theme)
        switch state.overlay {
        case .none:
            break
        case .help(let help):
            HelpOverlay(
                sections: KeyMap.helpSections(filter: help.filter), filter: sanitizeForDisplay(help.filter),
                offset: help.offset, glyphs: state.options.glyphs, symbols: state.options.symbols,
                ascii: !state.options.unicode
            ).render(in: layout.overlayArea, grid: &grid, theme: theme)
        case .palette(let palette):
            CommandPalette(
                query: sanitizeForDisplay(palette.query), entries: KeyMap.paletteEntries(matching: palette.query),
                state: palette.list, glyphs: state.options.glyphs, symbols: state.options.symbols,
                ascii: !state.options.unicode
            ).render(in: layout.overlayArea, grid: &grid, theme: theme)
        case .confirm(let confirmation):
            renderConfirmation(confirmation, state: state, in: layout.overlayArea, grid: &grid, theme: theme)
        }
        if let toast = state.toast {
            toast.toast.render(in: layout.overlayArea.inset(bottom: 1, right: 1), grid: &grid, theme: theme)
        }
        return grid
    }
}
