/// Renders a grid as stable, reviewable text for golden snapshot tests.
///
/// The format has two blocks. First the screen: a `WxH` header line, then each row with
/// trailing spaces trimmed (wide glyphs appear once, as they look in a monospace editor).
/// Then, after a `--` line, one line per run of identically styled cells whose style is not
/// plain, in reading order:
///
/// ```
/// 20x3
/// ┌ Rules ───────────┐
/// │ Support queue    │
/// └──────────────────┘
/// --
/// row 0 col 0-19: fg=border
/// row 0 col 2-6: fg=title bold
/// row 1 col 1-18: fg=selectionText bg=selection bold
/// ```
///
/// Colours print as role names when the palette passed in makes that unambiguous (see
/// ``colorNames(for:)``), else as `#rrggbb`, a 256-colour index or an ANSI name, so the same
/// screen can be snapshotted in mono, 16 and 256 colours and the differences read naturally.
public struct SnapshotRenderer: Sendable {
    /// Names for colours, usually from ``colorNames(for:)``.
    public var colorNames: [Color: String]

    public init(colorNames: [Color: String] = [:]) {
        self.colorNames = colorNames
    }

    /// A renderer that names colours after the roles of `theme` (as adapted to its depth).
    public init(theme: Theme) {
        self.colorNames = SnapshotRenderer.colorNames(for: theme)
    }

    /// Role names for the theme's colours at its depth. A colour shared by several roles is
    /// named only if all but one of those roles are fallbacks to it; otherwise it stays
    /// literal, so a name in a snapshot never lies.
    public static func colorNames(for theme: Theme) -> [Color: String] {
        var rolesByColor: [Color: [ThemeRole]] = [:]
        for role in ThemeRole.allCases {
            rolesByColor[theme.color(role), default: []].append(role)
        }
        var names: [Color: String] = [:]
        for (color, roles) in rolesByColor where color != .default && roles.count == 1 {
            names[color] = roles[0].rawValue
        }
        return names
    }

    public func render(_ grid: CellGrid) -> String {
        var lines = ["\(grid.width)x\(grid.height)"]
        for row in 0..<grid.height {
            lines.append(grid.text(row: row).trimmingTrailingWhitespace())
        }
        let styleLines = styledRuns(grid).map { run in
            let columns = run.first == run.last ? "\(run.first)" : "\(run.first)-\(run.last)"
            return "row \(run.row) col \(columns): \(describe(run.style))"
        }
        if !styleLines.isEmpty {
            lines.append("--")
            lines += styleLines
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `fg=accent bg=selection bold reverse`; `plain` for the default style.
    public func describe(_ style: Style) -> String {
        var parts: [String] = []
        if style.foreground != .default { parts.append("fg=" + name(style.foreground)) }
        if style.background != .default { parts.append("bg=" + name(style.background)) }
        parts += style.attributeNames
        return parts.isEmpty ? "plain" : parts.joined(separator: " ")
    }

    private func name(_ color: Color) -> String {
        colorNames[color] ?? color.name
    }

    struct StyledRun {
        var row: Int
        var first: Int
        var last: Int
        var style: Style
    }

    func styledRuns(_ grid: CellGrid) -> [StyledRun] {
        var runs: [StyledRun] = []
        for row in 0..<grid.height {
            var column = 0
            while column < grid.width {
                let style = grid[column, row].style
                var end = column
                while end + 1 < grid.width, grid[end + 1, row].style == style { end += 1 }
                if style != .plain { runs.append(StyledRun(row: row, first: column, last: end, style: style)) }
                column = end + 1
            }
        }
        return runs
    }
}
