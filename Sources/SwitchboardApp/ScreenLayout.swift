import TerminalKit

/// Where everything goes for a terminal size: one pure function of the size and tab, used by
/// `view` to draw and by `update` to know page heights and what a mouse click hit, so the two
/// can never disagree.
///
/// ```
/// header   1 Trunks 4 │ 2 Rules 11 │ 3 Project         Switchboard · project.json
/// ┌ list ───────────┐┌ detail ─────────────────────────────────┐
/// │                 ││                                          │
/// └─────────────────┘└──────────────────────────────────────────┘
/// status   TRUNKS  3/4   / filter  tab next pane …        ? more
/// ```
public struct ScreenLayout: Sendable, Equatable {
    /// Below this the layout cannot show a list and a readable detail pane; a message asking
    /// for a bigger window is shown instead of a broken screen.
    public static let minimumSize = TerminalSize(columns: 60, rows: 16)

    public let size: TerminalSize
    public let isTooSmall: Bool
    public let header: Rect
    /// The list panel (with its border); empty on the project tab.
    public let listPanel: Rect
    public let detailPanel: Rect
    public let statusBar: Rect
    /// Everything between the header and the status bar: where the full-screen screens (form,
    /// simulator, history, export) draw.
    public let body: Rect
    /// Where overlays (help, palette) are centred: everything but the status bar, which keeps
    /// showing the mode and keys.
    public let overlayArea: Rect

    public init(size: TerminalSize, tab: Tab) {
        self.size = size
        isTooSmall = size.columns < Self.minimumSize.columns || size.rows < Self.minimumSize.rows
        let screen = Rect(x: 0, y: 0, width: size.columns, height: size.rows)
        header = screen.top(1)
        statusBar = screen.bottom(1)
        let body = screen.inset(top: 1, bottom: 1)
        self.body = body
        overlayArea = screen.inset(bottom: 1)
        if tab == .project {
            listPanel = Rect(x: body.x, y: body.y, width: 0, height: body.height)
            detailPanel = body
        } else {
            // The list gets about two fifths, never less than 28 columns nor more than 56:
            // names stay readable and the detail pane gets the rest.
            let listWidth = min(56, max(28, body.width * 2 / 5))
            let parts = body.split(.horizontal, [.fixed(listWidth), .fill()])
            listPanel = parts[0]
            detailPanel = parts[1]
        }
    }

    /// The list's rows inside its border (the last one is the filter/position footer).
    public var listInner: Rect { listPanel.inset(by: 1) }

    /// How many items the list shows at once: what PgUp/PgDn move by.
    public var listRows: Int { max(0, listInner.height - 1) }

    public var detailInner: Rect { detailPanel.inset(top: 1, left: 2, bottom: 1, right: 1) }

    /// Rows the help overlay's body shows (for scrolling limits); mirrors ``HelpOverlay``.
    public var helpBodyRows: Int { max(0, overlayArea.height - 6) }
}
