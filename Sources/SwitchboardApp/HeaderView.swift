import TerminalKit

/// The top row: the tabs with their counts (`2 Rules 3/11` while filtered) and, on the right,
/// the app and the files it shows.
enum HeaderView {
    static func tabs(_ state: AppState) -> Tabs {
        let titles = Tab.allCases.map { tab -> String in
            switch tab {
            case .trunks: return "1 Trunks " + count(state.trunks, state)
            case .rules: return "2 Rules " + count(state.rules, state)
            case .project: return "3 Project"
            }
        }
        return Tabs(titles: titles, selected: state.tab.rawValue - 1, symbols: state.options.symbols)
    }

    /// `11`, or `3/11` when a filter hides some.
    static func count(_ list: BrowseList, _ state: AppState) -> String {
        let total = list.totalCount(state.catalog)
        return list.filter.isEmpty ? "\(total)" : "\(list.visible.count)/\(total)"
    }

    static func render(_ state: AppState, layout: ScreenLayout, grid: inout CellGrid, theme: Theme) {
        let line = layout.header
        let end = tabs(state).render(in: line, grid: &grid, theme: theme).last?.upperBound ?? line.x
        var label = "Switchboard"
        // On a server the files are only where its lists were pulled to: name the server.
        let marker = state.options.server.map { "server " + sanitizeForDisplay($0.host) }
        if let marker {
            label += " \(state.options.unicode ? "·" : "-") \(marker)"
        } else if let first = state.options.inputPaths.first {
            let name = first.split(separator: "/").last.map(String.init) ?? first
            let more = state.options.inputPaths.count > 1 ? " +\(state.options.inputPaths.count - 1)" : ""
            label += " \(state.options.unicode ? "·" : "-") \(sanitizeForDisplay(name))\(more)"
        }
        if state.options.readOnly { label += " (read-only)" }
        label = EditMarkers.headerPrefix(state) + label
        let room = line.maxX - end - 3
        guard room >= 11 else { return }
        let text = DisplayWidth.truncate(label, to: room, ellipsis: state.options.symbols.ellipsis)
        let column = line.maxX - DisplayWidth.of(text) - 1
        grid.write(text, column: column, row: line.y, style: theme.style(.textMuted), clip: line)
        if let marker, text.hasSuffix(marker) {
            let markerColumn = column + DisplayWidth.of(text) - DisplayWidth.of(marker)
            grid.write(marker, column: markerColumn, row: line.y, style: theme.style(.accent), clip: line)
        }
    }
}
