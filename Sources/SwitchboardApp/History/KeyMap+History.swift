import TerminalKit

extension KeyMap {
    static let historyBindings: [KeyBinding] = [
        bind([.escape], .back, "back", "In history", hint: 1, in: [.history], palette: false)
    ]
}
