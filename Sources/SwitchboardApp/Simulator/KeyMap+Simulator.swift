import TerminalKit

extension KeyMap {
    static let simulatorBindings: [KeyBinding] = [
        bind([.escape], .back, "back", "In simulator", hint: 1, in: [.simulator], palette: false)
    ]
}
