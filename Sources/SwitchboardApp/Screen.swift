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
/// Browsing is the only screen of part 1. Part 2 adds its screens here as cases with their own
/// state (`case form(FormState)`, `case simulator(SimulatorState)`, `case history(…)`,
/// `case export(…)`); `update` switches on the screen before the overlay, and `view` draws the
/// screen, then the overlay, then the toast, so each new screen gets help, the palette and
/// toasts for free.
public enum Screen: Sendable, Equatable {
    case browse
}

/// Something drawn over the screen that takes the keyboard while open.
public enum Overlay: Sendable, Equatable {
    case none
    case help(HelpState)
    case palette(PaletteState)
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
