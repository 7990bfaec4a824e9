import SwitchboardCore
import TerminalKit

/// How the app was started: fixed for the session (command-line flags and what the terminal
/// can do).
public struct AppOptions: Sendable, Equatable {
    /// `--read-only`: browsing only. Part 2 disables every change when set.
    public var readOnly: Bool
    /// Box drawing and symbols need a UTF-8 locale; ASCII otherwise.
    public var unicode: Bool
    /// The files the workspace was read from (for the header and for reloading).
    public var inputPaths: [String]
    /// Where unsaved edits are kept if the session ends badly (`nil`: nowhere), and the input
    /// files' content hashes when loaded (a restore compares them). See `RecoveryStore`.
    public var recoveryPath: String?
    public var fileHashes: [String: String]
    /// The LiveKit server the files were pulled from (`switchboard --server`); nil for files.
    public var server: ServerLink?

    public init(
        readOnly: Bool = false, unicode: Bool = true, inputPaths: [String] = [], recoveryPath: String? = nil,
        fileHashes: [String: String] = [:], server: ServerLink? = nil
    ) {
        self.server = server
        self.readOnly = readOnly
        self.unicode = unicode
        self.inputPaths = inputPaths
        self.recoveryPath = recoveryPath
        self.fileHashes = fileHashes
    }

    public var glyphs: BorderGlyphs { .standard(unicode: unicode) }
    public var symbols: Symbols { .standard(unicode: unicode) }
}

/// The whole state of the app, as a value: what ``App/view(_:size:theme:)`` draws and what
/// ``App/update(_:_:)`` changes. Nothing else holds state that affects the screen.
///
/// Large derived data (the catalog, each list's visible positions) lives here too, computed
/// when its inputs change, so a keystroke only touches what it changes.
public struct AppState: Sendable {
    public private(set) var catalog: WorkspaceCatalog {
        didSet { workspaceRevision &+= 1 }
    }
    /// Changes whenever the workspace does (edit, undo, reload): the call runner rebuilds its
    /// routing index only when a run's revision differs from the last one.
    public private(set) var workspaceRevision = 0
    /// The revision a background check was last asked for (``App/requestCheckIfNeeded(_:)``).
    var checkRequestedFor: Int?
    public var options: AppOptions
    /// The terminal size the layout is computed for.
    public var size: TerminalSize
    public var screen: Screen = .browse
    public var tab: Tab = .trunks
    public var focus: Pane = .list
    public var trunks: BrowseList
    public var rules: BrowseList
    /// Rows of the detail pane scrolled off the top.
    public var detailOffset = 0
    /// Secrets of the selected item are shown in clear (`r`); hidden again when the selection
    /// changes, so a password is never revealed by accident on the next item.
    public var revealSecrets = false
    public var overlay: Overlay = .none
    /// The open form (``Screen/form``); `nil` when no item is being edited.
    public var form: FormState?
    /// Unsaved changes, undo and redo.
    public var edits = EditSession()
    /// The call simulator (``Screen/simulator``); kept while browsing so it reopens as left.
    public var simulator = SimulatorState()
    /// Every call simulated this session (``Screen/history``).
    public var history = RunHistory()
    /// The Live calls screen: the SIP endpoint's calls.
    public var live = LiveCallsState()
    /// The export screen (``Screen/export``); `nil` when closed.
    public var exporter: ExportState?
    /// The push screen (``Screen/push``); `nil` when closed.
    public var pusher: PushState?
    /// Lists fetched by `P`, held while the user decides whether to drop local changes.
    public var pendingPull: ServerLists?
    public var toast: ToastState?
    /// The last ``Message/tick(milliseconds:)`` time.
    public var clock = 0
    public var mouseEnabled: Bool
    /// Set by `q`; the loop ends and restores the terminal.
    public var isQuitting = false

    public init(catalog: WorkspaceCatalog, options: AppOptions = AppOptions(), size: TerminalSize, mouseEnabled: Bool = false) {
        self.catalog = catalog
        self.options = options
        self.size = size
        self.mouseEnabled = mouseEnabled
        let rows = ScreenLayout(size: size, tab: .trunks).listRows
        trunks = BrowseList(kind: .trunk, catalog: catalog, viewHeight: rows)
        rules = BrowseList(kind: .rule, catalog: catalog, viewHeight: rows)
    }

    public var workspace: Workspace { catalog.workspace }

    public var layout: ScreenLayout { ScreenLayout(size: size, tab: tab) }

    /// The list on screen, or `nil` on the project tab.
    public var currentList: BrowseList? {
        switch tab {
        case .trunks: return trunks
        case .rules: return rules
        case .project: return nil
        }
    }

    /// Changes the list on screen in place.
    mutating func updateCurrentList(_ body: (inout BrowseList) -> Void) {
        switch tab {
        case .trunks: body(&trunks)
        case .rules: body(&rules)
        case .project: break
        }
    }

    /// The selected trunk on the trunks tab.
    public var selectedTrunk: Trunk? {
        trunks.selectedPosition.map { workspace.trunks[$0] }
    }

    /// The selected rule on the rules tab.
    public var selectedRule: DispatchRule? {
        rules.selectedPosition.map { workspace.rules[$0] }
    }

    /// The key of what the detail pane shows.
    public var selectedItem: ItemKey? {
        switch tab {
        case .trunks: return trunks.selectedID.map { ItemKey(.trunk, $0) }
        case .rules: return rules.selectedID.map { ItemKey(.rule, $0) }
        case .project: return nil
        }
    }

    /// Which key-binding context keystrokes are read in.
    public var keyContext: KeyContext {
        switch overlay {
        case .help: return .help
        case .palette: return .palette
        case .confirm: return .confirm
        case .none:
            switch screen {
            case .browse: return currentList?.isEditingFilter == true ? .filter : .browse
            case .form: return .form
            case .simulator: return simulator.keyContext
            case .history: return history.screen.keyContext
            case .export: return exporter?.keyContext ?? .export
            case .push: return .push
            case .live: return .live
            }
        }
    }

    /// Replaces the workspace (after a reload), keeping tab, filters, orders and selections.
    /// Applies an edit's changes to the catalog in place (``WorkspaceCatalog/apply(_:)``),
    /// then puts the lists over it.
    mutating func applyToCatalog(_ changes: [(key: ItemKey, record: ItemRecord?)]) {
        catalog.apply(changes)
        let rows = layout.listRows
        trunks.adopt(catalog: catalog, viewHeight: rows)
        rules.adopt(catalog: catalog, viewHeight: rows)
    }

    mutating func replaceCatalog(_ newCatalog: WorkspaceCatalog) {
        catalog = newCatalog
        let rows = layout.listRows
        trunks.adopt(catalog: newCatalog, viewHeight: rows)
        rules.adopt(catalog: newCatalog, viewHeight: rows)
    }

    /// The same workspace with its findings filled in: the revision stays (the workspace did
    /// not change, so a cached routing index stays valid), lists and selections stay.
    mutating func adoptFindings(_ checked: WorkspaceCatalog) {
        let revision = workspaceRevision
        catalog = checked
        workspaceRevision = revision
    }

    public mutating func showToast(_ message: String, kind: Toast.Kind = .info) {
        toast = ToastState(toast: Toast(message, kind: kind, unicode: options.unicode), expiresAt: nil)
    }
}
