/// A centred confirmation dialog: title, wrapped message, buttons.
///
/// Messages should name the thing acted on (`Delete rule SDR_7mNb "Support queue"?`); the
/// focused button is drawn like a selection, so it is visible without colour.
public struct Modal: Sendable {
    public var title: String
    public var message: String
    public var buttons: [String]
    public var focusedButton: Int
    public var maximumWidth: Int
    public var glyphs: BorderGlyphs
    public var symbols: Symbols

    public init(
        title: String, message: String, buttons: [String] = ["OK"], focusedButton: Int = 0, maximumWidth: Int = 60,
        glyphs: BorderGlyphs = .unicode, symbols: Symbols = .unicode
    ) {
        self.title = title
        self.message = message
        self.buttons = buttons
        self.focusedButton = focusedButton
        self.maximumWidth = maximumWidth
        self.glyphs = glyphs
        self.symbols = symbols
    }

    /// Where the dialog and its buttons ended up, for mouse hit testing.
    public struct Layout: Hashable, Sendable {
        public var frame: Rect
        public var buttons: [Rect]
    }

    @discardableResult
    public func render(in screen: Rect, grid: inout CellGrid, theme: Theme) -> Layout {
        let labels = buttons.map { "[ \($0) ]" }
        let buttonsWidth = labels.reduce(0) { $0 + DisplayWidth.of($1) } + 2 * max(0, labels.count - 1)
        let messageWidth = message.split(separator: "\n").map { DisplayWidth.of($0) }.max() ?? 0
        let contentWidth = min(
            max(buttonsWidth, messageWidth, DisplayWidth.of(title) + 4, 20), min(maximumWidth, screen.width - 4) - 4)
        let lines = TextWrap.wrap(sanitizeForDisplay(message, keepNewlines: true), width: max(1, contentWidth))
        let frame = screen.centered(width: contentWidth + 4, height: lines.count + 5)
        let inner = Panel(
            title: title, focused: true, glyphs: glyphs, symbols: symbols, borderElement: .modalBorder,
            titleElement: .modalTitle
        ).render(in: frame, grid: &grid, theme: theme)
        let content = inner.inset(top: 1, left: 1, bottom: 0, right: 1)
        for (index, line) in lines.enumerated() where index < content.height {
            grid.write(line, column: content.x, row: content.y + index, style: theme.style(.modalText), clip: content)
        }
        var buttonRects: [Rect] = []
        let buttonRow = frame.maxY - 2
        var column = frame.x + max(2, (frame.width - buttonsWidth) / 2)
        for (index, label) in labels.enumerated() {
            let style = theme.style(index == focusedButton ? .modalButtonFocused : .modalButton)
            let end = grid.write(label, column: column, row: buttonRow, style: style, clip: inner)
            buttonRects.append(Rect(x: column, y: buttonRow, width: end - column, height: 1).intersection(inner))
            column = end + 2
        }
        return Layout(frame: frame, buttons: buttonRects)
    }
}
