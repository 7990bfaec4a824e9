import TerminalKit

extension KeyMap {
    static let formBindings: [KeyBinding] = [
        bind([.escape], .back, "back", "In form", hint: 1, in: [.form], palette: false)
    ]
}
