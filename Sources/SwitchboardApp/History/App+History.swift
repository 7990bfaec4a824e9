import TerminalKit

extension App {
    /// Opens the run history.
    static func openHistory(_ state: inout AppState) -> [Effect] {
        state.screen = .history
        return []
    }

    /// A run was saved as a scenario (or could not be).
    static func scenarioWritten(_ result: FileWriteResult, _ state: inout AppState) -> [Effect] {
        []
    }

    static func handleHistoryKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        if key == .escape { state.screen = .browse }
        return []
    }
}

enum HistoryView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {}
}
