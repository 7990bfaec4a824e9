/// A terminal in memory: applies diffs to a grid and replays scripted keys. Used by app tests
/// and end-to-end style tests that should not need a tty.
public final class MemoryBackend: TerminalBackend {
    public private(set) var size: TerminalSize
    public var colorDepth: ColorDepth
    public var supportsUnicode: Bool
    /// What the "screen" shows now.
    public private(set) var screen: CellGrid
    /// Keys still to be returned by ``readKey(timeoutMs:)``, first first.
    public var queuedKeys: [Key]
    /// Every diff painted, for assertions about how much was redrawn.
    public private(set) var paintedDiffs: [GridDiff] = []
    public private(set) var isShutDown = false

    public init(size: TerminalSize, colorDepth: ColorDepth = .truecolor, supportsUnicode: Bool = true, keys: [Key] = []) {
        self.size = size
        self.colorDepth = colorDepth
        self.supportsUnicode = supportsUnicode
        self.screen = CellGrid(width: size.columns, height: size.rows)
        self.queuedKeys = keys
    }

    /// Simulates the user resizing the window: the size changes and a resize key is queued.
    public func resize(to newSize: TerminalSize) {
        size = newSize
        screen = CellGrid(width: newSize.columns, height: newSize.rows)
        queuedKeys.insert(.resize, at: 0)
    }

    public func paint(_ diff: GridDiff) {
        paintedDiffs.append(diff)
        if diff.isFullRepaint || screen.width != diff.width || screen.height != diff.height {
            screen = CellGrid(width: diff.width, height: diff.height)
        }
        for run in diff.runs {
            for (offset, cell) in run.cells.enumerated() where !cell.isContinuation {
                screen.put(cell, column: run.column + offset, row: run.row)
            }
        }
    }

    public func readKey(timeoutMs: Int) -> Key? {
        queuedKeys.isEmpty ? nil : queuedKeys.removeFirst()
    }

    public func shutdown() {
        isShutDown = true
    }
}
