/// The size of a terminal in cells.
public struct TerminalSize: Hashable, Sendable {
    public var columns: Int
    public var rows: Int

    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }
}

/// What the app loop needs from a terminal. Implemented by the ncurses adapter
/// (`CursesTerminal`) and by ``MemoryBackend`` for tests.
///
/// All calls happen on one thread (ncurses is not thread-safe); other work reaches the loop as
/// messages.
public protocol TerminalBackend: AnyObject {
    /// The current size; changes are announced by a ``Key/resize`` from ``readKey(timeoutMs:)``.
    var size: TerminalSize { get }
    /// What the terminal can show after honouring `NO_COLOR` and user overrides.
    var colorDepth: ColorDepth { get }
    /// Whether non-ASCII text can be shown (a UTF-8 locale); callers switch borders and
    /// markers to ASCII otherwise.
    var supportsUnicode: Bool { get }
    /// Paints the changed cells and flushes once.
    func paint(_ diff: GridDiff)
    /// The next key, or `nil` when `timeoutMs` passes first (negative waits indefinitely).
    func readKey(timeoutMs: Int) -> Key?
    /// Restores the terminal. Idempotent.
    func shutdown()
}

/// Keeps the last painted frame so each new frame is sent as a diff.
///
/// Call ``invalidate()`` after anything that may have disturbed the screen (a resize, handing
/// the terminal to `$EDITOR`) to force a full repaint.
public struct FramePresenter {
    public private(set) var lastFrame: CellGrid?

    public init() {}

    /// Diffs `grid` against the previous frame and paints the difference.
    @discardableResult
    public mutating func present(_ grid: CellGrid, on backend: some TerminalBackend) -> GridDiff {
        let diff = GridDiff.between(lastFrame, grid)
        if !diff.isEmpty { backend.paint(diff) }
        lastFrame = grid
        return diff
    }

    public mutating func invalidate() {
        lastFrame = nil
    }
}
