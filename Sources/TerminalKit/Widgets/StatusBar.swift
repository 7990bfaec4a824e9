/// The one-line status bar: mode, dirty marker, position, the most useful key hints, `? more`.
///
/// Hints are dropped from the end when the line is too narrow, but `? more` is kept as long as
/// anything fits, because it is the way to discover everything else.
public struct StatusBar: Sendable {
    public var mode: String
    public var isDirty: Bool
    public var position: String?
    public var hints: [KeyHint]
    /// The hint that opens help; shown right-aligned.
    public var moreHint: KeyHint?
    public var symbols: Symbols

    public init(
        mode: String, isDirty: Bool = false, position: String? = nil, hints: [KeyHint] = [],
        moreHint: KeyHint? = KeyHint(key: "?", label: "more"), symbols: Symbols = .unicode
    ) {
        self.mode = mode
        self.isDirty = isDirty
        self.position = position
        self.hints = hints
        self.moreHint = moreHint
        self.symbols = symbols
    }

    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let line = rect.row(0)
        guard !line.isEmpty else { return }
        let barStyle = theme.style(ThemeElement.statusBar)
        grid.fill(line, style: barStyle)
        var column = line.x
        if !mode.isEmpty {
            column = grid.write(
                " \(mode) ", column: column, row: line.y, style: theme.style(.statusBarMode), clip: line)
        }
        if isDirty {
            column = grid.write(
                " \(symbols.dirty) modified", column: column, row: line.y, style: theme.style(.statusBarDirty),
                clip: line)
        }
        if let position, !position.isEmpty {
            column = grid.write("  " + position, column: column, row: line.y, style: barStyle, clip: line)
        }
        var right = line.maxX
        if let moreHint {
            let width = hintWidth(moreHint) + 1
            if column + 2 + width <= line.maxX {
                right = line.maxX - width
                drawHint(moreHint, column: right, row: line.y, grid: &grid, theme: theme, clip: line)
            }
        }
        column += 2
        for hint in hints {
            let width = hintWidth(hint)
            guard column + width <= right - 1 else { break }
            drawHint(hint, column: column, row: line.y, grid: &grid, theme: theme, clip: line)
            column += width + 2
        }
    }

    private func hintWidth(_ hint: KeyHint) -> Int {
        DisplayWidth.of(hint.key) + 1 + DisplayWidth.of(hint.label)
    }

    private func drawHint(_ hint: KeyHint, column: Int, row: Int, grid: inout CellGrid, theme: Theme, clip: Rect) {
        let after = grid.write(hint.key, column: column, row: row, style: theme.style(.statusBarKey), clip: clip)
        grid.write(" " + hint.label, column: after, row: row, style: theme.style(.statusBarHint), clip: clip)
    }
}
