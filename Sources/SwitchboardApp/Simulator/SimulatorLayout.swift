import TerminalKit

/// Where the simulator's parts go in the body area; used by the view to draw and by `update`
/// to know how far a pane scrolls, so the two agree.
///
/// The form is on top: full height while it is being edited, one summary row once the result
/// has the keyboard (the panes get the room). The three panes stand side by side from
/// ``sideBySideWidth`` columns (each then has about 50 columns, enough for pretty JSON);
/// narrower terminals show one pane at a time under a tab strip.
struct SimulatorLayout {
    static let sideBySideWidth = 150

    let form: Rect
    let sideBySide: Bool
    /// The tab strip above the pane, when not side by side.
    let tabs: Rect?
    /// Each pane's panel (with its border); in tab mode only the selected pane has one.
    let panes: [SimulatorState.Pane: Rect]

    init(body: Rect, simulator: SimulatorState) {
        sideBySide = body.width >= Self.sideBySideWidth
        let expanded = simulator.focus != .result && !simulator.isRunning
        let formRows = simulator.form.fields.count + 2
        let resultMinimum = sideBySide ? 6 : 7
        let formHeight = expanded ? max(3, min(formRows, body.height - resultMinimum)) : 3
        let parts = body.split(.vertical, [.fixed(formHeight), .fill()])
        form = parts[0]
        let results = parts[1]
        if sideBySide {
            tabs = nil
            let columns = results.split(.horizontal, [.fill(), .fill(), .fill()])
            var panes: [SimulatorState.Pane: Rect] = [:]
            for pane in SimulatorState.Pane.allCases { panes[pane] = columns[pane.rawValue] }
            self.panes = panes
        } else {
            let rows = results.split(.vertical, [.fixed(1), .fill()])
            tabs = rows[0]
            panes = [simulator.pane: rows[1]]
        }
    }

    /// Where a pane's text goes: inside the border, one column of padding on the left.
    static func textArea(_ panel: Rect) -> Rect {
        panel.inset(top: 1, left: 2, bottom: 1, right: 1)
    }

    /// The form's field rows inside its border.
    var formRows: Rect { form.inset(top: 1, left: 2, bottom: 1, right: 1) }
}
