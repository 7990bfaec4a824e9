/// What changed between two frames, as runs of consecutive cells per row.
///
/// Backends paint only these runs, which keeps a keystroke's output to a few dozen bytes even
/// on a 200×60 screen, and is the "only changed cells" rule from the ncurses notes. A run
/// never starts on a continuation cell: if the right half of a wide glyph changed, its lead is
/// included so the painter can redraw the whole glyph.
public struct GridDiff: Hashable, Sendable {
    /// Consecutive changed cells in one row, starting at `column`.
    public struct Run: Hashable, Sendable {
        public var row: Int
        public var column: Int
        public var cells: [Cell]
    }

    public var width: Int
    public var height: Int
    public var runs: [Run]
    /// The previous frame was missing or a different size: the painter should clear first.
    public var isFullRepaint: Bool

    /// The diff that turns `previous` into `next`. With no previous frame (or a resize)
    /// every row is one run.
    public static func between(_ previous: CellGrid?, _ next: CellGrid) -> GridDiff {
        guard let previous, previous.width == next.width, previous.height == next.height else {
            let runs = (0..<next.height).map { row in
                Run(row: row, column: 0, cells: Array(next.cells[(row * next.width)..<((row + 1) * next.width)]))
            }
            return GridDiff(
                width: next.width, height: next.height, runs: next.width == 0 ? [] : runs, isFullRepaint: true)
        }
        var runs: [Run] = []
        let width = next.width
        for row in 0..<next.height {
            let base = row * width
            var column = 0
            while column < width {
                guard previous.cells[base + column] != next.cells[base + column] else {
                    column += 1
                    continue
                }
                var start = column
                if next.cells[base + start].isContinuation, start > 0 { start -= 1 }
                var end = column + 1
                while end < width, previous.cells[base + end] != next.cells[base + end] { end += 1 }
                // A changed lead whose continuation is identical still needs both columns.
                if end < width, next.cells[base + end].isContinuation { end += 1 }
                if let last = runs.last, last.row == row, last.column + last.cells.count >= start {
                    let extended = Array(next.cells[(base + last.column)..<(base + end)])
                    runs[runs.count - 1].cells = extended
                } else {
                    runs.append(Run(row: row, column: start, cells: Array(next.cells[(base + start)..<(base + end)])))
                }
                column = end
            }
        }
        return GridDiff(width: width, height: next.height, runs: runs, isFullRepaint: false)
    }

    /// Number of cells that will be painted (continuations excluded).
    public var paintedCellCount: Int {
        runs.reduce(0) { $0 + $1.cells.filter { !$0.isContinuation }.count }
    }

    public var isEmpty: Bool { runs.isEmpty }
}
