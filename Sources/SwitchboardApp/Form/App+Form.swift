import SwitchboardCore
import TerminalKit

extension App {
    /// How a form starts.
    enum FormStart {
        /// `e`: the selected item.
        case edit
        /// `n`: a new item of the current tab.
        case new
        /// `d`: a copy of the selected item, with a new ID.
        case duplicate
    }

    static func openForm(_ start: FormStart, _ state: inout AppState) -> [Effect] {
        []
    }

    static func handleFormKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        if key == .escape {
            state.form = nil
            state.screen = .browse
        }
        return []
    }

    static func leaveFormDiscarding(_ state: inout AppState) -> [Effect] {
        state.form = nil
        state.screen = .browse
        return []
    }

    static func applyFormAndLeave(_ state: inout AppState) -> [Effect] {
        state.form = nil
        state.screen = .browse
        return []
    }
}

enum FormView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {}
}
