import SwitchboardCore
import SwitchboardIO
import TerminalKit

/// Draws the push screen: what will be sent to the server (the same plan text `switchboard
/// push` prints), then the progress, then what was done; and, above it, the one thing the
/// user can do next.
enum PushView {
    /// The screen's text, first line the headline.
    static func lines(_ pusher: PushState, host: String) -> [(text: String, role: ThemeRole?)] {
        var out: [(String, ThemeRole?)] = []
        switch pusher.phase {
        case .planning:
            out.append(("Fetching the lists on \(host) to compare with the files…", .muted))
        case .failed(let message):
            out.append(("No plan: \(message)", .error))
            out.append(("Nothing was sent. Esc goes back.", .muted))
        case .planned(let planned):
            let plan = planned.plan
            if !plan.conflicts.isEmpty {
                out.append(
                    (
                        "\(plan.conflicts.count) conflict\(plan.conflicts.count == 1 ? "" : "s"): nothing will be sent. "
                            + "Pull (P) to take the server's changes, redo your edits, then push.", .error
                    ))
            } else if plan.steps.isEmpty {
                out.append(("Nothing to push: \(host) holds what the files hold.", .success))
            } else {
                let count = plan.steps.count
                let what = count == 1 ? "this change" : "these \(count) changes"
                out.append(("y sends \(what) to \(host); Esc sends nothing.", .warning))
            }
            if !plan.steps.isEmpty || !plan.conflicts.isEmpty || !plan.skipped.isEmpty {
                out.append(("", nil))
                out += planLines(plan)
            }
        case .sending(let planned, let done):
            out.append(("Sending \(done)/\(planned.plan.steps.count)…", .accent))
            out.append(("", nil))
            for (n, step) in planned.plan.steps.enumerated() {
                let mark = n < done ? "done" : n == done ? "now " : "    "
                out.append(("\(mark)  \(TerminalText.escaped(step.label))", n < done ? .success : nil))
            }
        case .finished(let outcome):
            if outcome.failure == nil {
                out.append(("Pushed to \(host): \(outcome.summary).", .success))
            } else {
                out.append((TerminalText.escaped(outcome.summary), .error))
            }
            for warning in outcome.writeWarnings { out.append((TerminalText.escaped(warning), .warning)) }
            out.append(("The files were read again; Esc goes back.", .muted))
            out.append(("", nil))
            for label in outcome.done { out.append(("done  \(TerminalText.escaped(label))", .success)) }
        }
        return out.map { (sanitizeForDisplay($0.0), $0.1) }
    }

    /// The plan as `switchboard push` prints it, conflicts marked.
    static func planLines(_ plan: PushPlan) -> [(text: String, role: ThemeRole?)] {
        DiffReport.text(plan).split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let text = String(line)
            let role: ThemeRole? =
                text.contains("conflict") ? .error : text.hasPrefix("  ") && !text.hasPrefix("    ") ? .accent : nil
            return (text, role)
        }
    }

    /// ``lines(_:host:)`` wrapped to `width`; a wrapped line keeps its indent, plus two.
    static func rows(_ pusher: PushState, host: String, width: Int) -> [(text: String, role: ThemeRole?)] {
        lines(pusher, host: host).flatMap { line -> [(text: String, role: ThemeRole?)] in
            let indent = line.text.prefix { $0 == " " }.count
            let body = String(line.text.dropFirst(indent))
            guard !body.isEmpty, width > indent + 8 else { return [line] }
            let pad = String(repeating: " ", count: indent)
            let wrapped = TextWrap.wrap(body, width: width - indent - 2)
            return wrapped.enumerated().map { n, text in ((n == 0 ? pad : pad + "  ") + text, line.role) }
        }
    }

    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        guard let pusher = state.pusher else { return }
        let host = state.options.server?.host ?? ""
        let trailing: String? = pusher.isSending ? "sending…" : nil
        let inner = Panel(
            title: "Push to \(host)", trailingTitle: trailing, focused: true, glyphs: state.options.glyphs,
            symbols: state.options.symbols
        ).render(in: area, grid: &grid, theme: theme)
        guard inner.height > 0, inner.width > 4 else { return }
        let all = rows(pusher, host: host, width: inner.width - 2)
        // The headline stays; the rest scrolls.
        var row = inner.y
        if let headline = all.first {
            write(headline, row: row, inner: inner, state: state, grid: &grid, theme: theme)
            row += 1
        }
        for line in all[min(all.count, 1 + pusher.offset)...] {
            guard row < inner.maxY else { break }
            write(line, row: row, inner: inner, state: state, grid: &grid, theme: theme)
            row += 1
        }
    }

    static func write(
        _ line: (text: String, role: ThemeRole?), row: Int, inner: Rect, state: AppState, grid: inout CellGrid, theme: Theme
    ) {
        let text = DisplayWidth.truncate(line.text, to: inner.width - 2, ellipsis: state.options.symbols.ellipsis)
        grid.write(text, column: inner.x + 1, row: row, style: theme.style(line.role ?? .foreground), clip: inner)
    }
}
