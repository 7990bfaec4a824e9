import SwitchboardCore
import TerminalKit

/// Draws the run history: the list of runs (newest first), one run in the simulator's panes,
/// or two runs side by side with the differences marked; the scenario-name prompt on top.
enum HistoryView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        switch state.history.screen.mode {
        case .list: renderList(state, in: area, grid: &grid, theme: theme)
        case .detail(let id): renderDetail(state, runID: id, in: area, grid: &grid, theme: theme)
        case .compare(let comparison): renderComparison(state, comparison, in: area, grid: &grid, theme: theme)
        }
        if let prompt = state.history.screen.prompt {
            renderPrompt(prompt, state: state, grid: &grid, theme: theme)
        }
    }

    /// `3/12` for the status bar.
    static func positionText(_ state: AppState) -> String? {
        let history = state.history
        guard !history.isEmpty, let id = history.screen.selectedRunID, let position = history.position(ofRunID: id) else {
            return nil
        }
        return "\(position + 1)/\(history.count)"
    }

    // MARK: - List

    /// The list title: how many runs, and how many were dropped to stay within the bound.
    static func listTitle(_ history: RunHistory) -> String {
        var title = "History · \(grouped(history.count)) run" + (history.count == 1 ? "" : "s")
        if history.dropped > 0 {
            title += " (last \(grouped(history.capacity)) kept, \(grouped(history.dropped)) oldest dropped)"
        }
        return title
    }

    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }

    /// Column widths for a list `width` columns wide: run, call, rule (flexible), outcome,
    /// SIP, HTTP, duration. Narrow terminals drop the rule, then HTTP.
    struct Columns {
        var run = 6
        var call: Int
        var rule: Int
        var outcome = 9
        var sip = 4
        var http: Int
        var duration = 9

        init(width: Int) {
            http = width >= 100 ? 5 : 0
            let fixed = 2 + run + outcome + sip + (http > 0 ? http + 1 : 0) + duration + 4
            call = min(35, max(27, width - fixed - 24))
            rule = max(0, width - fixed - call - 1)
            if rule < 10 {
                call = max(10, width - fixed)
                rule = 0
            }
        }
    }

    static func renderList(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let history = state.history
        let screen = history.screen
        let marked = screen.markedRunID.map { "marked #\($0)" }
        let inner = Panel(
            title: listTitle(history), trailingTitle: marked, focused: true, glyphs: state.options.glyphs,
            symbols: state.options.symbols
        ).render(in: area, grid: &grid, theme: theme)
        guard inner.height > 0, inner.width > 0 else { return }
        if history.isEmpty {
            let lines = [
                "No calls simulated yet.", "",
                "Press Esc, then c to simulate a call: every run of this session appears here,",
                "newest first, to look at again, re-run after an edit, compare, or save as a scenario.",
            ]
            for (row, line) in lines.enumerated() where row < inner.height {
                grid.write(line, column: inner.x + 1, row: inner.y + row, style: theme.style(.textMuted), clip: inner)
            }
            return
        }
        let columns = Columns(width: inner.width)
        var header = " " + pad("Run", columns.run) + pad("From → To", columns.call + 1)
        if columns.rule > 0 { header += pad("Rule", columns.rule + 1) }
        header += pad("Outcome", columns.outcome) + pad("SIP", columns.sip + 1)
        if columns.http > 0 { header += pad("HTTP", columns.http + 1) }
        header += "Duration"
        grid.write(header, column: inner.x, row: inner.y, style: theme.style(.tableSection), clip: inner)
        let rows = Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1)
        let offset = visibleOffset(state, rows: rows.height)
        for row in 0..<rows.height {
            let position = offset + row
            guard position < history.count else { break }
            let entry = history.newest(position)
            renderRow(
                entry, selected: entry.runID == screen.selectedRunID, marked: entry.runID == screen.markedRunID,
                columns: columns, state: state, in: rows.row(row), grid: &grid, theme: theme)
        }
        if history.count > rows.height {
            let text = " \(offset + 1)-\(min(history.count, offset + rows.height))/\(history.count) "
            let column = area.maxX - 2 - DisplayWidth.of(text)
            if column > area.x + 1 { grid.write(text, column: column, row: area.maxY - 1, style: theme.style(.listPosition)) }
        }
    }

    /// The list's first row: the stored offset, moved just enough to show the selection (runs
    /// arriving on top push the selected one down).
    static func visibleOffset(_ state: AppState, rows: Int) -> Int {
        let history = state.history
        let position = history.screen.selectedRunID.flatMap(history.position(ofRunID:)) ?? 0
        var offset = history.screen.listOffset
        if position < offset { offset = position }
        if position >= offset + rows { offset = position - rows + 1 }
        return max(0, min(offset, max(0, history.count - rows)))
    }

    static func renderRow(
        _ entry: RunEntry, selected: Bool, marked: Bool, columns: Columns, state: AppState, in line: Rect, grid: inout CellGrid,
        theme: Theme
    ) {
        let symbols = state.options.symbols
        let base = theme.style(selected ? .listSelected : .listItem)
        grid.fill(line, style: base)
        func styled(_ element: Style) -> Style {
            var style = element
            if selected { style.background = base.background; style.reverse = base.reverse }
            return style
        }
        var column = line.x
        let mark = marked ? (state.options.unicode ? "●" : "*") : " "
        column = grid.write(mark, column: column, row: line.y, style: styled(theme.style(.accent)), clip: line)
        column = grid.write(pad("#\(entry.runID)", columns.run), column: column, row: line.y, style: base, clip: line)
        let call = sanitizeForDisplay("\(entry.call.from) → \(entry.call.to)")
        column = grid.write(
            pad(DisplayWidth.truncate(call, to: columns.call, ellipsis: symbols.ellipsis), columns.call + 1), column: column,
            row: line.y, style: base, clip: line)
        if columns.rule > 0 {
            let rule = entry.outcome?.rule.map { $0.name.isEmpty ? $0.id : $0.name } ?? (entry.outcome == nil ? "" : "no rule")
            column = grid.write(
                pad(DisplayWidth.truncate(sanitizeForDisplay(rule), to: columns.rule, ellipsis: symbols.ellipsis), columns.rule + 1),
                column: column, row: line.y, style: base, clip: line)
        }
        column = grid.write(
            pad(entry.word, columns.outcome), column: column, row: line.y, style: styled(outcomeStyle(entry, theme: theme)), clip: line)
        let sip = entry.outcome?.sip.status.map(String.init) ?? "—"
        column = grid.write(pad(sip, columns.sip + 1), column: column, row: line.y, style: base, clip: line)
        if columns.http > 0 {
            if let status = entry.statusCode {
                grid.write(
                    String(status), column: column, row: line.y, style: styled(SimulatorView.statusStyle(status, theme: theme)), clip: line)
            } else {
                grid.write(entry.outcome?.webhook == nil ? "—" : "none", column: column, row: line.y, style: base, clip: line)
            }
            column += columns.http + 1
        }
        grid.write(SimulatorContent.milliseconds(entry.durationMs), column: column, row: line.y, style: base, clip: line)
    }

    static func outcomeStyle(_ entry: RunEntry, theme: Theme) -> Style {
        guard let outcome = entry.outcome, entry.result.ending == .finished else { return theme.style(.warning) }
        var style = SimulatorView.style(SimulatorContent.tone(outcome.result), theme: theme)
        style.bold = true
        return style
    }

    static func pad(_ text: String, _ width: Int) -> String {
        DisplayWidth.pad(DisplayWidth.truncate(text, to: width), to: width)
    }

    // MARK: - Detail

    /// One run: a summary line, then the simulator's three panes (side by side when wide,
    /// otherwise as tabs switched with Tab or 1 2 3).
    static func renderDetail(_ state: AppState, runID: Int, in area: Rect, grid: inout CellGrid, theme: Theme) {
        guard let entry = state.history.entry(runID: runID) else {
            grid.write("Run #\(runID) is no longer in the history.", column: area.x + 1, row: area.y, style: theme.style(.warning))
            return
        }
        let content = SimulatorContent.build(entry.result)
        let summary = sanitizeForDisplay("Run #\(runID) · \(entry.call.from) → \(entry.call.to) · ") + entry.word
        grid.fill(area.top(1), style: theme.base)
        let column = grid.write(summary, column: area.x + 1, row: area.y, style: theme.style(.text), clip: area.top(1))
        if let outcome = entry.outcome {
            grid.write(
                "  " + sanitizeForDisplay(SimulatorContent.headline(outcome)), column: column, row: area.y,
                style: outcomeStyle(entry, theme: theme), clip: area.top(1))
        }
        let body = area.inset(top: 1)
        let screen = state.history.screen
        if body.width >= SimulatorLayout.sideBySideWidth {
            let third = body.width / 3
            for pane in SimulatorState.Pane.allCases {
                let x = body.x + pane.rawValue * third
                let width = pane == .outcome ? body.maxX - x : third
                renderPane(
                    pane, content: content, offset: pane == screen.pane ? screen.offset : 0, focused: pane == screen.pane,
                    state: state, in: Rect(x: x, y: body.y, width: width, height: body.height), grid: &grid, theme: theme)
            }
            return
        }
        var titles = SimulatorState.Pane.allCases.map { pane in
            "\(pane.rawValue + 1) \(pane.title)" + (content.note(pane).map { " · " + $0 } ?? "")
        }
        // Too narrow for the notes: every tab's name stays visible, the notes are in the panel title.
        if titles.reduce(0, { $0 + DisplayWidth.of($1) + 5 }) > body.width {
            titles = SimulatorState.Pane.allCases.map { "\($0.rawValue + 1) \($0.title)" }
        }
        Tabs(titles: titles, selected: screen.pane.rawValue, symbols: state.options.symbols).render(
            in: body.top(1), grid: &grid, theme: theme)
        renderPane(
            screen.pane, content: content, offset: screen.offset, focused: true, state: state, in: body.inset(top: 1), grid: &grid,
            theme: theme)
    }

    static func renderPane(
        _ pane: SimulatorState.Pane, content: SimulatorContent, offset: Int, focused: Bool, state: AppState, in rect: Rect,
        grid: inout CellGrid, theme: Theme
    ) {
        Panel(
            title: pane.title, trailingTitle: content.note(pane), focused: focused, glyphs: state.options.glyphs,
            symbols: state.options.symbols
        ).render(in: rect, grid: &grid, theme: theme)
        if pane == .response, let note = content.note(.response), let status = content.responseStatus {
            SimulatorView.recolourNote(note, status: status, in: rect, grid: &grid, theme: theme)
        }
        let area = SimulatorLayout.textArea(rect)
        guard !area.isEmpty else { return }
        let lines = content.lines(pane)
        let total = SimulatorView.wrappedCount(lines, width: area.width)
        SimulatorView.renderLines(lines, offset: min(offset, max(0, total - area.height)), in: area, grid: &grid, theme: theme)
    }

    // MARK: - Comparison

    /// One drawn row of a comparison: a section heading or a diff row.
    struct ComparisonRow: Equatable {
        var heading: String?
        var row: LineDiff.Row?
        var isChange: Bool { row.map { $0.change != .same } ?? false }
    }

    static func comparisonRows(_ comparison: RunComparison) -> [ComparisonRow] {
        var out: [ComparisonRow] = []
        for section in comparison.sections {
            let changes =
                section.changes == 0 ? "no differences" : "\(section.changes) line" + (section.changes == 1 ? "" : "s") + " differ"
            out.append(ComparisonRow(heading: "\(section.title) · \(changes)"))
            out += section.rows.map { ComparisonRow(row: $0) }
        }
        return out
    }

    /// Where a comparison opens: two rows above the first difference, so the eye lands on it.
    static func firstDifferenceOffset(_ comparison: RunComparison) -> Int {
        let rows = comparisonRows(comparison)
        guard let first = rows.firstIndex(where: \.isChange) else { return 0 }
        return max(0, first - 2)
    }

    /// The largest useful scroll offset of the detail or comparison on screen.
    static func maxOffset(_ state: AppState) -> Int {
        let body = state.layout.body
        switch state.history.screen.mode {
        case .list: return 0
        case .compare(let comparison):
            return max(0, comparisonRows(comparison).count - (body.height - 4))
        case .detail(let id):
            guard let entry = state.history.entry(runID: id) else { return 0 }
            let content = SimulatorContent.build(entry.result)
            let wide = body.width >= SimulatorLayout.sideBySideWidth
            let paneWidth = wide ? body.width / 3 : body.width
            let textWidth = max(1, paneWidth - 4)
            let height = body.height - (wide ? 3 : 4)
            return max(0, SimulatorView.wrappedCount(content.lines(state.history.screen.pane), width: textWidth) - height)
        }
    }

    static func renderComparison(_ state: AppState, _ comparison: RunComparison, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let history = state.history
        let left = history.entry(runID: comparison.left)
        let right = history.entry(runID: comparison.right)
        let title = "Compare #\(comparison.left) " + (state.options.unicode ? "↔" : "<>") + " #\(comparison.right)"
        let changes = comparison.changes
        let note = changes == 0 ? "identical" : "\(changes) line" + (changes == 1 ? "" : "s") + " differ"
        let inner = Panel(
            title: title, trailingTitle: note,
            focused: true, glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: area, grid: &grid, theme: theme)
        guard inner.height > 2, inner.width > 8 else { return }
        // The summary in words, highlighted when something changed.
        let summaryStyle = theme.style(comparison.summary == "same outcome" ? .success : .warning)
        grid.write(
            DisplayWidth.truncate(comparison.summary, to: inner.width - 1, ellipsis: state.options.symbols.ellipsis),
            column: inner.x + 1, row: inner.y, style: summaryStyle, clip: inner)
        let half = (inner.width - 1) / 2
        let leftRect = Rect(x: inner.x, y: inner.y + 1, width: half, height: 1)
        let rightRect = Rect(x: inner.x + half + 1, y: inner.y + 1, width: inner.width - half - 1, height: 1)
        let ellipsis = state.options.symbols.ellipsis
        grid.write(
            DisplayWidth.truncate(
                " #\(comparison.left) · " + (left.map(runLabel) ?? "dropped"), to: leftRect.width - 1, ellipsis: ellipsis),
            column: leftRect.x, row: leftRect.y, style: theme.style(.tableSection), clip: leftRect)
        grid.write(
            DisplayWidth.truncate(" #\(comparison.right) · " + (right.map(runLabel) ?? "dropped"), to: rightRect.width, ellipsis: ellipsis),
            column: rightRect.x, row: rightRect.y, style: theme.style(.tableSection), clip: rightRect)
        let rowsArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
        let rows = comparisonRows(comparison)
        let offset = min(history.screen.offset, max(0, rows.count - rowsArea.height))
        let vertical = String(state.options.glyphs.vertical)
        for index in 0..<rowsArea.height {
            let position = offset + index
            guard position < rows.count else { break }
            let line = rowsArea.row(index)
            let item = rows[position]
            if let heading = item.heading {
                let rule = String(repeating: state.options.glyphs.horizontal, count: 2)
                grid.write(rule + " " + heading + " ", column: line.x, row: line.y, style: theme.style(.panelTitle), clip: line)
                continue
            }
            guard let row = item.row else { continue }
            let l = Rect(x: line.x, y: line.y, width: half, height: 1)
            let r = Rect(x: line.x + half + 1, y: line.y, width: line.width - half - 1, height: 1)
            let (leftMark, rightMark): (String, String)
            switch row.change {
            case .same: (leftMark, rightMark) = (" ", " ")
            case .removed: (leftMark, rightMark) = ("-", " ")
            case .added: (leftMark, rightMark) = (" ", "+")
            case .changed: (leftMark, rightMark) = ("~", "~")
            }
            let leftStyle = diffStyle(row.change == .same ? nil : (row.left == nil ? nil : .error), theme: theme)
            let rightStyle = diffStyle(row.change == .same ? nil : (row.right == nil ? nil : .success), theme: theme)
            if row.left != nil, row.change != .same { grid.fill(l, style: leftStyle) }
            if row.right != nil, row.change != .same { grid.fill(r, style: rightStyle) }
            grid.write(leftMark + (row.left ?? ""), column: l.x, row: l.y, style: leftStyle, clip: l)
            grid.write(vertical, column: line.x + half, row: line.y, style: theme.style(.panelBorder), clip: line)
            grid.write(rightMark + (row.right ?? ""), column: r.x, row: r.y, style: rightStyle, clip: r)
        }
        if rows.count > rowsArea.height {
            let text = " \(offset + 1)-\(min(rows.count, offset + rowsArea.height))/\(rows.count) "
            let column = area.maxX - 2 - DisplayWidth.of(text)
            if column > area.x + 1 { grid.write(text, column: column, row: area.maxY - 1, style: theme.style(.listPosition)) }
        }
    }

    /// `answer · SDR_DynRouter8Hk · 23 ms`
    static func runLabel(_ entry: RunEntry) -> String {
        var parts = [entry.word]
        if let rule = entry.outcome?.rule { parts.append(sanitizeForDisplay(rule.id)) }
        parts.append(SimulatorContent.milliseconds(entry.durationMs))
        return parts.joined(separator: " · ")
    }

    /// Changed lines: bold in the role's colour, so they stand out without colour too (the
    /// `-`/`+`/`~` marks carry the meaning under `NO_COLOR`).
    static func diffStyle(_ role: ThemeRole?, theme: Theme) -> Style {
        guard let role else { return theme.style(.text) }
        var style = theme.style(role)
        style.bold = true
        return style
    }

    // MARK: - Prompt

    static func renderPrompt(_ prompt: HistoryScreen.ScenarioPrompt, state: AppState, grid: inout CellGrid, theme: Theme) {
        let overlay = state.layout.overlayArea
        let width = min(max(40, overlay.width - 8), 90)
        let rect = overlay.centered(width: width, height: 7)
        let inner = Panel(
            title: "Save run #\(prompt.runID) as a scenario", focused: true, glyphs: state.options.glyphs,
            symbols: state.options.symbols, borderElement: .modalBorder, titleElement: .modalTitle
        ).render(in: rect, grid: &grid, theme: theme)
        guard inner.height >= 4 else { return }
        let field = Rect(x: inner.x + 1, y: inner.y + 1, width: inner.width - 2, height: 1)
        grid.write("Name", column: field.x, row: inner.y, style: theme.style(.tableKey), clip: inner)
        renderTextField(prompt.name, in: field, state: state, grid: &grid, theme: theme)
        grid.write(
            DisplayWidth.truncate("in " + sanitizeForDisplay(prompt.path), to: inner.width - 2, ellipsis: state.options.symbols.ellipsis),
            column: inner.x + 1, row: inner.y + 2, style: theme.style(.textMuted), clip: inner)
        grid.write(
            "Enter save · Esc cancel", column: inner.x + 1, row: inner.y + inner.height - 1, style: theme.style(.textMuted), clip: inner)
    }

    /// A one-line text field with a visible cursor (reverse video), scrolled so the cursor
    /// stays in view.
    static func renderTextField(_ input: TextFieldState, in rect: Rect, state: AppState, grid: inout CellGrid, theme: Theme) {
        var style = theme.style(.listSelectedInactive)
        style.underline = true
        grid.fill(rect, style: style)
        let characters = Array(sanitizeForDisplay(input.text))
        let cursor = min(input.cursor, characters.count)
        var start = 0
        while DisplayWidth.of(String(characters[start..<cursor])) >= rect.width, start < cursor { start += 1 }
        var column = rect.x
        for index in start...characters.count {
            guard column < rect.maxX else { break }
            let text = index < characters.count ? String(characters[index]) : " "
            var cellStyle = style
            if index == cursor { cellStyle.reverse.toggle() }
            column = grid.write(text, column: column, row: rect.y, style: cellStyle, clip: rect)
        }
    }
}
