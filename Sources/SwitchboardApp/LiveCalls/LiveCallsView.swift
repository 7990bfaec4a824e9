import SwitchboardCore
import TerminalKit

/// Draws the Live calls screen: where the endpoint listens, then the calls it took, newest
/// first: when, from → to, the call's state, what routing decided, the room, the SIP answer.
enum LiveCallsView {
    /// Rows that show calls: the body minus borders, the address line and the column header.
    static func listRows(_ state: AppState) -> Int { max(1, state.layout.body.height - 4) }

    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let live = state.live
        let count = live.calls.count
        let inner = Panel(
            title: "Live calls · \(count) call" + (count == 1 ? "" : "s"), trailingTitle: trailing(live), focused: true,
            glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: area, grid: &grid, theme: theme)
        guard inner.height > 2, inner.width > 10 else { return }
        let (status, role) = statusLine(live)
        let ellipsis = state.options.symbols.ellipsis
        grid.write(
            DisplayWidth.truncate(sanitizeForDisplay(status), to: inner.width - 2, ellipsis: ellipsis), column: inner.x + 1,
            row: inner.y, style: theme.style(role), clip: inner)
        var top = inner.y + 1
        if let problem = live.lastProblem {
            let line = "\(live.problems) problem\(live.problems == 1 ? "" : "s") reported; latest: \(problem)"
            grid.write(
                DisplayWidth.truncate(sanitizeForDisplay(line), to: inner.width - 2, ellipsis: ellipsis), column: inner.x + 1,
                row: top, style: theme.style(ThemeRole.warning), clip: inner)
            top += 1
        }
        guard count > 0 else {
            let hint = [
                "",
                "No calls yet. Point a softphone, sipp or a PBX at the address above, e.g.",
                "  sipp -sn uac -m 1 -s \(exampleNumber(state.workspace)) \(exampleTarget(live))",
                "Each INVITE is routed on the workspace as edited now, webhook included; the call",
                "appears here and in the run history (H), and Enter opens its request, response and outcome.",
            ]
            for (row, line) in hint.enumerated() where top + row < inner.maxY {
                grid.write(
                    DisplayWidth.truncate(sanitizeForDisplay(line), to: inner.width - 2, ellipsis: ellipsis), column: inner.x + 1,
                    row: top + row, style: theme.style(.textMuted), clip: inner)
            }
            return
        }
        let columns = Columns(width: inner.width - 2, ellipsis: ellipsis)
        grid.write(columns.header, column: inner.x + 1, row: top, style: theme.style(.tableSection), clip: inner)
        let rows = listRows(state) - (top - inner.y - 1)
        let selected = live.selectedIndex
        let offset = min(max(0, selected < live.offset ? selected : max(live.offset, selected - rows + 1)), max(0, count - rows))
        for (row, call) in live.newestFirst.dropFirst(offset).prefix(rows).enumerated() {
            let line = Rect(x: inner.x, y: top + 1 + row, width: inner.width, height: 1)
            let isSelected = offset + row == selected
            let base = theme.style(isSelected ? .listSelected : .listItem)
            grid.fill(line, style: base)
            var style = theme.style(tone(call))
            if isSelected { style.background = base.background; style.reverse = base.reverse }
            let text = columns.row(call, clock: state.clock)
            grid.write(
                DisplayWidth.truncate(sanitizeForDisplay(text.plain), to: inner.width - 2, ellipsis: ellipsis), column: inner.x + 1,
                row: line.y, style: base, clip: line)
            grid.write(text.result, column: inner.x + 1 + text.resultColumn, row: line.y, style: style, clip: line)
        }
        if count > rows {
            let text = " \(offset + 1)-\(min(count, offset + rows))/\(count) "
            let column = area.maxX - 2 - DisplayWidth.of(text)
            if column > area.x + 1 { grid.write(text, column: column, row: area.maxY - 1, style: theme.style(.listPosition)) }
        }
    }

    static func trailing(_ live: LiveCallsState) -> String? {
        if case .listening = live.listening { return "listening" }
        return nil
    }

    static func statusLine(_ live: LiveCallsState) -> (String, ThemeRole) {
        switch live.listening {
        case .off, .starting: return ("Starting the SIP endpoint…", .muted)
        case .listening(let addresses): return ("Listening on " + addresses.joined(separator: ", "), .success)
        case .failed(let message): return ("The SIP endpoint could not start: \(message). Esc, then L tries again.", .error)
        }
    }

    /// `127.0.0.1:5060` from the first address, for the hint.
    static func exampleTarget(_ live: LiveCallsState) -> String {
        guard case .listening(let addresses) = live.listening, let first = addresses.first else { return "127.0.0.1:5060" }
        let bare = first.hasPrefix("sip:") ? String(first.dropFirst(4)) : first
        return String(bare.prefix { $0 != ";" })
    }

    /// A number one of the workspace's trunks answers, for the hint's call.
    static func exampleNumber(_ workspace: Workspace) -> String {
        workspace.trunks.lazy.compactMap(\.numbers.first).first ?? "+15550100"
    }

    static func tone(_ call: LiveCall) -> ThemeRole {
        guard let result = call.result else { return call.finalStatus == nil ? .muted : .warning }
        switch SimulatorContent.tone(result) {
        case .success: return .success
        case .warning: return .warning
        case .error: return .error
        default: return .foreground
        }
    }

    /// Column widths for `width`: when, call, state, result (+ room), SIP, authentication.
    struct Columns {
        var age = 6
        var call: Int
        var state = 10
        var result: Int
        var sip: Int
        var auth: Int
        var ellipsis: String

        init(width: Int, ellipsis: String) {
            self.ellipsis = ellipsis
            auth = width >= 110 ? 11 : 0
            sip = width >= 110 ? 22 : 17
            let rest = max(20, width - age - state - sip - auth - 4)
            // Two E.164 numbers and the arrow fit first; the outcome takes what is left.
            call = min(rest - 12, max(25, rest * 55 / 100))
            result = max(8, rest - call)
        }

        var header: String {
            var text =
                pad("Age", age) + pad("From → To", call + 1) + pad("State", state) + pad("Outcome", result + 1)
                + pad("SIP answer", sip + 1)
            if auth > 0 { text += "Auth" }
            return text
        }

        func row(_ call: LiveCall, clock: Int) -> (plain: String, result: String, resultColumn: Int) {
            let seconds = max(0, clock - call.arrivedAt) / 1000
            let age = seconds < 60 ? "\(seconds)s" : seconds < 3600 ? "\(seconds / 60)m" : "\(seconds / 3600)h"
            var outcome = call.result.map { $0.rawValue + (call.room.map { " \($0)" } ?? "") } ?? "—"
            if let pin = call.pin { outcome += " (PIN \(pin))" }
            let answer = call.finalStatus.map { "\($0) \(call.finalReason)" } ?? "ringing"
            var text = pad(age, self.age) + pad("\(call.from) → \(call.to)", self.call + 1) + pad(call.state, state)
            let resultColumn = DisplayWidth.of(text)
            text += pad(outcome, result + 1) + pad(answer, sip + 1)
            if auth > 0 { text += call.authentication ?? "" }
            return (text, pad(outcome, result + 1), resultColumn)
        }

        /// `text` in a column `width` wide, cut to leave at least one space before the next.
        func pad(_ text: String, _ width: Int) -> String {
            DisplayWidth.pad(DisplayWidth.truncate(text, to: max(1, width - 1), ellipsis: ellipsis), to: width)
        }
    }
}
