import SwitchboardCore
import TerminalKit

/// Draws the simulator: the call form, then the Request, Response and Outcome panes (side by
/// side or as tabs), a spinner with the elapsed time while a call runs, and the saved-call
/// picker over it all.
enum SimulatorView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let simulator = state.simulator
        let layout = SimulatorLayout(body: area, simulator: simulator)
        renderForm(state, layout: layout, grid: &grid, theme: theme)
        if let tabs = layout.tabs {
            let titles = SimulatorState.Pane.allCases.map { pane in
                "\(pane.rawValue + 1) \(pane.title)"
                    + (simulator.isRunning ? "" : simulator.content?.tabNote(pane).map { " · " + $0 } ?? "")
            }
            Tabs(titles: titles, selected: simulator.pane.rawValue, symbols: state.options.symbols)
                .render(in: tabs, grid: &grid, theme: theme)
        }
        for pane in SimulatorState.Pane.allCases {
            guard let rect = layout.panes[pane] else { continue }
            renderPane(pane, state: state, in: rect, sideBySide: layout.sideBySide, grid: &grid, theme: theme)
        }
        if simulator.focus == .picker {
            renderPicker(state, in: state.layout.overlayArea, grid: &grid, theme: theme)
        }
    }

    // MARK: - Form

    static func renderForm(_ state: AppState, layout: SimulatorLayout, grid: inout CellGrid, theme: Theme) {
        let simulator = state.simulator
        let form = simulator.form
        let errors = form.errors
        var note: String?
        if simulator.isRunning {
            note = spinnerText(state)
        } else if !errors.isEmpty {
            note = errors.count == 1 ? "1 problem" : "\(errors.count) problems"
        }
        let focused = simulator.focus == .form
        let inner = Panel(
            title: "Call", trailingTitle: note, focused: focused, glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: layout.form, grid: &grid, theme: theme)
        let rows = layout.formRows
        guard !rows.isEmpty, inner.height > 0 else { return }
        if layout.form.height <= 3 {
            let summary = sanitizeForDisplay(summaryText(form))
            var column = grid.write(
                DisplayWidth.truncate(summary, to: rows.width, ellipsis: state.options.symbols.ellipsis), column: rows.x,
                row: rows.y, style: theme.style(.text), clip: rows)
            if simulator.focus == .result, !simulator.isRunning, column + 16 < rows.maxX {
                column = grid.write("   esc edit", column: column, row: rows.y, style: theme.style(.textMuted), clip: rows)
            }
            return
        }
        let fields = form.fields
        // Keep the focused field in view when the form is taller than its panel.
        let first = max(0, min(form.focusIndex - rows.height + 1, fields.count - rows.height))
        let labelWidth = 12
        for (row, index) in (first..<min(fields.count, first + rows.height)).enumerated() {
            let field = fields[index]
            let y = rows.y + row
            let isFocused = focused && index == form.focusIndex
            if isFocused {
                grid.write(state.options.unicode ? "▸" : ">", column: rows.x - 1, row: y, style: theme.style(.listFilter))
            }
            grid.write(
                DisplayWidth.pad(field.label, to: labelWidth), column: rows.x, row: y,
                style: isFocused ? theme.style(.panelTitleFocused) : theme.style(.tableKey), clip: rows)
            let valueArea = Rect(x: rows.x + labelWidth + 1, y: y, width: max(0, rows.width - labelWidth - 1), height: 1)
            var column = renderValue(field, form: form, state: state, focused: isFocused, in: valueArea, grid: &grid, theme: theme)
            if let error = errors[field] {
                column = grid.write(
                    "  " + (state.options.unicode ? "⚠ " : "! "), column: column, row: y, style: theme.style(.error), clip: valueArea)
                grid.write(error, column: column, row: y, style: theme.style(.error), clip: valueArea)
            }
        }
    }

    /// Draws one field's value (with the cursor when focused); returns the column after it.
    static func renderValue(
        _ field: CallForm.Field, form: CallForm, state: AppState, focused: Bool, in area: Rect, grid: inout CellGrid,
        theme: Theme
    ) -> Int {
        let muted = theme.style(.textMuted)
        switch field {
        case .savedCall:
            let count = state.workspace.calls.count
            var column = area.x
            if let saved = form.savedCall {
                let name = saved.name.isEmpty ? "\(saved.from) → \(saved.to)" : saved.name
                column = grid.write(sanitizeForDisplay(name), column: column, row: area.y, style: theme.style(.text), clip: area)
                if !form.matchesSavedCall { column = grid.write(" (edited)", column: column, row: area.y, style: muted, clip: area) }
            } else {
                column = grid.write("none", column: column, row: area.y, style: muted, clip: area)
            }
            let hint = count == 0 ? "   the project has no saved calls" : "   ctrl+o: choose one of \(count)"
            return grid.write(hint, column: column, row: area.y, style: muted, clip: area)
        case .noPin:
            let box = form.noPin ? "[x]" : "[ ]"
            let column = grid.write(box, column: area.x, row: area.y, style: theme.style(focused ? .listFilter : .text), clip: area)
            return grid.write(
                " the caller pressed only # at the PIN prompt" + (focused ? "  (space toggles)" : ""), column: column, row: area.y,
                style: muted, clip: area)
        default:
            let input = form.input(field) ?? TextFieldState()
            let text = sanitizeForDisplay(input.text)
            if input.isEmpty {
                var column = area.x
                if focused { column = grid.write(" ", column: column, row: area.y, style: theme.style(.listSelected), clip: area) }
                return grid.write(placeholder(field), column: column, row: area.y, style: muted, clip: area)
            }
            guard focused else { return grid.write(text, column: area.x, row: area.y, style: theme.style(.text), clip: area) }
            // The cursor is a reversed cell; the text scrolls left when it would leave the field.
            let characters = Array(input.text)
            let before = sanitizeForDisplay(String(characters[..<input.cursor]))
            let atCursor = input.cursor < characters.count ? sanitizeForDisplay(String(characters[input.cursor])) : " "
            let after = input.cursor + 1 < characters.count ? sanitizeForDisplay(String(characters[(input.cursor + 1)...])) : ""
            let shift = max(0, DisplayWidth.of(before) + 1 - area.width)
            var column = area.x - shift
            column = grid.write(before, column: column, row: area.y, style: theme.style(.text), clip: area)
            column = grid.write(atCursor, column: column, row: area.y, style: theme.style(.listSelected), clip: area)
            return grid.write(after, column: column, row: area.y, style: theme.style(.text), clip: area)
        }
    }

    static func placeholder(_ field: CallForm.Field) -> String {
        switch field {
        case .from: return "the caller's number (From user), e.g. +12025550100"
        case .to: return "the number called (To user), e.g. +14155550100"
        case .fromHost: return CallSpec.defaultFromHost
        case .toHost: return CallSpec.defaultToHost
        case .sourceIP: return CallSpec.defaultSourceIP
        case .pin: return "digits typed at the PIN prompt (empty: the first evaluation)"
        case .header: return "Name: value (e.g. X-Account: 42)"
        case .savedCall, .noPin: return ""
        }
    }

    /// The collapsed form: `+12025550100 → +13105550188 · from 203.0.113.7 (sip.example.net) · …`.
    static func summaryText(_ form: CallForm) -> String {
        let spec = form.spec
        var parts = ["\(spec.from.isEmpty ? "\"\"" : spec.from) → \(spec.to.isEmpty ? "\"\"" : spec.to)"]
        parts.append("from \(spec.sourceIp) (\(spec.fromHost))")
        if spec.noPin { parts.append("no PIN") } else if !spec.pin.isEmpty { parts.append("PIN \(spec.pin)") }
        if !spec.headers.isEmpty { parts.append(spec.headers.count == 1 ? "1 header" : "\(spec.headers.count) headers") }
        if let saved = form.savedCall, !saved.name.isEmpty, form.matchesSavedCall { parts.append(saved.name) }
        return parts.joined(separator: " · ")
    }

    // MARK: - Panes

    static func renderPane(
        _ pane: SimulatorState.Pane, state: AppState, in rect: Rect, sideBySide: Bool, grid: inout CellGrid, theme: Theme
    ) {
        let simulator = state.simulator
        let focused = simulator.focus == .result && simulator.pane == pane
        let note = simulator.isRunning ? nil : simulator.content?.note(pane)
        let title = sideBySide ? "\(pane.rawValue + 1) \(pane.title)" : pane.title
        Panel(
            title: title, trailingTitle: note, focused: focused, glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: rect, grid: &grid, theme: theme)
        if pane == .response, let note, let status = simulator.content?.responseStatus {
            recolourNote(note, status: status, in: rect, grid: &grid, theme: theme)
        }
        let area = SimulatorLayout.textArea(rect)
        guard !area.isEmpty else { return }
        switch simulator.run {
        case .idle:
            let text: String
            switch pane {
            case .request: text = "The webhook request appears here."
            case .response: text = "The webhook's response appears here."
            case .outcome: text = "Enter runs the call: which trunk and rule LiveKit picks, and what the caller gets."
            }
            renderLines([SimulatorContent.Line(text, .muted)], offset: 0, in: area, grid: &grid, theme: theme)
        case .running:
            let lines = [
                SimulatorContent.Line(spinnerText(state), .accent),
                SimulatorContent.Line(pane == .outcome ? "Routing the call…" : "Waiting for the webhook…", .muted),
                SimulatorContent.Line("Esc cancels.", .muted),
            ]
            renderLines(lines, offset: 0, in: area, grid: &grid, theme: theme)
        case .done:
            let lines = simulator.content?.lines(pane) ?? []
            renderLines(lines, offset: simulator.offset(pane), in: area, grid: &grid, theme: theme)
            let rows = wrappedCount(lines, width: area.width)
            if rows > area.height {
                // Position on the bottom border: `12-40/96`.
                let first = min(simulator.offset(pane), rows - area.height) + 1
                let text = " \(first)-\(min(rows, first + area.height - 1))/\(rows) "
                let column = rect.maxX - 2 - DisplayWidth.of(text)
                if column > rect.x + 1 { grid.write(text, column: column, row: rect.maxY - 1, style: theme.style(.listPosition)) }
            }
        }
    }

    /// The response note (`200 OK · 312 B · 23 ms`) in the status class's colour, where the
    /// panel drew it.
    static func recolourNote(_ note: String, status: Int, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let titleWidth = rect.width - 2
        guard titleWidth > 6 else { return }
        let text = " " + note + " "
        guard DisplayWidth.of(note) <= titleWidth / 2 - 2 else { return }
        let column = rect.x + 1 + titleWidth - DisplayWidth.of(text) - 1
        grid.write(text, column: column, row: rect.y, style: statusStyle(status, theme: theme), clip: rect)
    }

    static func statusStyle(_ status: Int, theme: Theme) -> Style {
        var style: Style
        switch status {
        case 200..<300: style = theme.style(.status2xx)
        case 300..<400: style = theme.style(.status3xx)
        case 400..<500: style = theme.style(.status4xx)
        default: style = theme.style(.status5xx)
        }
        style.bold = true
        return style
    }

    static func style(_ tone: SimulatorContent.Tone, theme: Theme) -> Style {
        switch tone {
        case .text: return theme.style(.text)
        case .muted: return theme.style(.textMuted)
        case .heading: return theme.style(.tableSection)
        case .key: return theme.style(.tableKey)
        case .accent: return theme.style(.accent)
        case .success: return theme.style(.success)
        case .warning: return theme.style(.warning)
        case .error: return theme.style(.error)
        case .jsonKey: return theme.style(.jsonKey)
        case .jsonString: return theme.style(.jsonString)
        case .jsonNumber: return theme.style(.jsonNumber)
        case .jsonLiteral: return theme.style(.jsonLiteral)
        case .jsonPunctuation: return theme.style(.jsonPunctuation)
        case .status(let code): return statusStyle(code, theme: theme)
        }
    }

    /// One logical line cut into rows of `width` columns, at a space when the row has one
    /// (long tokens such as a JWT are cut anywhere); continuation rows start at the line's
    /// indent. Pure, so `update` counts rows the same way the view draws them.
    static func wrap(_ line: SimulatorContent.Line, width: Int) -> [[SimulatorContent.Span]] {
        guard width > 0, line.spans.reduce(0, { $0 + DisplayWidth.of($1.text) }) > width else { return [line.spans] }
        let indent = line.indent < width / 2 ? line.indent : 0
        var cells: [(Character, SimulatorContent.Tone)] = []
        for span in line.spans {
            for character in span.text { cells.append((character, span.tone)) }
        }
        var rows: [[(Character, SimulatorContent.Tone)]] = []
        var current: [(Character, SimulatorContent.Tone)] = []
        var column = 0
        for (index, cell) in cells.enumerated() {
            let cellWidth = DisplayWidth.of(cell.0)
            if column + cellWidth > width, current.count > 0 {
                // Break after the last space past the indent, if any, and carry the word over —
                // unless the word would not fit on a row of its own either (a JWT): cut it.
                var carried: [(Character, SimulatorContent.Tone)] = []
                let wordEnd = cells[index...].firstIndex { $0.0 == " " } ?? cells.count
                if let space = current.lastIndex(where: { $0.0 == " " }), space >= (rows.isEmpty ? 1 : indent + 1),
                    space < current.count - 1, current.count - space - 1 + (wordEnd - index) + indent <= width
                {
                    carried = Array(current[(space + 1)...])
                    current.removeSubrange((space + 1)...)
                }
                rows.append(current)
                let padding = Array(repeating: (Character(" "), SimulatorContent.Tone.text), count: indent)
                current = padding + carried
                column = current.reduce(0) { $0 + DisplayWidth.of($1.0) }
            }
            current.append(cell)
            column += cellWidth
        }
        rows.append(current)
        return rows.map { row in
            var spans: [SimulatorContent.Span] = []
            for (character, tone) in row {
                if let last = spans.last, last.tone == tone {
                    spans[spans.count - 1].text.append(character)
                } else {
                    spans.append(SimulatorContent.Span(String(character), tone))
                }
            }
            return spans
        }
    }

    static func wrappedCount(_ lines: [SimulatorContent.Line], width: Int) -> Int {
        lines.reduce(0) { $0 + wrap($1, width: width).count }
    }

    static func renderLines(_ lines: [SimulatorContent.Line], offset: Int, in area: Rect, grid: inout CellGrid, theme: Theme) {
        var skipped = 0
        var row = 0
        for line in lines {
            for wrapped in wrap(line, width: area.width) {
                if skipped < offset {
                    skipped += 1
                    continue
                }
                guard row < area.height else { return }
                var column = area.x
                for span in wrapped {
                    column = grid.write(span.text, column: column, row: area.y + row, style: style(span.tone, theme: theme), clip: area)
                }
                row += 1
            }
        }
    }

    /// `⠹ calling… 1.2 s` from the tick clock: the frame advances every 100 ms.
    static func spinnerText(_ state: AppState) -> String {
        guard case .running(_, let startedAt) = state.simulator.run else { return "" }
        let elapsed = max(0, state.clock - startedAt)
        let frames = state.options.unicode ? ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] : ["|", "/", "-", "\\"]
        let frame = frames[(elapsed / 100) % frames.count]
        return "\(frame) calling… \(SimulatorContent.seconds(Double(elapsed)))"
    }

    // MARK: - Saved calls

    static func renderPicker(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let calls = state.workspace.calls
        let width = min(area.width - 4, 72)
        let height = min(area.height - 2, calls.count + 3)
        let frame = area.centered(width: width, height: height)
        let inner = Panel(
            title: "Saved calls", trailingTitle: "\(calls.count)", focused: true, glyphs: state.options.glyphs,
            symbols: state.options.symbols, borderElement: .modalBorder, titleElement: .modalTitle
        ).render(in: frame, grid: &grid, theme: theme)
        let items = calls.map { call in
            ListItem(
                sanitizeForDisplay(call.name.isEmpty ? "(unnamed)" : call.name),
                detail: sanitizeForDisplay("\(call.from) → \(call.to)"))
        }
        var list = ListState(selected: calls.isEmpty ? nil : state.simulator.pickerSelection)
        list.scrollToSelection(viewHeight: max(1, inner.height - 1), count: calls.count)
        ListView(
            items: items, state: list, focused: true, emptyMessage: "No saved calls in the project", symbols: state.options.symbols
        ).render(in: inner, grid: &grid, theme: theme)
    }
}
