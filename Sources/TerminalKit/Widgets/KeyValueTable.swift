/// A two-column table of labelled values, the detail pane's building block: keys in a fixed
/// column, values wrapped beneath each other, optional section headings.
public struct KeyValueTable: Sendable {
    public enum Row: Hashable, Sendable {
        /// A label and its value; `valueRole` colours the value (a status class, an error).
        case pair(String, String, valueRole: ThemeRole? = nil)
        /// A heading that groups the rows below it.
        case section(String)
        /// An empty spacer row.
        case blank
    }

    public var rows: [Row]
    /// First visible display row (after wrapping).
    public var offset: Int
    /// Upper bound for the key column; longer keys are truncated.
    public var maximumKeyWidth: Int
    public var symbols: Symbols

    public init(rows: [Row], offset: Int = 0, maximumKeyWidth: Int = 24, symbols: Symbols = .unicode) {
        self.rows = rows
        self.offset = offset
        self.maximumKeyWidth = maximumKeyWidth
        self.symbols = symbols
    }

    /// The wrapped display lines for a given width: (key text or nil, value text, style).
    struct Line: Sendable {
        var key: String?
        var value: String
        var element: ThemeElement
        var role: ThemeRole?
    }

    /// The table wrapped to one width. A view needs the row count (for its scroll limits) and
    /// the lines (to draw): wrapping once and using it for both halved the table's share of a
    /// frame.
    public struct Wrapped: Sendable {
        let lines: [Line]
        let width: Int
        let keyWidth: Int
        /// Display rows, after wrapping.
        public var count: Int { lines.count }
    }

    func keyWidth(for width: Int) -> Int {
        let widest =
            rows.compactMap { row -> Int? in
                if case .pair(let key, _, _) = row { return DisplayWidth.of(key) }
                return nil
            }.max() ?? 0
        return min(widest, maximumKeyWidth, max(0, width / 2 - 1))
    }

    public func wrapped(width: Int) -> Wrapped {
        let keyWidth = keyWidth(for: width)
        return Wrapped(lines: lines(width: width, keyWidth: keyWidth), width: width, keyWidth: keyWidth)
    }

    private func lines(width: Int, keyWidth: Int) -> [Line] {
        let valueWidth = max(1, width - keyWidth - 2)
        var result: [Line] = []
        for row in rows {
            switch row {
            case .blank:
                result.append(Line(key: nil, value: "", element: .tableValue))
            case .section(let title):
                // Headings wrap like values, so a narrow pane never cuts one off mid-word.
                for piece in TextWrap.wrap(sanitizeForDisplay(title), width: max(1, width)) {
                    result.append(Line(key: nil, value: piece, element: .tableSection))
                }
            case .pair(let key, let value, let role):
                let wrapped = TextWrap.wrap(sanitizeForDisplay(value), width: valueWidth)
                for (index, piece) in (wrapped.isEmpty ? [""] : wrapped).enumerated() {
                    let label = index == 0 ? DisplayWidth.truncate(key, to: keyWidth, ellipsis: symbols.ellipsis) : ""
                    result.append(Line(key: label, value: piece, element: .tableValue, role: role))
                }
            }
        }
        return result
    }

    /// How many display rows the table needs at `width` (for scrolling limits).
    public func displayRowCount(width: Int) -> Int { wrapped(width: width).count }

    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) {
        render(wrapped(width: rect.width), in: rect, grid: &grid, theme: theme)
    }

    /// Draws the table as wrapped by ``wrapped(width:)`` for `rect`'s width.
    public func render(_ wrapped: Wrapped, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        precondition(wrapped.width == rect.width, "the table was wrapped for another width")
        grid.fill(rect, style: theme.base)
        let all = wrapped.lines
        let keyWidth = wrapped.keyWidth
        let first = max(0, min(offset, max(0, all.count - rect.height)))
        for row in 0..<rect.height where first + row < all.count {
            let line = all[first + row]
            let y = rect.y + row
            guard let key = line.key else {
                grid.write(line.value, column: rect.x, row: y, style: theme.style(line.element), clip: rect)
                continue
            }
            grid.write(key, column: rect.x, row: y, style: theme.style(.tableKey), clip: rect)
            let style = line.role.map { theme.style($0) } ?? theme.style(.tableValue)
            grid.write(line.value, column: rect.x + keyWidth + 2, row: y, style: style, clip: rect)
        }
    }
}
