import TerminalKit

/// Keys in the three places that take typing: the list filter, help and the command palette.
/// Bound keys (Esc, Enter, arrows, backspace) act; any other printable character is typed.
extension App {
    static func handleFilterKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard let list = state.currentList else { return [] }
        let rows = state.layout.listRows
        let catalog = state.catalog
        var query = list.filter
        switch action {
        case .deleteBackward:
            guard !query.isEmpty else {
                // Backspace on an empty filter leaves it, as in less and fzf.
                state.updateCurrentList { $0.isEditingFilter = false }
                return []
            }
            query.removeLast()
        case .some(let action):
            return perform(action, &state)
        case nil:
            guard case .char(let character) = key else { return [] }
            query.append(character)
        }
        let before = list.selectedID
        state.updateCurrentList { $0.setFilter(query, catalog: catalog, viewHeight: rows) }
        if state.currentList?.selectedID != before { selectionChanged(&state) }
        return []
    }

    static func handleHelpKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard case .help(var help) = state.overlay else { return [] }
        let page = max(1, state.layout.helpBodyRows - 1)
        switch action {
        case .closeOverlay:
            // `?` closes help only when nothing is typed; otherwise it is part of the filter.
            if key == .char("?"), !help.filter.isEmpty {
                help.filter.append("?")
            } else {
                state.overlay = .none
                return []
            }
        case .moveDown: help.offset += 1
        case .moveUp: help.offset -= 1
        case .pageDown: help.offset += page
        case .pageUp: help.offset -= page
        case .deleteBackward:
            if !help.filter.isEmpty { help.filter.removeLast() }
            help.offset = 0
        default:
            guard case .char(let character) = key else { return [] }
            help.filter.append(character)
            help.offset = 0
        }
        help.offset = max(0, min(help.offset, maxHelpOffset(state, help)))
        state.overlay = .help(help)
        return []
    }

    static func maxHelpOffset(_ state: AppState, _ help: HelpState) -> Int {
        let lines = HelpOverlay(sections: KeyMap.helpSections(filter: help.filter)).lineCount
        return max(0, lines - state.layout.helpBodyRows)
    }

    static func handlePaletteKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        guard case .palette(var palette) = state.overlay else { return [] }
        let entries = KeyMap.paletteEntries(matching: palette.query)
        switch action {
        case .closeOverlay:
            state.overlay = .none
            return []
        case .runCommand:
            state.overlay = .none
            guard let index = palette.list.selected, entries.indices.contains(index),
                let command = AppAction(rawValue: entries[index].binding.action)
            else { return [] }
            return perform(command, &state)
        case .moveDown: palette.list.move(by: 1, count: entries.count)
        case .moveUp: palette.list.move(by: -1, count: entries.count)
        case .deleteBackward:
            if !palette.query.isEmpty { palette.query.removeLast() }
            palette.list = ListState(selected: 0)
        default:
            guard case .char(let character) = key else { return [] }
            palette.query.append(character)
            palette.list = ListState(selected: 0)
        }
        let count = KeyMap.paletteEntries(matching: palette.query).count
        palette.list.select(palette.list.selected ?? 0, count: count)
        if count > 0, palette.list.selected == nil { palette.list.select(0, count: count) }
        let height = CommandPalette.viewHeight(for: state.layout.overlayArea)
        palette.list.scrollToSelection(viewHeight: height, count: count)
        state.overlay = .palette(palette)
        return []
    }
}
