import TerminalKit

/// The list shown in the main area; `1`, `2` and `3` switch between them.
public enum Tab: Int, CaseIterable, Sendable {
    case trunks = 1
    case rules = 2
    /// Files, settings and the validation summary of the whole workspace.
    case project = 3

    public var title: String {
        switch self {
        case .trunks: return "Trunks"
        case .rules: return "Rules"
        case .project: return "Project"
        }
    }
}

/// Which pane receives motion keys. `Tab` cycles; clicking a pane focuses it.
public enum Pane: Sendable, Equatable {
    case list
    case detail
}

/// The full-screen mode of the app.
///
/// Each screen keeps its state in its own property of ``AppState`` (``AppState/form``,
/// ``AppState/simulator``, ``AppState/history``, ``AppState/exporter``), so leaving a screen and
/// coming back finds it as it was. `update` routes keys by ``AppState/keyContext`` (the overlay
/// first, then the screen), and `view` draws the screen, then the overlay, then the toast, so
/// every screen gets help, the palette, confirmations and toasts for free.
public enum Screen: Sendable, Equatable {
    /// The lists and the detail pane (part 1).
    case browse
    /// Editing one trunk or rule (`e`, `n`, `d`): ``AppState/form``.
    case form
    /// The call simulator (`c`): ``AppState/simulator``.
    case simulator
    /// Every call simulated this session: ``AppState/history``.
    case history
    /// The push to the LiveKit server (`p`): ``AppState/pusher``.
    case push
    /// Exporting the rules (`x`): ``AppState/exporter``.
    case export
    /// Real calls on the SIP endpoint (`L`): ``AppState/live``.
    case live
}

/// Something drawn over the screen that takes the keyboard while open.
public enum Overlay: Sendable, Equatable {
    case none
    case help(HelpState)
    case palette(PaletteState)
    /// A question that must be answered before going on (delete, discard edits, overwrite).
    case confirm(Confirmation)
}

/// The `?` overlay: what the user typed to filter it and how far it is scrolled.
public struct HelpState: Sendable, Equatable {
    public var filter = ""
    public var offset = 0

    public init(filter: String = "", offset: Int = 0) {
        self.filter = filter
        self.offset = offset
    }
}

/// The command palette: the query and the highlighted entry.
public struct PaletteState: Sendable, Equatable {
    public var query = ""
    public var list = ListState(selected: 0)

    public init(query: String = "") {
        self.query = query
    }
}

/// A short notice and when it disappears (in the clock of ``Message/tick(milliseconds:)``).
public struct ToastState: Sendable, Equatable {
    public var toast: Toast
    /// `nil` until the first tick after it was shown, which starts its time.
    public var expiresAt: Int?

    public static let duration = 3000
}
