import TerminalKit

extension KeyMap {
    /// Shown as hints and in help; the keys themselves are read by ``App/handleConfirmKey(_:_:)``
    /// (each answer's own letter picks it too).
    static let confirmBindings: [KeyBinding] = [
        bind([.enter], .runCommand, "choose the highlighted answer", "In a question", hint: 1, in: [.confirm], palette: false),
        bind([.escape], .closeOverlay, "cancel", "In a question", hint: 2, in: [.confirm], palette: false),
        bind([.tab, .right], .moveDown, "next answer", "In a question", in: [.confirm], palette: false),
    ]
}
