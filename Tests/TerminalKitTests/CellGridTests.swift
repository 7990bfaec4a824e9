import Testing

@testable import TerminalKit

@Suite("Cell grid")
struct CellGridTests {
    @Test("a wide glyph takes a lead and a continuation cell")
    func wideGlyph() {
        var grid = CellGrid(width: 4, height: 1)
        let end = grid.write("漢a", column: 0, row: 0)
        #expect(end == 3)
        #expect(grid[0, 0].grapheme == "漢")
        #expect(grid[0, 0].width == 2)
        #expect(grid[1, 0].isContinuation)
        #expect(grid[2, 0].grapheme == "a")
    }

    @Test("a wide glyph straddling the clip's right edge becomes a space; the border survives")
    func wideAtRightBorder() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("│", column: 0, row: 0)
        grid.write("│", column: 5, row: 0)
        grid.write("a漢字", column: 1, row: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(grid.text(row: 0) == "│a漢 │")
        #expect(grid[5, 0].grapheme == "│")
    }

    @Test("a wide glyph cut by the clip's left edge shows its visible half as a space")
    func wideAtLeftBorder() {
        var grid = CellGrid(width: 5, height: 1)
        grid.write("|", column: 0, row: 0)
        grid.write("漢ab", column: 0, row: 0, clip: Rect(x: 1, y: 0, width: 4, height: 1))
        #expect(grid.text(row: 0) == "| ab ")
    }

    @Test("a wide glyph at the grid's last column becomes a space")
    func wideAtGridEdge() {
        var grid = CellGrid(width: 3, height: 1)
        grid.write("ab漢", column: 0, row: 0)
        #expect(grid.text(row: 0) == "ab ")
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("overwriting half of a wide glyph blanks the other half")
    func overwriteHalf() {
        var grid = CellGrid(width: 4, height: 1)
        grid.write("漢", column: 0, row: 0)
        grid.write("x", column: 1, row: 0)
        #expect(grid.text(row: 0) == " x  ")
        grid.write("字", column: 2, row: 0)
        grid.write("y", column: 2, row: 0)
        #expect(grid.text(row: 0) == " xy ")
        #expect(grid.cells.allSatisfy { !$0.isContinuation })
    }

    @Test("filling a rectangle over wide glyphs: the same grid as putting each cell, no orphan half")
    func fillOverWideGlyphs() {
        // Rows of wide and narrow glyphs at every alignment; rectangles at every position
        // and size, including one column wide and clipped by the grid.
        let rows = ["漢字ab漢c字", "a漢字b漢cd", "漢漢漢漢漢", "ab漢cd字ef"]
        for x in -1...10 {
            for width in 1...4 {
                let rect = Rect(x: x, y: 0, width: width, height: 3)
                var grid = CellGrid(width: 10, height: 4)
                for (row, text) in rows.enumerated() { grid.write(text, column: 0, row: row) }
                var expected = grid
                let area = rect.intersection(expected.bounds)
                for row in area.y..<area.maxY {
                    for column in area.x..<area.maxX {
                        expected.put(Cell(grapheme: "·", width: 1, style: .plain), column: column, row: row)
                    }
                }
                grid.fill(rect, grapheme: "·")
                #expect(grid == expected, "x \(x), width \(width)")
                for row in 0..<grid.height {
                    for column in 0..<grid.width where grid[column, row].width == 2 {
                        #expect(column + 1 < grid.width && grid[column + 1, row].isContinuation)
                    }
                    for column in 0..<grid.width where grid[column, row].isContinuation {
                        #expect(column > 0 && grid[column - 1, row].width == 2)
                    }
                }
            }
        }
    }

    @Test("plain ASCII text over wide glyphs, clipped at every place: the same grid as putting each cell")
    func asciiWriteOverWideGlyphs() {
        let rows = ["漢字ab漢c字", "a漢字b漢cd", "漢漢漢漢漢"]
        for column in -3...11 {
            for clipX in 0...4 {
                for text in ["x", "hello", "a b~c"] {
                    let clip = Rect(x: clipX, y: 0, width: 5, height: 3)
                    var grid = CellGrid(width: 10, height: 3)
                    for (row, line) in rows.enumerated() { grid.write(line, column: 0, row: row) }
                    var expected = grid
                    var expectedEnd = column
                    let area = clip.intersection(expected.bounds)
                    for character in text {
                        if expectedEnd >= area.x, expectedEnd < area.maxX {
                            expected.put(Cell(grapheme: String(character), width: 1, style: .plain), column: expectedEnd, row: 1)
                        }
                        expectedEnd += 1
                    }
                    let end = grid.write(text, column: column, row: 1, clip: clip)
                    #expect(end == expectedEnd)
                    #expect(grid == expected, "\(text) at \(column), clip from \(clipX)")
                }
            }
        }
    }

    @Test("control characters are never stored raw; zero-width graphemes are dropped")
    func controls() {
        var grid = CellGrid(width: 6, height: 1)
        grid.write("a\u{1B}b\u{200B}c", column: 0, row: 0)
        #expect(grid.text(row: 0) == "a\u{FFFD}bc  ")
    }

    @Test("wide and combining characters in names never break a panel border")
    func namesInPanel() {
        let theme = Theme.fallback
        for width in 4...16 {
            var grid = CellGrid(width: width, height: 4)
            let rect = grid.bounds
            let inner = Panel(title: "日本語のタイトル", trailingTitle: "3/12", focused: true)
                .render(in: rect, grid: &grid, theme: theme)
            ListView(
                items: [ListItem("漢字の名前と👨\u{200D}👩\u{200D}👧家族", detail: "東京"), ListItem("Cafe\u{301}")],
                state: ListState(selected: 0), showsFooter: false
            ).render(in: inner, grid: &grid, theme: theme)
            #expect(grid[0, 0].grapheme == "┌")
            #expect(grid[width - 1, 0].grapheme == "┐")
            #expect(grid[0, 3].grapheme == "└")
            #expect(grid[width - 1, 3].grapheme == "┘")
            for row in 1...2 {
                #expect(grid[0, row].grapheme == "│", "left border at width \(width) row \(row)")
                #expect(grid[width - 1, row].grapheme == "│", "right border at width \(width) row \(row)")
                #expect(DisplayWidth.of(grid.text(row: row)) == width)
            }
        }
    }
}
