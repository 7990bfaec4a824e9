/// The `?` overlay: every binding for the current context, grouped, filterable by typing.
/// Content comes from ``KeyBindingTable/helpSections(for:filter:)``, so it is always in step
/// with what the keys really do.
public struct HelpOverlay: Sendable {
    public var sections: [HelpSection]
    public var filter: String
    public var offset: Int
    public var glyphs: BorderGlyphs
    public var symbols: Symbols
    public var ascii: Bool

    public init(
        sections: [HelpSection], filter: String = "", offset: Int = 0, glyphs: BorderGlyphs = .unicode,
        symbols: Symbols = .unicode, ascii: Bool = false
    ) {
        self.sections = sections
        self.filter = filter
        self.offset = offset
        self.glyphs = glyphs
        self.symbols = symbols
        self.ascii = ascii
    }

    /// The overlay's text lines (group headings and `key  label` rows), for scrolling limits.
    public var lineCount: Int { sections.reduce(0) { $0 + $1.bindings.count + 2 } }

    public func render(in screen: Rect, grid: inout CellGrid, theme: Theme) {
        let frame = screen.centered(width: min(72, screen.width - 2), height: screen.height - 2)
        let inner = Panel(title: "Help", trailingTitle: "esc close", focused: true, glyphs: glyphs, symbols: symbols)
            .render(in: frame, grid: &grid, theme: theme)
        guard inner.height >= 2 else { return }
        let filterLine = "/" + filter + symbols.cursor
        grid.write(
            filter.isEmpty ? "type to filter" : filterLine, column: inner.x + 1, row: inner.y,
            style: theme.style(filter.isEmpty ? .textMuted : .listFilter), clip: inner)
        let body = inner.inset(top: 2, left: 1, bottom: 0, right: 1)
        let keyWidth = min(
            16, sections.flatMap(\.bindings).map { DisplayWidth.of($0.keyLabel(ascii: ascii)) }.max() ?? 0)
        var lines: [StyledLine] = []
        for section in sections {
            if !lines.isEmpty { lines.append([]) }
            lines.append([Span(section.group, style: theme.style(.helpGroup))])
            for binding in section.bindings {
                let key = DisplayWidth.pad(binding.keyLabel(ascii: ascii), to: keyWidth)
                lines.append([
                    Span("  " + key + "  ", style: theme.style(.helpKey)), Span(binding.label, style: theme.base),
                ])
            }
        }
        if lines.isEmpty {
            lines = [[Span("No key matches \"\(sanitizeForDisplay(filter))\"", style: theme.style(.listEmpty))]]
        }
        let first = max(0, min(offset, max(0, lines.count - body.height)))
        for row in 0..<body.height where first + row < lines.count {
            grid.write(lines[first + row], column: body.x, row: body.y + row, clip: body)
        }
    }
}
