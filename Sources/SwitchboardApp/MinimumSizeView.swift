import TerminalKit

/// What a terminal below ``ScreenLayout/minimumSize`` shows instead of a squeezed layout: a
/// centred message with the size it has and the size it needs. Keys keep working (`q` quits),
/// and the normal screen returns as soon as the window is big enough.
enum MinimumSizeView {
    static func render(size: TerminalSize, in grid: inout CellGrid, theme: Theme, unicode: Bool) {
        let times = unicode ? "×" : "x"
        let needed = ScreenLayout.minimumSize
        let lines: [(String, ThemeElement)] = [
            ("Window too small", .panelTitleFocused),
            ("\(size.columns)\(times)\(size.rows) now, needs \(needed.columns)\(times)\(needed.rows)", .text),
            ("Enlarge it, or press q to quit", .textMuted),
        ]
        let width = max(1, size.columns - 2)
        let wrapped = lines.flatMap { text, element in TextWrap.wrap(text, width: width).map { ($0, element) } }
        let top = max(0, (size.rows - wrapped.count) / 2)
        for (index, (text, element)) in wrapped.enumerated() where top + index < size.rows {
            let column = max(0, (size.columns - DisplayWidth.of(text)) / 2)
            grid.write(text, column: column, row: top + index, style: theme.style(element))
        }
    }
}
