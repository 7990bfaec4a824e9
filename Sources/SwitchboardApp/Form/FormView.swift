import SwitchboardCore
import TerminalKit

/// Draws the edit form in ``ScreenLayout/body``: the fields in a scrolling panel, with a side
/// panel on wide terminals for the focused field's help and the item's checks. On narrow
/// terminals the help goes under the focused field.
///
/// ```
/// ┌ Edit rule SDR_DynRouter8Hk ● · 1 error ─────┐┌ Help · URL ──────────────┐
/// │ Webhook                                      ││ The webhook LiveKit asks │
/// │ ▸ URL               http://127.0.0.1:8089/d█ ││ …                        │
/// │                     ⚠ LiveKit's proposed …   ││ Checks                   │
/// ```
enum FormView {
    /// Columns of the label column (labels are at most 19 wide).
    static let labelWidth = 20
    /// Body widths from this up get the side panel.
    static let sidePanelMinimumWidth = 100

    struct Areas {
        var form: Rect
        var side: Rect?
    }

    static func areas(_ body: Rect) -> Areas {
        guard body.width >= sidePanelMinimumWidth else { return Areas(form: body, side: nil) }
        let sideWidth = min(52, max(34, body.width * 36 / 100))
        let parts = body.split(.horizontal, [.fill(), .fixed(sideWidth)])
        return Areas(form: parts[0], side: parts[1])
    }

    /// One line of the form's content.
    enum Line: Equatable {
        case banner(Diagnostic.Severity, String)
        case section(String)
        case row(FormRowID)
        case issue(Diagnostic.Severity, String)
        case help(String)
        /// Muted text in the full width (the unknown keys note).
        case note(String)
        case blank
    }

    /// The form's lines for a content width; the same in `update` (scrolling) and `view`.
    static func lines(_ form: FormState, width: Int, narrow: Bool, unicode: Bool) -> [Line] {
        var out: [Line] = []
        let valueWidth = max(8, width - 2 - labelWidth)
        let bannerWidth = max(8, width - 2)
        let issues = form.issues
        if let conflict = form.conflict {
            for text in TextWrap.wrap(
                "\(mark(.error, unicode)) Conflicts with \(App.describe(conflict)) (ctrl+g opens it): \(sanitizeForDisplay(conflict.message))",
                width: bannerWidth)
            {
                out.append(.banner(.error, text))
            }
        }
        for issue in issues where issue.field == nil {
            for text in TextWrap.wrap("\(mark(issue.severity, unicode)) \(sanitizeForDisplay(issue.message))", width: bannerWidth) {
                out.append(.banner(issue.severity, text))
            }
        }
        if !out.isEmpty { out.append(.blank) }
        let rows = form.rows
        for (index, section) in form.draft.sections.enumerated() {
            if index > 0 { out.append(.blank) }
            out.append(.section(section.title))
            for field in section.fields {
                let fieldRows = rows.filter { $0.field == field }
                for row in fieldRows {
                    out.append(.row(row))
                    for issue in issues where issue.field == field && issue.entry != nil && issue.entry == row.entry {
                        out += wrapIssue(issue, width: valueWidth, unicode: unicode)
                    }
                    if narrow, row == form.focus {
                        var help = TextWrap.wrap(field.help, width: valueWidth)
                        if help.count > 3 {
                            help = Array(help.prefix(3))
                            help[2] = DisplayWidth.truncate(help[2] + " …", to: valueWidth, ellipsis: unicode ? "…" : "~")
                        }
                        out += help.map { .help($0) }
                    }
                }
                for issue in issues where issue.field == field && issue.entry == nil {
                    out += wrapIssue(issue, width: valueWidth, unicode: unicode)
                }
            }
        }
        let unknown = form.draft.unknownKeys
        if !unknown.isEmpty {
            out.append(.blank)
            out.append(.section("Kept as they are"))
            let text =
                "Keys Switchboard does not edit stay in the file unchanged: "
                + unknown.map { sanitizeForDisplay($0) }.joined(separator: ", ")
            out += TextWrap.wrap(text, width: max(8, width - 2)).map { .note($0) }
        }
        return out
    }

    static func wrapIssue(_ issue: FormIssue, width: Int, unicode: Bool) -> [Line] {
        TextWrap.wrap("\(mark(issue.severity, unicode)) \(sanitizeForDisplay(issue.message))", width: width).map {
            .issue(issue.severity, $0)
        }
    }

    static func mark(_ severity: Diagnostic.Severity, _ unicode: Bool) -> String {
        switch severity {
        case .error: return unicode ? "✗" : "x"
        case .warning: return unicode ? "⚠" : "!"
        }
    }

    /// The focused row's first line and the last line that belongs to it (its issues and help).
    static func focusRange(_ lines: [Line], focus: FormRowID) -> ClosedRange<Int>? {
        guard let start = lines.firstIndex(of: .row(focus)) else { return nil }
        var end = start
        while end + 1 < lines.count {
            switch lines[end + 1] {
            case .issue, .help: end += 1
            default: return start...end
            }
        }
        return start...end
    }

    /// The scroll that keeps the focused row (with its issues) in view, moving as little as
    /// possible from `stored`; a section title right above the row comes along.
    static func effectiveScroll(_ stored: Int, lines: [Line], focus: FormRowID, height: Int) -> Int {
        let maximum = max(0, lines.count - height)
        var scroll = min(max(0, stored), maximum)
        guard height > 0, let range = focusRange(lines, focus: focus) else { return scroll }
        var top = range.lowerBound
        if top > 0, case .section = lines[top - 1] { top -= 1 }
        if top < scroll { scroll = top }
        if range.upperBound >= scroll + height { scroll = min(range.upperBound - height + 1, range.lowerBound) }
        // The first rows of the form show the banner too.
        if top <= height - 1, range.upperBound < height { scroll = 0 }
        return min(max(0, scroll), maximum)
    }

    static func contentRect(_ state: AppState) -> Rect {
        areas(state.layout.body).form.inset(top: 1, left: 2, bottom: 1, right: 2)
    }

    /// After a key: stores the scroll that keeps the focus visible.
    static func ensureFocusVisible(_ state: inout AppState) {
        guard var form = state.form else { return }
        let content = contentRect(state)
        let narrow = areas(state.layout.body).side == nil
        let lines = lines(form, width: content.width, narrow: narrow, unicode: state.options.unicode)
        form.scroll = effectiveScroll(form.scroll, lines: lines, focus: form.focus, height: content.height)
        state.form = form
    }

    static func title(_ form: FormState, symbols: Symbols) -> String {
        let item = form.draft
        var title: String
        switch form.mode {
        case .edit: title = "Edit \(item.kindWord) \(item.id)"
        case .new: title = "New \(item.kindWord) \(item.id)"
        case .duplicate(let original): title = "New \(item.kindWord) \(item.id) (copy of \(original.id))"
        }
        if form.isDirty { title += " " + symbols.dirty }
        let errors = form.errorCount
        let warnings = form.warningCount
        if errors > 0 { title += " · \(errors) error\(errors == 1 ? "" : "s")" }
        if warnings > 0 { title += " · \(warnings) warning\(warnings == 1 ? "" : "s")" }
        return title
    }

    // MARK: Drawing

    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        guard let form = state.form else { return }
        let symbols = state.options.symbols
        let unicode = state.options.unicode
        let areas = areas(area)
        let fields = form.draft.fields
        let position = (fields.firstIndex(of: form.focus.field) ?? 0) + 1
        Panel(
            title: title(form, symbols: symbols), trailingTitle: "\(position)/\(fields.count)", focused: true,
            glyphs: state.options.glyphs, symbols: symbols
        ).render(in: areas.form, grid: &grid, theme: theme)
        let content = areas.form.inset(top: 1, left: 2, bottom: 1, right: 2)
        guard content.width > 0, content.height > 0 else { return }
        let lines = lines(form, width: content.width, narrow: areas.side == nil, unicode: unicode)
        let scroll = effectiveScroll(form.scroll, lines: lines, focus: form.focus, height: content.height)
        var focusRow: Int?
        for (offset, line) in lines.dropFirst(scroll).prefix(content.height).enumerated() {
            let y = content.y + offset
            if case .row(form.focus) = line { focusRow = y }
            draw(line, form: form, state: state, at: Rect(x: content.x, y: y, width: content.width, height: 1), grid: &grid, theme: theme)
        }
        // Scroll markers on the border: more above, more below.
        if scroll > 0 {
            grid.write(unicode ? "▲" : "^", column: areas.form.maxX - 2, row: areas.form.y + 1, style: theme.style(.textMuted))
        }
        if scroll + content.height < lines.count {
            grid.write(unicode ? "▼" : "v", column: areas.form.maxX - 2, row: areas.form.maxY - 2, style: theme.style(.textMuted))
        }
        if let side = areas.side { renderSide(form, state: state, in: side, grid: &grid, theme: theme) }
        if let picker = form.picker, let focusRow {
            renderPicker(picker, state: state, rowY: focusRow, content: content, within: areas.form, grid: &grid, theme: theme)
        }
    }

    static func draw(_ line: Line, form: FormState, state: AppState, at rect: Rect, grid: inout CellGrid, theme: Theme) {
        switch line {
        case .blank:
            return
        case .banner(let severity, let text):
            grid.write(text, column: rect.x, row: rect.y, style: theme.style(severity == .error ? .error : .warning), clip: rect)
        case .note(let text):
            grid.write(text, column: rect.x + 2, row: rect.y, style: theme.style(.textMuted), clip: rect)
        case .section(let title):
            grid.write(title, column: rect.x, row: rect.y, style: theme.style(.tableSection), clip: rect)
        case .issue(let severity, let text):
            grid.write(
                text, column: rect.x + 2 + labelWidth, row: rect.y, style: theme.style(severity == .error ? .error : .warning),
                clip: rect)
        case .help(let text):
            grid.write(
                text, column: rect.x + 2 + labelWidth, row: rect.y, style: theme.style(.textMuted).merged(with: Style(italic: true)),
                clip: rect)
        case .row(let row):
            drawRow(row, form: form, state: state, at: rect, grid: &grid, theme: theme)
        }
    }

    static func drawRow(_ row: FormRowID, form: FormState, state: AppState, at rect: Rect, grid: inout CellGrid, theme: Theme) {
        let focused = row == form.focus
        let unicode = state.options.unicode
        let field = row.field
        let hasIssue = form.issues.contains { $0.field == field && $0.severity == .error && ($0.entry == nil || $0.entry == row.entry) }
        if focused {
            grid.write(
                unicode ? "▸" : ">", column: rect.x, row: rect.y, style: theme.style(.accent).merged(with: Style(bold: true)), clip: rect)
        }
        if row.entry == nil || row.entry == 0 {
            var labelStyle = theme.style(.tableKey)
            if focused { labelStyle = labelStyle.merged(with: Style(bold: true)) }
            if hasIssue { labelStyle = theme.style(.error).merged(with: Style(bold: focused)) }
            grid.write(
                DisplayWidth.truncate(field.label, to: labelWidth - 1, ellipsis: state.options.symbols.ellipsis), column: rect.x + 2,
                row: rect.y, style: labelStyle, clip: rect)
        }
        let value = Rect(x: rect.x + 2 + labelWidth, y: rect.y, width: max(0, rect.width - 2 - labelWidth), height: 1)
        guard value.width > 0 else { return }
        let muted = theme.style(.textMuted)
        switch field.input {
        case .text, .parsed, .secret:
            let masked = field.input == .secret && !form.reveal
            let mask: Character? = masked ? (unicode ? "•" : "*") : nil
            // Unfocused, a hidden secret is a fixed mask: its length is not shown either.
            var shown = form.text(of: row)
            if masked, !shown.isEmpty { shown = "xxxxxx" }
            TextField(
                focused ? form.editor : TextFieldState(shown), focused: focused, mask: mask,
                placeholder: field.placeholder, style: theme.base, placeholderStyle: muted, ellipsis: state.options.symbols.ellipsis
            ).render(in: value, grid: &grid)
            if focused, form.editor.text.isEmpty {
                grid.write(field.placeholder, column: value.x + 2, row: value.y, style: muted, clip: value)
            }
        case .list, .map:
            let count = form.entryTexts(field).count
            let isAddRow = (row.entry ?? 0) >= count
            let placeholder = isAddRow ? (count == 0 ? field.placeholder : "+ " + field.addHint) : "(empty: removed when you leave it)"
            TextField(
                focused ? form.editor : TextFieldState(form.text(of: row)), focused: focused, placeholder: placeholder,
                style: theme.base, placeholderStyle: muted, ellipsis: state.options.symbols.ellipsis
            ).render(in: value, grid: &grid)
            if focused, form.editor.text.isEmpty {
                let hint = isAddRow ? "type to " + field.addHint : "empty: removed when you leave it"
                grid.write(hint, column: value.x + 2, row: value.y, style: muted, clip: value)
            }
        case .toggle:
            let on = form.draft.flag(field)
            let box = on ? "[x]" : "[ ]"
            var boxStyle = theme.style(.accent)
            if focused { boxStyle.reverse = true }
            let end = grid.write(box, column: value.x, row: value.y, style: boxStyle, clip: value)
            grid.write(" " + (on ? "yes" : "no"), column: end, row: value.y, style: on ? theme.base : muted, clip: value)
        case .choice:
            drawChoice(field, form: form, focused: focused, state: state, in: value, grid: &grid, theme: theme)
        }
    }

    static func drawChoice(
        _ field: FormField, form: FormState, focused: Bool, state: AppState, in value: Rect, grid: inout CellGrid, theme: Theme
    ) {
        let choices = form.draft.choices(field)
        let current = form.draft.choice(field)
        var selected = theme.style(.accent).merged(with: Style(bold: true, underline: true))
        if focused { selected.reverse = true }
        let muted = theme.style(.textMuted)
        let inlineWidth =
            choices.reduce(0) { $0 + DisplayWidth.of($1) + 2 } + (choices.contains(current) ? 0 : DisplayWidth.of(current) + 2)
        var column = value.x
        if inlineWidth <= value.width {
            if !choices.contains(current) {
                column = grid.write(
                    sanitizeForDisplay(current), column: column, row: value.y,
                    style: theme.style(.error).merged(with: Style(reverse: focused)), clip: value)
                column += 2
            }
            for choice in choices {
                column = grid.write(choice, column: column, row: value.y, style: choice == current ? selected : muted, clip: value)
                column += 2
            }
        } else {
            let known = choices.contains(current)
            column = grid.write(
                sanitizeForDisplay(current), column: column, row: value.y,
                style: known ? selected : theme.style(.error).merged(with: Style(reverse: focused)),
                clip: value)
            grid.write(state.options.unicode ? " ▾" : " v", column: column, row: value.y, style: muted, clip: value)
        }
    }

    static func renderPicker(
        _ picker: FormPicker, state: AppState, rowY: Int, content: Rect, within panel: Rect, grid: inout CellGrid, theme: Theme
    ) {
        let width = min(panel.maxX - (content.x + 2 + labelWidth), (picker.labels.map { DisplayWidth.of($0) }.max() ?? 0) + 4)
        let height = min(picker.labels.count + 2, max(3, panel.height - 2))
        var y = rowY + 1
        if y + height > panel.maxY { y = max(panel.y, rowY - height) }
        let box = Rect(x: content.x + 2 + labelWidth - 1, y: y, width: max(6, width), height: height)
        let inner = Panel(title: "", focused: true, glyphs: state.options.glyphs, symbols: state.options.symbols)
            .render(in: box, grid: &grid, theme: theme)
        let visible = max(1, inner.height)
        let first = min(max(0, picker.selected - visible + 1), max(0, picker.labels.count - visible))
        for (offset, label) in picker.labels.dropFirst(first).prefix(visible).enumerated() {
            let index = first + offset
            let line = Rect(x: inner.x, y: inner.y + offset, width: inner.width, height: 1)
            let style = index == picker.selected ? theme.style(.listSelected) : theme.style(.listItem)
            grid.fill(line, style: style)
            grid.write(" " + sanitizeForDisplay(label), column: line.x, row: line.y, style: style, clip: line)
        }
    }

    static func renderSide(_ form: FormState, state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        let field = form.focus.field
        let inner = Panel(title: "Help · \(field.label)", glyphs: state.options.glyphs, symbols: state.options.symbols)
            .render(in: area, grid: &grid, theme: theme)
        let content = inner.inset(left: 1, right: 1)
        guard content.width > 0, content.height > 0 else { return }
        let unicode = state.options.unicode
        var lines: [(String, Style)] = []
        for text in TextWrap.wrap(field.help, width: content.width) { lines.append((text, theme.base)) }
        if field.input == .list || field.input == .map {
            lines.append(("", theme.base))
            for text in TextWrap.wrap(
                "One entry per row: type on the last row to add one; clear an entry (ctrl+u) to remove it.", width: content.width)
            {
                lines.append((text, theme.style(.textMuted)))
            }
        }
        lines.append(("", theme.base))
        lines.append(("Checks", theme.style(.tableSection)))
        let issues = form.issues
        let errors = form.errorCount
        let warnings = form.warningCount
        if issues.isEmpty && form.conflict == nil {
            lines.append(((unicode ? "✓ " : "ok ") + "no problems; ctrl+s applies and saves", theme.style(.success)))
        } else {
            var summary: [String] = []
            if errors > 0 { summary.append("\(errors) error\(errors == 1 ? "" : "s")") }
            if warnings > 0 { summary.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
            if !summary.isEmpty {
                lines.append((summary.joined(separator: ", "), theme.style(errors > 0 ? .error : .warning).merged(with: Style(bold: true))))
            }
            if let conflict = form.conflict {
                for text in TextWrap.wrap(
                    "\(mark(.error, unicode)) conflicts with \(App.describe(conflict)); ctrl+g opens it", width: content.width)
                {
                    lines.append((text, theme.style(.error)))
                }
            }
            for issue in issues {
                let prefix = issue.field.map { "\($0.label): " } ?? ""
                for text in TextWrap.wrap(
                    "\(mark(issue.severity, unicode)) \(prefix)\(sanitizeForDisplay(issue.message))", width: content.width)
                {
                    lines.append((text, theme.style(issue.severity == .error ? .error : .warning)))
                }
            }
        }
        var keys = [
            "tab ↑↓  next / previous field", "enter   toggle, pick, next", "ctrl+s  apply, save", "ctrl+z  undo", "esc     leave",
        ]
        if form.draft.fields.contains(.authPassword) { keys.append("ctrl+r  show or hide the password") }
        if !unicode { keys[0] = "tab     next / previous field" }
        let room = content.height - lines.count - 1
        if room >= keys.count + 1 {
            lines.append(("", theme.base))
            lines.append(("Keys", theme.style(.tableSection)))
            for key in keys.prefix(room - 1) { lines.append((key, theme.style(.textMuted))) }
        }
        for (offset, line) in lines.prefix(content.height).enumerated() {
            grid.write(line.0, column: content.x, row: content.y + offset, style: line.1, clip: content)
        }
    }
}
