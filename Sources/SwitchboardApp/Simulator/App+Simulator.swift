import SwitchboardCore
import TerminalKit

extension App {
    /// `c`: opens the call simulator.
    static func openSimulator(_ state: inout AppState) -> [Effect] {
        state.screen = .simulator
        return []
    }

    /// Runs `call` against the workspace as edited now (the simulator's Enter, and a re-run
    /// from the history); the result arrives as ``Message/callFinished(_:)``.
    static func startCall(_ call: SimulatedCall, _ state: inout AppState) -> [Effect] {
        []
    }

    static func handleSimulatorKey(_ state: inout AppState, _ key: Key, _ action: AppAction?) -> [Effect] {
        if key == .escape { state.screen = .browse }
        return []
    }

    static func callFinished(_ result: CallResult, _ state: inout AppState) -> [Effect] {
        []
    }
}

enum SimulatorView {
    static func render(_ state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {}
}
