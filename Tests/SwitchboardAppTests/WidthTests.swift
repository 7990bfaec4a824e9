import SwitchboardApp
import SwitchboardCore
import TerminalKit
import Testing

/// Wide (CJK) and combining characters in names must never push or break a border, at any
/// width: the border columns of both panels hold border glyphs on every row.
@Suite("Wide and combining characters")
struct WidthTests {
    static func assertBordersIntact(_ state: AppState, sourceLocation: SourceLocation = #_sourceLocation) {
        let grid = App.view(state, size: state.size, theme: Theme.fallback)
        let layout = state.layout
        for panel in [layout.listPanel, layout.detailPanel] where !panel.isEmpty {
            for row in panel.y..<panel.maxY {
                for column in [panel.x, panel.maxX - 1] {
                    let cell = grid[column, row]
                    #expect(
                        "│┌┐└┘─".contains(cell.grapheme) && cell.width == 1,
                        "border broken at \(column),\(row) (\(state.size.columns) columns): \(grid.text(row: row))",
                        sourceLocation: sourceLocation)
                }
            }
        }
        for row in 0..<grid.height {
            #expect(DisplayWidthCheck.columns(grid, row: row) == grid.width, sourceLocation: sourceLocation)
        }
    }

    @Test("the Tokyo trunk (CJK, e + combining acute) keeps borders straight at every width")
    func bordersAtEveryWidth() {
        for columns in 60...130 {
            var (state, _) = Fixtures.press([.char("G")], on: Fixtures.state(columns: columns, rows: 20))
            #expect(state.selectedTrunk?.id == "ST_TokyoWide9Jp")
            Self.assertBordersIntact(state)
            (state, _) = Fixtures.press([.char("2"), .char("G")], on: state)
            Self.assertBordersIntact(state)
        }
    }

    @Test("a filter typed with wide characters keeps the footer inside the list")
    func wideFilter() {
        let (state, _) = Fixtures.press([.char("/")] + Fixtures.type("東京オフィス東京オフィス東京"), on: Fixtures.state(columns: 60, rows: 16))
        Self.assertBordersIntact(state)
        let (matching, _) = Fixtures.press([.char("/")] + Fixtures.type("東京"), on: Fixtures.state(columns: 60, rows: 16))
        #expect(matching.trunks.visible.count == 1)
        #expect(Fixtures.screen(matching).contains { $0.contains("東京オフィス") })
    }

    @Test("the combining accent stays on its letter")
    func combining() {
        let (state, _) = Fixtures.press([.char("G")], on: Fixtures.state())
        #expect(Fixtures.screen(state).contains { $0.contains("Café\u{301}") })
    }
}

/// Adds up a row's cell widths: a grid row always covers exactly the grid's width.
enum DisplayWidthCheck {
    static func columns(_ grid: CellGrid, row: Int) -> Int {
        (0..<grid.width).reduce(0) { total, column in
            let cell = grid[column, row]
            return total + (cell.isContinuation ? 1 : 0) + (cell.width == 2 ? 1 : Int(cell.width))
        }
    }
}
