import SwitchboardCore
import TerminalKit

extension App {
    /// Asks a question; the answer comes back through ``confirmed(_:_:)``.
    static func confirm(_ confirmation: Confirmation, _ state: inout AppState) {
        state.overlay = .confirm(confirmation)
    }

    /// Keys while a confirmation is open: an answer's letter picks it, arrows and Tab move the
    /// highlight, Enter picks the highlighted answer, Esc cancels.
    static func handleConfirmKey(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard case .confirm(var confirmation) = state.overlay else { return [] }
        let count = confirmation.choices.count
        switch key {
        case .escape:
            state.overlay = .none
            return confirmed(.cancel, &state)
        case .left, .backTab, .up:
            confirmation.focused = (confirmation.focused + count - 1) % max(1, count)
        case .right, .tab, .down:
            confirmation.focused = (confirmation.focused + 1) % max(1, count)
        case .enter:
            guard confirmation.choices.indices.contains(confirmation.focused) else { return [] }
            state.overlay = .none
            return confirmed(confirmation.choices[confirmation.focused].intent, &state)
        case .char(let character):
            let lowered = Character(character.lowercased())
            guard let choice = confirmation.choices.first(where: { $0.key == lowered }) else { return [] }
            state.overlay = .none
            return confirmed(choice.intent, &state)
        default:
            return []
        }
        state.overlay = .confirm(confirmation)
        return []
    }

    /// Carries out an answer. The overlay is already closed; each case belongs to the screen
    /// that asked.
    static func confirmed(_ intent: ConfirmIntent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .cancel:
            return []
        case .quitDiscardingEdits:
            return quitDiscardingEdits(&state)
        case .saveAndQuit:
            return saveAndQuit(&state)
        case .reloadDiscardingEdits:
            return reloadDiscardingEdits(&state)
        case .leaveFormDiscarding:
            return leaveFormDiscarding(&state)
        case .applyFormAndLeave:
            return applyFormAndLeave(&state)
        case .deleteItem(let key):
            return deleteItem(key, &state)
        case .revertToSaved:
            return revertToSaved(&state)
        case .overwriteExport:
            return overwriteExport(&state)
        case .replaceScenario:
            return replaceScenario(&state)
        case .restoreRecovery:
            return restoreRecovery(&state)
        case .discardRecovery:
            return discardRecovery(&state)
        case .pullOverLocalChanges:
            return pullOverLocalChanges(&state)
        }
    }

    /// Draws the open confirmation over the screen; answers show their key (`[y] Delete`).
    static func renderConfirmation(_ confirmation: Confirmation, state: AppState, in area: Rect, grid: inout CellGrid, theme: Theme) {
        Modal(
            title: confirmation.title, message: confirmation.message,
            buttons: confirmation.choices.map { "\($0.key) \($0.label)" }, focusedButton: confirmation.focused,
            glyphs: state.options.glyphs, symbols: state.options.symbols
        ).render(in: area, grid: &grid, theme: theme)
    }
}
