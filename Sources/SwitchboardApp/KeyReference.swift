import TerminalKit

/// The key reference in `docs/keys.md`, written from the same table that drives dispatch,
/// hints, help and the palette, so the document cannot fall behind the app: a test compares
/// the file with this text (and rewrites it with `SWITCHBOARD_RECORD_SNAPSHOTS=1`).
public enum KeyReference {
    /// Where each context is met, as a heading a reader recognises.
    static func title(_ context: KeyContext) -> String {
        switch context {
        case .browse: return "Browsing the lists (trunks, rules, project)"
        case .filter: return "Typing a filter (`/`)"
        case .help: return "The help overlay (`?`)"
        case .palette: return "The command palette (`:` or ctrl+p)"
        case .confirm: return "A confirmation dialog"
        case .form: return "Editing a trunk or rule (forms)"
        case .simulator: return "The call simulator's form (`c`)"
        case .simulatorResult: return "The simulator's Request, Response and Outcome panes"
        case .simulatorPicker: return "Picking a saved call"
        case .simulatorRunning: return "While a simulated call is in flight"
        case .history: return "Run history (`H`)"
        case .historyDetail: return "One run of the history"
        case .historyCompare: return "Two runs compared"
        case .historyPrompt: return "Naming a saved scenario"
        case .export: return "Export (`x`)"
        case .exportPath: return "Typing the export's path"
        case .push: return "Pushing to the LiveKit server (`p`)"
        case .live: return "Live calls on the SIP endpoint (`L`)"
        }
    }

    public static func markdown() -> String {
        var out = """
            # Keys of the terminal UI

            Generated from the app's key-binding table (`Sources/SwitchboardApp/KeyMap*.swift`), the
            one table that also drives the status-bar hints, the `?` overlay and the command palette.
            `?` on any screen lists the keys of that screen; `:` finds a command by name. Regenerate
            this file with `SWITCHBOARD_RECORD_SNAPSHOTS=1 swift test --filter KeyReference`.

            """
        for context in KeyContext.allCases {
            let sections = KeyMap.table.helpSections(for: context.rawValue)
            guard !sections.isEmpty else { continue }
            out += "\n## \(title(context))\n\n| key | does | group |\n|---|---|---|\n"
            for section in sections {
                for binding in section.bindings {
                    let keys = binding.keys.map { "`\(cell($0.displayName))`" }.joined(separator: " ")
                    out += "| \(keys) | \(cell(binding.label)) | \(cell(section.group)) |\n"
                }
            }
        }
        return out
    }

    /// A Markdown table cell: a literal `|` would end the cell, and a backtick the code span.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "`", with: "ˋ")
    }
}
