import Testing

@testable import TerminalKit

@Suite("Grid diff")
struct GridDiffTests {
    func grid(_ rows: [String], width: Int) -> CellGrid {
        var grid = CellGrid(width: width, height: rows.count)
        for (row, text) in rows.enumerated() { grid.write(text, column: 0, row: row) }
        return grid
    }

    @Test("identical frames produce nothing to paint")
    func identical() {
        let frame = grid(["hello", "world"], width: 8)
        #expect(GridDiff.between(frame, frame).isEmpty)
    }

    @Test("changed cells are grouped into runs per row")
    func runs() {
        let before = grid(["hello", "world"], width: 8)
        let after = grid(["jelly", "world!"], width: 8)
        let diff = GridDiff.between(before, after)
        #expect(!diff.isFullRepaint)
        #expect(diff.runs.map { [$0.row, $0.column, $0.cells.count] } == [[0, 0, 1], [0, 4, 1], [1, 5, 1]])
        #expect(diff.runs[0].cells[0].grapheme == "j")
        #expect(diff.paintedCellCount == 3)
    }

    @Test("a style change alone is a change")
    func styleOnly() {
        let before = grid(["abc"], width: 3)
        var after = before
        after.setStyle(Style(bold: true), in: Rect(x: 1, y: 0, width: 2, height: 1))
        #expect(GridDiff.between(before, after).runs.map(\.column) == [1])
        #expect(GridDiff.between(before, after).runs[0].cells.count == 2)
    }

    @Test("wide glyphs are repainted whole")
    func wide() {
        let before = grid(["a漢b"], width: 5)
        let after = grid(["a字b"], width: 5)
        let diff = GridDiff.between(before, after)
        #expect(diff.runs.count == 1)
        #expect(diff.runs[0].column == 1)
        #expect(diff.runs[0].cells.map(\.grapheme) == ["字", ""])
        #expect(diff.paintedCellCount == 1)
        // Only the continuation differs (its style): the run still starts at the lead.
        var restyled = before
        restyled.put(Cell.continuation(Style(underline: true)), column: 2, row: 0)
        let partial = GridDiff.between(before, restyled)
        #expect(partial.runs.first?.column == 1 || partial.runs.first?.cells.first?.isContinuation == false)
    }

    @Test("no previous frame or a resize repaints everything")
    func full() {
        let frame = grid(["ab", "cd"], width: 2)
        let first = GridDiff.between(nil, frame)
        #expect(first.isFullRepaint)
        #expect(first.runs.count == 2)
        let resized = GridDiff.between(grid(["abc"], width: 3), frame)
        #expect(resized.isFullRepaint)
    }

    @Test("painting diffs onto a memory screen reproduces every frame")
    func memoryBackend() {
        let backend = MemoryBackend(size: TerminalSize(columns: 10, rows: 3))
        var presenter = FramePresenter()
        var generator = SeededGenerator(seed: 3)
        let words = ["漢字", "ok", "👍 go", "Cafe\u{301}", "x", "東京 road", "   "]
        for _ in 0..<200 {
            var frame = CellGrid(width: 10, height: 3)
            for row in 0..<3 {
                let word = words[Int.random(in: 0..<words.count, using: &generator)]
                let column = Int.random(in: 0..<9, using: &generator)
                let style = Style(foreground: .ansi(UInt8.random(in: 0..<3, using: &generator)))
                frame.write(word, column: column, row: row, style: style)
            }
            presenter.present(frame, on: backend)
            #expect(backend.screen == frame)
        }
        #expect(backend.paintedDiffs.first?.isFullRepaint == true)
        #expect(backend.paintedDiffs.dropFirst().allSatisfy { !$0.isFullRepaint })
    }
}
