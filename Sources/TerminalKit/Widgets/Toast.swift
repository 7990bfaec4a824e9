/// A short-lived notice in the bottom-right corner (`✓ Saved rules.json`). The app decides
/// how long it stays; the toast itself is just a function of its message and kind.
public struct Toast: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case info, success, warning, error
    }

    public var message: String
    public var kind: Kind
    public var unicode: Bool

    public init(_ message: String, kind: Kind = .info, unicode: Bool = true) {
        self.message = message
        self.kind = kind
        self.unicode = unicode
    }

    var icon: String {
        switch (kind, unicode) {
        case (.info, true): return "ℹ"
        case (.success, true): return "✓"
        case (.warning, true): return "⚠"
        case (.error, true): return "✗"
        case (.info, false): return "i"
        case (.success, false): return "ok"
        case (.warning, false): return "!"
        case (.error, false): return "x"
        }
    }

    var element: ThemeElement {
        switch kind {
        case .info: return .toastInfo
        case .success: return .toastSuccess
        case .warning: return .toastWarning
        case .error: return .toastError
        }
    }

    /// Draws the toast at the bottom-right of `area`, at most half its width (at least 20
    /// columns); returns the rectangle used.
    @discardableResult
    public func render(in area: Rect, grid: inout CellGrid, theme: Theme) -> Rect {
        let limit = min(area.width, max(20, area.width / 2))
        let text = " \(icon) " + sanitizeForDisplay(message) + " "
        let fitted = DisplayWidth.truncate(text, to: limit, ellipsis: unicode ? "…" : "~")
        let width = DisplayWidth.of(fitted)
        let rect = Rect(x: area.maxX - width, y: area.maxY - 1, width: width, height: min(1, area.height))
        var style = theme.style(element)
        style.reverse = true
        grid.fill(rect, style: style)
        grid.write(fitted, column: rect.x, row: rect.y, style: style, clip: rect)
        return rect
    }
}
