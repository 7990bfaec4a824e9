import SwitchboardCore
import TerminalKit

/// Draws the export screen: the settings (format, key names, target, warnings, the last
/// error) above a scrollable preview of exactly what will be written.
enum ExportView {
    /// Warnings shown before "… N more".
    static let shownWarnings = 3

    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        guard let exporter = state.exporter else { return }
        let settings = area.top(settingsHeight(exporter))
        let previewRect = area.inset(top: settings.height)
        renderSettings(exporter, state: state, in: settings, grid: &grid, theme: theme)
        renderPreview(exporter, state: state, in: previewRect, grid: &grid, theme: theme)
    }

    static func settingsHeight(_ exporter: ExportState) -> Int {
        let warnings = min(exporter.warnings.count, shownWarnings) + (exporter.warnings.count > shownWarnings ? 1 : 0)
        return 2 + 4 + warnings + (exporter.error == nil ? 0 : 1)
    }

    static func renderSettings(_ exporter: ExportState, state: AppState, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let note = exporter.batch != nil ? "writing…" : nil
        let inner = Panel(
            title: "Export", trailingTitle: note, focused: !exporter.editingPath, glyphs: state.options.glyphs,
            symbols: state.options.symbols
        ).render(in: rect, grid: &grid, theme: theme)
        guard inner.height > 0, inner.width > 12 else { return }
        let labelWidth = 9
        let valueX = inner.x + 1 + labelWidth
        let value = { (row: Int) in Rect(x: valueX, y: inner.y + row, width: max(0, inner.maxX - valueX - 1), height: 1) }
        func label(_ text: String, _ row: Int) {
            guard row < inner.height else { return }
            grid.write(text, column: inner.x + 1, row: inner.y + row, style: theme.style(.tableKey), clip: inner)
        }
        label("Format", 0)
        Tabs(
            titles: ExportFormat.allCases.map(\.rawValue), selected: ExportFormat.allCases.firstIndex(of: exporter.format) ?? 0,
            symbols: state.options.symbols
        ).render(in: value(0), grid: &grid, theme: theme)
        label("Names", 1)
        if inner.height > 1 {
            Tabs(
                titles: NameStyle.allCases.map(\.rawValue), selected: NameStyle.allCases.firstIndex(of: exporter.names) ?? 0,
                symbols: state.options.symbols
            ).render(in: value(1), grid: &grid, theme: theme)
        }
        label(exporter.format.writesDirectory ? "Directory" : "File", 2)
        if inner.height > 2 {
            let field = value(2)
            if exporter.editingPath {
                HistoryView.renderTextField(exporter.path, in: field.inset(left: 1), state: state, grid: &grid, theme: theme)
            } else {
                grid.write(
                    " "
                        + DisplayWidth.truncate(
                            sanitizeForDisplay(exporter.path.text), to: field.width - 1, ellipsis: state.options.symbols.ellipsis),
                    column: field.x, row: field.y, style: theme.style(.accent), clip: field)
            }
        }
        if inner.height > 3 {
            let count = exporter.files.count
            var summary = exporter.format.summary
            if exporter.format.writesDirectory { summary += " · \(count) file" + (count == 1 ? "" : "s") }
            summary += " · " + SimulatorContent.size(exporter.totalBytes)
            let line = Rect(x: valueX + 1, y: inner.y + 3, width: max(0, inner.maxX - valueX - 2), height: 1)
            grid.write(
                DisplayWidth.truncate(summary, to: line.width, ellipsis: state.options.symbols.ellipsis), column: line.x, row: line.y,
                style: theme.style(.textMuted), clip: line)
        }
        var row = 4
        let warningMark = state.options.unicode ? "⚠ " : "! "
        for warning in exporter.warnings.prefix(shownWarnings) where row < inner.height {
            writeLine(warningMark + warning, row: row, inner: inner, style: theme.style(.warning), state: state, grid: &grid)
            row += 1
        }
        if exporter.warnings.count > shownWarnings, row < inner.height {
            let more = exporter.warnings.count - shownWarnings
            writeLine(
                "… \(more) more warning" + (more == 1 ? "" : "s"), row: row, inner: inner, style: theme.style(.warning), state: state,
                grid: &grid)
            row += 1
        }
        if let error = exporter.error, row < inner.height {
            var style = theme.style(.error)
            style.bold = true
            writeLine(error, row: row, inner: inner, style: style, state: state, grid: &grid)
        }
    }

    static func writeLine(_ text: String, row: Int, inner: Rect, style: Style, state: AppState, grid: inout CellGrid) {
        let line = Rect(x: inner.x + 1, y: inner.y + row, width: inner.width - 2, height: 1)
        grid.write(
            DisplayWidth.truncate(text, to: line.width, ellipsis: state.options.symbols.ellipsis), column: line.x, row: line.y,
            style: style, clip: line)
    }

    static func renderPreview(_ exporter: ExportState, state: AppState, in rect: Rect, grid: inout CellGrid, theme: Theme) {
        let note: String
        if exporter.format.writesDirectory {
            note = "\(exporter.files.count) files · " + SimulatorContent.size(exporter.totalBytes)
        } else {
            let name = exporter.path.text.split(separator: "/").last.map(String.init) ?? exporter.path.text
            note = sanitizeForDisplay(name) + " · " + SimulatorContent.size(exporter.totalBytes)
        }
        Panel(
            title: "Preview", trailingTitle: note, focused: false, glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: rect, grid: &grid, theme: theme)
        let area = SimulatorLayout.textArea(rect)
        guard !area.isEmpty else { return }
        let total = SimulatorView.wrappedCount(exporter.preview, width: area.width)
        let offset = min(exporter.offset, max(0, total - area.height))
        SimulatorView.renderLines(exporter.preview, offset: offset, in: area, grid: &grid, theme: theme)
        if total > area.height {
            let text = " \(offset + 1)-\(min(total, offset + area.height))/\(total) "
            let column = rect.maxX - 2 - DisplayWidth.of(text)
            if column > rect.x + 1 { grid.write(text, column: column, row: rect.maxY - 1, style: theme.style(.listPosition)) }
        }
    }

    /// The largest useful preview offset at the current size.
    static func maxOffset(_ exporter: ExportState, state: AppState) -> Int {
        let body = state.layout.body
        let previewRect = body.inset(top: settingsHeight(exporter))
        let area = SimulatorLayout.textArea(previewRect)
        guard area.width > 0 else { return 0 }
        return max(0, SimulatorView.wrappedCount(exporter.preview, width: area.width) - area.height)
    }
}
