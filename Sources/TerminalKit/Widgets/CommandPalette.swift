/// The command palette (`:` or ctrl+p): a query line and the matching actions, best first,
/// with the matched letters highlighted and each action's key shown on the right so users
/// learn the shortcut.
public struct CommandPalette: Sendable {
    public var query: String
    public var entries: [PaletteEntry]
    public var state: ListState
    public var glyphs: BorderGlyphs
    public var symbols: Symbols
    public var ascii: Bool

    public init(
        query: String, entries: [PaletteEntry], state: ListState, glyphs: BorderGlyphs = .unicode,
        symbols: Symbols = .unicode, ascii: Bool = false
    ) {
        self.query = query
        self.entries = entries
        self.state = state
        self.glyphs = glyphs
        self.symbols = symbols
        self.ascii = ascii
    }

    /// Rows available for entries when drawn on `screen`.
    public static func viewHeight(for screen: Rect) -> Int {
        max(0, min(14, screen.height - 4) - 4)
    }

    public func render(in screen: Rect, grid: inout CellGrid, theme: Theme) {
        let width = min(64, screen.width - 4)
        let height = min(14, screen.height - 4)
        let frame = Rect(
            x: screen.x + (screen.width - width) / 2, y: screen.y + min(2, screen.height / 6), width: width,
            height: height)
        let inner = Panel(title: "Commands", focused: true, glyphs: glyphs, symbols: symbols)
            .render(in: frame, grid: &grid, theme: theme)
        guard inner.height >= 2 else { return }
        grid.write(
            ": " + query + symbols.cursor, column: inner.x + 1, row: inner.y, style: theme.style(.listFilter),
            clip: inner)
        let list = inner.inset(top: 2, left: 0, bottom: 0, right: 0)
        let offset = state.visibleOffset(viewHeight: list.height, count: entries.count)
        if entries.isEmpty, list.height > 0 {
            grid.write(" No command matches", column: list.x, row: list.y, style: theme.style(.listEmpty), clip: list)
        }
        for row in 0..<list.height where offset + row < entries.count {
            let index = offset + row
            let entry = entries[index]
            let line = list.row(row)
            let selected = index == state.selected
            let base = theme.style(selected ? .listSelected : .listItem)
            grid.fill(line, style: base)
            let key = entry.binding.keyLabel(ascii: ascii)
            let keyWidth = DisplayWidth.of(key)
            grid.write(
                key, column: line.maxX - keyWidth - 1, row: line.y, style: selected ? base : theme.style(.textMuted),
                clip: line)
            let labelArea = Rect(x: line.x + 1, y: line.y, width: max(0, line.width - keyWidth - 3), height: 1)
            let matched = Set(entry.matchedOffsets)
            var column = labelArea.x
            for (offset, character) in entry.binding.label.enumerated() {
                let style = matched.contains(offset) ? base.merged(with: theme.style(.paletteMatch)) : base
                column = grid.write(String(character), column: column, row: line.y, style: style, clip: labelArea)
            }
        }
    }
}
