import TerminalKit

extension App {
    /// `x`: opens the export screen.
    static func openExport(_ state: inout AppState) -> [Effect] {
        state.exporter = ExportState()
        state.screen = .export
        return []
    }

    static func handleExportKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        if key == .escape { state.screen = .browse }
        return []
    }

    static func exportWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        []
    }

    /// The user confirmed replacing the existing export file.
    static func overwriteExport(_ state: inout AppState) -> [Effect] {
        []
    }
}

enum ExportView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {}
}
