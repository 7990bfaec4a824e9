/// A one-row tab strip: ` 1 Trunks │ 2 Rules `. The active tab is bold and underlined in the
/// accent colour, which survives `NO_COLOR`.
public struct Tabs: Sendable {
    public var titles: [String]
    public var selected: Int
    public var symbols: Symbols

    public init(titles: [String], selected: Int, symbols: Symbols = .unicode) {
        self.titles = titles
        self.selected = selected
        self.symbols = symbols
    }

    /// Draws the strip; returns each tab's column range (for mouse clicks).
    @discardableResult
    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) -> [Range<Int>] {
        let line = rect.row(0)
        grid.fill(line, style: theme.base)
        var column = line.x
        var ranges: [Range<Int>] = []
        for (index, title) in titles.enumerated() {
            if index > 0 {
                column = grid.write(
                    " \(symbols.separator) ", column: column, row: line.y, style: theme.style(.textMuted), clip: line)
            }
            let style = theme.style(index == selected ? .tabActive : .tabInactive)
            let start = column
            column = grid.write(" " + title + " ", column: column, row: line.y, style: style, clip: line)
            ranges.append(start..<max(start, min(column, line.maxX)))
        }
        return ranges
    }

    /// The tab under a column, for mouse clicks.
    public static func tab(at column: Int, in ranges: [Range<Int>]) -> Int? {
        ranges.firstIndex { $0.contains(column) }
    }
}
