import TerminalKit

extension KeyMap {
    static let exportBindings: [KeyBinding] = [
        bind([.escape], .back, "back", "In export", hint: 1, in: [.export], palette: false)
    ]
}
