/// A bordered box with a title on the top edge and an optional note on the right of it
/// (Posting-style `200 OK · 1.2 kB · 35 ms`, or a `3/12` position).
///
/// The focused panel's border uses the focused colour and its title is bold, which stays
/// visible under `NO_COLOR`.
public struct Panel: Sendable {
    public var title: String
    public var trailingTitle: String?
    public var focused: Bool
    public var glyphs: BorderGlyphs
    public var symbols: Symbols
    /// Element styles to use instead of the panel defaults (a modal uses its own).
    public var borderElement: ThemeElement?
    public var titleElement: ThemeElement?

    public init(
        title: String = "", trailingTitle: String? = nil, focused: Bool = false, glyphs: BorderGlyphs = .unicode,
        symbols: Symbols = .unicode, borderElement: ThemeElement? = nil, titleElement: ThemeElement? = nil
    ) {
        self.borderElement = borderElement
        self.titleElement = titleElement
        self.title = title
        self.trailingTitle = trailingTitle
        self.focused = focused
        self.glyphs = glyphs
        self.symbols = symbols
    }

    /// Draws the panel, clears its inside and returns the inner rectangle.
    @discardableResult
    public func render(in rect: Rect, grid: inout CellGrid, theme: Theme) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else {
            grid.fill(rect, style: theme.base)
            return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
        }
        let border = theme.style(borderElement ?? (focused ? .panelBorderFocused : .panelBorder))
        let inner = rect.inset(by: 1)
        grid.fill(inner, style: theme.base)
        let horizontal = String(repeating: glyphs.horizontal, count: rect.width - 2)
        grid.write(
            String(glyphs.topLeft) + horizontal + String(glyphs.topRight), column: rect.x, row: rect.y, style: border,
            clip: rect)
        grid.write(
            String(glyphs.bottomLeft) + horizontal + String(glyphs.bottomRight), column: rect.x, row: rect.maxY - 1,
            style: border, clip: rect)
        for row in (rect.y + 1)..<(rect.maxY - 1) {
            grid.write(String(glyphs.vertical), column: rect.x, row: row, style: border, clip: rect)
            grid.write(String(glyphs.vertical), column: rect.maxX - 1, row: row, style: border, clip: rect)
        }
        // Titles live between the corners with one space of padding on each side.
        let titleArea = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: 1)
        var available = titleArea.width
        if let trailingTitle, !trailingTitle.isEmpty, available > 6 {
            let text =
                " " + DisplayWidth.truncate(trailingTitle, to: available / 2 - 2, ellipsis: symbols.ellipsis) + " "
            let width = DisplayWidth.of(text)
            grid.write(
                text, column: titleArea.maxX - width - 1, row: rect.y, style: theme.style(.panelTitle), clip: titleArea)
            available -= width + 1
        }
        if !title.isEmpty, available > 2 {
            let text = " " + DisplayWidth.truncate(title, to: available - 3, ellipsis: symbols.ellipsis) + " "
            grid.write(
                text, column: titleArea.x + 1, row: rect.y,
                style: theme.style(titleElement ?? (focused ? .panelTitleFocused : .panelTitle)),
                clip: Rect(x: titleArea.x, y: rect.y, width: available, height: 1))
        }
        return inner
    }
}
