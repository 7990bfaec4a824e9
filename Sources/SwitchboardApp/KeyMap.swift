import TerminalKit

/// Where a key is read; the contexts of the key-binding table.
///
/// Every binding is scoped to one context (none is global), so a letter typed into the filter,
/// help or the palette can never trigger a list command, and help can list each context's keys
/// under its own heading.
public enum KeyContext: String, CaseIterable, Sendable {
    case browse
    case filter
    case help
    case palette
    /// A ``Confirmation`` is open.
    case confirm
    case form
    /// The call simulator's form.
    case simulator
    /// The simulator's result panes.
    case simulatorResult
    /// The simulator's saved-call picker.
    case simulatorPicker
    /// A simulated call is in flight.
    case simulatorRunning
    case history
    /// One run of the history, in the simulator's panes.
    case historyDetail
    /// Two runs of the history side by side.
    case historyCompare
    /// Typing a saved scenario's name.
    case historyPrompt
    case export
    /// Typing the export's target path.
    case exportPath
    /// The push screen (`p`): the plan, then what was sent.
    case push
    /// The Live calls screen (`L`).
    case live
}

/// The app's default keys: the one table that drives dispatch, the status-bar hints, the `?`
/// help overlay and the command palette, so the four always agree.
public enum KeyMap {
    /// Each screen declares its keys next to its code (`KeyMap+Form.swift` and so on); this
    /// is where they meet.
    public static let table = KeyBindingTable(
        bindings + confirmBindings + formBindings + simulatorBindings + historyBindings + exportBindings
            + pushBindings + liveCallsBindings)

    /// The action bound to `key` in `context`, if any.
    public static func action(for key: Key, in context: KeyContext) -> AppAction? {
        table.action(for: key, in: context.rawValue).flatMap(AppAction.init(rawValue:))
    }

    /// Help content: the browsing keys, then the keys of the filter, help and palette under
    /// their own headings. `filter` narrows it as the user types.
    public static func helpSections(filter: String) -> [HelpSection] {
        KeyContext.allCases.flatMap { table.helpSections(for: $0.rawValue, filter: filter) }
    }

    /// Palette entries for `query`, best first (only actions that make sense as commands).
    public static func paletteEntries(matching query: String) -> [PaletteEntry] {
        table.paletteEntries(matching: query, in: KeyContext.browse.rawValue)
    }

    /// One binding: `keys` do `action` in `contexts`; `hint` ranks it for the status bar (1
    /// first), `palette: false` keeps motion keys out of the command palette.
    static func bind(
        _ keys: [Key], _ action: AppAction, _ label: String, _ group: String, hint: Int? = nil,
        in contexts: Set<KeyContext>, palette: Bool = true
    ) -> KeyBinding {
        KeyBinding(
            keys, action: action.rawValue, label: label, group: group, hintPriority: hint,
            contexts: Set(contexts.map(\.rawValue)), inPalette: palette)
    }

    /// Keys of browsing, the filter, help and the palette.
    static let bindings: [KeyBinding] = {
        let browse: Set<KeyContext> = [.browse]
        let filter: Set<KeyContext> = [.filter]
        let help: Set<KeyContext> = [.help]
        let palette: Set<KeyContext> = [.palette]
        return [
            bind([.char("1")], .showTrunks, "trunks", "Lists", hint: 3, in: browse),
            bind([.char("2")], .showRules, "rules", "Lists", hint: 4, in: browse),
            bind([.char("3")], .showProject, "project and files", "Lists", in: browse),
            bind([.char("/")], .startFilter, "filter", "Lists", hint: 1, in: browse),
            bind([.char("s")], .cycleSort, "sort: file, ID, name, type", "Lists", hint: 6, in: browse),
            bind([.down, .char("j")], .moveDown, "down", "Moving", in: browse, palette: false),
            bind([.up, .char("k")], .moveUp, "up", "Moving", in: browse, palette: false),
            bind([.char("g"), .home], .moveTop, "first", "Moving", in: browse, palette: false),
            bind([.char("G"), .end], .moveBottom, "last", "Moving", in: browse, palette: false),
            bind([.pageDown], .pageDown, "page down", "Moving", in: browse, palette: false),
            bind([.pageUp], .pageUp, "page up", "Moving", in: browse, palette: false),
            bind([.tab], .nextPane, "next pane", "Panes", hint: 2, in: browse),
            bind([.backTab], .previousPane, "previous pane", "Panes", in: browse, palette: false),
            bind([.enter, .char("l"), .right], .focusDetail, "open details", "Panes", in: browse, palette: false),
            bind([.char("h"), .left], .focusList, "back to the list", "Panes", in: browse, palette: false),
            bind([.escape], .back, "back / clear filter", "Panes", in: browse, palette: false),
            bind([.char("r")], .revealSecrets, "reveal or hide secrets", "Details", in: browse),
            bind([.char("e")], .edit, "edit the selected item", "Editing", hint: 7, in: browse),
            bind([.char("n")], .newItem, "new trunk or rule", "Editing", in: browse),
            bind([.char("d")], .duplicate, "duplicate the selected item", "Editing", in: browse),
            bind([.delete], .deleteItem, "delete the selected item", "Editing", in: browse),
            bind([.char("u"), .ctrl("z")], .undo, "undo", "Editing", in: browse),
            bind([.ctrl("r"), .ctrl("y")], .redo, "redo", "Editing", in: browse),
            bind([.ctrl("s")], .save, "save the project file", "Editing", in: browse),
            bind([.char("U")], .revertToSaved, "revert every unsaved change", "Editing", in: browse),
            bind([.char("c")], .simulateCall, "simulate a call (on a rule: a call it takes)", "Calls", hint: 8, in: browse),
            bind([.char("H")], .showHistory, "run history", "Calls", in: browse),
            bind([.char("L")], .showLiveCalls, "live calls: answer real SIP calls", "Calls", in: browse),
            bind([.char("x")], .export, "export rules as JSON", "Files", in: browse),
            bind([.char("R")], .reload, "reload files from disk", "App", in: browse),
            bind([.char("P")], .pullFromServer, "pull from the LiveKit server and reload", "Server", in: browse),
            bind([.char("p")], .pushToServer, "push to the LiveKit server (shows the plan first)", "Server", in: browse),
            bind([.char("M")], .toggleMouse, "mouse on/off (off lets you select text)", "App", in: browse),
            bind([.char("?")], .help, "help", "App", in: browse),
            bind([.char(":"), .ctrl("p")], .palette, "command palette", "App", in: browse, palette: false),
            bind([.char("q")], .quit, "quit", "App", hint: 5, in: browse),

            bind([.enter], .acceptFilter, "keep the filter", "While filtering", hint: 1, in: filter),
            bind([.escape], .clearFilter, "clear the filter", "While filtering", hint: 2, in: filter),
            bind([.backspace], .deleteBackward, "delete a character", "While filtering", in: filter),
            bind([.down], .moveDown, "down", "While filtering", in: filter),
            bind([.up], .moveUp, "up", "While filtering", in: filter),
            bind([.pageDown], .pageDown, "page down", "While filtering", in: filter),
            bind([.pageUp], .pageUp, "page up", "While filtering", in: filter),

            bind([.escape, .char("?")], .closeOverlay, "close help", "In help", hint: 1, in: help),
            bind([.down], .moveDown, "scroll down", "In help", in: help),
            bind([.up], .moveUp, "scroll up", "In help", in: help),
            bind([.pageDown], .pageDown, "page down", "In help", in: help),
            bind([.pageUp], .pageUp, "page up", "In help", in: help),
            bind([.backspace], .deleteBackward, "delete a character", "In help", in: help),

            bind([.enter], .runCommand, "run the command", "In the command palette", hint: 1, in: palette),
            bind([.escape], .closeOverlay, "close", "In the command palette", hint: 2, in: palette),
            bind([.down, .ctrl("n")], .moveDown, "next", "In the command palette", in: palette),
            bind([.up, .ctrl("p")], .moveUp, "previous", "In the command palette", in: palette),
            bind([.backspace], .deleteBackward, "delete a character", "In the command palette", in: palette),
        ]
    }()
}
