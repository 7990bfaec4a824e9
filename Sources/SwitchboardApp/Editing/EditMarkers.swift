import SwitchboardCore
import TerminalKit

/// How unsaved edits show outside the form: a marker on each changed row (`●` changed, `+`
/// new; `*` and `+` in ASCII), and a count in the header and the status bar
/// (`2 unsaved changes`), so nothing unsaved is ever out of sight.
enum EditMarkers {
    /// The marker of a changed item, or `nil`.
    static func glyph(_ mark: ChangeMark?, unicode: Bool) -> String? {
        switch mark {
        case .modified: return unicode ? "●" : "*"
        case .added: return "+"
        case .deleted, nil: return nil
        }
    }

    /// Widens the row's marker by one column for the dirty glyph (every row, while anything is
    /// unsaved, so names stay aligned); the dirty colour unless the item has an error.
    static func decorate(_ row: inout ListItem, _ kind: ItemKind, at position: Int, state: AppState) {
        let key = ItemKey(kind, state.catalog.id(of: kind, at: position))
        guard let glyph = glyph(state.edits.mark(key), unicode: state.options.unicode) else {
            row.marker = " " + (row.marker ?? " ")
            return
        }
        row.marker = glyph + (row.marker ?? " ")
        if row.markerStyle != .error { row.markerStyle = .dirty }
    }

    /// `2 unsaved changes` (with deletions counted: they are no longer in the lists).
    static func summary(_ edits: EditSession) -> String? {
        guard edits.isDirty else { return nil }
        let count = edits.changeCount
        var text = "\(count) unsaved change\(count == 1 ? "" : "s")"
        let deleted = edits.deletedCount
        if deleted > 0 { text += " (\(deleted) deleted)" }
        return text
    }

    /// Appended to the status bar's mode: ` ● 2 unsaved`, or ` saving` while a save is out.
    static func statusSuffix(_ state: AppState) -> String {
        if state.edits.pendingSave != nil { return " saving" }
        guard state.edits.isDirty else { return "" }
        return " \(state.options.unicode ? "●" : "*") \(state.edits.changeCount) unsaved"
    }

    /// Put before the app's name on the header's right: `2 unsaved changes · `.
    static func headerPrefix(_ state: AppState) -> String {
        guard let summary = summary(state.edits) else { return "" }
        return summary + " \(state.options.unicode ? "·" : "-") "
    }
}
