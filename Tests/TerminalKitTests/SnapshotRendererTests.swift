import Testing

@testable import TerminalKit

@Suite("Snapshot renderer")
struct SnapshotRendererTests {
    func sample(theme: Theme) -> CellGrid {
        var grid = CellGrid(width: 16, height: 4)
        let inner = Panel(title: "Rules", focused: true).render(in: grid.bounds, grid: &grid, theme: theme)
        ListView(items: [ListItem("Support"), ListItem("日本")], state: ListState(selected: 0), showsFooter: false)
            .render(in: inner, grid: &grid, theme: theme)
        return grid
    }

    @Test("text block plus styled runs, colours named after unambiguous roles")
    func truecolor() {
        let theme = Theme.fallback
        let text = SnapshotRenderer(theme: theme).render(sample(theme: theme))
        #expect(
            text == """
                16x4
                ┌─ Rules ──────┐
                │ Support      │
                │ 日本         │
                └──────────────┘
                --
                row 0 col 0-1: fg=#5fafff
                row 0 col 2-8: fg=title bold
                row 0 col 9-15: fg=#5fafff
                row 1 col 0: fg=#5fafff
                row 1 col 1-14: fg=selectionText bg=selection bold
                row 1 col 15: fg=#5fafff
                row 2 col 0: fg=#5fafff
                row 2 col 1-14: fg=foreground
                row 2 col 15: fg=#5fafff
                row 3 col 0-15: fg=#5fafff

                """)
    }

    @Test("the same screen in 16 colours and without colour")
    func degraded() {
        let sixteen = Theme.fallback.adapted(to: .ansi16)
        let text16 = SnapshotRenderer(theme: sixteen).render(sample(theme: sixteen))
        #expect(text16.contains("row 1 col 1-14: fg=selectionText bg=brightBlack bold"))
        let mono = Theme.fallback.adapted(to: .none)
        let textMono = SnapshotRenderer(theme: mono).render(sample(theme: mono))
        #expect(
            textMono.split(separator: "\n").filter { $0.hasPrefix("row") } == [
                "row 0 col 2-8: bold", "row 1 col 1-14: bold reverse",
            ])
    }

    @Test("a plain grid has no style block; trailing spaces are trimmed")
    func plain() {
        var grid = CellGrid(width: 5, height: 2)
        grid.write("ab", column: 0, row: 0)
        #expect(SnapshotRenderer().render(grid) == "5x2\nab\n\n")
    }

    @Test("style descriptions")
    func describe() {
        let renderer = SnapshotRenderer(colorNames: [.ansi(1): "error"])
        #expect(renderer.describe(.plain) == "plain")
        #expect(
            renderer.describe(Style(foreground: .ansi(1), background: .indexed(17), underline: true))
                == "fg=error bg=17 underline")
    }
}
